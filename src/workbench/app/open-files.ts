/**
 * The file tree (each pack's files, with the unsaved ones marked) and opening a file: its buffer
 * read from disk or restored from a draft, loaded into the editor at a line, with an inspection
 * of its pack chosen for the sheet.
 */
import type { FileVersion } from './api-types.js';
import { loadText, offsetOf, showDiagnostics } from './build-editor.js';
import { callApi } from './call-api.js';
import { dropDraft, readDraft } from './keep-drafts.js';
import { byId, h, replaceChildren } from './make-element.js';
import { INSPECTION_KEY, OPEN_KEY, dirtyFiles, packOf, silent, state, status, view, type Buffer } from './page-state.js';

export function renderTree(): void {
  const dirty = new Set(Object.keys(dirtyFiles()));
  replaceChildren(
    byId('tree'),
    state.packs.map((pack) =>
      h(
        'section',
        {},
        h('h3', {}, pack.title || pack.id, ' ', h('span', { class: 'muted' }, `${pack.id} ${pack.version}`)),
        h(
          'ul',
          {},
          pack.files.map((f) => {
            const name = f.path.slice(pack.path.length + 1);
            const button = h(
              'button',
              { type: 'button', 'aria-current': f.path === state.open ? 'true' : undefined, 'data-path': f.path },
              dirty.has(f.path) ? h('span', { class: 'dirty', title: 'unsaved' }, '● ') : null,
              dirty.has(f.path) ? h('span', { class: 'visually-hidden' }, 'unsaved: ') : null,
              name,
              ' ',
              h('span', { class: 'role' }, f.role),
            );
            button.addEventListener('click', () => void openFile(f.path));
            return h('li', {}, button);
          }),
        ),
      ),
    ),
  );
}

export async function readBuffer(path: string): Promise<Buffer> {
  let buffer = state.buffers.get(path);
  if (buffer) return buffer;
  const base = await callApi<FileVersion>('GET', `/v1/workbench/file?path=${encodeURIComponent(path)}`);
  const draft = readDraft(path);
  buffer = { text: draft && draft.text !== base.text ? draft.text : base.text, base };
  if (draft && draft.text === base.text) dropDraft(path);
  state.buffers.set(path, buffer);
  return buffer;
}

export async function openFile(path: string, line?: number, column?: number): Promise<void> {
  let buffer: Buffer;
  try {
    buffer = await readBuffer(path);
  } catch (error) {
    status(`Cannot open ${path}: ${(error as Error).message}`);
    return;
  }
  if (state.open !== path) {
    state.open = path;
    localStorage.setItem(OPEN_KEY, path);
    loadText(view, buffer.text, silent);
    byId('file-title').textContent = path;
    renderTree();
    const draft = readDraft(path);
    const notice = byId('notice');
    if (draft && buffer.text !== buffer.base.text) {
      notice.textContent =
        draft.baseHash !== buffer.base.hash
          ? `Unsaved edits restored (from ${draft.savedAt}). The file has changed on disk since: saving will show both versions.`
          : `Unsaved edits restored (from ${draft.savedAt}).`;
      notice.hidden = false;
    } else {
      notice.hidden = true;
    }
    chooseInspectionFor(path);
    showDiagnostics(
      view,
      state.problems.filter((d) => d.file === path),
    );
  }
  if (line !== undefined) {
    const at = offsetOf(view, line, column ?? 1);
    view.dispatch({ selection: { anchor: at }, scrollIntoView: true });
  }
  view.focus();
}

function inspectionsFor(path: string): string[] {
  const pack = packOf(path);
  return pack ? pack.inspections : [];
}

function chooseInspectionFor(path: string): void {
  const select = byId<HTMLSelectElement>('inspection');
  const usable = inspectionsFor(path);
  if (usable.length > 0 && !usable.includes(select.value)) {
    select.value = usable[0]!;
    localStorage.setItem(INSPECTION_KEY, select.value);
  }
}

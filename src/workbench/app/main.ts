/**
 * The workbench page: files on the left, the editor with its problems in the middle, and the
 * live sheet, explain trace, tests and impact on the right. Every edit is kept as a draft in the
 * browser, sent (debounced) with the other unsaved files for a check, and the panels follow.
 */
import type { EditorView } from '@codemirror/view';
import inspectionSchema from '../../../schemas/inspection.schema.json';
import packPartSchema from '../../../schemas/pack-part.schema.json';
import packTestSchema from '../../../schemas/pack-test.schema.json';
import packSchema from '../../../schemas/pack.schema.json';
import type { CheckOutcome, Diagnostic, FileVersion, ImpactOutcome, PackNames, TestsOutcome, TraceNode, WorkspacePack } from './api-types.js';
import { buildEditor, loadText, offsetOf, showDiagnostics } from './build-editor.js';
import { ApiError, callApi } from './call-api.js';
import type { JsonSchema } from './complete-from-schema.js';
import { dropDraft, listDrafts, readDraft, writeDraft } from './keep-drafts.js';
import { byId, h, replaceChildren } from './make-element.js';
import { showExplain } from './show-explain.js';
import { showImpact } from './show-impact.js';
import { showSheet } from './show-sheet.js';
import { showTests } from './show-tests.js';
import { showConflict } from './show-conflict.js';
import { dedupe, showProblems } from './show-problems.js';
import { selectTab, wireTabs, type TabName } from './switch-tabs.js';

interface Buffer {
  text: string;
  /** The file as last read from or saved to disk. */
  base: FileVersion;
}

/** How long typing must pause before a check is sent (a check takes some tens of milliseconds on the server). */
const CHECK_DELAY_MS = 25;
const FOLLOW_DELAY_MS = 700;
const OPEN_KEY = 'criteria-workbench:open';
const INSPECTION_KEY = 'criteria-workbench:inspection';

const state = {
  packs: [] as WorkspacePack[],
  git: false,
  open: undefined as string | undefined,
  buffers: new Map<string, Buffer>(),
  problems: [] as Diagnostic[],
  problemIndex: -1,
  names: new Map<string, PackNames>(),
  lastCheck: undefined as CheckOutcome | undefined,
  checkController: undefined as AbortController | undefined,
  checkSeq: 0,
  /** The latest test run asked for: an earlier run's answer arriving after it is dropped. */
  testSeq: 0,
  /** The same for impact. */
  impactSeq: 0,
  allValid: false,
  /** What the last save did, shown until the next edit. */
  note: '',
};
const silent = { value: false };
let view: EditorView;

function status(text: string): void {
  byId('status').textContent = text;
}

function packOf(path: string): WorkspacePack | undefined {
  return state.packs.filter((p) => path === p.path || path.startsWith(`${p.path}/`)).sort((a, b) => b.path.length - a.path.length)[0];
}

function dirtyFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const [path, buffer] of state.buffers) if (buffer.text !== buffer.base.text) files[path] = buffer.text;
  return files;
}

function schemaFor(path: string | undefined): JsonSchema | undefined {
  if (!path || !/\.(ya?ml|json)$/.test(path)) return undefined;
  const pack = packOf(path);
  const file = pack?.files.find((f) => f.path === path);
  if (!pack || !file) return undefined;
  if (file.role === 'root') return packSchema;
  if (file.role === 'test') return packTestSchema;
  if (file.role === 'example') return /inspection\.(ya?ml|json)$/.test(path) ? (inspectionSchema) : undefined;
  return packPartSchema;
}

// ---- files -------------------------------------------------------------------------------

function renderTree(): void {
  const dirty = new Set(Object.keys(dirtyFiles()));
  replaceChildren(byId('tree'), state.packs.map((pack) => h('section', {},
    h('h3', {}, pack.title || pack.id, ' ', h('span', { class: 'muted' }, `${pack.id} ${pack.version}`)),
    h('ul', {}, pack.files.map((f) => {
      const name = f.path.slice(pack.path.length + 1);
      const button = h('button', { type: 'button', 'aria-current': f.path === state.open ? 'true' : undefined, 'data-path': f.path },
        dirty.has(f.path) ? h('span', { class: 'dirty', title: 'unsaved' }, '● ') : null,
        dirty.has(f.path) ? h('span', { class: 'visually-hidden' }, 'unsaved: ') : null,
        name, ' ', h('span', { class: 'role' }, f.role));
      button.addEventListener('click', () => void openFile(f.path));
      return h('li', {}, button);
    })))));
}

async function readBuffer(path: string): Promise<Buffer> {
  let buffer = state.buffers.get(path);
  if (buffer) return buffer;
  const base = await callApi<FileVersion>('GET', `/v1/workbench/file?path=${encodeURIComponent(path)}`);
  const draft = readDraft(path);
  buffer = { text: draft && draft.text !== base.text ? draft.text : base.text, base };
  if (draft && draft.text === base.text) dropDraft(path);
  state.buffers.set(path, buffer);
  return buffer;
}

async function openFile(path: string, line?: number, column?: number): Promise<void> {
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
      notice.textContent = draft.baseHash !== buffer.base.hash
        ? `Unsaved edits restored (from ${draft.savedAt}). The file has changed on disk since: saving will show both versions.`
        : `Unsaved edits restored (from ${draft.savedAt}).`;
      notice.hidden = false;
    } else {
      notice.hidden = true;
    }
    chooseInspectionFor(path);
    showDiagnostics(view, state.problems.filter((d) => d.file === path));
  }
  if (line !== undefined) {
    const at = offsetOf(view, line, column ?? 1);
    view.dispatch({ selection: { anchor: at }, scrollIntoView: true });
  }
  view.focus();
}

function onEdit(text: string): void {
  if (silent.value || !state.open) return;
  const buffer = state.buffers.get(state.open);
  if (!buffer) return;
  const wasDirty = buffer.text !== buffer.base.text;
  buffer.text = text;
  const isDirty = text !== buffer.base.text;
  if (isDirty) {
    if (!writeDraft(state.open, text, buffer.base.hash)) status('The browser would not keep a draft (storage full?): save soon.');
  } else {
    dropDraft(state.open);
  }
  if (wasDirty !== isDirty) renderTree();
  state.note = '';
  performance.mark('criteria:edit');
  scheduleCheck();
}

// ---- saving ------------------------------------------------------------------------------

async function save(force = false): Promise<void> {
  const path = state.open;
  const buffer = path ? state.buffers.get(path) : undefined;
  if (!path || !buffer) return;
  try {
    const saved = await callApi<FileVersion>('PUT', '/v1/workbench/file', { path, text: buffer.text, baseHash: buffer.base.hash, force });
    buffer.base = saved;
    dropDraft(path);
    byId('notice').hidden = true;
    renderTree();
    state.note = `Saved ${path}`;
    status(state.note);
  } catch (error) {
    if (error instanceof ApiError && error.status === 409) resolveConflict(path, error.body as { disk: FileVersion; yours: FileVersion });
    else status(`Not saved: ${(error as Error).message}`);
  }
}

/** Keep mine (save over the disk version), or take the disk version into the editor. */
function resolveConflict(path: string, body: { disk: FileVersion; yours: FileVersion }): void {
  const buffer = state.buffers.get(path)!;
  showConflict(path, body, {
    keepMine: () => {
      buffer.base = body.disk;
      void save(true);
    },
    takeDisk: () => {
      buffer.base = body.disk;
      buffer.text = body.disk.text;
      dropDraft(path);
      if (state.open === path) loadText(view, body.disk.text, silent);
      renderTree();
      scheduleCheck();
    },
  });
}

// ---- checking ----------------------------------------------------------------------------

let checkTimer: number | undefined;
let followTimer: number | undefined;

function scheduleCheck(): void {
  clearTimeout(checkTimer);
  checkTimer = window.setTimeout(() => void runCheck(), CHECK_DELAY_MS);
}

function packsToCheck(): string[] {
  const paths = new Set<string>();
  for (const path of [state.open, ...Object.keys(dirtyFiles())]) {
    const pack = path ? packOf(path) : undefined;
    if (pack) paths.add(pack.path);
  }
  return [...paths];
}

async function runCheck(): Promise<void> {
  state.checkController?.abort();
  const controller = new AbortController();
  state.checkController = controller;
  const seq = ++state.checkSeq;
  const inspection = byId<HTMLSelectElement>('inspection').value || undefined;
  const began = performance.now();
  let outcome: CheckOutcome;
  try {
    outcome = await callApi<CheckOutcome>('POST', '/v1/workbench/check', { packs: packsToCheck(), ...(inspection ? { inspection } : {}), files: dirtyFiles() }, controller.signal);
  } catch (error) {
    if ((error as Error).name !== 'AbortError') status(`Check failed: ${(error as Error).message}`);
    return;
  }
  if (seq !== state.checkSeq) return;
  state.lastCheck = outcome;
  const problems = dedupe([...outcome.packs.flatMap((p) => p.diagnostics), ...(outcome.sheet?.errors ?? [])]);
  for (const p of outcome.packs) if (p.names) state.names.set(p.path, p.names);
  state.problems = problems;
  state.problemIndex = -1;
  showProblems(problems, goToProblem);
  showDiagnostics(view, problems.filter((d) => d.file === state.open));
  // Marks for measuring keystroke to diagnostics and to sheet (npm run bench reads them).
  performance.mark('criteria:diagnostics');
  const errors = problems.filter((d) => d.severity === 'error').length;
  state.allValid = errors === 0 && outcome.packs.every((p) => p.valid);
  const sheetState = byId('sheet-state');
  if (outcome.sheet?.html) {
    showSheet(byId<HTMLIFrameElement>('sheet'), outcome.sheet.html, outcome.sheet.results ?? [], (id) => void explain(id), () => performance.mark('criteria:sheet'));
    sheetState.hidden = true;
  } else if (outcome.sheet?.errors) {
    sheetState.textContent = `The sheet shows the last edit that scored: ${outcome.sheet.errors.length} problem${outcome.sheet.errors.length === 1 ? '' : 's'} now.`;
    sheetState.hidden = false;
  }
  status(`${state.note ? `${state.note} · ` : ''}${errors === 0 ? 'No errors' : `${errors} error${errors === 1 ? '' : 's'}`} · checked in ${Math.round(performance.now() - began)} ms`);
  if (state.allValid) scheduleFollowUps();
}

function goToProblem(index: number): void {
  const d = state.problems[index];
  if (!d) return;
  state.problemIndex = index;
  if (d.file) void openFile(d.file, d.line, d.column);
}

function nextProblem(): void {
  if (state.problems.length === 0) {
    status('No problems');
    return;
  }
  goToProblem((state.problemIndex + 1) % state.problems.length);
}

// ---- sheet, explain, tests, impact -------------------------------------------------------

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

/** Explains a result (by its id) or follows one case (by its case id) through every question. */
async function explain(id: string, asCase = false): Promise<void> {
  const inspection = byId<HTMLSelectElement>('inspection').value;
  if (!inspection) return;
  const panel = byId('explain');
  try {
    const outcome = await callApi<{ trace: TraceNode; text: string } | { errors: Diagnostic[] }>('POST', '/v1/workbench/explain', { inspection, ...(asCase ? { caseId: id } : { id }), files: dirtyFiles() });
    if ('errors' in outcome) replaceChildren(panel, h('p', { class: 'bad' }, outcome.errors.map((e) => `${e.code} ${e.message}${e.hint ? ` — ${e.hint}` : ''}`).join('; ')));
    else showExplain(panel, outcome.trace, asCase ? `Case ${id}` : id);
  } catch (error) {
    replaceChildren(panel, h('p', { class: 'bad' }, (error as Error).message));
  }
  showTab('explain');
}

function currentPack(): WorkspacePack | undefined {
  return state.open ? packOf(state.open) : undefined;
}

async function runTests(): Promise<void> {
  const pack = currentPack();
  if (!pack) return;
  const panel = byId('tests');
  const seq = ++state.testSeq;
  panel.setAttribute('aria-busy', 'true');
  try {
    const run = await callApi<TestsOutcome>('POST', '/v1/workbench/tests', { pack: pack.path, files: dirtyFiles() });
    if (seq !== state.testSeq) return;
    showTests(panel, run, (file, line, column) => void openFile(file, line, column));
    const tab = byId('tab-tests');
    tab.textContent = 'errors' in run ? 'Tests (!)' : run.failed > 0 ? `Tests (${run.failed} failed)` : 'Tests';
  } catch (error) {
    if (seq === state.testSeq) replaceChildren(panel, h('p', { class: 'bad' }, (error as Error).message));
  } finally {
    if (seq === state.testSeq) panel.removeAttribute('aria-busy');
  }
}

async function runImpact(): Promise<void> {
  const pack = currentPack();
  if (!pack) return;
  const panel = byId('impact');
  const choice = byId<HTMLSelectElement>('against').value;
  const against = choice.startsWith('pack:') ? { pack: choice.slice(5) } : { ref: choice || 'HEAD' };
  const seq = ++state.impactSeq;
  panel.setAttribute('aria-busy', 'true');
  try {
    const impact = await callApi<ImpactOutcome>('POST', '/v1/workbench/impact', { pack: pack.path, against, files: dirtyFiles() });
    if (seq !== state.impactSeq) return;
    showImpact(panel, impact);
  } catch (error) {
    if (seq === state.impactSeq) replaceChildren(panel, h('p', { class: 'bad' }, (error as Error).message));
  } finally {
    if (seq === state.impactSeq) panel.removeAttribute('aria-busy');
  }
}

async function fillVersions(): Promise<void> {
  const pack = currentPack();
  const select = byId<HTMLSelectElement>('against');
  const options: HTMLOptionElement[] = [];
  if (pack && state.git) {
    const versions = await callApi<{ commits: Array<{ ref: string; short: string; date: string; subject: string }>; tags: string[] }>('GET', `/v1/workbench/versions?pack=${encodeURIComponent(pack.path)}`).catch(() => ({ commits: [], tags: [] }));
    options.push(h('option', { value: 'HEAD' }, 'the last commit (HEAD)'));
    for (const c of versions.commits) options.push(h('option', { value: c.ref }, `${c.short} ${c.date} ${c.subject}`));
    for (const t of versions.tags) options.push(h('option', { value: t }, `tag ${t}`));
  }
  for (const other of state.packs.filter((p) => p !== pack && p.kind === pack?.kind)) options.push(h('option', { value: `pack:${other.path}` }, `folder ${other.path} (${other.id} ${other.version})`));
  replaceChildren(select, options);
}

function scheduleFollowUps(): void {
  clearTimeout(followTimer);
  followTimer = window.setTimeout(() => {
    void runTests();
    if (!byId('panel-impact').hidden) void runImpact();
  }, FOLLOW_DELAY_MS);
}

function onTab(name: TabName): void {
  if (name === 'impact') void fillVersions().then(() => runImpact());
}

function showTab(name: TabName): void {
  selectTab(name, onTab);
}

// ---- start -------------------------------------------------------------------------------

async function start(): Promise<void> {
  view = buildEditor(byId('editor'), {
    onChange: onEdit,
    save: () => void save(),
    nextProblem,
    runTests: () => {
      showTab('tests');
      void runTests();
    },
    schema: () => schemaFor(state.open),
    names: () => {
      const pack = currentPack();
      return pack ? state.names.get(pack.path) : undefined;
    },
  });
  wireTabs(onTab);
  byId('save').addEventListener('click', () => void save());
  byId('run-tests').addEventListener('click', () => {
    showTab('tests');
    void runTests();
  });
  byId('compare').addEventListener('click', () => void runImpact());
  byId('case-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const id = byId<HTMLInputElement>('case-id').value.trim();
    if (id) void explain(id, true);
  });
  byId('inspection').addEventListener('change', () => {
    localStorage.setItem(INSPECTION_KEY, byId<HTMLSelectElement>('inspection').value);
    scheduleCheck();
  });
  document.addEventListener('keydown', (event) => {
    if ((event.ctrlKey || event.metaKey) && event.key === 's') {
      event.preventDefault();
      void save();
    } else if (event.key === 'F8') {
      event.preventDefault();
      nextProblem();
    }
  });
  window.addEventListener('beforeunload', (event) => {
    // Drafts are kept in storage; still say so when leaving with unsaved edits.
    if (Object.keys(dirtyFiles()).length > 0) event.preventDefault();
  });
  let listed: { packs: WorkspacePack[]; git: boolean };
  try {
    listed = await callApi('GET', '/v1/workbench/packs');
  } catch (error) {
    status((error as Error).message);
    return;
  }
  state.packs = listed.packs;
  state.git = listed.git;
  const inspections = [...new Set(state.packs.flatMap((p) => p.inspections))].sort();
  replaceChildren(byId('inspection'), inspections.map((i) => h('option', { value: i }, i)));
  const remembered = localStorage.getItem(INSPECTION_KEY);
  if (remembered && inspections.includes(remembered)) byId<HTMLSelectElement>('inspection').value = remembered;
  // Files with drafts are read first, so the first check already carries their edits.
  const known = new Set(state.packs.flatMap((p) => p.files.map((f) => f.path)));
  const drafts = listDrafts().filter((p) => known.has(p));
  await Promise.all(drafts.map((p) => readBuffer(p).catch(() => undefined)));
  const restored = drafts.filter((p) => { const b = state.buffers.get(p); return b && b.text !== b.base.text; });
  renderTree();
  const open = localStorage.getItem(OPEN_KEY);
  await openFile(open && known.has(open) ? open : (state.packs[0]?.root ?? ''));
  if (restored.length > 0) status(`Restored unsaved edits of ${restored.join(', ')}`);
  await runCheck();
}

void start();

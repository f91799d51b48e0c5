/**
 * What becomes of an edit: the buffer takes it, a draft keeps it in the browser, the tree marks
 * the file unsaved and a check is scheduled; saving writes it to disk, and a conflict with a
 * newer version on disk is resolved by keeping mine or taking the disk's.
 */
import type { FileVersion } from './api-types.js';
import { loadText } from './build-editor.js';
import { ApiError, callApi } from './call-api.js';
import { dropDraft, writeDraft } from './keep-drafts.js';
import { byId } from './make-element.js';
import { renderTree } from './open-files.js';
import { silent, state, status, view } from './page-state.js';
import { scheduleCheck } from './run-check.js';
import { showConflict } from './show-conflict.js';

export function onEdit(text: string): void {
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

export async function save(force = false): Promise<void> {
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

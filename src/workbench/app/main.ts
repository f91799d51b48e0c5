/**
 * The workbench page: files on the left, the editor with its problems in the middle, and the
 * live sheet, explain trace, tests and impact on the right. Every edit is kept as a draft in the
 * browser, sent (debounced) with the other unsaved files for a check, and the panels follow.
 */
import type { WorkspacePack } from './api-types.js';
import { buildEditor } from './build-editor.js';
import { callApi } from './call-api.js';
import { schemaFor } from './choose-schema.js';
import { explain, onTab, runImpact, runTests, showTab } from './fill-panels.js';
import { listDrafts } from './keep-drafts.js';
import { byId, h, replaceChildren } from './make-element.js';
import { openFile, readBuffer, renderTree } from './open-files.js';
import { INSPECTION_KEY, OPEN_KEY, currentPack, dirtyFiles, setView, state, status } from './page-state.js';
import { nextProblem, runCheck, scheduleCheck } from './run-check.js';
import { onEdit, save } from './save-edits.js';
import { wireTabs } from './switch-tabs.js';

async function start(): Promise<void> {
  setView(
    buildEditor(byId('editor'), {
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
    }),
  );
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
  replaceChildren(
    byId('inspection'),
    inspections.map((i) => h('option', { value: i }, i)),
  );
  const remembered = localStorage.getItem(INSPECTION_KEY);
  if (remembered && inspections.includes(remembered)) byId<HTMLSelectElement>('inspection').value = remembered;
  // Files with drafts are read first, so the first check already carries their edits.
  const known = new Set(state.packs.flatMap((p) => p.files.map((f) => f.path)));
  const drafts = listDrafts().filter((p) => known.has(p));
  await Promise.all(drafts.map((p) => readBuffer(p).catch(() => undefined)));
  const restored = drafts.filter((p) => {
    const b = state.buffers.get(p);
    return b && b.text !== b.base.text;
  });
  renderTree();
  const open = localStorage.getItem(OPEN_KEY);
  await openFile(open && known.has(open) ? open : (state.packs[0]?.root ?? ''));
  if (restored.length > 0) status(`Restored unsaved edits of ${restored.join(', ')}`);
  await runCheck();
}

void start();

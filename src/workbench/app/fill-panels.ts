/**
 * The panels beside the sheet: explain a result (by its id) or follow one case, run the pack's
 * tests, and compare it with another version (impact) chosen from its commits, tags or the other
 * packs of its kind; the tabs that show them, and the tests and impact run again once a check
 * finds everything valid. A late answer to an earlier run is dropped.
 */
import type { Diagnostic, ImpactOutcome, TestsOutcome, TraceNode } from './api-types.js';
import { callApi } from './call-api.js';
import { byId, h, replaceChildren } from './make-element.js';
import { openFile } from './open-files.js';
import { currentPack, dirtyFiles, state } from './page-state.js';
import { showExplain } from './show-explain.js';
import { showImpact } from './show-impact.js';
import { showTests } from './show-tests.js';
import { selectTab, type TabName } from './switch-tabs.js';

const FOLLOW_DELAY_MS = 700;
let followTimer: number | undefined;

/** Explains a result (by its id) or follows one case (by its case id) through every question. */
export async function explain(id: string, asCase = false): Promise<void> {
  const inspection = byId<HTMLSelectElement>('inspection').value;
  if (!inspection) return;
  const panel = byId('explain');
  try {
    const outcome = await callApi<{ trace: TraceNode; text: string } | { errors: Diagnostic[] }>('POST', '/v1/workbench/explain', {
      inspection,
      ...(asCase ? { caseId: id } : { id }),
      files: dirtyFiles(),
    });
    if ('errors' in outcome)
      replaceChildren(panel, h('p', { class: 'bad' }, outcome.errors.map((e) => `${e.code} ${e.message}${e.hint ? ` — ${e.hint}` : ''}`).join('; ')));
    else showExplain(panel, outcome.trace, asCase ? `Case ${id}` : id);
  } catch (error) {
    replaceChildren(panel, h('p', { class: 'bad' }, (error as Error).message));
  }
  showTab('explain');
}

export async function runTests(): Promise<void> {
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

export async function runImpact(): Promise<void> {
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
    const versions = await callApi<{ commits: Array<{ ref: string; short: string; date: string; subject: string }>; tags: string[] }>(
      'GET',
      `/v1/workbench/versions?pack=${encodeURIComponent(pack.path)}`,
    ).catch(() => ({ commits: [], tags: [] }));
    options.push(h('option', { value: 'HEAD' }, 'the last commit (HEAD)'));
    for (const c of versions.commits) options.push(h('option', { value: c.ref }, `${c.short} ${c.date} ${c.subject}`));
    for (const t of versions.tags) options.push(h('option', { value: t }, `tag ${t}`));
  }
  for (const other of state.packs.filter((p) => p !== pack && p.kind === pack?.kind))
    options.push(h('option', { value: `pack:${other.path}` }, `folder ${other.path} (${other.id} ${other.version})`));
  replaceChildren(select, options);
}

export function scheduleFollowUps(): void {
  clearTimeout(followTimer);
  followTimer = window.setTimeout(() => {
    void runTests();
    if (!byId('panel-impact').hidden) void runImpact();
  }, FOLLOW_DELAY_MS);
}

export function onTab(name: TabName): void {
  if (name === 'impact') void fillVersions().then(() => runImpact());
}

export function showTab(name: TabName): void {
  selectTab(name, onTab);
}

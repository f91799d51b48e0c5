/**
 * Checking as the author types: a check sent shortly after typing pauses, with every unsaved file
 * (an earlier check still under way is cancelled), its problems listed and marked in the editor,
 * the sheet redrawn when the inspection scores, and the follow-ups (tests, impact) when all is
 * valid; and stepping through the problems.
 */
import type { CheckOutcome } from './api-types.js';
import { showDiagnostics } from './build-editor.js';
import { callApi } from './call-api.js';
import { explain, scheduleFollowUps } from './fill-panels.js';
import { byId } from './make-element.js';
import { openFile } from './open-files.js';
import { dirtyFiles, packOf, state, status, view } from './page-state.js';
import { showSheet } from './show-sheet.js';
import { dedupe, showProblems } from './show-problems.js';

/** How long typing must pause before a check is sent (a check takes some tens of milliseconds on the server). */
const CHECK_DELAY_MS = 25;

let checkTimer: number | undefined;

export function scheduleCheck(): void {
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

export async function runCheck(): Promise<void> {
  state.checkController?.abort();
  const controller = new AbortController();
  state.checkController = controller;
  const seq = ++state.checkSeq;
  const inspection = byId<HTMLSelectElement>('inspection').value || undefined;
  const began = performance.now();
  let outcome: CheckOutcome;
  try {
    outcome = await callApi<CheckOutcome>(
      'POST',
      '/v1/workbench/check',
      { packs: packsToCheck(), ...(inspection ? { inspection } : {}), files: dirtyFiles() },
      controller.signal,
    );
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
  showDiagnostics(
    view,
    problems.filter((d) => d.file === state.open),
  );
  // Marks for measuring keystroke to diagnostics and to sheet (npm run bench reads them).
  performance.mark('criteria:diagnostics');
  const errors = problems.filter((d) => d.severity === 'error').length;
  state.allValid = errors === 0 && outcome.packs.every((p) => p.valid);
  const sheetState = byId('sheet-state');
  if (outcome.sheet?.html) {
    showSheet(
      byId<HTMLIFrameElement>('sheet'),
      outcome.sheet.html,
      outcome.sheet.results ?? [],
      (id) => void explain(id),
      () => performance.mark('criteria:sheet'),
    );
    sheetState.hidden = true;
  } else if (outcome.sheet?.errors) {
    sheetState.textContent = `The sheet shows the last edit that scored: ${outcome.sheet.errors.length} problem${outcome.sheet.errors.length === 1 ? '' : 's'} now.`;
    sheetState.hidden = false;
  }
  status(
    `${state.note ? `${state.note} · ` : ''}${errors === 0 ? 'No errors' : `${errors} error${errors === 1 ? '' : 's'}`} · checked in ${Math.round(performance.now() - began)} ms`,
  );
  if (state.allValid) scheduleFollowUps();
}

function goToProblem(index: number): void {
  const d = state.problems[index];
  if (!d) return;
  state.problemIndex = index;
  if (d.file) void openFile(d.file, d.line, d.column);
}

export function nextProblem(): void {
  if (state.problems.length === 0) {
    status('No problems');
    return;
  }
  goToProblem((state.problemIndex + 1) % state.problems.length);
}

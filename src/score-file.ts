/**
 * Scores an inspection file end to end: open it (packs, thematics, cases), compile the plan,
 * stream the cases through a scoring session, and give every diagnostic its location.
 */
import { createHash } from 'node:crypto';
import { dirname, resolve } from 'node:path';
import type { Diagnostic } from './model/errors.js';
import type { InspectionResult } from './model/result.js';
import type { CompiledPlan } from './compile/compiled-plan.js';
import { compilePlan } from './compile/compile-pack.js';
import { ScoringSession, type ScoreOptions } from './evaluate/score-inspection.js';
import type { CaseTally } from './evaluate/tally-cases.js';
import { openInspection, type OpenOptions, type OpenedInspection } from './load/load-inspection.js';

export interface ScoreFileOptions extends ScoreOptions, OpenOptions {
  /** Called every few thousand cases with the number read so far. */
  onProgress?: (read: number) => void;
  /** Count the cases on this many worker threads (the result is the same as on one). */
  workers?: number;
}

export type ScoredFile = { result: InspectionResult; plan: CompiledPlan; opened: OpenedInspection; tally: CaseTally };

export async function scoreInspectionFile(path: string, options: ScoreFileOptions = {}): Promise<ScoredFile | { errors: Diagnostic[] }> {
  const opened = openInspection(path, options);
  if ('errors' in opened) return opened;
  const plan = compilePlan(opened.methodology, opened.thematics);
  const requireCases = !Array.isArray(opened.inspection.cases);
  const started = ScoringSession.start(plan, opened.header, { requireCases, ...options });
  if ('errors' in started) return { errors: started.errors.map(opened.locate) };
  const { session } = started;
  const columns = { caseFacts: plan.caseFacts, questionKeys: new Set(plan.questionByKey.keys()) };
  // Provenance: the sha256 of what was read, the inspection file then its case file.
  const hash = createHash('sha256').update(opened.doc.text);
  const cases = opened.readCases(columns, hash);
  if ((options.workers ?? 1) > 1 && !options.trace) {
    const { countCasesInWorkers } = await import('./parallel/count-cases-in-workers.js');
    const setup = {
      methodology: opened.methodology.files![0]!,
      thematics: opened.thematics.map((t) => t.files![0]!),
      area: started.session.checked.area,
      excludeInvalid: options.excludeInvalid === true,
      maxDiagnostics: session.tally.maxDiagnostics,
    };
    await countCasesInWorkers(cases, session.tally, setup, options.workers!, options.onProgress);
  } else {
    let read = 0;
    for await (const input of cases) {
      if ('record' in input) session.add(input.record);
      else session.reject(input.problem, input.notACase === true);
      if (options.onProgress && ++read % 5000 === 0) options.onProgress(read);
    }
  }
  const finished = session.finish(hash.digest('hex'));
  if ('errors' in finished) {
    // "No cases" in a case file is about that file.
    const caseFile = Array.isArray(opened.inspection.cases) ? undefined : resolve(dirname(path), opened.inspection.cases.file);
    return { errors: finished.errors.map((e) => (e.code === 'NO_CASES' && e.file === undefined && caseFile ? { ...e, file: caseFile, line: 1 } : opened.locate(e))) };
  }
  return { result: finished.result, plan, opened, tally: session.tally };
}

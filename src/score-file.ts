/**
 * Scores an inspection file end to end: open it (packs, thematics, cases), compile the plan,
 * stream the cases through a scoring session, and give every diagnostic its location.
 */
import { createHash, type Hash } from 'node:crypto';
import type { Diagnostic } from './model/errors.js';
import type { InspectionResult } from './model/result.js';
import type { CompiledPlan } from './compile/compiled-plan.js';
import { compilePlan } from './compile/compile-pack.js';
import { ScoringSession, type ScoreOptions } from './evaluate/score-inspection.js';
import type { CaseTally } from './evaluate/tally-cases.js';
import type { CaseInput } from './load/read-cases.js';
import { caseFileOf, openInspection, type OpenOptions, type OpenedInspection } from './load/load-inspection.js';

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
  return scoreOpenedInspection(opened, options);
}

/** Scores an inspection already opened (from a file, or assembled from a request's body), with its packs' plan when one is at hand. */
export async function scoreOpenedInspection(opened: OpenedInspection, options: ScoreFileOptions = {}, plan: CompiledPlan = compilePlan(opened.methodology, opened.thematics)): Promise<ScoredFile | { errors: Diagnostic[] }> {
  const path = opened.file;
  const requireCases = !Array.isArray(opened.inspection.cases);
  const started = ScoringSession.start(plan, opened.header, { requireCases, ...options });
  if ('errors' in started) return { errors: started.errors.map(opened.locate) };
  const { session } = started;
  const columns = { caseFacts: plan.caseFacts, questionKeys: new Set(plan.questionByKey.keys()) };
  const workers = options.trace ? 1 : options.workers ?? 1;
  const caseFile = caseFileOf(opened.inspection.cases, path);
  const finish = (hash: Hash): ScoredFile | { errors: Diagnostic[] } => {
    const finished = session.finish(hash.digest('hex'));
    if ('errors' in finished) {
      // "No cases" in a case file is about that file.
      return { errors: finished.errors.map((e) => (e.code === 'NO_CASES' && e.file === undefined && caseFile ? { ...e, file: caseFile.file, line: 1 } : opened.locate(e))) };
    }
    return { result: finished.result, plan, opened, tally: session.tally };
  };
  // A large CSV or NDJSON file is read in parallel parts when that gives the same result.
  if (workers > 1 && caseFile && (caseFile.format === 'csv' || caseFile.format === 'ndjson')) {
    const { splitCaseFile } = await import('./parallel/split-case-file.js');
    const { countRangesInWorkers } = await import('./parallel/count-ranges-in-workers.js');
    const hash = createHash('sha256').update(opened.doc.text);
    const ranges = await splitCaseFile(caseFile.file, caseFile.format, workers * 4, hash);
    if (ranges && ranges.length > 1 && (await countRangesInWorkers(caseFile.file, caseFile.format, ranges, session.tally, { methodology: opened.methodology.files![0]!, thematics: opened.thematics.map((t) => t.files![0]!), area: session.checked.area }, workers, options.onProgress))) {
      return finish(hash);
    }
  }
  // Provenance: the sha256 of what was read, the inspection file then its case file.
  const hash = createHash('sha256').update(opened.doc.text);
  await feedCases(session, opened.readCases(columns, hash), options.onProgress);
  return finish(hash);
}

/** Gives a session every case a reader yields, and every row or file problem it meets. */
export async function feedCases(session: ScoringSession, cases: AsyncIterable<CaseInput>, onProgress?: (read: number) => void): Promise<void> {
  let read = 0;
  for await (const input of cases) {
    if ('record' in input) session.add(input.record);
    else session.reject(input.problem, input.notACase === true);
    if (onProgress && ++read % 5000 === 0) onProgress(read);
  }
}

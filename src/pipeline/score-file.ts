/**
 * Scores an inspection file end to end: open it (packs, thematics, cases), compile the plan,
 * stream the cases through a scoring session, and give every diagnostic its location.
 */
import { createHash, type Hash } from 'node:crypto';
import type { Diagnostic } from '../model/errors.js';
import type { InspectionResult } from '../model/result.js';
import { caseColumnsOf, type CompiledPlan } from '../compile/compiled-plan.js';
import { compilePlan } from '../compile/compile-pack.js';
import { ScoringSession, type InspectionHeader, type ScoreOptions, type ScoreOutcome } from '../evaluate/score-inspection.js';
import type { CaseTally } from '../evaluate/tally-cases.js';
import type { CaseInput } from '../load/read-cases.js';
import { watchFile } from '../load/watch-file.js';
import { caseFileOf, openInspection, readCases, type OpenOptions, type OpenedInspection } from './load-inspection.js';
import type { SourceDocument } from '../source/source-document.js';
import type { CaseFile } from '../model/inspection.js';
import { basename, dirname, join, resolve } from 'node:path';

export interface ScoreFileOptions extends ScoreOptions, OpenOptions {
  /** Called every few thousand cases with the number read so far. */
  onProgress?: (read: number) => void;
  /** Count the cases on this many worker threads (the result is the same as on one). */
  workers?: number;
}

export type ScoredFile = { result: InspectionResult; plan: CompiledPlan; opened: OpenedInspection; tally: CaseTally };

/** Scores an inspection file (YAML or JSON): its packs and thematics, and its cases, listed in it or in the file it names. */
export async function scoreInspectionFile(path: string, options: ScoreFileOptions = {}): Promise<ScoredFile | { errors: Diagnostic[] }> {
  const bad = optionProblems(options);
  if (bad.length > 0) return { errors: bad };
  const opened = openInspection(path, options);
  if ('errors' in opened) return opened;
  return scoreOpenedInspection(opened, options);
}

/** Scores an inspection already opened (from a file, or assembled from a request's body), with its packs' plan when one is at hand. */
export async function scoreOpenedInspection(
  opened: OpenedInspection,
  options: ScoreFileOptions = {},
  plan: CompiledPlan = compilePlan(opened.methodology, opened.thematics),
): Promise<ScoredFile | { errors: Diagnostic[] }> {
  const path = opened.file;
  const requireCases = !Array.isArray(opened.inspection.cases);
  const started = ScoringSession.start(plan, opened.header, { requireCases, ...options });
  if ('errors' in started) return { errors: started.errors.map(opened.locate) };
  const { session } = started;
  const columns = caseColumnsOf(plan);
  const workers = options.trace || options.onOutcomes ? 1 : (options.workers ?? 1);
  const caseFile = caseFileOf(opened.inspection.cases, path);
  // A case file that changes while it is read is an error: its cases counted would not be its bytes hashed.
  const watch = caseFile ? watchFile(caseFile.file) : undefined;
  const finish = (hash: Hash, read = watch): ScoredFile | { errors: Diagnostic[] } => {
    const finished = session.finish(hash.digest('hex'));
    // A read that stopped at an error took fewer bytes than the file has: only a changed file counts then.
    const changed = read?.check({ bytes: !('errors' in finished) });
    if (changed) return { errors: [changed] };
    if ('errors' in finished) {
      // "No cases" in a case file is about that file.
      return {
        errors: finished.errors.map((e) =>
          e.code === 'NO_CASES' && e.file === undefined && caseFile ? { ...e, file: caseFile.file, line: 1 } : opened.locate(e),
        ),
      };
    }
    return { result: finished.result, plan, opened, tally: session.tally };
  };
  // A large CSV or NDJSON file is read in parallel parts when that gives the same result.
  if (workers > 1 && caseFile && (caseFile.format === 'csv' || caseFile.format === 'ndjson')) {
    const { splitCaseFile } = await import('../parallel/split-case-file.js');
    const { countRangesInWorkers } = await import('../parallel/count-ranges-in-workers.js');
    const hash = createHash('sha256').update(opened.doc.text);
    const ranges = await splitCaseFile(caseFile.file, caseFile.format, workers * 4, watch!.counting(hash));
    if (
      ranges &&
      ranges.length > 1 &&
      (await countRangesInWorkers(
        caseFile.file,
        caseFile.format,
        ranges,
        session.tally,
        { methodology: opened.methodology.files![0]!, thematics: opened.thematics.map((t) => t.files![0]!), area: session.checked.area },
        workers,
        options.onProgress,
      ))
    ) {
      return finish(hash);
    }
  }
  // Provenance: the sha256 of what was read, the inspection file then its case file.
  const hash = createHash('sha256').update(opened.doc.text);
  const watchAgain = caseFile ? watchFile(caseFile.file) : undefined;
  // The bytes of a CSV or NDJSON file are hashed as read, so they can be counted too.
  const counted = watchAgain && (caseFile!.format === 'csv' || caseFile!.format === 'ndjson') ? watchAgain.counting(hash) : hash;
  await feedCases(session, opened.readCases(columns, counted), options.onProgress);
  return finish(hash, watchAgain);
}

/** Gives a session every case a reader yields, and every row or file problem it meets. */
export async function feedCases(session: ScoringSession, cases: AsyncIterable<CaseInput>, onProgress?: (read: number) => void): Promise<void> {
  let read = 0;
  for await (const input of cases) {
    if ('record' in input) session.add(input.record);
    else session.reject(input.problem, input.notACase === true);
    if (onProgress && ++read % 5000 === 0) onProgress(read);
  }
  onProgress?.(read);
}

/** Scores an inspection held in memory whose cases are in a file (CSV, NDJSON, JSON or YAML, by its extension unless `format` says). */
export async function scoreWithCaseFile(
  plan: CompiledPlan,
  inspection: InspectionHeader,
  cases: CaseFile,
  options: ScoreFileOptions = {},
): Promise<ScoreOutcome> {
  const bad = optionProblems(options);
  if (bad.length > 0) return { errors: bad };
  const started = ScoringSession.start(plan, inspection, { requireCases: true, ...options });
  if ('errors' in started) return started;
  const file = resolve(cases.file);
  const hash = createHash('sha256');
  const columns = caseColumnsOf(plan);
  // The file is read as an inspection beside it would read it: `cases.file` relative to that place.
  const beside = join(dirname(file), '.inspection');
  await feedCases(
    started.session,
    readCases({ file: basename(file), ...(cases.format ? { format: cases.format } : {}) }, beside, NO_DOCUMENT(beside), columns, hash),
    options.onProgress,
  );
  const finished = started.session.finish(hash.digest('hex'));
  // Problems placed at the stand-in inspection (or nowhere, as "no cases" is) are about the case file.
  return 'errors' in finished
    ? { errors: finished.errors.map((e) => (e.file === beside || (e.code === 'NO_CASES' && e.file === undefined) ? { ...e, file } : e)) }
    : finished;
}

/** A stand-in document for cases read without an inspection file: nothing in it can be located. */
const NO_DOCUMENT = (file: string): SourceDocument => ({ file, text: '', value: {}, locate: () => undefined });

/** Options a caller may have set wrongly. */
function optionProblems(options: ScoreFileOptions): Diagnostic[] {
  const { workers } = options;
  if (workers === undefined || (Number.isInteger(workers) && workers >= 1 && workers <= 64)) return [];
  return [
    {
      code: 'USAGE',
      severity: 'error',
      message: `workers must be a whole number from 1 to 64, not ${String(workers)}`,
      hint: 'give workers: 1 (the default) or the number of threads to count a large case file on',
    },
  ];
}

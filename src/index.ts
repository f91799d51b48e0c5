/**
 * The library API. The core (compilePack, score, ScoringSession) is synchronous and does no I/O;
 * loadPack and scoreInspectionFile read files.
 */
import type { Diagnostic } from './model/errors.js';
import type { Inspection } from './model/inspection.js';
import type { Pack } from './model/pack.js';
import type { CompiledPlan } from './compile/compiled-plan.js';
import { compilePlan } from './compile/compile-pack.js';
import { scoreInspection, type ScoreOptions, type ScoreOutcome } from './evaluate/score-inspection.js';
import { checkPack } from './check/check-pack.js';
import { PackSourceMap } from './source/source-map.js';
import { findValueTooDeep } from './load/measure-value-depth.js';
import { MAX_DEPTH } from './load/measure-depth.js';

export type * from './model/index.js';
export { ERROR_CODES } from './model/errors.js';
export { loadPack, loadPackFiles, loadInspectionFile } from './pipeline/load-pack.js';
export { openInspection } from './pipeline/load-inspection.js';
export { scoreInspectionFile, scoreOpenedInspection, scoreWithCaseFile } from './pipeline/score-file.js';
export type { ScoreFileOptions, ScoredFile } from './pipeline/score-file.js';
export type { LoadedPack, LoadedPackFiles, LoadOptions } from './pipeline/load-pack.js';
export type { OpenedInspection, OpenOptions } from './pipeline/load-inspection.js';
export type { CaseInput, CaseColumns } from './load/read-cases.js';
export type { SourceDocument } from './source/source-document.js';
export { memoryFiles, DISK, type FileSource } from './load/file-source.js';
export type { CaseTally } from './evaluate/tally-cases.js';
export { ScoringSession } from './evaluate/score-inspection.js';
export { IncrementalScorer } from './evaluate/score-incrementally.js';
export type { ScoreOptions, ScoreOutcome, InspectionHeader } from './evaluate/score-inspection.js';
export type { CompiledPlan } from './compile/compiled-plan.js';
export { formatDiagnostic, formatDiagnostics } from './check/format-diagnostic.js';
export { ENGINE_VERSION } from './engine-version.js';

/**
 * Compiles a methodology pack (and the thematics attached to it) into a plan that scores
 * inspections. The packs are checked first; a pack that fails its checks gives its errors.
 */
export function compilePack(pack: Pack, options: { thematics?: Pack[] } = {}): { plan: CompiledPlan } | { errors: Diagnostic[] } {
  // A pack built in code may nest deeper than any file may: refuse it before the checks walk it.
  const deep = [pack, ...(options.thematics ?? [])].map((p) => tooDeep(p, 'pack')).find((d) => d !== undefined);
  if (deep) return { errors: [deep] };
  const errors = [...checkPack(pack, new PackSourceMap()), ...(options.thematics ?? []).flatMap((t) => checkPack(t, new PackSourceMap(), pack))].filter(
    (d) => d.severity === 'error',
  );
  if (errors.length > 0) return { errors };
  return { plan: compilePlan(pack, options.thematics ?? []) };
}

/** Scores an inspection with a compiled plan. Synchronous; the same inputs give byte-identical JSON. */
export function score(plan: CompiledPlan, inspection: Inspection, options: ScoreOptions = {}): ScoreOutcome {
  const deep = tooDeep(inspection, 'inspection');
  if (deep) return { errors: [deep] };
  return scoreInspection(plan, inspection, options);
}

/** YAML_TOO_DEEP for a value nested deeper than a file may be, or undefined. */
function tooDeep(value: unknown, what: string): Diagnostic | undefined {
  const pointer = findValueTooDeep(value);
  if (pointer === undefined) return undefined;
  return {
    code: 'YAML_TOO_DEEP',
    severity: 'error',
    message: `the ${what} nests objects or lists more than ${MAX_DEPTH} levels deep (at ${pointer.length > 200 ? `${pointer.slice(0, 200)}…` : pointer})`,
    hint: `a ${what} read from a file may nest at most ${MAX_DEPTH} levels; name conditions and refer to them instead of nesting them`,
    pointer: pointer.length > 1000 ? pointer.slice(0, 1000) : pointer,
  };
}

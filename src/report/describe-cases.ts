import type { CaseAccount, ExcludedCase, InspectionResult, PackResult } from '../model/result.js';

/** Whether the result has a case sample to account for: a pack asked questions of cases, or cases were read. */
export function hasCaseSample(result: InspectionResult): boolean {
  if (result.cases.read > 0) return true;
  const asks = (pack: PackResult) => [...pack.sections.flatMap((s) => s.criteria), ...pack.supporting].some((c) => c.questions.length > 0);
  return asks(result) || result.thematics.some(asks);
}

/** The case accounting line, e.g. `cases: 100 read, 100 scored (3 relevant to no question), 0 excluded`. */
export function describeCases(cases: CaseAccount): string {
  return `cases: ${cases.read} read, ${cases.scored} scored (${cases.relevantToNone} relevant to no question), ` + `${cases.excluded.length} excluded`;
}

/** One excluded case with where it was read and its reasons. */
export function describeExcluded(excluded: ExcludedCase): string {
  const where = excluded.location === undefined ? '' : ` (${excluded.location})`;
  return `${excluded.id ?? `the case at position ${excluded.position}`}${where}: ${excluded.reasons.join('; ')}`;
}

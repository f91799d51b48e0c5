import type { CaseAccount, ExcludedCase } from '../model/result.js';

/** The case accounting line, e.g. `cases: 100 read, 100 scored (3 relevant to no question), 0 excluded`. */
export function describeCases(cases: CaseAccount): string {
  return (
    `cases: ${cases.read} read, ${cases.scored} scored (${cases.relevantToNone} relevant to no question), ` +
    `${cases.excluded.length} excluded`
  );
}

/** One excluded case with where it was read and its reasons. */
export function describeExcluded(excluded: ExcludedCase): string {
  const where = excluded.location === undefined ? '' : ` (${excluded.location})`;
  return `${excluded.id ?? `the case at position ${excluded.position}`}${where}: ${excluded.reasons.join('; ')}`;
}

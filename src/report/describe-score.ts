import type { ScoredResult } from '../model/result.js';
import { formatPercent, NO_VALUE } from './format-percent.js';

function describeValue(score: number | null, band: string | null): string {
  if (score !== null && band !== null) return `${formatPercent(score)} (${band})`;
  if (score !== null) return formatPercent(score);
  if (band !== null) return band;
  return NO_VALUE;
}

/** Whether a result has anything to print: a score, a band or a not-rated reason. */
export function hasRating(result: ScoredResult): boolean {
  return result.score !== null || result.band !== null || result.notRated !== undefined;
}

/** The result as printed on a sheet: `70%`, a band label, both, or `not rated (reason)`. */
export function describeScore(result: ScoredResult): string {
  if (result.notRated) return `not rated (${result.notRated.reason})`;
  return describeValue(result.score, result.band?.label ?? null);
}

/** The result as computed, before any adjustment. */
export function describeComputed(result: ScoredResult): string {
  return describeValue(result.computedScore, result.computedBand?.label ?? null);
}

/** A criterion's heading: `X1: Title — 70%`, or just `X1: Title` when it has no result. */
export function describeHeading(criterion: ScoredResult & { id: string; title: string }): string {
  const name = `${criterion.id}: ${criterion.title}`;
  return hasRating(criterion) ? `${name} — ${describeScore(criterion)}` : name;
}

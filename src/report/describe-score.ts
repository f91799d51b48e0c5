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

/** `— limited: <note>` when limits moved the computed band, else empty. */
function describeLimits(result: ScoredResult): string {
  const limits = result.limits ?? [];
  return limits.length > 0 ? ` — limited: ${limits.map((l) => l.note).join('; ')}` : '';
}

/** The result as printed on a sheet: `70%`, a band label, both, or `not rated (reason)`; a band a limit moved says so, unless an inspector's adjustment replaced it. */
export function describeScore(result: ScoredResult): string {
  if (result.notRated) return `not rated (${result.notRated.reason})`;
  const value = describeValue(result.score, result.band?.label ?? null);
  return result.adjustment?.band !== undefined ? value : value + describeLimits(result);
}

/** The result as computed, before any adjustment (with the limits that moved it). */
export function describeComputed(result: ScoredResult): string {
  return describeValue(result.computedScore, result.computedBand?.label ?? null) + describeLimits(result);
}

/** A criterion's heading: `X1: Title — 70%`, or just `X1: Title` when it has no result. */
export function describeHeading(criterion: ScoredResult & { id: string; title: string }): string {
  const name = `${criterion.id}: ${criterion.title}`;
  return hasRating(criterion) ? `${name} — ${describeScore(criterion)}` : name;
}

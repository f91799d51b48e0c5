/**
 * Counting the levels a result rates from (its items, measures or parts' bands): the levels of
 * parts' bands on the scale they share, the weight at or above a level, and the count per level.
 * Scoring and the explanation count them with the same functions.
 */
import { Fraction } from '../compile/exact-number.js';
import type { RankedScale } from '../compile/compiled-plan.js';
import type { CountedLevel } from './level-result.js';
import { toNumber } from './round-value.js';

/** Levels from parts' bands, ranked on the band scale they share; parts without a band on it are not counted. */
export function bandLevels(bands: Array<string | null>, scale: RankedScale | null): CountedLevel[] {
  const levels: CountedLevel[] = [];
  for (const band of bands) {
    const rank = band === null ? undefined : scale?.rank.get(band);
    if (rank !== undefined) levels.push({ rank, weight: new Fraction(1), id: band! });
  }
  return levels;
}

/** The total weight of the levels, and of those at or above `rank` (0 is best). */
export function weightAtLeast(levels: ReadonlyArray<{ rank: number; weight: Fraction }>, rank: number | undefined): { rated: Fraction; atLeast: Fraction } {
  let rated = new Fraction(0);
  let atLeast = new Fraction(0);
  for (const l of levels) {
    rated = rated.add(l.weight);
    if (rank !== undefined && l.rank <= rank) atLeast = atLeast.add(l.weight);
  }
  return { rated, atLeast };
}

/** How many of the levels (by weight) are at each level id. */
export function countByLevel(levels: readonly CountedLevel[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const l of levels) counts[l.id] = (counts[l.id] ?? 0) + toNumber(l.weight);
  return counts;
}

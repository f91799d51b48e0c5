/**
 * Caps and floors on a band, applied in order after the band rules (or lowest/highest) have found
 * it: a cap whose condition holds lowers a better band to its level, a floor raises a worse one.
 * Each limit that moves the band is recorded with the band it moved from.
 */
import type { BandInputs, CompiledLimit, FactRecord, RankedScale } from '../compile/compiled-plan.js';

/** A limit that moved a band, by level ids. */
export interface AppliedLimit {
  limit: CompiledLimit;
  from: string;
  to: string;
}

export function applyLimits(
  band: string,
  limits: readonly CompiledLimit[],
  scale: RankedScale | null,
  inputs: BandInputs,
  area: FactRecord,
): { band: string; applied: AppliedLimit[] } {
  const applied: AppliedLimit[] = [];
  let current = band;
  for (const limit of limits) {
    const rank = scale?.rank.get(current);
    const bound = scale?.rank.get(limit.level);
    if (rank === undefined || bound === undefined) continue;
    // Ranks count from the best level (0): a cap moves a better (smaller) rank down to it.
    const moves = limit.kind === 'cap' ? rank < bound : rank > bound;
    if (!moves || !limit.when(inputs, area)) continue;
    applied.push({ limit, from: current, to: limit.level });
    current = limit.level;
  }
  return { band: current, applied };
}

/**
 * A node's band while scoring: the first of its ordered band rules that holds (or `otherwise`),
 * or for a combining band the lowest or highest of its parts' bands; then the band's limits (caps
 * and floors) over the same inputs. The rule or mode that decided is kept for the result.
 */
import type { BandInputs, CompiledBand, FactRecord } from '../compile/compiled-plan.js';
import { applyLimits } from './apply-limits.js';
import type { NodeValue } from './node-value.js';

/** Finds a node's band by its band rules (or its parts' bands), then applies the band's limits; a node not rated gets none. */
export function assignBand(band: CompiledBand | null, value: NodeValue, childBands: Array<string | null>, area: FactRecord): void {
  if (!band || value.notRated !== undefined) return;
  findBand(band, value, childBands, area);
  if (value.computedBand === null || band.limits.length === 0) return;
  const limited = applyLimits(value.computedBand, band.limits, band.scale, bandInputs(value), area);
  value.computedBand = limited.band;
  value.limits = limited.applied;
}

function bandInputs(value: NodeValue): BandInputs {
  return { score: value.score, levels: value.levels, inputScale: value.inputScale, points: value.points, maxPoints: value.maxPoints };
}

function findBand(band: CompiledBand, value: NodeValue, childBands: Array<string | null>, area: FactRecord): void {
  if (band.kind === 'combine') {
    const scale = band.scale;
    let pick: string | null = null;
    let pickRank = band.mode === 'lowest' ? -1 : Number.POSITIVE_INFINITY;
    for (const id of childBands) {
      const rank = id === null ? undefined : scale?.rank.get(id);
      if (rank === undefined) continue;
      if (band.mode === 'lowest' ? rank > pickRank : rank < pickRank) {
        pick = id;
        pickRank = rank;
      }
    }
    value.computedBand = pick;
    value.bandRule = band.mode;
    if (pick === null) value.notRated = 'no rated parts';
    return;
  }
  const inputs = bandInputs(value);
  const index = band.rules.findIndex((r) => r.when(inputs, area));
  if (index >= 0) {
    value.computedBand = band.rules[index]!.level;
    value.bandRule = index + 1;
  } else if (band.otherwise !== null) {
    value.computedBand = band.otherwise;
    value.bandRule = 'otherwise';
  }
}

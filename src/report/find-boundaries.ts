import type { Condition } from '../model/condition.js';
import type { Pack } from '../model/pack.js';
import { resolveBandSet, type ResolvedBandSet } from '../check/resolve-band-set.js';
import type { ChartBoundary } from './layout-bar-chart.js';

/** The one `score ≥ n` (or `score > n`) test a band rule makes, when that is all it tests. */
function scoreFloor(when: Condition): number | null {
  let test: Condition = when;
  if ('all' in test && test.all.length === 1) test = test.all[0]!;
  if (!('fact' in test)) return null;
  const fact = test;
  if (fact.fact !== 'score' || fact.params !== undefined || typeof fact.value !== 'number') return null;
  return fact.operator === 'greaterThanInclusive' || fact.operator === 'greaterThan' ? fact.value : null;
}

function boundariesOf(pack: Pack, set: ResolvedBandSet): ChartBoundary[] {
  const levels = set.scale === undefined ? [] : (pack.scales?.[set.scale]?.levels ?? []);
  const out: ChartBoundary[] = [];
  for (const rule of set.rules) {
    const at = scoreFloor(rule.when);
    if (at === null) return [];
    out.push({ at, label: levels.find((l) => l.id === rule.level)?.label ?? rule.level });
  }
  return out.sort((a, b) => a.at - b.at);
}

/**
 * The rating boundaries of each criterion whose band set rates its score by thresholds alone
 * (every rule `score ≥ n`), by criterion id: where the chart marks a change of rating.
 */
export function findBoundaries(pack: Pack | undefined): Map<string, ChartBoundary[]> {
  const found = new Map<string, ChartBoundary[]>();
  if (pack === undefined) return found;
  for (const criterion of pack.criteria ?? []) {
    const name = typeof criterion.band === 'string' ? criterion.band : criterion.band?.set;
    // The set as its uses see it, rules inherited through `extends` included.
    const set = name === undefined ? undefined : resolveBandSet(name, (n) => pack.bandSets?.[n]);
    if (set === undefined) continue;
    const boundaries = boundariesOf(pack, set);
    if (boundaries.length > 0) found.set(criterion.id, boundaries);
  }
  return found;
}

/** The chart's key to its boundary marks, e.g. `Dashed marks across a bar: where the rating changes (Fair from 50%, High from 80%).` */
export function describeBoundaries(found: Map<string, ChartBoundary[]>): string | null {
  const all = new Map<string, ChartBoundary>();
  for (const list of found.values()) for (const b of list) all.set(`${b.label}@${b.at}`, b);
  if (all.size === 0) return null;
  const list = [...all.values()].sort((a, b) => a.at - b.at).map((b) => `${b.label} from ${b.at}%`);
  return `Dashed marks across a bar: where the rating changes (${list.join(', ')}).`;
}

/**
 * What a pack's tests did not exercise, in methodology terms: questions never relevant or never
 * unmet, band rules never matched, weight classes never weighing a rated score, and score
 * thresholds in band rules not approached from both sides.
 */
import type { Condition } from '../model/condition.js';
import type { Pack } from '../model/pack.js';
import type { InspectionResult, ScoredResult } from '../model/result.js';
import type { CompiledBand, CompiledPlan } from '../compile/compiled-plan.js';
import { indexResults } from './index-results.js';

export interface CoverageGap {
  kind: 'question' | 'bandRule' | 'limit' | 'weightClass' | 'threshold';
  id: string;
  message: string;
}

export interface Coverage {
  gaps: CoverageGap[];
  /** How many of each kind were looked at. */
  totals: Record<CoverageGap['kind'], number>;
}

/** Score thresholds a band rule compares with (`score` against a number). */
function scoreThresholds(condition: Condition, out: number[] = []): number[] {
  if ('all' in condition) condition.all.forEach((c) => scoreThresholds(c, out));
  else if ('any' in condition) condition.any.forEach((c) => scoreThresholds(c, out));
  else if ('not' in condition) scoreThresholds(condition.not, out);
  else if ('fact' in condition && condition.fact === 'score' && typeof condition.value === 'number') out.push(condition.value);
  return out;
}

export function measureCoverage(pack: Pack, runs: ReadonlyArray<{ plan: CompiledPlan; result: InspectionResult }>): Coverage {
  const gaps: CoverageGap[] = [];
  const totals = { question: 0, bandRule: 0, limit: 0, weightClass: 0, threshold: 0 };
  const limitsMoved = new Set<string>();
  const limitsIdle = new Set<string>();
  const relevantSeen = new Set<string>();
  const unmetSeen = new Set<string>();
  const rulesMatched = new Set<string>();
  const weightsUsed = new Set<string>();
  const scoresBySet = new Map<string, number[]>();
  const prefixOf = (plan: CompiledPlan) => plan.modules.find((m) => m.pack.id === pack.id)?.prefix;

  for (const { plan, result } of runs) {
    const prefix = prefixOf(plan);
    const module = plan.modules.find((m) => m.pack.id === pack.id);
    if (prefix === undefined || !module) continue;
    const index = indexResults(result);
    for (const q of module.questions) {
      const r = index.get(q.key);
      if (r?.kind !== 'question') continue;
      if (r.node.relevant > 0) relevantSeen.add(q.def.id);
      if (r.node.met < r.node.relevant) unmetSeen.add(q.def.id);
    }
    const nodes: Array<{ key: string; id: string; band: CompiledBand | null; weight?: string | number }> = [
      ...module.criteria.map((c) => ({ key: c.key, id: c.def.id, band: c.band, ...(c.def.weight !== undefined ? { weight: c.def.weight } : {}) })),
      ...module.sections.map((s) => ({ key: s.key, id: s.def.id, band: s.band, ...(s.def.weight !== undefined ? { weight: s.def.weight } : {}) })),
      ...(module.overall ? [{ key: `${prefix}overall`, id: 'overall', band: module.overall.band }] : []),
    ];
    for (const node of nodes) {
      const scored = index.get(node.key)?.node as ScoredResult | undefined;
      if (!scored) continue;
      if (typeof node.weight === 'string' && scored.score !== null) weightsUsed.add(node.weight);
      const band = node.band;
      if (scored.computedBand !== null) {
        for (const limit of band?.limits ?? []) {
          const key = limitKey(limit.def.declaredIn, node.id, limit.def.id);
          if ((scored.limits ?? []).some((l) => l.id === limit.def.id)) limitsMoved.add(key);
          else limitsIdle.add(key);
        }
      }
      if (band?.kind !== 'rules') continue;
      if (typeof scored.bandRule === 'number') {
        // A rule inherited through `extends` is covered as a rule of the set that declares it.
        const rule = band.set.rules[scored.bandRule - 1];
        if (rule) rulesMatched.add(`${rule.declaredIn}#${rule.index + 1}`);
      } else if (scored.bandRule === 'otherwise') {
        for (const name of band.set.chain) rulesMatched.add(`${name}#otherwise`);
      }
      if (scored.score !== null) scoresBySet.set(band.setId, [...(scoresBySet.get(band.setId) ?? []), scored.score]);
    }
  }

  for (const c of pack.criteria ?? []) {
    for (const q of c.questions ?? []) {
      totals.question++;
      if (!relevantSeen.has(q.id)) gaps.push({ kind: 'question', id: q.id, message: `question ${q.id} was never relevant to a test case` });
      else if (!unmetSeen.has(q.id)) gaps.push({ kind: 'question', id: q.id, message: `question ${q.id} was never unmet in a test` });
    }
  }
  for (const [setId, set] of Object.entries(pack.bandSets ?? {})) {
    const rules = [
      ...(set.rules ?? []).map((r, i) => ({ key: `${setId}#${i + 1}`, label: `rule ${i + 1} (${r.level})` })),
      ...(set.otherwise ? [{ key: `${setId}#otherwise`, label: `otherwise (${set.otherwise})` }] : []),
    ];
    for (const rule of rules) {
      totals.bandRule++;
      if (!rulesMatched.has(rule.key)) gaps.push({ kind: 'bandRule', id: rule.key, message: `band set ${setId}: ${rule.label} never matched` });
    }
    const scores = scoresBySet.get(setId) ?? [];
    for (const threshold of [...new Set((set.rules ?? []).flatMap((r) => scoreThresholds(r.when)))]) {
      totals.threshold++;
      const below = scores.some((s) => s < threshold);
      const atOrAbove = scores.some((s) => s >= threshold);
      if (!below || !atOrAbove)
        gaps.push({
          kind: 'threshold',
          id: `${setId}@${threshold}`,
          message: `band set ${setId}: the threshold ${threshold} was never approached from ${below ? 'above' : atOrAbove ? 'below' : 'either side'}`,
        });
    }
  }
  const declaredLimits = [
    ...Object.entries(pack.bandSets ?? {}).flatMap(([setId, set]) =>
      (set.limits ?? []).map((l) => ({ key: limitKey(setId, '', l.id), label: `band set ${setId}: limit ${l.id}` })),
    ),
    ...[...(pack.criteria ?? []), ...pack.sections, ...(pack.overall ? [{ ...pack.overall, id: 'overall' }] : [])].flatMap((n) =>
      (n.limits ?? []).map((l) => ({ key: limitKey(null, n.id, l.id), label: `${n.id}: limit ${l.id}` })),
    ),
  ];
  for (const limit of declaredLimits) {
    totals.limit++;
    if (!limitsMoved.has(limit.key)) gaps.push({ kind: 'limit', id: limit.key, message: `${limit.label} never moved a band in a test` });
    else if (!limitsIdle.has(limit.key))
      gaps.push({ kind: 'limit', id: limit.key, message: `${limit.label} moved the band in every test: none shows it not applying` });
  }
  for (const name of Object.keys(pack.weightClasses ?? {})) {
    totals.weightClass++;
    if (!weightsUsed.has(name)) gaps.push({ kind: 'weightClass', id: name, message: `weight class ${name} never weighed a rated score in a test` });
  }
  return { gaps, totals };
}

/** A limit is known by the band set that declares it, or by the result it is written on. */
function limitKey(declaredIn: string | null, nodeId: string, limitId: string): string {
  return declaredIn !== null ? `${declaredIn}~${limitId}` : `${nodeId}~${limitId}`;
}

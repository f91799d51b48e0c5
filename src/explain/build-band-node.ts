/**
 * The band node of a criterion, section or overall result: the band inputs (the score, the
 * levels of its items, measures or parts, the points) derived from the results as scoring
 * derives them, handed to the band trace.
 */
import type { CriterionResult, ScoredResult, SectionResult } from '../model/result.js';
import type { BandInputs, CompiledCriterion, CompiledModule, CompiledSection, RankedScale } from '../compile/compiled-plan.js';
import { Fraction, exact } from '../compile/exact-number.js';
import { bandLevels } from '../evaluate/count-levels.js';
import { buildBandTrace } from './build-band-trace.js';
import { computedScore, namedConditions, type ExplainContext } from './explain-context.js';
import type { Stage } from './build-score-node.js';
import type { TraceNode } from './trace-node.js';

export function criterionLevels(c: CompiledCriterion, r: CriterionResult): { levels: BandInputs['levels']; inputScale: RankedScale | null } {
  if (c.def.kind === 'evidence' && c.itemScale) {
    const scale = c.itemScale;
    const levels = r.items.filter((i) => i.counted && i.level !== null).map((i) => ({ rank: scale.rank.get(i.level!.id)!, weight: exact(i.weight) }));
    return { levels, inputScale: scale };
  }
  if (c.def.kind === 'targets' && c.statusScale) {
    const scale = c.statusScale;
    const levels = r.targets.filter((t) => t.counted && t.status !== null).map((t) => ({ rank: scale.rank.get(t.status!.id)!, weight: new Fraction(1) }));
    return { levels, inputScale: scale };
  }
  return { levels: [], inputScale: null };
}

export function sectionLevels(
  ctx: ExplainContext,
  s: CompiledSection,
  r: SectionResult,
): { levels: BandInputs['levels']; inputScale: RankedScale | null; unit: string } {
  if (s.own && s.own.itemScale) {
    const scale = s.own.itemScale;
    const levels = (r.items ?? []).filter((i) => i.counted && i.level !== null).map((i) => ({ rank: scale.rank.get(i.level!.id)!, weight: exact(i.weight) }));
    return { levels, inputScale: scale, unit: 'items' };
  }
  if (s.def.levels === 'items') {
    const inputScale = s.criteria.find((c) => c.itemScale)?.itemScale ?? null;
    const levels = s.criteria.flatMap((c, i) => {
      const own = criterionLevels(c, r.criteria[i]!);
      return own.inputScale === inputScale ? own.levels : [];
    });
    return { levels, inputScale, unit: 'items' };
  }
  const inputScale = s.childScale;
  return {
    levels: bandLevels(
      r.criteria.map((c) => c.band?.id ?? null),
      inputScale,
    ),
    inputScale,
    unit: 'criteria',
  };
}

function pointsOf(r: ScoredResult): { points: Fraction | null; maxPoints: Fraction | null } {
  return r.points === undefined ? { points: null, maxPoints: null } : { points: exact(r.points), maxPoints: exact(r.maxPoints ?? 0) };
}

export function bandNode(
  ctx: ExplainContext,
  id: string,
  module: CompiledModule,
  stage: Stage,
  band: CompiledCriterion['band'],
  r: ScoredResult,
  levels: { levels: BandInputs['levels']; inputScale: RankedScale | null; unit: string },
  parts: Array<{ id: string; band: string | null; title?: string }>,
  partScale: RankedScale | null,
  partsAreItems = false,
): TraceNode[] {
  if (!band) return [];
  const inputs: BandInputs = { score: computedScore(module, stage, r), levels: levels.levels, inputScale: levels.inputScale, ...pointsOf(r) };
  return [
    buildBandTrace({
      id,
      band,
      result: r,
      inputs,
      area: ctx.area,
      areaFacts: new Set(ctx.plan.areaFacts.keys()),
      named: namedConditions(ctx.plan, module),
      unit: levels.unit,
      parts,
      partScale,
      partsAreItems,
      setTitle: (name) => module.pack.bandSets?.[name]?.title ?? ctx.plan.methodology.pack.bandSets?.[name]?.title,
    }),
  ];
}

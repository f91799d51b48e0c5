/**
 * Turns the case counters and the inspection's area-level data into one module's results:
 * questions → criteria → sections → overall, exactly, rounding only at the stages the pack names,
 * applying inspectors' adjustments (the adjusted value is what the next stage uses).
 */
import type { Adjustment, ItemRating, TargetFigure } from '../model/inspection.js';
import type { RoundingStage, ScoreRule } from '../model/pack.js';
import type { CriterionResult, ItemResult, OverallResult, PackResult, QuestionResult, ScoredResult, SectionResult, TargetResult } from '../model/result.js';
import type { CompiledBand, CompiledCriterion, CompiledModule, CompiledQuestion, CompiledSection, FactRecord, RankedScale } from '../compile/compiled-plan.js';
import { Fraction, exact, fractionText, percent } from '../compile/exact-number.js';
import { roundFraction, toNumber } from './round-value.js';
import { fillSummary } from './fill-summary.js';
import { levelResult } from './level-result.js';
import { rateItems } from './rate-items.js';
import { judgeMeasures } from './judge-measures.js';
import { assignBand } from './assign-band.js';
import { bandLevels, countByLevel, weightAtLeast } from './count-levels.js';
import { emptyNodeValue, type NodeValue, type Scored } from './node-value.js';

/** What a module is scored from besides its cases. */
export interface ModuleInputs {
  relevant: ArrayLike<number>;
  met: ArrayLike<number>;
  notApplicable: ArrayLike<number>;
  evidence: ReadonlyMap<string, ItemRating>;
  targets: ReadonlyMap<string, TargetFigure>;
  scores: ReadonlyMap<string, number>;
  adjustments: ReadonlyMap<string, Adjustment>;
  area: FactRecord;
}

export function scoreModule(module: CompiledModule, inputs: ModuleInputs): PackResult {
  const scorer = new ModuleScorer(module, inputs);
  return scorer.run();
}

class ModuleScorer {
  private readonly criterionValues = new Map<CompiledCriterion, Scored<CriterionResult>>();

  constructor(
    private readonly module: CompiledModule,
    private readonly inputs: ModuleInputs,
  ) {}

  run(): PackResult {
    // Criteria are scored in dependency order (a criterion after those its items take levels
    // from) but reported in the sections' order, then the supporting ones by id.
    for (const criterion of this.module.criteria) this.criterionValues.set(criterion, this.scoreCriterion(criterion));
    const sections = this.module.sections.map((s) => this.scoreSection(s));
    const overall = this.module.overall ? this.scoreOverall(sections) : null;
    const pack = this.module.pack;
    const reported = [...this.module.sections.flatMap((s) => s.criteria), ...this.module.supporting];
    return {
      id: pack.id,
      version: pack.version,
      title: pack.title,
      sections: sections.map((s) => s.result),
      overall: overall?.result ?? null,
      targets: reported.flatMap((c) => this.criterionValues.get(c)!.result.targets),
      supporting: this.module.supporting.map((c) => this.criterionValues.get(c)!.result),
    };
  }

  // Rounding -----------------------------------------------------------------------------------

  private rounded(value: Fraction | null, stage: RoundingStage): Fraction | null {
    const r = this.module.rounding;
    return value !== null && r.at.includes(stage) ? roundFraction(value, r.digits, r.mode) : value;
  }

  /** The number a result reports: the rounded value where the stage rounds, else the value shown to `display` places. */
  private shown(value: Fraction | null, stage: RoundingStage): number | null {
    if (value === null) return null;
    const r = this.module.rounding;
    return toNumber(r.at.includes(stage) ? roundFraction(value, r.digits, r.mode) : roundFraction(value, r.display ?? 2, 'halfEven'));
  }

  // Questions ----------------------------------------------------------------------------------

  private questionResult(q: CompiledQuestion): QuestionResult {
    const relevant = this.inputs.relevant[q.index]!;
    const met = this.inputs.met[q.index]!;
    const share = relevant > 0 ? percent(met, relevant) : null;
    return {
      id: q.def.id,
      text: q.def.text,
      relevant,
      met,
      notApplicable: this.inputs.notApplicable[q.index]!,
      percent: this.shown(share, 'question'),
      exact: share ? fractionText(share) : null,
      weight: toNumber(q.weight),
    };
  }

  private pooled(questions: CompiledQuestion[]): Fraction | null {
    let relevant = 0;
    let met = 0;
    for (const q of questions) {
      relevant += this.inputs.relevant[q.index]!;
      met += this.inputs.met[q.index]!;
    }
    return relevant > 0 ? percent(met, relevant) : null;
  }

  // Combining ----------------------------------------------------------------------------------

  /** A score from a rule over weighted children; `notRated` says why there is none. */
  /** Each question's share met (rounded if the pack rounds questions) with its weight, for a weighted mean over questions. */
  private questionParts(questions: CompiledQuestion[]): Array<{ value: Fraction | null; weight: Fraction }> {
    return questions.map((q) => {
      const relevant = this.inputs.relevant[q.index]!;
      return { value: relevant > 0 ? this.rounded(percent(this.inputs.met[q.index]!, relevant), 'question') : null, weight: q.weight };
    });
  }

  private combine(
    rule: ScoreRule | null,
    parts: {
      questions: () => CompiledQuestion[];
      children: Array<{ value: Fraction | null; weight: Fraction | null }> | null;
      levels: NodeValue['levels'];
      inputScale: RankedScale | null;
    },
  ): { score: Fraction | null; notRated?: string } {
    if (!rule) return { score: null };
    switch (rule.method) {
      case 'pooled': {
        const score = this.pooled(parts.questions());
        return score ? { score } : { score: null, notRated: 'no relevant cases' };
      }
      case 'weightedMean': {
        // A criterion (no children of its own) averages its questions; a section or the overall result may choose to.
        const children = parts.children === null || rule.over === 'questions' ? this.questionParts(parts.questions()) : parts.children;
        const weighted = children.filter((c) => c.weight !== null);
        if (rule.notRated === 'notRated' && weighted.some((c) => c.value === null)) return { score: null, notRated: 'a part is not rated' };
        let total = new Fraction(0);
        let weights = new Fraction(0);
        for (const c of weighted) {
          if (c.value === null) continue;
          total = total.add(c.value.mul(c.weight!));
          weights = weights.add(c.weight!);
        }
        return weights.equals(0) ? { score: null, notRated: 'no rated parts' } : { score: total.div(weights) };
      }
      case 'shareAtLeast': {
        const { rated, atLeast } = weightAtLeast(parts.levels, parts.inputScale?.rank.get(rule.level ?? ''));
        return rated.equals(0) ? { score: null, notRated: 'nothing rated' } : { score: atLeast.div(rated).mul(100) };
      }
    }
  }

  /** Applies the inspector's adjustment, if any, after the computed values are settled. */
  private adjust(key: string, value: NodeValue): void {
    value.band = value.computedBand;
    const adjustment = this.inputs.adjustments.get(key);
    if (!adjustment) return;
    value.adjustment = adjustment;
    if (adjustment.score !== undefined) value.score = exact(adjustment.score);
    if (adjustment.band !== undefined) value.band = adjustment.band;
  }

  private scored(value: NodeValue, stage: RoundingStage, bandScale: RankedScale | null): ScoredResult {
    return {
      score: this.shown(value.score, stage),
      exact: value.exactScore ? fractionText(value.exactScore) : null,
      computedScore: this.shown(value.computedScore, stage),
      band: levelResult(bandScale, value.band),
      computedBand: levelResult(bandScale, value.computedBand),
      ...(value.bandRule !== undefined ? { bandRule: value.bandRule } : {}),
      ...(value.limits.length > 0
        ? {
            limits: value.limits.map((a) => ({
              id: a.limit.def.id,
              kind: a.limit.kind,
              band: levelResult(bandScale, a.to)!,
              from: levelResult(bandScale, a.from)!,
              note: a.limit.def.note,
            })),
          }
        : {}),
      adjustment: value.adjustment
        ? {
            ...(value.adjustment.band !== undefined ? { band: levelResult(bandScale, value.adjustment.band)! } : {}),
            ...(value.adjustment.score !== undefined ? { score: value.adjustment.score } : {}),
            reason: value.adjustment.reason,
          }
        : null,
      ...(value.points !== null ? { points: toNumber(value.points), maxPoints: toNumber(value.maxPoints!) } : {}),
      ...(value.notRated !== undefined ? { notRated: { reason: value.notRated } } : {}),
    };
  }

  // Criteria -----------------------------------------------------------------------------------

  private scoreCriterion(c: CompiledCriterion): Scored<CriterionResult> {
    const value = emptyNodeValue();
    let items: ItemResult[] = [];
    let targets: TargetResult[] = [];
    if (c.def.kind === 'evidence') {
      ({ items, levels: value.levels } = rateItems(c, this.inputs.evidence, (from) => this.criterionValues.get(from)?.value.band ?? null));
      value.inputScale = c.itemScale;
    } else if (c.def.kind === 'targets') {
      ({ targets, levels: value.levels } = judgeMeasures(c, this.inputs.targets));
      value.inputScale = c.statusScale;
    }
    if (c.def.kind === 'direct') {
      // Always given: checkInspection refuses an inspection without a score for every direct criterion.
      value.computedScore = exact(this.inputs.scores.get(c.key)!);
    } else {
      const combined = this.combine(c.score, { questions: () => c.questions, children: null, levels: value.levels, inputScale: value.inputScale });
      value.computedScore = combined.score;
      if (combined.notRated) value.notRated = combined.notRated;
    }
    if ((c.def.kind === 'evidence' || c.def.kind === 'targets') && value.levels.length === 0) {
      value.notRated = c.def.kind === 'evidence' ? 'no rated items' : 'no judged measures';
    }
    value.exactScore = value.computedScore;
    value.computedScore = this.rounded(value.computedScore, 'criterion');
    value.score = value.computedScore;
    assignBand(c.band, value, [], this.inputs.area);
    this.adjust(c.key, value);
    return {
      value,
      result: {
        id: c.def.id,
        title: c.def.title,
        kind: c.def.kind,
        weight: c.def.weight ?? null,
        weightValue: c.weight ? toNumber(c.weight) : null,
        ...this.scored(value, 'criterion', c.bandScale),
        questions: c.questions.map((q) => this.questionResult(q)),
        items,
        targets,
      },
    };
  }

  // Sections and overall -----------------------------------------------------------------------

  private addPoints(value: NodeValue, points: ReadonlyMap<string, Fraction> | null): void {
    if (!points) return;
    const max = [...points.values()].reduce((a, b) => (a.compare(b) >= 0 ? a : b), new Fraction(0));
    let total = new Fraction(0);
    for (const l of value.levels) total = total.add(points.get(l.id) ?? new Fraction(0));
    value.points = total;
    value.maxPoints = max.mul(value.levels.length);
  }

  /** Scores, bands, adjusts and summarises a section or the overall result once its levels are set. */
  private settle(
    value: NodeValue,
    node: {
      score: ScoreRule | null;
      band: CompiledBand | null;
      points: ReadonlyMap<string, Fraction> | null;
      summary: string | undefined;
      key: string;
      stage: RoundingStage;
      bandScale: RankedScale | null;
    },
    parts: { questions: () => CompiledQuestion[]; children: Array<{ value: NodeValue; weight: Fraction | null }> },
  ): { scored: ScoredResult; summary?: string } {
    this.addPoints(value, node.points);
    const combined = this.combine(node.score, {
      questions: parts.questions,
      children: parts.children.map((c) => ({ value: c.value.score, weight: c.weight })),
      levels: value.levels,
      inputScale: value.inputScale,
    });
    value.exactScore = combined.score;
    value.computedScore = this.rounded(combined.score, node.stage);
    value.score = value.computedScore;
    if (combined.notRated) value.notRated = combined.notRated;
    assignBand(
      node.band,
      value,
      parts.children.map((c) => c.value.band),
      this.inputs.area,
    );
    this.adjust(node.key, value);
    const scored = this.scored(value, node.stage, node.bandScale);
    if (node.summary === undefined) return { scored };
    return {
      scored,
      summary: fillSummary(node.summary, {
        value: value.levels,
        scale: value.inputScale,
        score: scored.score,
        band: scored.band?.label ?? null,
        points: value.points,
      }),
    };
  }

  private scoreSection(s: CompiledSection): Scored<SectionResult> {
    const criteria = s.criteria.map((c) => this.criterionValues.get(c)!);
    const value = emptyNodeValue();
    let items: ItemResult[] | null = null;
    if (s.own) {
      ({ items, levels: value.levels } = rateItems(s.own, this.inputs.evidence, () => null));
      value.inputScale = s.own.itemScale;
      if (value.levels.length === 0) value.notRated = 'no rated items';
    } else if (s.def.levels === 'items') {
      value.inputScale = s.criteria.find((c) => c.itemScale)?.itemScale ?? null;
      value.levels = criteria.flatMap((c) => (c.value.inputScale === value.inputScale ? c.value.levels : []));
    } else {
      value.inputScale = s.childScale;
      value.levels = bandLevels(
        criteria.map((c) => c.value.band),
        value.inputScale,
      );
    }
    const { scored, summary } = this.settle(
      value,
      { score: s.score, band: s.band, points: s.points, summary: s.def.summary, key: s.key, stage: 'section', bandScale: s.bandScale },
      { questions: () => s.criteria.flatMap((c) => c.questions), children: criteria.map((c, i) => ({ value: c.value, weight: s.criteria[i]!.weight })) },
    );
    return {
      value,
      result: {
        id: s.def.id,
        title: s.def.title,
        weight: s.def.weight ?? null,
        ...scored,
        criteria: criteria.map((c) => c.result),
        ...(items !== null ? { items } : {}),
        ...(summary !== undefined ? { summary } : {}),
        ...(value.levels.length > 0 ? { levelCounts: countByLevel(value.levels) } : {}),
      },
    };
  }

  private scoreOverall(sections: Array<Scored<SectionResult>>): Scored<OverallResult> {
    const overall = this.module.overall!;
    const value = emptyNodeValue();
    value.inputScale = this.module.overall!.childScale;
    value.levels = bandLevels(
      sections.map((s) => s.value.band),
      value.inputScale,
    );
    const { scored, summary } = this.settle(
      value,
      {
        score: overall.score,
        band: overall.band,
        points: overall.points,
        summary: overall.def.summary,
        key: `${this.module.prefix}overall`,
        stage: 'overall',
        bandScale: overall.bandScale,
      },
      {
        questions: () => this.module.sections.flatMap((s) => s.criteria.flatMap((c) => c.questions)),
        children: sections.map((s, i) => ({ value: s.value, weight: this.module.sections[i]!.weight })),
      },
    );
    return { value, result: { title: overall.def.title, ...scored, ...(summary !== undefined ? { summary } : {}) } };
  }
}

/**
 * How a criterion's, section's or overall score was combined from its parts: pooled counts, a
 * weighted mean with each part and weight, or a share at least a level, with the rounding of its
 * stage; and a part as what combines it sees it (the score it passes up, with its weight).
 */
import type { ScoreRule } from '../model/pack.js';
import type { CriterionResult, QuestionResult, ScoredResult } from '../model/result.js';
import type { BandInputs, CompiledModule, CompiledQuestion, RankedScale } from '../compile/compiled-plan.js';
import { Fraction, percent } from '../compile/exact-number.js';
import { describeScore } from '../report/describe-score.js';
import { weightAtLeast } from '../evaluate/count-levels.js';
import { figure, plural, settle } from './describe-figures.js';
import { parseFraction, roundAt, scorePassedUp } from './explain-context.js';
import { node, type TraceNode } from './trace-node.js';

export type Stage = 'criterion' | 'section' | 'overall';

export interface Part {
  id: string;
  title: string;
  value: Fraction | null;
  weight: Fraction | null;
  weightName: string | number | null;
  notRated?: string;
  shown: string;
}

/** How a score was combined from its parts, with the rounding of its stage. */
export function scoreNode(
  id: string,
  module: CompiledModule,
  stage: Stage,
  rule: ScoreRule,
  r: ScoredResult,
  parts: {
    questions: CompiledQuestion[];
    questionResults: Map<string, QuestionResult>;
    children: Part[] | null;
    levels: BandInputs['levels'];
    inputScale: RankedScale | null;
    unit: string;
  },
): TraceNode {
  const nodeId = `${id}/score`;
  const done = (label: string, value: Fraction | null, children: TraceNode[] = []) => {
    const check =
      r.exact !== null && value !== null && !parseFraction(r.exact).equals(value)
        ? [node(`${nodeId}/disagreement`, `note: scoring recorded ${r.exact}, the explanation computes ${value.toFraction()}`, false)]
        : [];
    return node(nodeId, label, r.score, [...children, ...check]);
  };
  switch (rule.method) {
    case 'pooled': {
      let relevant = 0;
      let met = 0;
      for (const q of parts.questions) {
        const qr = parts.questionResults.get(q.key);
        relevant += qr?.relevant ?? 0;
        met += qr?.met ?? 0;
      }
      if (relevant === 0) return done(`pooled over ${plural(parts.questions.length, 'question', 'questions')}: no relevant judgements — not rated`, null);
      const value = percent(met, relevant);
      return done(
        `pooled over ${plural(parts.questions.length, 'question', 'questions')}: ${met} met of ${relevant} relevant judgements ${settle(module, stage, value)}`,
        value,
      );
    }
    case 'weightedMean': {
      const overQuestions = parts.children === null || rule.over === 'questions';
      const items: Part[] = overQuestions
        ? parts.questions.map((q) => {
            const qr = parts.questionResults.get(q.key);
            const value = qr && qr.relevant > 0 ? roundAt(module, 'question', percent(qr.met, qr.relevant)) : null;
            return {
              id: q.key,
              title: q.def.text,
              value,
              weight: q.weight,
              weightName: null,
              ...(value === null ? { notRated: 'no relevant cases' } : {}),
              shown: value === null ? 'not rated' : figure(value),
            };
          })
        : parts.children!;
      const what = overQuestions ? "the questions' percentages" : `the ${parts.unit === 'criteria' ? "criteria's" : `${parts.unit}'`} scores`;
      const weighted = items.filter((p) => p.weight !== null);
      const missing = weighted.filter((p) => p.value === null);
      const childNodes = overQuestions ? [] : items.map((p) => partNode(p));
      if (rule.notRated === 'notRated' && missing.length > 0) {
        return done(
          `weighted mean of ${what}: not rated, because ${missing.map((p) => p.id).join(', ')} ${missing.length === 1 ? 'is' : 'are'} not rated and the rule makes a part not rated make this one not rated`,
          null,
          childNodes,
        );
      }
      const used = weighted.filter((p) => p.value !== null);
      const left = missing.length > 0 ? `; left out, not rated: ${missing.map((p) => p.id).join(', ')}` : '';
      if (used.length === 0) return done(`weighted mean of ${what}: no rated parts — not rated${left}`, null, childNodes);
      let total = new Fraction(0);
      let weights = new Fraction(0);
      for (const p of used) {
        total = total.add(p.value!.mul(p.weight!));
        weights = weights.add(p.weight!);
      }
      const value = total.div(weights);
      const terms = used.map((p) => `${figure(p.value!)}×${figure(p.weight!)}`).join(' + ');
      const sum = `(${terms}) / ${figure(weights)} = ${figure(total)}/${figure(weights)}`;
      return done(`weighted mean of ${what}: ${sum} ${settle(module, stage, value)}${left}`, value, childNodes);
    }
    case 'shareAtLeast': {
      const { rated, atLeast } = weightAtLeast(parts.levels, parts.inputScale?.rank.get(rule.level ?? ''));
      const level = parts.inputScale?.levels.find((l) => l.id === rule.level)?.label ?? rule.level;
      if (rated.equals(0)) return done(`share of ${parts.unit} at least ${level}: nothing rated — not rated`, null);
      const value = atLeast.div(rated).mul(100);
      return done(`share of ${parts.unit} at least ${level}: ${figure(atLeast)} of ${figure(rated)} ${settle(module, stage, value)}`, value);
    }
  }
}

function partNode(p: Part): TraceNode {
  const label =
    p.weight === null
      ? `${p.id} ${p.title}: ${p.shown} — no weight, not counted`
      : p.value === null
        ? `${p.id} ${p.title}: not rated (${p.notRated ?? 'no score'}) — left out`
        : `${p.id} ${p.title}: ${p.shown} × ${figure(p.weight)}${typeof p.weightName === 'string' ? ` (${p.weightName})` : ''}`;
  return node(p.id, label, p.value === null ? null : Number(p.value.valueOf()));
}

export function questionResultsOf(criteria: CriterionResult[], prefix: string): Map<string, QuestionResult> {
  const map = new Map<string, QuestionResult>();
  for (const c of criteria) for (const q of c.questions) map.set(prefix + q.id, q);
  return map;
}

/** A criterion or section as a part of what combines it: the score it passes up, with its weight. */
export function partOf(
  module: CompiledModule,
  stage: 'criterion' | 'section',
  node: { key: string; def: { title: string; weight?: string | number }; weight: Fraction | null },
  result: ScoredResult,
): Part {
  return {
    id: node.key,
    title: node.def.title,
    value: scorePassedUp(module, stage, result),
    weight: node.weight,
    weightName: node.def.weight ?? null,
    ...(result.notRated ? { notRated: result.notRated.reason } : {}),
    shown: describeScore(result) + (result.adjustment ? ' (adjusted)' : ''),
  };
}

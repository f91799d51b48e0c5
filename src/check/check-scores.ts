/**
 * Score rules: the methods each level may use, `shareAtLeast` with a level of what it counts, and
 * a weighted mean over children that carry weights.
 */
import type { ScoreRule } from '../model/pack.js';
import type { CheckContext } from './check-context.js';
import { withArticle } from './check-condition-shape.js';
import { countedScales, criteriaOf, subjectsOf } from './pack-structure.js';
import type { Subject } from './pack-structure.js';

const CRITERION_METHODS: Readonly<Record<string, readonly ScoreRule['method'][]>> = {
  sample: ['pooled', 'weightedMean'],
  evidence: ['shareAtLeast'],
  targets: ['shareAtLeast'],
  direct: [],
};

export function checkScores(ctx: CheckContext): void {
  for (const subject of subjectsOf(ctx)) {
    const score = subject.node.score;
    if (!score) continue;
    if (subject.kind === 'criterion') {
      const allowed = CRITERION_METHODS[subject.node.kind] ?? [];
      if (!allowed.includes(score.method)) {
        const hint =
          allowed.length === 0
            ? 'a direct criterion takes its score from the inspection: remove score'
            : `${withArticle(subject.node.kind)} criterion's score may use: ${allowed.join(', ')}`;
        ctx.error('BAD_AGGREGATION', score, 'method', `${subject.label} cannot use the score method ${score.method}`, hint);
        continue;
      }
    }
    checkShareLevel(ctx, subject, score);
    // Averaged over every question beneath, each weighing its own weight (1 by default), a mean always has weights.
    const overQuestions = (score as { over?: string }).over === 'questions';
    if (score.method === 'weightedMean' && subject.kind !== 'criterion' && !overQuestions) checkWeighted(ctx, subject, score);
  }
}

function checkShareLevel(ctx: CheckContext, subject: Subject, score: ScoreRule): void {
  if (score.method !== 'shareAtLeast') {
    if (score.level !== undefined)
      ctx.error(
        'BAD_AGGREGATION',
        score,
        'level',
        `the score of ${subject.label} has a level, which only shareAtLeast uses`,
        'remove level, or use method: shareAtLeast',
        true,
      );
    return;
  }
  if (score.level === undefined) {
    ctx.error(
      'BAD_AGGREGATION',
      score,
      undefined,
      `the score of ${subject.label} uses shareAtLeast without a level`,
      'add level: the level from which inputs count, e.g. level: <a level of the counted scale>',
    );
    return;
  }
  const scales = countedScales(ctx, subject);
  if (scales.length === 0) {
    ctx.error(
      'BAD_AGGREGATION',
      score,
      'method',
      `${subject.label} has no levels to count, so shareAtLeast cannot work`,
      'use shareAtLeast where items, measures or banded children are counted',
    );
  } else if (scales.length === 1) {
    ctx.requireLevel(score.level, scales[0]!, score, 'level', `the score of ${subject.label}`);
  } else {
    // Levels of different scales have no common order: scoring counts none of them (or one scale's alone).
    ctx.error(
      'SCALE_MISMATCH',
      score,
      'method',
      `${subject.label} counts levels of different scales (${scales.join(', ')}), so shareAtLeast has no order to count '${score.level}' in`,
      'band its children (or rate its items) on one scale, or use another method',
    );
  }
}

function checkWeighted(ctx: CheckContext, subject: Subject, score: ScoreRule): void {
  const children: Array<{ weight?: string | number }> = subject.kind === 'section' ? criteriaOf(ctx, subject.node) : (ctx.pack.sections ?? []);
  if (!children.some((c) => c.weight !== undefined)) {
    const what = subject.kind === 'section' ? 'criteria' : 'sections';
    ctx.error(
      'BAD_AGGREGATION',
      score,
      'method',
      `${subject.label} takes a weighted mean, but none of its ${what} has a weight`,
      `give its ${what} a weight (a weight class or a number), or use another method`,
    );
  }
}

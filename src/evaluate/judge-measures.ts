/**
 * A targets criterion's measures, each judged met, nearly met or not met: on the right side of
 * its target by its direction, within its tolerance on the wrong side, or further away. Exact.
 */
import type { TargetFigure } from '../model/inspection.js';
import type { TargetResult } from '../model/result.js';
import type { CompiledCriterion } from '../compile/compiled-plan.js';
import { Fraction, exact } from '../compile/exact-number.js';
import { levelResult, type CountedLevel } from './level-result.js';

export function judgeMeasures(c: CompiledCriterion, figures: ReadonlyMap<string, TargetFigure>): { targets: TargetResult[]; levels: CountedLevel[] } {
  const scale = c.statusScale!;
  const statuses = c.def.statuses!;
  const levels: CountedLevel[] = [];
  const targets = c.measures.map((m): TargetResult => {
    const figure = figures.get(m.key);
    const targetNumber = figure?.target ?? m.def.target ?? null;
    const tolerance = m.def.tolerance ?? 0;
    let status: string | null = null;
    if (figure && targetNumber !== null) {
      const v = exact(figure.value);
      const t = exact(targetNumber);
      const tol = exact(tolerance);
      const higher = m.def.direction === 'higher';
      const onRightSide = higher ? v.compare(t) >= 0 : v.compare(t) <= 0;
      const nearly = higher ? v.compare(t.sub(tol)) >= 0 : v.compare(t.add(tol)) <= 0;
      status = onRightSide ? statuses.met : nearly ? statuses.nearlyMet : statuses.notMet;
    }
    const rank = status === null ? undefined : scale.rank.get(status);
    if (m.counted && rank !== undefined) levels.push({ rank, weight: new Fraction(1), id: status! });
    return {
      id: m.def.id,
      criterion: c.def.id,
      measure: m.def.measure,
      ...(m.def.unit !== undefined ? { unit: m.def.unit } : {}),
      direction: m.def.direction,
      target: targetNumber,
      value: figure?.value ?? null,
      comparator: figure?.comparator ?? null,
      tolerance,
      status: levelResult(scale, status),
      counted: m.counted,
      ...(figure?.note !== undefined ? { note: figure.note } : {}),
    };
  });
  return { targets, levels };
}

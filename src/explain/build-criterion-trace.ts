/**
 * A criterion's trace: where it counts (its section and weight, or the items that take its band),
 * its questions, items, measures or given score, how its score was combined, its band and the
 * inspector's adjustment.
 */
import type { CompiledCriterion, CompiledModule } from '../compile/compiled-plan.js';
import type { CriterionResult } from '../model/result.js';
import { bandNode, criterionLevels } from './build-band-node.js';
import { itemNode, measureNode } from './build-item-nodes.js';
import { questionNode } from './build-question-trace.js';
import { adjustmentNode, scoreText, weightPhrase } from './build-result-nodes.js';
import { questionResultsOf, scoreNode } from './build-score-node.js';
import { figure } from './describe-figures.js';
import { parseFraction, sectionOf, type ExplainContext } from './explain-context.js';
import { node, type TraceNode } from './trace-node.js';

function criterionResult(ctx: ExplainContext, key: string): CriterionResult {
  const found = ctx.index.get(key);
  if (found?.kind !== 'criterion') throw new Error(`no criterion ${key}`);
  return found.node;
}

export function buildCriterionTrace(ctx: ExplainContext, key: string): TraceNode {
  const c = ctx.criteria.get(key)!;
  const r = criterionResult(ctx, key);
  const module = c.module;
  const section = sectionOf(module, c);
  const weighs = section?.score?.method === 'weightedMean' && section.score.over !== 'questions';
  const where = section
    ? weighs
      ? c.weight === null
        ? `no weight: not counted in section ${section.key}'s score`
        : `${weightPhrase(c.def.weight, c.weight)} in section ${section.key}`
      : `in section ${section.key}`
    : `in no section; ${usersOf(module, c).join(', ') || 'it feeds no item'}`;
  const children: TraceNode[] = [];
  if (c.def.kind === 'sample') {
    for (const q of c.questions)
      children.push(
        questionNode(
          ctx,
          q,
          r.questions.find((x) => module.prefix + x.id === q.key)!,
        ),
      );
  }
  if (c.def.kind === 'evidence') children.push(...r.items.map((item) => itemNode(ctx, module, item)));
  if (c.def.kind === 'targets') children.push(...r.targets.map((t) => measureNode(module, t)));
  if (c.def.kind === 'direct')
    children.push(
      node(
        `${key}/given`,
        r.exact === null ? 'no score given by the inspection: not rated' : `score given by the inspection: ${figure(parseFraction(r.exact))}`,
        r.computedScore,
      ),
    );
  const levels = { ...criterionLevels(c, r), unit: c.def.kind === 'targets' ? 'measures' : 'items' };
  if (c.score) {
    children.push(
      scoreNode(key, module, 'criterion', c.score, r, {
        questions: c.questions,
        questionResults: questionResultsOf([r], module.prefix),
        children: null,
        levels: levels.levels,
        inputScale: levels.inputScale,
        unit: levels.unit,
      }),
    );
  } else if (r.notRated && c.def.kind !== 'direct') {
    children.push(node(`${key}/score`, `not rated: ${r.notRated.reason}`, null));
  }
  children.push(...bandNode(ctx, key, module, 'criterion', c.band, r, levels, [], null));
  children.push(...adjustmentNode(key, r));
  return node(key, `${key} ${c.def.title}: ${scoreText(r)} (${where})`, r.score ?? r.band?.id ?? null, children);
}

/** The items that take their level from a criterion: `its band is the level of item A1.targets of A1`. */
function usersOf(module: CompiledModule, c: CompiledCriterion): string[] {
  return module.criteria.flatMap((other) => other.items.filter((i) => i.from === c).map((i) => `its band is the level of item ${i.key} of ${other.key}`));
}

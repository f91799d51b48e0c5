/**
 * The trace of an evidence item (with the criterion it takes its level from, when it has one)
 * and of a target measure, each with the criterion it counts in.
 */
import type { CriterionResult, ItemResult, SectionResult, TargetResult } from '../model/result.js';
import { describeScore } from '../report/describe-score.js';
import { buildCriterionTrace } from './build-criterion-trace.js';
import { itemLine, measureLine } from './build-item-nodes.js';
import { moduleOf, type ExplainContext } from './explain-context.js';
import { node, type TraceNode } from './trace-node.js';

export function buildItemTrace(ctx: ExplainContext, key: string, item: ItemResult, criterion: CriterionResult | SectionResult): TraceNode {
  const module = moduleOf(ctx.plan, key);
  const children: TraceNode[] = [];
  if (item.from) {
    const sourceKey = module.prefix + item.from;
    children.push(buildCriterionTrace(ctx, sourceKey));
  }
  children.push(
    node(
      `${key}/criterion`,
      `counts in ${module.prefix}${criterion.id} ${criterion.title}: ${describeScore(criterion)}`,
      criterion.band?.id ?? criterion.score,
    ),
  );
  return node(key, itemLine(ctx, module, item), item.level?.id ?? null, children);
}

export function buildMeasureTrace(ctx: ExplainContext, key: string, t: TargetResult): TraceNode {
  const module = moduleOf(ctx.plan, key);
  const criterion = ctx.index.get(module.prefix + t.criterion);
  const children =
    criterion?.kind === 'criterion'
      ? [
          node(
            `${key}/criterion`,
            `judged in ${module.prefix}${t.criterion} ${criterion.node.title}${t.counted ? '' : ' (left out of its band)'}: ${describeScore(criterion.node)}`,
            criterion.node.band?.id ?? null,
          ),
        ]
      : [];
  return node(key, measureLine(module, t), t.status?.id ?? null, children);
}

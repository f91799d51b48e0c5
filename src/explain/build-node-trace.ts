/**
 * The derivation of one result, named by its id: a criterion, section, question, evidence item,
 * target measure or `overall` (a thematic's prefixed with its id and a colon). Each node says in
 * the methodology's terms what the value is and what it was made from: the questions' counts
 * and the cases not met, the items' ratings, the measures' judgements, the weighted mean with
 * each weight, the rounding, the band rule that matched and why the rules above it did not.
 * This file finds what the id names and hands it to the trace of its kind.
 */
import type { ExplainContext } from './explain-context.js';
import { buildCriterionTrace } from './build-criterion-trace.js';
import { buildItemTrace, buildMeasureTrace } from './build-item-trace.js';
import { buildOverallTrace } from './build-overall-trace.js';
import { buildQuestionTrace } from './build-question-trace.js';
import { buildSectionTrace } from './build-section-trace.js';
import type { TraceNode } from './trace-node.js';

/** The result explained, or why the id names nothing. */
export type NodeExplanation = { trace: TraceNode } | { unknown: string; suggestions: string[] };

/** Explains the result an id names. */
export function buildNodeTrace(ctx: ExplainContext, id: string): NodeExplanation {
  const found = ctx.index.get(id);
  if (!found) return { unknown: id, suggestions: suggest(ctx, id) };
  switch (found.kind) {
    case 'criterion':
      return { trace: buildCriterionTrace(ctx, id) };
    case 'section':
      return { trace: buildSectionTrace(ctx, id) };
    case 'overall':
      return { trace: buildOverallTrace(ctx, id) };
    case 'question':
      return { trace: buildQuestionTrace(ctx, id) };
    case 'item':
      return { trace: buildItemTrace(ctx, id, found.node, found.criterion) };
    case 'measure':
      return { trace: buildMeasureTrace(ctx, id, found.node) };
  }
}

/** Ids close to one that names nothing: those that start or end like it, or differ only in case. */
function suggest(ctx: ExplainContext, id: string): string[] {
  const lower = id.toLowerCase();
  const all = [...ctx.index.keys()];
  const same = all.filter((k) => k.toLowerCase() === lower || k.toLowerCase().endsWith(`:${lower}`));
  if (same.length > 0) return same;
  const close = all.filter((k) => k.toLowerCase() === lower || k.toLowerCase().startsWith(lower) || k.toLowerCase().endsWith(`:${lower}`));
  return close.slice(0, 10);
}

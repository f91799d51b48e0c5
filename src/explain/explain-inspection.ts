/**
 * The entry of `criteria explain`: scores an inspection keeping each case's outcomes, then
 * explains one result by its id, or one case by its id, as a trace tree.
 */
import type { Diagnostic } from '../model/errors.js';
import { buildCaseTrace, findCase } from './build-case-trace.js';
import { buildNodeTrace } from './build-node-trace.js';
import { explainContext, openExplanation, type ExplainContext, type OpenExplanationOptions } from './explain-context.js';
import type { ScoredFile } from '../pipeline/score-file.js';
import type { TraceNode } from './trace-node.js';

export type ExplainTarget = { id: string } | { caseId: string };

export async function explainInspection(
  path: string,
  target: ExplainTarget,
  options: OpenExplanationOptions = {},
): Promise<{ trace: TraceNode } | { errors: Diagnostic[] }> {
  const ctx = await openExplanation(path, options);
  if ('errors' in ctx) return ctx;
  return explainInContext(ctx, target);
}

/** Explains one result or one case of an inspection scored with its traces kept (`trace: true`). */
export async function explainScored(scored: ScoredFile, target: ExplainTarget): Promise<{ trace: TraceNode } | { errors: Diagnostic[] }> {
  return explainInContext(explainContext(scored.opened.file, scored), target);
}

async function explainInContext(ctx: ExplainContext, target: ExplainTarget): Promise<{ trace: TraceNode } | { errors: Diagnostic[] }> {
  if ('caseId' in target) {
    const record = await findCase(ctx, target.caseId);
    if ('errors' in record) return record;
    return { trace: { ...buildCaseTrace(ctx, record), provenance: ctx.result.provenance } };
  }
  const explained = buildNodeTrace(ctx, target.id);
  if ('trace' in explained) return { trace: { ...explained.trace, provenance: ctx.result.provenance } };
  const hint =
    explained.suggestions.length > 0
      ? `did you mean ${explained.suggestions.join(', ')}?`
      : "name a criterion, section, question, evidence item or measure id, or overall; a thematic's ids are prefixed with its id and a colon (id:B2)";
  return { errors: [{ code: 'USAGE', severity: 'error', message: `the inspection has no result '${target.id}'`, hint }] };
}

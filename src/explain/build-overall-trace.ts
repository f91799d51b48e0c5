/**
 * The overall result's trace (the methodology's, or a thematic's): its sections as parts, how its
 * score was combined, its band, points, summary and the inspector's adjustment.
 */
import type { OverallResult } from '../model/result.js';
import { bandLevels } from '../evaluate/count-levels.js';
import { bandNode } from './build-band-node.js';
import { adjustmentNode, pointsNode, scoreText, summaryNode } from './build-result-nodes.js';
import { partOf, questionResultsOf, scoreNode, type Part } from './build-score-node.js';
import { sectionResult } from './build-section-trace.js';
import { moduleOf, type ExplainContext } from './explain-context.js';
import { node, type TraceNode } from './trace-node.js';

export function buildOverallTrace(ctx: ExplainContext, key: string): TraceNode {
  const module = key === 'overall' ? ctx.plan.methodology : moduleOf(ctx.plan, key);
  const found = ctx.index.get(key);
  const r = found?.kind === 'overall' ? found.node : (null as unknown as OverallResult);
  const overall = module.overall!;
  const sections = module.sections.map((s) => ({ s, r: sectionResult(ctx, s.key) }));
  const parts: Part[] = sections.map(({ s, r: sr }) => partOf(module, 'section', s, sr));
  const inputScale = module.overall!.childScale;
  const levels = {
    levels: bandLevels(
      sections.map((x) => x.r.band?.id ?? null),
      inputScale,
    ),
    inputScale,
    unit: 'sections',
  };
  const children: TraceNode[] = [];
  if (overall.score) {
    children.push(
      scoreNode(key, module, 'overall', overall.score, r, {
        questions: module.sections.flatMap((s) => s.criteria.flatMap((c) => c.questions)),
        questionResults: questionResultsOf(
          sections.flatMap((x) => x.r.criteria),
          module.prefix,
        ),
        children: parts.filter((p) => p.weight !== null || p.value !== null),
        levels: levels.levels,
        inputScale,
        unit: 'sections',
      }),
    );
  }
  const bandParts = sections.map((x) => ({ id: x.s.key, band: x.r.band?.id ?? null, title: x.s.def.title }));
  children.push(...bandNode(ctx, key, module, 'overall', overall.band, r, levels, bandParts, inputScale));
  children.push(
    ...pointsNode(
      key,
      r,
      overall.points,
      sections.map((x) => ({ id: x.s.key, band: x.r.band?.id ?? null, label: x.r.band?.label ?? null })),
    ),
  );
  children.push(...summaryNode(key, r.summary));
  children.push(...adjustmentNode(key, r));
  return node(key, `${key} ${overall.def.title}: ${scoreText(r)}`, r.score ?? r.band?.id ?? null, children);
}

/**
 * A section's trace: its weight in the overall score, its own items or its criteria as parts,
 * how its score was combined, its band, points, summary and the inspector's adjustment.
 */
import type { SectionResult } from '../model/result.js';
import type { CompiledModule, CompiledSection } from '../compile/compiled-plan.js';
import { describeScore } from '../report/describe-score.js';
import { bandNode, sectionLevels } from './build-band-node.js';
import { itemNode } from './build-item-nodes.js';
import { adjustmentNode, pointsNode, scoreText, summaryNode, weightPhrase } from './build-result-nodes.js';
import { partOf, questionResultsOf, scoreNode, type Part } from './build-score-node.js';
import { moduleOf, type ExplainContext } from './explain-context.js';
import { node, type TraceNode } from './trace-node.js';

export function sectionResult(ctx: ExplainContext, key: string): SectionResult {
  const found = ctx.index.get(key);
  if (found?.kind !== 'section') throw new Error(`no section ${key}`);
  return found.node;
}

function criterionParts(module: CompiledModule, s: CompiledSection, r: SectionResult): Part[] {
  return s.criteria.map((c, i) => partOf(module, 'criterion', c, r.criteria[i]!));
}

export function buildSectionTrace(ctx: ExplainContext, key: string): TraceNode {
  const s = ctx.sections.get(key)!;
  const r = sectionResult(ctx, key);
  const module = moduleOf(ctx.plan, key);
  const overall = module.overall?.score;
  const weighs = overall?.method === 'weightedMean' && overall.over !== 'questions';
  const weight = weighs
    ? ` (${s.weight === null ? 'no weight: not counted in the overall score' : `${weightPhrase(s.def.weight, s.weight)} in the overall score`})`
    : '';
  const children: TraceNode[] = [];
  const parts = criterionParts(module, s, r);
  const levels = sectionLevels(ctx, s, r);
  if (r.items !== undefined) children.push(...r.items.map((item) => itemNode(ctx, module, item)));
  if (s.score) {
    children.push(
      scoreNode(key, module, 'section', s.score, r, {
        questions: s.criteria.flatMap((c) => c.questions),
        questionResults: questionResultsOf(r.criteria, module.prefix),
        children: parts,
        levels: levels.levels,
        inputScale: levels.inputScale,
        unit: levels.unit,
      }),
    );
    if (s.score.method !== 'weightedMean' || s.score.over === 'questions')
      children.push(...parts.map((p) => node(p.id, `${p.id} ${p.title}: ${p.shown}`, p.value === null ? null : Number(p.value.valueOf()))));
  } else if (r.items === undefined) {
    children.push(
      node(
        `${key}/criteria`,
        `criteria: ${r.criteria.map((c) => `${module.prefix}${c.id} ${describeScore(c)}`).join(', ')}`,
        r.criteria.map((c) => module.prefix + c.id),
      ),
    );
  }
  if (s.def.levels === 'items') {
    const items = r.criteria.flatMap((c) => c.items.filter((i) => i.counted).map((i) => `${module.prefix}${i.id} ${i.label}`));
    children.push(node(`${key}/items`, `its levels are its criteria's counted items: ${items.join(', ')}`, items.length));
  }
  // A section rated from its own items names the items its counts decided on.
  const bandParts =
    r.items !== undefined
      ? r.items.filter((i) => i.counted).map((i) => ({ id: module.prefix + i.id, band: i.level?.id ?? null }))
      : r.criteria.map((c) => ({ id: module.prefix + c.id, band: c.band?.id ?? null, title: c.title }));
  children.push(
    ...bandNode(
      ctx,
      key,
      module,
      'section',
      s.band,
      r,
      levels,
      bandParts,
      r.items !== undefined ? (s.own?.itemScale ?? null) : s.childScale,
      r.items !== undefined,
    ),
  );
  children.push(
    ...pointsNode(
      key,
      r,
      s.points,
      r.criteria.map((c) => ({ id: module.prefix + c.id, band: c.band?.id ?? null, label: c.band?.label ?? null })),
    ),
  );
  children.push(...summaryNode(key, r.summary));
  children.push(...adjustmentNode(key, r));
  return node(key, `${key} ${s.def.title}: ${scoreText(r)}${weight}`, r.score ?? r.band?.id ?? null, children);
}

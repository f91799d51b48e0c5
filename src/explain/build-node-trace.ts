/**
 * The derivation of one result, named by its id: a criterion, section, question, evidence item,
 * target measure or `overall` (a thematic's prefixed with its id and a colon). Each node says in
 * the methodology's terms what the value is and what it was made from: the questions' counts
 * and the cases not met, the items' ratings, the measures' judgements, the weighted mean with
 * each weight, the rounding, the band rule that matched and why the rules above it did not.
 */
import type { Condition } from '../model/condition.js';
import type { ScoreRule } from '../model/pack.js';
import type { CriterionResult, ItemResult, OverallResult, QuestionResult, ScoredResult, SectionResult, TargetResult } from '../model/result.js';
import { Outcome, type BandInputs, type CompiledCriterion, type CompiledModule, type CompiledQuestion, type CompiledSection, type RankedScale } from '../compile/compiled-plan.js';
import { Fraction, exact, percent } from '../compile/exact-number.js';
import { describeComputed, describeScore } from '../report/describe-score.js';
import { buildBandTrace } from './build-band-trace.js';
import { figure, listIds, plural, settle } from './describe-figures.js';
import { computedScore, moduleOf, namedConditions, parseFraction, roundAt, scorePassedUp, sectionOf, type ExplainContext } from './explain-context.js';
import { renderCondition } from './render-condition.js';
import { bandLevels, weightAtLeast } from '../evaluate/score-module.js';
import { node, type TraceNode } from './trace-node.js';

type Stage = 'criterion' | 'section' | 'overall';

/** The result explained, or why the id names nothing. */
export type NodeExplanation = { trace: TraceNode } | { unknown: string; suggestions: string[] };

/** Explains the result an id names. */
export function buildNodeTrace(ctx: ExplainContext, id: string): NodeExplanation {
  const found = ctx.index.get(id);
  if (!found) return { unknown: id, suggestions: suggest(ctx, id) };
  switch (found.kind) {
    case 'criterion':
      return { trace: explainCriterion(ctx, id) };
    case 'section':
      return { trace: explainSection(ctx, id) };
    case 'overall':
      return { trace: explainOverall(ctx, id) };
    case 'question':
      return { trace: explainQuestion(ctx, id) };
    case 'item':
      return { trace: explainItem(ctx, id, found.node, found.criterion) };
    case 'measure':
      return { trace: explainMeasure(ctx, id, found.node) };
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

// Shared pieces ---------------------------------------------------------------------------------

function scoreText(r: ScoredResult): string {
  const text = describeScore(r);
  return r.adjustment ? `${text}, adjusted by the inspector (computed ${describeComputed(r)})` : text;
}

function weightPhrase(weight: string | number | null | undefined, value: Fraction | null): string {
  if (value === null) return 'no weight';
  return typeof weight === 'string' ? `${weight}, ×${figure(value)}` : `weight ${figure(value)}`;
}

function adjustmentNode(id: string, r: ScoredResult): TraceNode[] {
  if (!r.adjustment) return [];
  const changes: string[] = [];
  if (r.adjustment.band) changes.push(`band ${r.computedBand?.label ?? 'none'} → ${r.adjustment.band.label}`);
  if (r.adjustment.score !== undefined) changes.push(`score ${r.computedScore ?? 'none'} → ${r.adjustment.score}`);
  return [node(`${id}/adjustment`, `adjusted by the inspector: ${changes.join(', ')}; reason: ${r.adjustment.reason}`, r.adjustment.reason)];
}

function notMetIds(ctx: ExplainContext, q: CompiledQuestion, outcome: Outcome = Outcome.NotMet): string[] {
  const ids: string[] = [];
  for (const t of ctx.traces) if (t.outcomes[q.index] === outcome) ids.push(t.id);
  return ids;
}

/** `C1.4 'text': relevant in 36 of 100 cases (applies when …), met in 31 (86%); not met: cases …`. */
function questionLine(ctx: ExplainContext, q: CompiledQuestion, r: QuestionResult): string {
  const cases = ctx.result.cases.scored;
  const applies = q.def.appliesWhen ? `applies when ${renderCondition(q.def.appliesWhen)}` : 'applies to every case';
  const decided = q.def.metWhen ? `; met when ${renderCondition(q.def.metWhen)}` : '';
  const na = r.notApplicable > 0 ? `; ${plural(r.notApplicable, 'more case it applied to was', 'more cases it applied to were')} answered not applicable and left out` : '';
  const head = `${q.key} '${q.def.text}': relevant in ${r.relevant} of ${plural(cases, 'case', 'cases')} (${applies}${decided})`;
  if (r.relevant === 0) return `${head}${na}: not rated`;
  const notMet = r.met < r.relevant ? `; not met: ${r.relevant - r.met === 1 ? 'case' : 'cases'} ${listIds(notMetIds(ctx, q))}` : '';
  return `${head}, met in ${r.met} (${r.percent}%)${na}${notMet}`;
}

function questionNode(ctx: ExplainContext, q: CompiledQuestion, r: QuestionResult): TraceNode {
  return node(q.key, questionLine(ctx, q, r), r.percent);
}

interface Part {
  id: string;
  title: string;
  value: Fraction | null;
  weight: Fraction | null;
  weightName: string | number | null;
  notRated?: string;
  shown: string;
}

/** How a score was combined from its parts, with the rounding of its stage. */
function scoreNode(id: string, module: CompiledModule, stage: Stage, rule: ScoreRule, r: ScoredResult, parts: { questions: CompiledQuestion[]; questionResults: Map<string, QuestionResult>; children: Part[] | null; levels: BandInputs['levels']; inputScale: RankedScale | null; unit: string }): TraceNode {
  const nodeId = `${id}/score`;
  const done = (label: string, value: Fraction | null, children: TraceNode[] = []) => {
    const check = r.exact !== null && value !== null && !parseFraction(r.exact).equals(value)
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
      return done(`pooled over ${plural(parts.questions.length, 'question', 'questions')}: ${met} met of ${relevant} relevant judgements ${settle(module, stage, value)}`, value);
    }
    case 'weightedMean': {
      const overQuestions = parts.children === null || rule.over === 'questions';
      const items: Part[] = overQuestions
        ? parts.questions.map((q) => {
            const qr = parts.questionResults.get(q.key);
            const value = qr && qr.relevant > 0 ? roundAt(module, 'question', percent(qr.met, qr.relevant)) : null;
            return { id: q.key, title: q.def.text, value, weight: q.weight, weightName: null, ...(value === null ? { notRated: 'no relevant cases' } : {}), shown: value === null ? 'not rated' : figure(value) };
          })
        : parts.children!;
      const what = overQuestions ? "the questions' percentages" : `the ${parts.unit === 'criteria' ? "criteria's" : `${parts.unit}'`} scores`;
      const weighted = items.filter((p) => p.weight !== null);
      const missing = weighted.filter((p) => p.value === null);
      const childNodes = overQuestions ? [] : items.map((p) => partNode(p));
      if (rule.notRated === 'notRated' && missing.length > 0) {
        return done(`weighted mean of ${what}: not rated, because ${missing.map((p) => p.id).join(', ')} ${missing.length === 1 ? 'is' : 'are'} not rated and the rule makes a part not rated make this one not rated`, null, childNodes);
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
  const label = p.weight === null
    ? `${p.id} ${p.title}: ${p.shown} — no weight, not counted`
    : p.value === null
      ? `${p.id} ${p.title}: not rated (${p.notRated ?? 'no score'}) — left out`
      : `${p.id} ${p.title}: ${p.shown} × ${figure(p.weight)}${typeof p.weightName === 'string' ? ` (${p.weightName})` : ''}`;
  return node(p.id, label, p.value === null ? null : Number(p.value.valueOf()));
}

function questionResultsOf(criteria: CriterionResult[], prefix: string): Map<string, QuestionResult> {
  const map = new Map<string, QuestionResult>();
  for (const c of criteria) for (const q of c.questions) map.set(prefix + q.id, q);
  return map;
}

// Band inputs, derived from the results as scoring derives them ---------------------------------------

function criterionLevels(c: CompiledCriterion, r: CriterionResult): { levels: BandInputs['levels']; inputScale: RankedScale | null } {
  if (c.def.kind === 'evidence' && c.itemScale) {
    const scale = c.itemScale;
    const levels = r.items.filter((i) => i.counted && i.level !== null).map((i) => ({ rank: scale.rank.get(i.level!.id)!, weight: exact(i.weight) }));
    return { levels, inputScale: scale };
  }
  if (c.def.kind === 'targets' && c.statusScale) {
    const scale = c.statusScale;
    const levels = r.targets.filter((t) => t.counted && t.status !== null).map((t) => ({ rank: scale.rank.get(t.status!.id)!, weight: new Fraction(1) }));
    return { levels, inputScale: scale };
  }
  return { levels: [], inputScale: null };
}

function sectionLevels(ctx: ExplainContext, s: CompiledSection, r: SectionResult): { levels: BandInputs['levels']; inputScale: RankedScale | null; unit: string } {
  if (s.own && s.own.itemScale) {
    const scale = s.own.itemScale;
    const levels = (r.items ?? []).filter((i) => i.counted && i.level !== null).map((i) => ({ rank: scale.rank.get(i.level!.id)!, weight: exact(i.weight) }));
    return { levels, inputScale: scale, unit: 'items' };
  }
  if (s.def.levels === 'items') {
    const inputScale = s.criteria.find((c) => c.itemScale)?.itemScale ?? null;
    const levels = s.criteria.flatMap((c, i) => {
      const own = criterionLevels(c, r.criteria[i]!);
      return own.inputScale === inputScale ? own.levels : [];
    });
    return { levels, inputScale, unit: 'items' };
  }
  const inputScale = s.childScale;
  return { levels: bandLevels(r.criteria.map((c) => c.band?.id ?? null), inputScale), inputScale, unit: 'criteria' };
}

function pointsOf(r: ScoredResult): { points: Fraction | null; maxPoints: Fraction | null } {
  return r.points === undefined ? { points: null, maxPoints: null } : { points: exact(r.points), maxPoints: exact(r.maxPoints ?? 0) };
}

function bandNode(ctx: ExplainContext, id: string, module: CompiledModule, stage: Stage, band: CompiledCriterion['band'], r: ScoredResult, levels: { levels: BandInputs['levels']; inputScale: RankedScale | null; unit: string }, parts: Array<{ id: string; band: string | null; title?: string }>, partScale: RankedScale | null, partsAreItems = false): TraceNode[] {
  if (!band) return [];
  const inputs: BandInputs = { score: computedScore(module, stage, r), levels: levels.levels, inputScale: levels.inputScale, ...pointsOf(r) };
  return [buildBandTrace({
    id,
    band,
    result: r,
    inputs,
    area: ctx.area,
    areaFacts: new Set(ctx.plan.areaFacts.keys()),
    named: namedConditions(ctx.plan, module),
    unit: levels.unit,
    parts,
    partScale,
    partsAreItems,
    setTitle: (name) => module.pack.bandSets?.[name]?.title ?? ctx.plan.methodology.pack.bandSets?.[name]?.title,
  })];
}

function pointsNode(id: string, r: ScoredResult, points: ReadonlyMap<string, Fraction> | null, bands: Array<{ id: string; band: string | null; label: string | null }>): TraceNode[] {
  if (!points || r.points === undefined) return [];
  const terms = bands.filter((b) => b.band !== null && points.has(b.band)).map((b) => `${b.id} ${b.label} ${figure(points.get(b.band!)!)}`);
  return [node(`${id}/points`, `points: ${r.points} of at most ${r.maxPoints} (${terms.join(', ')})`, r.points)];
}

function summaryNode(id: string, summary: string | undefined): TraceNode[] {
  return summary === undefined ? [] : [node(`${id}/summary`, `summary: ${summary}`, summary)];
}

// Criteria ----------------------------------------------------------------------------------------

function criterionResult(ctx: ExplainContext, key: string): CriterionResult {
  const found = ctx.index.get(key);
  if (found?.kind !== 'criterion') throw new Error(`no criterion ${key}`);
  return found.node;
}

function explainCriterion(ctx: ExplainContext, key: string): TraceNode {
  const c = ctx.criteria.get(key)!;
  const r = criterionResult(ctx, key);
  const module = c.module;
  const section = sectionOf(module, c);
  const weighs = section?.score?.method === 'weightedMean' && section.score.over !== 'questions';
  const where = section
    ? weighs
      ? c.weight === null ? `no weight: not counted in section ${section.key}'s score` : `${weightPhrase(c.def.weight, c.weight)} in section ${section.key}`
      : `in section ${section.key}`
    : `in no section; ${usersOf(module, c).join(', ') || 'it feeds no item'}`;
  const children: TraceNode[] = [];
  if (c.def.kind === 'sample') {
    for (const q of c.questions) children.push(questionNode(ctx, q, r.questions.find((x) => module.prefix + x.id === q.key)!));
  }
  if (c.def.kind === 'evidence') children.push(...r.items.map((item) => itemNode(ctx, module, item)));
  if (c.def.kind === 'targets') children.push(...r.targets.map((t) => measureNode(module, t)));
  if (c.def.kind === 'direct') children.push(node(`${key}/given`, r.exact === null ? 'no score given by the inspection: not rated' : `score given by the inspection: ${figure(parseFraction(r.exact))}`, r.computedScore));
  const levels = { ...criterionLevels(c, r), unit: c.def.kind === 'targets' ? 'measures' : 'items' };
  if (c.score) {
    children.push(scoreNode(key, module, 'criterion', c.score, r, {
      questions: c.questions,
      questionResults: questionResultsOf([r], module.prefix),
      children: null,
      levels: levels.levels,
      inputScale: levels.inputScale,
      unit: levels.unit,
    }));
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

function itemLine(ctx: ExplainContext, module: CompiledModule, item: ItemResult): string {
  const key = module.prefix + item.id;
  const weight = item.weight !== 1 ? ` (counts ×${item.weight})` : '';
  let from = '';
  if (item.from) {
    const source = ctx.index.get(module.prefix + item.from);
    const band = source?.kind === 'criterion' ? source.node.band?.label ?? 'no band' : 'no band';
    from = ` — from ${module.prefix}${item.from}, whose band is ${band}`;
  }
  const why = item.counted ? '' : ` — not counted: ${item.excludedBecause ?? (item.level === null ? (item.label === 'not rated' ? 'not rated' : 'not applicable') : 'not rated')}`;
  return `${key} '${item.text}': ${item.label}${weight}${from}${why}`;
}

function itemNode(ctx: ExplainContext, module: CompiledModule, item: ItemResult): TraceNode {
  return node(module.prefix + item.id, itemLine(ctx, module, item), item.level?.id ?? null);
}

function measureLine(module: CompiledModule, t: TargetResult): string {
  const unit = t.unit === undefined ? '' : t.unit === '%' ? '%' : ` ${t.unit}`;
  const head = `${module.prefix}${t.id} '${t.measure}'`;
  const comparator = t.comparator !== null ? `; comparator ${t.comparator}${unit}` : '';
  const counted = t.counted ? '' : ' — not counted in the band';
  if (t.value === null) return `${head}: no figure given — not judged${counted}`;
  if (t.target === null) return `${head}: ${t.value}${unit}, no target — not judged${counted}`;
  const higher = t.direction === 'higher';
  const value = exact(t.value);
  const target = exact(t.target);
  const limit = higher ? target.sub(exact(t.tolerance)) : target.add(exact(t.tolerance));
  const rightSide = higher ? value.compare(target) >= 0 : value.compare(target) <= 0;
  const nearly = higher ? value.compare(limit) >= 0 : value.compare(limit) <= 0;
  const wrong = higher ? 'below' : 'above';
  const why = rightSide
    ? 'on the right side of the target'
    : nearly
      ? `${wrong} the target, within the tolerance (${higher ? 'at least' : 'at most'} ${figure(limit)}${unit})`
      : `${wrong} the target by more than the tolerance (${higher ? 'under' : 'over'} ${figure(limit)}${unit})`;
  return `${head}: ${t.value}${unit} against target ${t.target}${unit} (${higher ? 'higher' : 'lower'} is better, tolerance ${t.tolerance}) → ${t.status?.label ?? 'not judged'}, ${why}${comparator}${counted}`;
}

function measureNode(module: CompiledModule, t: TargetResult): TraceNode {
  return node(module.prefix + t.id, measureLine(module, t), t.status?.id ?? null);
}

// Sections and the overall result -------------------------------------------------------------------

function sectionResult(ctx: ExplainContext, key: string): SectionResult {
  const found = ctx.index.get(key);
  if (found?.kind !== 'section') throw new Error(`no section ${key}`);
  return found.node;
}

function criterionParts(module: CompiledModule, s: CompiledSection, r: SectionResult): Part[] {
  return s.criteria.map((c, i) => partOf(module, 'criterion', c, r.criteria[i]!));
}

/** A criterion or section as a part of what combines it: the score it passes up, with its weight. */
function partOf(module: CompiledModule, stage: 'criterion' | 'section', node: { key: string; def: { title: string; weight?: string | number }; weight: Fraction | null }, result: ScoredResult): Part {
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

function explainSection(ctx: ExplainContext, key: string): TraceNode {
  const s = ctx.sections.get(key)!;
  const r = sectionResult(ctx, key);
  const module = moduleOf(ctx.plan, key);
  const overall = module.overall?.score;
  const weighs = overall?.method === 'weightedMean' && overall.over !== 'questions';
  const weight = weighs ? ` (${s.weight === null ? 'no weight: not counted in the overall score' : `${weightPhrase(s.def.weight, s.weight)} in the overall score`})` : '';
  const children: TraceNode[] = [];
  const parts = criterionParts(module, s, r);
  const levels = sectionLevels(ctx, s, r);
  if (r.items !== undefined) children.push(...r.items.map((item) => itemNode(ctx, module, item)));
  if (s.score) {
    children.push(scoreNode(key, module, 'section', s.score, r, {
      questions: s.criteria.flatMap((c) => c.questions),
      questionResults: questionResultsOf(r.criteria, module.prefix),
      children: parts,
      levels: levels.levels,
      inputScale: levels.inputScale,
      unit: levels.unit,
    }));
    if (s.score.method !== 'weightedMean' || s.score.over === 'questions') children.push(...parts.map((p) => node(p.id, `${p.id} ${p.title}: ${p.shown}`, p.value === null ? null : Number(p.value.valueOf()))));
  } else if (r.items === undefined) {
    children.push(node(`${key}/criteria`, `criteria: ${r.criteria.map((c) => `${module.prefix}${c.id} ${describeScore(c)}`).join(', ')}`, r.criteria.map((c) => module.prefix + c.id)));
  }
  if (s.def.levels === 'items') {
    const items = r.criteria.flatMap((c) => c.items.filter((i) => i.counted).map((i) => `${module.prefix}${i.id} ${i.label}`));
    children.push(node(`${key}/items`, `its levels are its criteria's counted items: ${items.join(', ')}`, items.length));
  }
  // A section rated from its own items names the items its counts decided on.
  const bandParts = r.items !== undefined
    ? r.items.filter((i) => i.counted).map((i) => ({ id: module.prefix + i.id, band: i.level?.id ?? null }))
    : r.criteria.map((c) => ({ id: module.prefix + c.id, band: c.band?.id ?? null, title: c.title }));
  children.push(...bandNode(ctx, key, module, 'section', s.band, r, levels, bandParts, r.items !== undefined ? (s.own?.itemScale ?? null) : s.childScale, r.items !== undefined));
  children.push(...pointsNode(key, r, s.points, r.criteria.map((c) => ({ id: module.prefix + c.id, band: c.band?.id ?? null, label: c.band?.label ?? null }))));
  children.push(...summaryNode(key, r.summary));
  children.push(...adjustmentNode(key, r));
  return node(key, `${key} ${s.def.title}: ${scoreText(r)}${weight}`, r.score ?? r.band?.id ?? null, children);
}

function explainOverall(ctx: ExplainContext, key: string): TraceNode {
  const module = key === 'overall' ? ctx.plan.methodology : moduleOf(ctx.plan, key);
  const found = ctx.index.get(key);
  const r = found?.kind === 'overall' ? found.node : (null as unknown as OverallResult);
  const overall = module.overall!;
  const sections = module.sections.map((s) => ({ s, r: sectionResult(ctx, s.key) }));
  const parts: Part[] = sections.map(({ s, r: sr }) => partOf(module, 'section', s, sr));
  const inputScale = module.overall!.childScale;
  const levels = { levels: bandLevels(sections.map((x) => x.r.band?.id ?? null), inputScale), inputScale, unit: 'sections' };
  const children: TraceNode[] = [];
  if (overall.score) {
    children.push(scoreNode(key, module, 'overall', overall.score, r, {
      questions: module.sections.flatMap((s) => s.criteria.flatMap((c) => c.questions)),
      questionResults: questionResultsOf(sections.flatMap((x) => x.r.criteria), module.prefix),
      children: parts.filter((p) => p.weight !== null || p.value !== null),
      levels: levels.levels,
      inputScale,
      unit: 'sections',
    }));
  }
  const bandParts = sections.map((x) => ({ id: x.s.key, band: x.r.band?.id ?? null, title: x.s.def.title }));
  children.push(...bandNode(ctx, key, module, 'overall', overall.band, r, levels, bandParts, inputScale));
  children.push(...pointsNode(key, r, overall.points, sections.map((x) => ({ id: x.s.key, band: x.r.band?.id ?? null, label: x.r.band?.label ?? null }))));
  children.push(...summaryNode(key, r.summary));
  children.push(...adjustmentNode(key, r));
  return node(key, `${key} ${overall.def.title}: ${scoreText(r)}`, r.score ?? r.band?.id ?? null, children);
}

// Questions, items, measures -------------------------------------------------------------------------

function explainQuestion(ctx: ExplainContext, key: string): TraceNode {
  const q = ctx.questions.get(key)!;
  const found = ctx.index.get(key);
  if (found?.kind !== 'question') throw new Error(`no question ${key}`);
  const r = found.node;
  const children: TraceNode[] = [];
  children.push(node(`${key}/applies`, q.def.appliesWhen ? `applies when ${renderCondition(q.def.appliesWhen)}${namedExpansion(ctx, q)}` : 'applies to every case', q.def.appliesWhen ? renderCondition(q.def.appliesWhen) : true));
  if (q.scale) {
    const met = q.scale.scale.met ?? [];
    const labels = (ids: string[]) => ids.map((id) => `${id} (${q.scale!.levels.find((l) => l.id === id)?.label ?? id})`).join(', ');
    const notMet = q.scale.levels.map((l) => l.id).filter((id) => !met.includes(id));
    const na = q.scale.notApplicable ? `; ${q.scale.notApplicable.id} takes the case out of the count` : '';
    children.push(node(`${key}/answer`, `answered on scale '${q.scale.id}': met when ${labels(met) || 'never'}; not met when ${labels(notMet) || 'never'}${na}`, met));
  } else if (q.def.metWhen) {
    children.push(node(`${key}/metWhen`, `decided by the case's facts: met when ${renderCondition(q.def.metWhen)}`, renderCondition(q.def.metWhen)));
  }
  const notMet = notMetIds(ctx, q);
  const met = notMetIds(ctx, q, Outcome.Met);
  const na = notMetIds(ctx, q, Outcome.NotApplicable);
  children.push(node(`${key}/met`, `met in ${plural(met.length, 'case', 'cases')}${met.length > 0 ? `: ${listIds(met)}` : ''}`, met));
  children.push(node(`${key}/notMet`, `not met in ${plural(notMet.length, 'case', 'cases')}${notMet.length > 0 ? `: ${listIds(notMet)}` : ''}`, notMet));
  if (na.length > 0) children.push(node(`${key}/notApplicable`, `answered not applicable in ${plural(na.length, 'case', 'cases')}: ${listIds(na)}`, na));
  if (r.relevant > 0) children.push(node(`${key}/percent`, `percentage: ${r.met} of ${r.relevant} ${settlePhrase(ctx, q, r)}`, r.percent));
  const criterion = ctx.criteria.get(q.module.prefix + found.criterion.id);
  if (criterion) {
    const how = criterion.score?.method === 'weightedMean' ? `a weighted mean of its questions, this one weighing ${figure(q.weight)}` : 'pooled with its other questions';
    children.push(node(`${key}/criterion`, `counts in ${criterion.key} ${criterion.def.title} (${how}): ${describeScore(found.criterion)}`, found.criterion.score));
  }
  return node(key, questionLine(ctx, q, r), r.percent, children);
}

function settlePhrase(ctx: ExplainContext, q: CompiledQuestion, r: QuestionResult): string {
  return settle(q.module, 'question', percent(r.met, r.relevant)).replace(/ \(not rounded at this stage\)$/, ` (shown to ${q.module.rounding.display ?? 2} places; not rounded)`);
}

/** The named conditions an applies condition uses, spelt out. */
function namedExpansion(ctx: ExplainContext, q: CompiledQuestion): string {
  const named = namedConditions(ctx.plan, q.module);
  const seen = new Set<string>();
  const visit = (c: Condition) => {
    if ('all' in c) c.all.forEach(visit);
    else if ('any' in c) c.any.forEach(visit);
    else if ('not' in c) visit(c.not);
    else if ('condition' in c && !seen.has(c.condition)) {
      seen.add(c.condition);
      const def = named(c.condition);
      if (def) visit(def);
    }
  };
  visit(q.def.appliesWhen!);
  if (seen.size === 0) return '';
  return `, where ${[...seen].map((name) => `${name} is ${renderCondition(named(name)!)}`).join('; ')}`;
}

function explainItem(ctx: ExplainContext, key: string, item: ItemResult, criterion: CriterionResult | SectionResult): TraceNode {
  const module = moduleOf(ctx.plan, key);
  const children: TraceNode[] = [];
  if (item.from) {
    const sourceKey = module.prefix + item.from;
    children.push(explainCriterion(ctx, sourceKey));
  }
  children.push(node(`${key}/criterion`, `counts in ${module.prefix}${criterion.id} ${criterion.title}: ${describeScore(criterion)}`, criterion.band?.id ?? criterion.score));
  return node(key, itemLine(ctx, module, item), item.level?.id ?? null, children);
}

function explainMeasure(ctx: ExplainContext, key: string, t: TargetResult): TraceNode {
  const module = moduleOf(ctx.plan, key);
  const criterion = ctx.index.get(module.prefix + t.criterion);
  const children = criterion?.kind === 'criterion'
    ? [node(`${key}/criterion`, `judged in ${module.prefix}${t.criterion} ${criterion.node.title}${t.counted ? '' : ' (left out of its band)'}: ${describeScore(criterion.node)}`, criterion.node.band?.id ?? null)]
    : [];
  return node(key, measureLine(module, t), t.status?.id ?? null, children);
}


/**
 * Why a result has its band: for ordered band rules, each rule tried in turn with the quantities
 * it compares (`good: share at least strong = 1 — fails (4 of 6 items)`) until the first that
 * holds; for `lowest`/`highest`, the parts' bands. The quantities are derived from the result
 * exactly as scoring derives them, and the rules are evaluated with the compiler's operators.
 */
import type { FactCondition, FactParams } from '../model/condition.js';
import type { ScoredResult } from '../model/result.js';
import type { BandInputs, CompiledBand, FactRecord, RankedScale } from '../compile/compiled-plan.js';
import { bandFact } from '../compile/band-facts.js';
import { Fraction } from '../compile/exact-number.js';
import { renderActual, renderComparison, renderCondition, renderFact } from './render-condition.js';
import { traceCondition, type ConditionTrace, type TraceScope } from './trace-condition.js';
import { node, type TraceNode } from './trace-node.js';
import type { Condition } from '../model/condition.js';

/** What the band rules of one result see, and how its parts are named. */
export interface BandContext {
  /** The result's id, for node ids. */
  id: string;
  band: CompiledBand;
  result: ScoredResult;
  inputs: BandInputs;
  area: FactRecord;
  areaFacts: ReadonlySet<string>;
  named: (name: string) => Condition | undefined;
  /** What the counted levels are: `items`, `measures`, `criteria`, `sections`. */
  unit: string;
  /** The parts with their bands (and titles, to name them), for `lowest`/`highest` and for counts of parts' bands. */
  parts: Array<{ id: string; band: string | null; title?: string }>;
  /** The scale of the parts' bands, for labels. */
  partScale: RankedScale | null;
  /** Whether `parts` are the counted items themselves (a section rated from its own items). */
  partsAreItems?: boolean;
  /** A band set's title by its name, for rules a set takes from the set it extends. */
  setTitle?: (name: string) => string | undefined;
}

function bandScope(context: BandContext): TraceScope {
  return {
    fact: (name, params) => (context.areaFacts.has(name) ? (context.area[name] ?? null) : bandFact(name, params)(context.inputs, context.area)),
    named: context.named,
  };
}

function labelOf(scale: RankedScale | null, id: string | null): string {
  if (id === null) return 'none';
  return scale?.levels.find((l) => l.id === id)?.label ?? id;
}

/** What a derived quantity was made of: `4 of 6 items`, `19 points over 10 rated sections = 1.9`. */
function quantity(context: BandContext, fact: string, params: FactParams | undefined, actual: unknown): string {
  const get = (name: string, p?: FactParams) => bandFact(name, p)(context.inputs, context.area) as Fraction | null;
  const weighted = context.inputs.levels.some((l) => !l.weight.equals(1)) ? ', by weight' : '';
  const unit = context.unit;
  if (context.areaFacts.has(fact)) return `${fact} = ${renderActual(actual)}`;
  switch (fact) {
    case 'share':
    case 'count': {
      const count = get('count', params);
      const rated = get('rated');
      if (!rated || rated.equals(0)) return `no rated ${unit}`;
      const named = countedParts(context, params);
      return `${renderActual(count)} of ${renderActual(rated)} ${fact === 'count' ? 'rated ' : ''}${unit}${weighted}${named && named.length > 0 && params ? `: ${named.join(', ')}` : ''}`;
    }
    case 'rated':
      return `${renderActual(actual)} rated ${unit}${weighted}`;
    case 'meanPoints': {
      const points = context.inputs.points;
      return points ? `${renderActual(points)} points over ${context.inputs.levels.length} rated ${unit} = ${renderActual(actual)}` : 'no points';
    }
    default:
      return `${renderFact(fact, params)} = ${renderActual(actual)}`;
  }
}

/** The rank test of count and share params, on the counted scale. */
function passes(context: BandContext, params: FactParams | undefined): ((level: string) => boolean) | null {
  const scale = context.inputs.inputScale;
  if (!scale) return null;
  const [key, level] = Object.entries(params ?? {})[0] ?? [];
  const bound = level === undefined ? undefined : scale.rank.get(String(level));
  if (key === undefined) return (id) => scale.rank.has(id);
  if (bound === undefined) return null;
  return (id) => {
    const rank = scale.rank.get(id);
    if (rank === undefined) return false;
    return key === 'atLeast' ? rank <= bound : key === 'atMost' ? rank >= bound : rank === bound;
  };
}

/** The parts (criteria or sections) whose bands a count or share counts, by title; null when the levels are not parts' bands. */
function countedParts(context: BandContext, params: FactParams | undefined): string[] | null {
  if (context.parts.length === 0 || !(context.unit === 'criteria' || context.unit === 'sections' || context.partsAreItems === true)) return null;
  const test = passes(context, params);
  return test ? context.parts.filter((p) => p.band !== null && test(p.band)).map((p) => p.title ?? p.id) : null;
}

/** `Section A and Section B are Fair or worse`: the parts that made a holding count decide. */
function because(context: BandContext, trace: ConditionTrace): string[] {
  if (!trace.holds) return [];
  switch (trace.kind) {
    case 'compare': {
      const c = trace.condition;
      if ((c.fact !== 'count' && c.fact !== 'share') || !c.params) return [];
      const names = countedParts(context, c.params);
      if (!names || names.length === 0) return [];
      const [key, level] = Object.entries(c.params)[0]!;
      const label = labelOf(context.inputs.inputScale, String(level));
      const which = key === 'atLeast' ? `${label} or better` : key === 'atMost' ? `${label} or worse` : label;
      const list = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
      return [`${list} ${names.length === 1 ? 'is' : 'are'} ${which}`];
    }
    case 'named':
      return because(context, trace.child);
    case 'all':
    case 'any':
      return trace.children.flatMap((child) => because(context, child));
    case 'not':
      return [];
  }
}

/** How explanations name a band set: by its title, else by its name. */
function setName(band: Extract<CompiledBand, { kind: 'rules' }>): string {
  return band.set.title ?? `band set '${band.setId}'`;
}

/** A rule as the methodology words it: the level's label and the rule's note. */
function ruleHead(band: Extract<CompiledBand, { kind: 'rules' }>, level: string, note: string | undefined, inherited: string | null): string {
  const from = inherited ? `, from ${inherited}` : '';
  return `${labelOf(band.scale, level)}${note ? ` (${note}${from})` : from ? ` (${from.slice(2)})` : ''}`;
}

/** Each limit tried after the band was found: whether it held and what it did. */
function limitNodes(context: BandContext, scale: RankedScale | null, id: string): TraceNode[] {
  const band = context.band;
  const applied = context.result.limits ?? [];
  if (band.limits.length === 0 || context.result.computedBand === null) return [];
  const scope = bandScope(context);
  return band.limits.map((limit) => {
    const nodeId = `${id}/limit-${limit.def.id}`;
    const moved = applied.find((a) => a.id === limit.def.id);
    const what = `${limit.kind === 'cap' ? 'no better than' : 'no worse than'} ${labelOf(scale, limit.level)}`;
    const head = `limit ${limit.def.id} (${what}) — ${limit.def.note}`;
    if (moved)
      return node(nodeId, `${head}: holds, so ${moved.from.label} becomes ${moved.band.label}`, true, conditionNodes(context, limit.def.when, scope, nodeId));
    const trace = traceCondition(limit.def.when, scope);
    return node(nodeId, `${head}: ${trace.holds ? 'holds, but the band is already within it' : 'does not hold'}`, false, leafNodes(context, trace, nodeId));
  });
}

function conditionNodes(context: BandContext, when: Condition, scope: TraceScope, id: string): TraceNode[] {
  return leafNodes(context, traceCondition(when, scope), id);
}

function leafText(context: BandContext, trace: Extract<ConditionTrace, { kind: 'compare' }>): string {
  const c: FactCondition = trace.condition;
  const value = c.value;
  const other =
    value !== null && typeof value === 'object' && !Array.isArray(value) ? `; ${renderFact(value.fact, value.params)} = ${renderActual(trace.other)}` : '';
  return `${renderComparison(c)} — ${trace.holds ? 'holds' : 'fails'} (${quantity(context, c.fact, c.params, trace.actual)}${other})`;
}

/** The comparisons of a rule as nodes (a rule that is one comparison gives none: its line says it all). */
function leafNodes(context: BandContext, trace: ConditionTrace, id: string): TraceNode[] {
  switch (trace.kind) {
    case 'compare':
      return [node(id, leafText(context, trace), trace.holds)];
    case 'not':
      return [node(id, `not — ${trace.holds ? 'holds' : 'fails'}`, trace.holds, leafNodes(context, trace.child, `${id}/not`))];
    case 'named':
      return [node(id, `${trace.name} — ${trace.holds ? 'holds' : 'fails'}`, trace.holds, leafNodes(context, trace.child, `${id}/${trace.name}`))];
    case 'all':
    case 'any':
      return trace.children.flatMap((c, i) => leafNodes(context, c, `${id}/${i + 1}`));
  }
}

/** A single comparison, however deeply wrapped in one-part `all`/`any`. */
function singleLeaf(trace: ConditionTrace): Extract<ConditionTrace, { kind: 'compare' }> | null {
  if (trace.kind === 'compare') return trace;
  if (trace.kind === 'named') return singleLeaf(trace.child);
  if ((trace.kind === 'all' || trace.kind === 'any') && trace.children.length === 1) return singleLeaf(trace.children[0]!);
  return null;
}

/** The band's derivation. */
export function buildBandTrace(context: BandContext): TraceNode {
  const { band, result } = context;
  const id = `${context.id}/band`;
  const computed = result.computedBand;
  const unlimited = result.limits?.[0]?.from ?? computed;
  const limited = result.limits && result.limits.length > 0 ? `, limited to ${computed?.label ?? 'none'}: ${result.limits.map((l) => l.note).join('; ')}` : '';
  if (result.notRated && computed === null) return node(id, `band: none — not rated (${result.notRated.reason})`, null);
  if (band.kind === 'combine') {
    const parts = context.parts.map((p) => `${p.id} ${p.band === null ? 'no band' : labelOf(context.partScale, p.band)}`);
    const label = `band: ${unlimited?.label ?? 'none'} — the ${band.mode} band of its parts (${parts.join(', ')})${parts.some((p) => p.endsWith('no band')) ? '; parts without a band are left out' : ''}${limited}`;
    return node(id, label, computed?.id ?? null, limitNodes(context, band.scale, id));
  }
  const scope = bandScope(context);
  const children: TraceNode[] = [];
  let matched: number | 'otherwise' | null = null;
  let reasons: string[] = [];
  for (let i = 0; i < band.set.rules.length; i++) {
    const rule = band.set.rules[i]!;
    const trace = traceCondition(rule.when, scope);
    const single = singleLeaf(trace);
    const ruleId = `${id}/rule-${i + 1}`;
    const head = ruleHead(band, rule.level, rule.note, rule.declaredIn !== band.setId ? (context.setTitle?.(rule.declaredIn) ?? rule.declaredIn) : null);
    if (single) children.push(node(ruleId, `${head}: ${leafText(context, single)}`, trace.holds));
    // A rule that is one named condition is shown by that name, with the name's parts beneath.
    else
      children.push(
        node(
          ruleId,
          `${head}: ${renderCondition(rule.when)} — ${trace.holds ? 'holds' : 'fails'}`,
          trace.holds,
          leafNodes(context, trace.kind === 'named' ? trace.child : trace, ruleId),
        ),
      );
    if (trace.holds) {
      matched = i + 1;
      reasons = because(context, trace);
      break;
    }
  }
  if (matched === null && band.otherwise !== null) {
    matched = 'otherwise';
    children.push(node(`${id}/otherwise`, `otherwise ${labelOf(band.scale, band.otherwise)} — no rule holds`, true));
  }
  const where =
    matched === null
      ? 'no rule holds and there is no otherwise: not rated'
      : matched === 'otherwise'
        ? `otherwise of ${setName(band)}`
        : `rule ${matched} of ${setName(band)}, the first that holds${matched < band.set.rules.length ? ' (later rules are not tried)' : ''}`;
  const why = reasons.length > 0 ? `; because ${reasons.join(', and ')}` : '';
  const agrees = (result.bandRule ?? null) === matched;
  children.push(...limitNodes(context, band.scale, id));
  if (!agrees)
    children.push(node(`${id}/disagreement`, `note: scoring recorded ${String(result.bandRule)} but the rules evaluate to ${String(matched)}`, false));
  return node(id, `band: ${unlimited?.label ?? 'none'} — ${where}${why}${limited}`, computed?.id ?? null, children);
}

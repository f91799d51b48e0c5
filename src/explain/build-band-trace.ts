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
  /** For `lowest`/`highest`: the parts with their bands. */
  parts: Array<{ id: string; band: string | null }>;
  /** The scale of the parts' bands, for labels. */
  partScale: RankedScale | null;
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
      return `${renderActual(count)} of ${renderActual(rated)} ${fact === 'count' ? 'rated ' : ''}${unit}${weighted}`;
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

function leafText(context: BandContext, trace: Extract<ConditionTrace, { kind: 'compare' }>): string {
  const c: FactCondition = trace.condition;
  const value = c.value;
  const other = value !== null && typeof value === 'object' && !Array.isArray(value) ? `; ${renderFact(value.fact, value.params)} = ${renderActual(trace.other)}` : '';
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
  if ((trace.kind === 'all' || trace.kind === 'any') && trace.children.length === 1) return singleLeaf(trace.children[0]!);
  return null;
}

/** The band's derivation. */
export function buildBandTrace(context: BandContext): TraceNode {
  const { band, result } = context;
  const id = `${context.id}/band`;
  const computed = result.computedBand;
  if (result.notRated && computed === null) return node(id, `band: none — not rated (${result.notRated.reason})`, null);
  if (band.kind === 'combine') {
    const parts = context.parts.map((p) => `${p.id} ${p.band === null ? 'no band' : labelOf(context.partScale, p.band)}`);
    const label = `band: ${computed?.label ?? 'none'} — the ${band.mode} band of its parts (${parts.join(', ')})${parts.some((p) => p.endsWith('no band')) ? '; parts without a band are left out' : ''}`;
    return node(id, label, computed?.id ?? null);
  }
  const scope = bandScope(context);
  const children: TraceNode[] = [];
  let matched: number | 'otherwise' | null = null;
  for (let i = 0; i < band.set.rules.length; i++) {
    const rule = band.set.rules[i]!;
    const trace = traceCondition(rule.when, scope);
    const single = singleLeaf(trace);
    const ruleId = `${id}/rule-${i + 1}`;
    const note = rule.note ? ` [${rule.note}]` : '';
    if (single) children.push(node(ruleId, `${rule.level}: ${leafText(context, single)}${note}`, trace.holds));
    else children.push(node(ruleId, `${rule.level}: ${renderCondition(rule.when)} — ${trace.holds ? 'holds' : 'fails'}${note}`, trace.holds, leafNodes(context, trace, ruleId)));
    if (trace.holds) {
      matched = i;
      break;
    }
  }
  if (matched === null && band.otherwise !== null) {
    matched = 'otherwise';
    children.push(node(`${id}/otherwise`, `otherwise: ${band.otherwise} — no rule holds`, true));
  }
  const where = matched === null ? 'no rule holds and the set has no otherwise: not rated' : matched === 'otherwise' ? `otherwise of band set '${band.setId}'` : `rule ${matched + 1} of band set '${band.setId}', the first that holds${matched + 1 < band.set.rules.length ? ' (later rules are not tried)' : ''}`;
  const agrees = (result.bandRule ?? null) === matched;
  if (!agrees) children.push(node(`${id}/disagreement`, `note: scoring recorded ${String(result.bandRule)} but the rules evaluate to ${String(matched)}`, false));
  return node(id, `band: ${computed?.label ?? 'none'} — ${where}`, computed?.id ?? null, children);
}

/**
 * Evaluates a condition while keeping every step: which comparisons held, with the values the
 * facts had, and which of them decided the outcome. Comparisons go through the compiler's own
 * `applyOperator`, and `all`/`any`/`not`/named conditions combine exactly as the compiled
 * predicates do (an empty `all` or `any` holds), so a trace always agrees with the predicate.
 */
import type { Condition, FactCondition, FactParams } from '../model/condition.js';
import { applyOperator } from '../compile/compile-condition.js';
import { renderActual, renderComparison, renderCondition, renderFact } from './render-condition.js';

/** How a trace reads facts and named conditions. */
export interface TraceScope {
  /** The value of a fact (with its params), null when missing. */
  fact(name: string, params: FactParams | undefined): unknown;
  /** A named condition's definition. */
  named(name: string): Condition | undefined;
}

export type ConditionTrace =
  | { kind: 'all' | 'any'; holds: boolean; children: ConditionTrace[] }
  | { kind: 'not'; holds: boolean; child: ConditionTrace }
  | { kind: 'named'; name: string; holds: boolean; child: ConditionTrace }
  | { kind: 'compare'; holds: boolean; condition: FactCondition; actual: unknown; other: unknown };

/** Evaluates `condition` over `scope`, keeping every step. */
export function traceCondition(condition: Condition, scope: TraceScope, resolving: string[] = []): ConditionTrace {
  if ('all' in condition || 'any' in condition) {
    const all = 'all' in condition;
    const children = (all ? condition.all : condition.any).map((c) => traceCondition(c, scope, resolving));
    const holds = children.length === 0 ? true : all ? children.every((c) => c.holds) : children.some((c) => c.holds);
    return { kind: all ? 'all' : 'any', holds, children };
  }
  if ('not' in condition) {
    const child = traceCondition(condition.not, scope, resolving);
    return { kind: 'not', holds: !child.holds, child };
  }
  if ('condition' in condition) {
    const name = condition.condition;
    const definition = scope.named(name);
    if (definition === undefined || resolving.includes(name)) throw new Error(`no usable condition named '${name}'`);
    const child = traceCondition(definition, scope, [...resolving, name]);
    return { kind: 'named', name, holds: child.holds, child };
  }
  const actual = scope.fact(condition.fact, condition.params);
  const value = condition.value;
  const other = value !== null && typeof value === 'object' && !Array.isArray(value) ? scope.fact(value.fact, value.params) : value;
  return { kind: 'compare', holds: applyOperator(condition.operator, actual, other), condition, actual, other };
}

/** A comparison that decided an outcome, with the named conditions it was reached through and whether a `not` turned it round. */
export interface DecidingLeaf {
  leaf: Extract<ConditionTrace, { kind: 'compare' }>;
  via: string[];
  negated: boolean;
}

/**
 * The comparisons that decided the outcome, the way the predicate reaches it: a false `all` is
 * decided by its first false part, a true `any` by its first true part; a true `all` or a false
 * `any` needs every part.
 */
export function decidingLeaves(trace: ConditionTrace, via: string[] = [], negated = false): DecidingLeaf[] {
  switch (trace.kind) {
    case 'compare':
      return [{ leaf: trace, via, negated }];
    case 'not':
      return decidingLeaves(trace.child, via, !negated);
    case 'named':
      return decidingLeaves(trace.child, [...via, trace.name], negated);
    case 'all':
    case 'any': {
      const shortCut = trace.kind === 'all' ? !trace.holds : trace.holds;
      if (shortCut) {
        const first = trace.children.find((c) => c.holds === trace.holds);
        return first ? decidingLeaves(first, via, negated) : [];
      }
      return trace.children.flatMap((c) => decidingLeaves(c, via, negated));
    }
  }
}

/** `risk in [high, veryHigh] is false (risk = low)`, with the named conditions it came through and any `not`. */
export function describeLeaf(deciding: DecidingLeaf): string {
  const { leaf } = deciding;
  const fact = renderFact(leaf.condition.fact, leaf.condition.params);
  const value = leaf.condition.value;
  const reference =
    value !== null && typeof value === 'object' && !Array.isArray(value) ? `, ${renderFact(value.fact, value.params)} = ${renderActual(leaf.other)}` : '';
  const text = `${renderComparison(leaf.condition)} is ${leaf.holds} (${fact} = ${renderActual(leaf.actual)}${reference})`;
  const prefix = deciding.via.length > 0 ? `${deciding.via.join(' → ')}: ` : '';
  return `${prefix}${text}${deciding.negated ? ', under not' : ''}`;
}

/** Why a condition came out as it did: its deciding comparisons, joined. */
export function describeOutcome(condition: Condition, trace: ConditionTrace): string {
  const leaves = decidingLeaves(trace);
  if (leaves.length === 0) return `${renderCondition(condition)} holds (an empty condition always holds)`;
  return leaves.map(describeLeaf).join(' and ');
}

/**
 * Compiles a condition in json-rules-engine syntax into a synchronous predicate, once per pack.
 * Nothing from the pack is turned into code: the predicate is a tree of closures. Operators
 * follow json-rules-engine's default set exactly (its Engine is the oracle in the differential
 * tests), except that a Fraction on either side of a numeric comparison is compared exactly.
 */
import type { Condition, FactCondition, FactParams, Operator, Scalar } from '../model/condition.js';
import { Fraction, exact } from './exact-number.js';

/** Reads one fact from the two arguments a predicate is called with (e.g. case facts and area facts). */
export type FactGetter<X, Y> = (x: X, y: Y) => unknown;

/** A compiled condition. */
export type Predicate<X, Y> = (x: X, y: Y) => boolean;

/** How a compiler finds facts and named conditions. */
export interface ConditionScope<X, Y> {
  /** A getter for the fact a condition (or a value's fact reference) names. */
  fact(name: string, params: FactParams | undefined): FactGetter<X, Y>;
  /** A named condition's definition. */
  named(name: string): Condition | undefined;
}

const isNumeric = (v: unknown): boolean => Number.parseFloat(v as string).toString() !== 'NaN';

/** json-rules-engine's default operators, on plain values. */
const PLAIN: Record<Operator, (a: unknown, b: unknown) => boolean> = {
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  // json-rules-engine throws when `in`/`notIn` get no list; checked packs always give one, and a predicate never throws.
  in: (a, b) => Array.isArray(b) && b.indexOf(a) > -1,
  notIn: (a, b) => Array.isArray(b) && b.indexOf(a) === -1,
  contains: (a, b) => Array.isArray(a) && a.indexOf(b) > -1,
  doesNotContain: (a, b) => Array.isArray(a) && a.indexOf(b) === -1,
  lessThan: (a, b) => isNumeric(a) && (a as number) < (b as number),
  lessThanInclusive: (a, b) => isNumeric(a) && (a as number) <= (b as number),
  greaterThan: (a, b) => isNumeric(a) && (a as number) > (b as number),
  greaterThanInclusive: (a, b) => isNumeric(a) && (a as number) >= (b as number),
};

const asFraction = (v: unknown): Fraction | undefined => (v instanceof Fraction ? v : typeof v === 'number' && Number.isFinite(v) ? exact(v) : undefined);

/** Applies an operator; when either side is a Fraction, numeric comparisons and equality are exact. */
export function applyOperator(operator: Operator, a: unknown, b: unknown): boolean {
  if (a instanceof Fraction || b instanceof Fraction) {
    const fa = asFraction(a);
    const fb = asFraction(b);
    if (fa && fb) {
      const c = fa.compare(fb);
      switch (operator) {
        case 'equal':
          return c === 0;
        case 'notEqual':
          return c !== 0;
        case 'lessThan':
          return c < 0;
        case 'lessThanInclusive':
          return c <= 0;
        case 'greaterThan':
          return c > 0;
        case 'greaterThanInclusive':
          return c >= 0;
        default:
          break;
      }
    }
    if (a instanceof Fraction && (operator === 'in' || operator === 'notIn') && Array.isArray(b)) {
      const found = b.some((v) => asFraction(v)?.equals(a) ?? false);
      return operator === 'in' ? found : !found;
    }
  }
  return PLAIN[operator](a, b);
}

/** Compiles a condition; named conditions are compiled once and shared. */
export function compileCondition<X, Y>(condition: Condition, scope: ConditionScope<X, Y>, cache = new Map<string, Predicate<X, Y>>()): Predicate<X, Y> {
  const compileNode = (node: Condition, resolving: string[]): Predicate<X, Y> => {
    if ('all' in node)
      return combine(
        node.all.map((c) => compileNode(c, resolving)),
        'all',
      );
    if ('any' in node)
      return combine(
        node.any.map((c) => compileNode(c, resolving)),
        'any',
      );
    if ('not' in node) {
      const inner = compileNode(node.not, resolving);
      return (x, y) => !inner(x, y);
    }
    if ('condition' in node) return compileNamed(node.condition, resolving);
    return compileComparison(node, scope);
  };
  const compileNamed = (name: string, resolving: string[]): Predicate<X, Y> => {
    const cached = cache.get(name);
    if (cached) return cached;
    if (resolving.includes(name)) throw new Error(`named conditions form a cycle: ${[...resolving, name].join(' → ')}`);
    const definition = scope.named(name);
    if (!definition) throw new Error(`no condition named '${name}'`);
    const predicate = compileNode(definition, [...resolving, name]);
    cache.set(name, predicate);
    return predicate;
  };
  return compileNode(condition, []);
}

/** json-rules-engine: an empty `all` or `any` holds; one condition is itself. */
function combine<X, Y>(parts: Predicate<X, Y>[], mode: 'all' | 'any'): Predicate<X, Y> {
  if (parts.length === 0) return () => true;
  if (parts.length === 1) return parts[0]!;
  if (parts.length === 2) {
    const [p, q] = parts as [Predicate<X, Y>, Predicate<X, Y>];
    return mode === 'all' ? (x, y) => p(x, y) && q(x, y) : (x, y) => p(x, y) || q(x, y);
  }
  if (mode === 'all')
    return (x, y) => {
      for (const p of parts) if (!p(x, y)) return false;
      return true;
    };
  return (x, y) => {
    for (const p of parts) if (p(x, y)) return true;
    return false;
  };
}

function compileComparison<X, Y>(node: FactCondition, scope: ConditionScope<X, Y>): Predicate<X, Y> {
  const get = scope.fact(node.fact, node.params);
  const value = node.value;
  const op = node.operator;
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const other = scope.fact(value.fact, value.params);
    return (x, y) => applyOperator(op, get(x, y), other(x, y));
  }
  return compileLiteralComparison(get, op, value);
}

/** Specialised closures for the common literal comparisons: these run once per case and question. */
function compileLiteralComparison<X, Y>(get: FactGetter<X, Y>, op: Operator, value: Scalar | Scalar[]): Predicate<X, Y> {
  switch (op) {
    case 'equal':
      return (x, y) => {
        const a = get(x, y);
        return a instanceof Fraction ? applyOperator(op, a, value) : a === value;
      };
    case 'notEqual':
      return (x, y) => {
        const a = get(x, y);
        return a instanceof Fraction ? applyOperator(op, a, value) : a !== value;
      };
    case 'in':
    case 'notIn': {
      if (Array.isArray(value) && !value.some((v) => Number.isNaN(v))) {
        const set = new Set<unknown>(value);
        const wanted = op === 'in';
        return (x, y) => {
          const a = get(x, y);
          return a instanceof Fraction ? applyOperator(op, a, value) : set.has(a) === wanted;
        };
      }
      return (x, y) => applyOperator(op, get(x, y), value);
    }
    default:
      return (x, y) => applyOperator(op, get(x, y), value);
  }
}

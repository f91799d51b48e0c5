/**
 * Compiles a condition (json-rules-engine syntax) into a SQL boolean expression with exactly the
 * semantics of the compiled predicates of src/compile/compile-condition.ts, on the values a
 * checked case can hold: a case fact is a typed column (BOOLEAN, DOUBLE or text) that is NULL
 * when the fact is missing; an area fact is a constant known when the query is built. Every
 * expression is two-valued (never NULL), so NOT and the outcome CASEs need no care for NULL.
 * Comparisons between constants are decided here, by the same operator code the interpreter runs.
 */
import type { Condition, FactCondition, Scalar } from '../model/condition.js';
import { applyOperator } from '../compile/compile-condition.js';
import type { SqlDialect } from './sql-dialect.js';

/** The SQL type class a case fact's column holds. */
export type ColumnType = 'boolean' | 'number' | 'text';

/** One side of a comparison: a case fact's column, or a constant (an area fact's value, a literal). */
export type Operand = { kind: 'column'; sql: string; type: ColumnType } | { kind: 'const'; value: unknown };

/** How the compiler finds facts and named conditions. */
export interface SqlConditionScope {
  fact(name: string): Operand;
  named(name: string): Condition | undefined;
}

/** A condition the compiler cannot express (only unchecked packs have one). */
export class SqlConditionError extends Error {}

export const TRUE = 'TRUE';
export const FALSE = 'FALSE';
const bool = (b: boolean): string => (b ? TRUE : FALSE);

export function and(parts: string[]): string {
  if (parts.includes(FALSE)) return FALSE;
  const kept = parts.filter((p) => p !== TRUE);
  return kept.length === 0 ? TRUE : kept.length === 1 ? kept[0]! : `(${kept.join(' AND ')})`;
}

export function or(parts: string[]): string {
  if (parts.includes(TRUE)) return TRUE;
  const kept = parts.filter((p) => p !== FALSE);
  return kept.length === 0 ? FALSE : kept.length === 1 ? kept[0]! : `(${kept.join(' OR ')})`;
}

export function not(part: string): string {
  return part === TRUE ? FALSE : part === FALSE ? TRUE : `(NOT ${part})`;
}

/** Compiles a condition; named conditions are compiled once per cache. */
export function compileSqlCondition(condition: Condition, scope: SqlConditionScope, dialect: SqlDialect, cache = new Map<string, string>()): string {
  const compileNode = (node: Condition, resolving: string[]): string => {
    // json-rules-engine: an empty `all` or `any` holds.
    if ('all' in node) return node.all.length === 0 ? TRUE : and(node.all.map((c) => compileNode(c, resolving)));
    if ('any' in node) return node.any.length === 0 ? TRUE : or(node.any.map((c) => compileNode(c, resolving)));
    if ('not' in node) return not(compileNode(node.not, resolving));
    if ('condition' in node) {
      const cached = cache.get(node.condition);
      if (cached !== undefined) return cached;
      if (resolving.includes(node.condition)) throw new SqlConditionError(`named conditions form a cycle: ${[...resolving, node.condition].join(' → ')}`);
      const definition = scope.named(node.condition);
      if (!definition) throw new SqlConditionError(`no condition named '${node.condition}'`);
      const sql = compileNode(definition, [...resolving, node.condition]);
      cache.set(node.condition, sql);
      return sql;
    }
    return compileComparison(node, scope, dialect);
  };
  return compileNode(condition, []);
}

function compileComparison(node: FactCondition, scope: SqlConditionScope, dialect: SqlDialect): string {
  const a = scope.fact(node.fact);
  const value = node.value;
  const b: Operand = value !== null && typeof value === 'object' && !Array.isArray(value) ? scope.fact(value.fact) : { kind: 'const', value };
  if (a.kind === 'const' && b.kind === 'const') return bool(applyOperator(node.operator, a.value, b.value));
  switch (node.operator) {
    case 'equal':
      return equal(a, b, dialect);
    case 'notEqual':
      return not(equal(a, b, dialect));
    case 'in':
    case 'notIn': {
      // Without a list on the right, json-rules-engine's in and notIn are both false.
      if (b.kind !== 'const' || !Array.isArray(b.value)) return FALSE;
      const found = a.kind === 'const' ? bool(applyOperator('in', a.value, b.value)) : inList(a, b.value as Scalar[], dialect);
      return node.operator === 'in' ? found : not(found);
    }
    // A fact holds one value, never a list: contains and doesNotContain are false.
    case 'contains':
    case 'doesNotContain':
      return FALSE;
    default:
      return order(node.operator, a, b, dialect);
  }
}

/** Whether a constant is a value a column of this type can hold (JS ==='s types). */
function fits(value: unknown, type: ColumnType): boolean {
  return type === 'boolean' ? typeof value === 'boolean' : type === 'number' ? typeof value === 'number' && !Number.isNaN(value) : typeof value === 'string';
}

function literal(value: unknown, dialect: SqlDialect): string {
  if (typeof value === 'boolean') return bool(value);
  if (typeof value === 'number') return dialect.number(value);
  return dialect.text(value as string);
}

/** JavaScript's a === b, where a missing fact is null. */
function equal(a: Operand, b: Operand, dialect: SqlDialect): string {
  if (a.kind === 'const') return equal(b, a, dialect);
  if (b.kind === 'column') {
    if (a.type !== b.type) return `(${a.sql} IS NULL AND ${b.sql} IS NULL)`;
    return `(${a.sql} IS NOT DISTINCT FROM ${b.sql})`;
  }
  if (b.value === null || b.value === undefined) return `(${a.sql} IS NULL)`;
  if (!fits(b.value, a.type)) return FALSE;
  return `COALESCE(${a.sql} = ${literal(b.value, dialect)}, FALSE)`;
}

/** Whether a column's value is one of a list's (by ===; null matches a missing fact). */
function inList(a: Extract<Operand, { kind: 'column' }>, list: Scalar[], dialect: SqlDialect): string {
  const values = [...new Set(list.filter((v) => fits(v, a.type)))];
  const parts: string[] = [];
  if (list.some((v) => v === null)) parts.push(`(${a.sql} IS NULL)`);
  if (values.length > 0) parts.push(`COALESCE(${a.sql} IN (${values.map((v) => literal(v, dialect)).join(', ')}), FALSE)`);
  return or(parts);
}

const SQL_ORDER: Record<string, string> = { lessThan: '<', lessThanInclusive: '<=', greaterThan: '>', greaterThanInclusive: '>=' };

/**
 * json-rules-engine's numeric comparisons: `a` must read as a number (parseFloat), then
 * JavaScript's `a < b` compares; a missing fact (null) on the right reads as 0.
 */
function order(operator: FactCondition['operator'], a: Operand, b: Operand, dialect: SqlDialect): string {
  const op = SQL_ORDER[operator]!;
  if (a.kind === 'column') {
    if (a.type === 'boolean') return FALSE; // parseFloat(true) is NaN
    if (a.type !== 'number') throw new SqlConditionError(`${operator} on a ${a.type} fact cannot be compiled to SQL (a checked pack compares numbers only)`);
    if (b.kind === 'const') {
      const n = Number(b.value);
      return Number.isNaN(n) ? FALSE : `COALESCE(${a.sql} ${op} ${dialect.number(n)}, FALSE)`;
    }
    if (b.type !== 'number') throw new SqlConditionError(`${operator} between a number fact and a ${b.type} fact cannot be compiled to SQL`);
    return `(${a.sql} IS NOT NULL AND ${a.sql} ${op} COALESCE(${b.sql}, ${dialect.number(0)}))`;
  }
  if (b.kind !== 'column') return bool(applyOperator(operator, a.value, b.value));
  if (b.type !== 'number') throw new SqlConditionError(`${operator} with a ${b.type} fact on the right cannot be compiled to SQL`);
  if (Number.parseFloat(a.value as string).toString() === 'NaN') return FALSE;
  const n = Number(a.value);
  if (Number.isNaN(n)) return FALSE;
  const whenMissing = bool(applyOperator(operator, a.value, 0));
  return `(CASE WHEN ${b.sql} IS NULL THEN ${whenMissing} ELSE ${dialect.number(n)} ${op} ${b.sql} END)`;
}

/**
 * Conditions written for people: `risk in [high, veryHigh]`, `share at least strong = 1`,
 * `not (…)`, a named condition by its name.
 */
import type { Condition, FactCondition, FactParams, Operator, Scalar } from '../model/condition.js';
import { Fraction } from '../compile/exact-number.js';
import { scalarText } from '../source/scalar-text.js';

export const OPERATOR_SYMBOL: Record<Operator, string> = {
  equal: '=',
  notEqual: '≠',
  lessThan: '<',
  lessThanInclusive: '≤',
  greaterThan: '>',
  greaterThanInclusive: '≥',
  in: 'in',
  notIn: 'not in',
  contains: 'contains',
  doesNotContain: 'does not contain',
};

const PARAM_WORDS: Record<string, string> = { atLeast: 'at least', atMost: 'at most', is: 'of' };

/** A fact with its params: `share at least strong`, `count at most weak`, `risk`. */
export function renderFact(fact: string, params: FactParams | undefined): string {
  const entries = Object.entries(params ?? {});
  if (entries.length === 0) return fact;
  return `${fact} ${entries.map(([key, value]) => `${PARAM_WORDS[key] ?? key} ${renderScalar(value)}`).join(', ')}`;
}

export function renderScalar(value: Scalar | undefined): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return value;
  return String(value);
}

/** A value a fact holds while a condition is evaluated (exact numbers shown as decimals where they end, else as fractions). */
export function renderActual(value: unknown): string {
  if (value instanceof Fraction) return renderFraction(value);
  if (value === null || value === undefined) return 'not given';
  if (Array.isArray(value)) return `[${value.map((v) => renderActual(v)).join(', ')}]`;
  return scalarText(value);
}

/** A fraction as a whole number, a short decimal (up to four places), or `n/d ≈ decimal`. */
export function renderFraction(f: Fraction): string {
  const sign = f.s < 0n && f.n !== 0n ? '-' : '';
  if (f.d === 1n) return `${sign}${f.n}`;
  let d = f.d;
  let twos = 0;
  let fives = 0;
  while (d % 2n === 0n) {
    d /= 2n;
    twos++;
  }
  while (d % 5n === 0n) {
    d /= 5n;
    fives++;
  }
  const places = Math.max(twos, fives);
  if (d === 1n && places <= 4) return sign + decimalText(f.n, f.d, places);
  return `${sign}${f.n}/${f.d} ≈ ${sign}${decimalText(f.n, f.d, 3)}`;
}

/** |n/d| to `places` decimal places, half up, trailing zeros dropped. */
export function decimalText(n: bigint, d: bigint, places: number): string {
  const scale = 10n ** BigInt(places);
  const scaled = (n * scale * 2n + d) / (2n * d);
  const whole = scaled / scale;
  const rest = (scaled % scale).toString().padStart(places, '0').replace(/0+$/, '');
  return rest === '' ? whole.toString() : `${whole}.${rest}`;
}

function renderValue(value: FactCondition['value']): string {
  if (Array.isArray(value)) return `[${value.map((v) => renderScalar(v)).join(', ')}]`;
  if (value !== null && typeof value === 'object') return renderFact(value.fact, value.params);
  return renderScalar(value);
}

/** One comparison: `flagged = true`. */
export function renderComparison(condition: FactCondition): string {
  return `${renderFact(condition.fact, condition.params)} ${OPERATOR_SYMBOL[condition.operator] ?? condition.operator} ${renderValue(condition.value)}`;
}

/** A whole condition on one line. Named conditions are shown by name, not expanded. */
export function renderCondition(condition: Condition): string {
  return render(condition, false);
}

function render(condition: Condition, nested: boolean): string {
  if ('all' in condition || 'any' in condition) {
    const parts = 'all' in condition ? condition.all : condition.any;
    if (parts.length === 0) return 'always';
    if (parts.length === 1) return render(parts[0]!, nested);
    const text = parts.map((p) => render(p, true)).join('all' in condition ? ' and ' : ' or ');
    return nested ? `(${text})` : text;
  }
  if ('not' in condition) return `not (${render(condition.not, false)})`;
  if ('condition' in condition) return condition.condition;
  return renderComparison(condition);
}

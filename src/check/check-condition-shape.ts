/**
 * Checks that a value is a condition in json-rules-engine's syntax, one clear error per bad
 * condition (instead of the many a JSON Schema `anyOf` gives). Iterative over nested conditions.
 */
import type { ErrorCode } from '../model/errors.js';
import { joinPointer } from '../source/source-document.js';
import { didYouMean, listNames } from '../source/suggest-name.js';
import { suggestOperator } from './suggest-operator.js';
import { scalarText } from '../source/scalar-text.js';

/** json-rules-engine's default operators, the only ones a pack may use (the schema's `Operator`). */
export const OPERATORS: readonly string[] = [
  'equal',
  'notEqual',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
];

const GROUP_KEYS = ['all', 'any', 'not', 'condition'] as const;
const FACT_KEYS = ['fact', 'operator', 'value', 'params'] as const;
const ALL_KEYS = [...GROUP_KEYS, ...FACT_KEYS];
const SHAPES =
  'a condition is one of: all: [conditions], any: [conditions], not: condition, condition: name, or fact, operator and value (with optional params)';

/** One problem with a condition's shape, at a pointer (on the key when `onKey`). */
export interface ShapeProblem {
  code: ErrorCode;
  pointer: string;
  onKey?: boolean;
  message: string;
  hint: string;
}

/** The problems of the condition at `pointer`; `label` names it in messages (e.g. `B1.2.appliesWhen`). */
export function checkConditionShape(condition: unknown, pointer: string, label: (pointer: string) => string): ShapeProblem[] {
  const problems: ShapeProblem[] = [];
  const stack: Array<{ value: unknown; pointer: string }> = [{ value: condition, pointer }];
  while (stack.length > 0) {
    const { value, pointer: at } = stack.pop()!;
    const problem = checkOne(value, at, label(at), (child, childPointer) => stack.push({ value: child, pointer: childPointer }));
    if (problem) problems.push(problem);
  }
  return problems.sort((a, b) => (a.pointer < b.pointer ? -1 : a.pointer > b.pointer ? 1 : 0));
}

function checkOne(value: unknown, at: string, where: string, visit: (child: unknown, pointer: string) => void): ShapeProblem | undefined {
  const shape = (message: string, hint = SHAPES, pointer = at, onKey = false): ShapeProblem => ({ code: 'CONDITION_SHAPE', pointer, onKey, message, hint });
  if (!isObject(value)) return shape(`${where} is ${describeValue(value)}, not a condition`);
  const keys = Object.keys(value);
  if (keys.includes('path')) {
    return {
      code: 'PATH_NOT_ALLOWED',
      pointer: joinPointer(at, 'path'),
      onKey: true,
      message: `${where} uses 'path', which packs may not use`,
      hint: 'declare the value as a fact of its own and compare that fact',
    };
  }
  const groups = GROUP_KEYS.filter((k) => keys.includes(k));
  const factKeys = FACT_KEYS.filter((k) => keys.includes(k));
  const unknown = keys.filter((k) => !(ALL_KEYS as readonly string[]).includes(k));
  if (groups.length === 0 && factKeys.length === 0) {
    const first = keys[0];
    if (first === undefined) return shape(`${where} is an empty mapping, not a condition`);
    return shape(`unknown key '${first}' in ${where}${didYouMean(first, ALL_KEYS)}`, SHAPES, joinPointer(at, first), true);
  }
  if (groups.length + (factKeys.length > 0 ? 1 : 0) > 1) {
    const [a, b] = [...groups, ...factKeys];
    return shape(
      `${where} mixes '${a}' and '${b}'`,
      'give one kind of condition per mapping; to require several, list them under all: [...]',
      joinPointer(at, b!),
      true,
    );
  }
  if (unknown.length > 0) {
    const key = unknown[0]!;
    const allowed = groups.length > 0 ? [groups[0]!] : [...FACT_KEYS];
    return shape(`unknown key '${key}' in ${where}${didYouMean(key, allowed)}`, `allowed here: ${allowed.join(', ')}`, joinPointer(at, key), true);
  }
  const group = groups[0];
  if (group === 'all' || group === 'any') {
    const list = value[group];
    if (!Array.isArray(list))
      return shape(
        `'${group}' in ${where} must be a list of conditions, not ${describeValue(list)}`,
        `write ${group}: [ ... ] with one condition per entry`,
        joinPointer(at, group),
      );
    for (let i = list.length - 1; i >= 0; i--) visit(list[i], joinPointer(at, group, i));
    return undefined;
  }
  if (group === 'not') {
    visit(value.not, joinPointer(at, 'not'));
    return undefined;
  }
  if (group === 'condition') {
    if (typeof value.condition !== 'string' || value.condition === '')
      return shape(
        `'condition' in ${where} must name a declared condition, not ${describeValue(value.condition)}`,
        'write condition: <name of a condition under conditions>',
        joinPointer(at, 'condition'),
      );
    return undefined;
  }
  return checkFactCondition(value, at, where, shape);
}

function checkFactCondition(
  value: Record<string, unknown>,
  at: string,
  where: string,
  shape: (message: string, hint?: string, pointer?: string, onKey?: boolean) => ShapeProblem,
): ShapeProblem | undefined {
  for (const key of ['fact', 'operator', 'value'] as const) {
    if (!(key in value))
      return shape(`${where} lacks '${key}'`, 'a fact condition needs fact, operator and value, e.g. { fact: x, operator: equal, value: 1 }');
  }
  if (typeof value.fact !== 'string' || value.fact === '')
    return shape(`'fact' in ${where} must be a fact's name, not ${describeValue(value.fact)}`, 'write the name of a declared fact', joinPointer(at, 'fact'));
  const operator = value.operator;
  if (typeof operator !== 'string' || !OPERATORS.includes(operator)) {
    const shown = typeof operator === 'string' ? `'${operator}'` : describeValue(operator);
    const suggestion = typeof operator === 'string' ? suggestOperator(operator, OPERATORS) : undefined;
    return {
      code: 'UNKNOWN_OPERATOR',
      pointer: joinPointer(at, 'operator'),
      message: `unknown operator ${shown} in ${where}${suggestion ? `; did you mean '${suggestion}'?` : ''}`,
      hint: `use one of json-rules-engine's operators: ${listNames(OPERATORS)}`,
    };
  }
  if ('params' in value && !isScalarMap(value.params))
    return shape(
      `'params' in ${where} must be a mapping of plain values, not ${describeValue(value.params)}`,
      'write params: { name: value }',
      joinPointer(at, 'params'),
    );
  const v = value.value;
  if (isScalar(v) || (Array.isArray(v) && v.every(isScalar))) return undefined;
  if (isObject(v)) {
    const extra = Object.keys(v).find((k) => k !== 'fact' && k !== 'params');
    if (typeof v.fact === 'string' && extra === undefined && (!('params' in v) || isScalarMap(v.params))) return undefined;
    if (extra === 'path')
      return {
        code: 'PATH_NOT_ALLOWED',
        pointer: joinPointer(at, 'value', 'path'),
        onKey: true,
        message: `the value of ${where} uses 'path', which packs may not use`,
        hint: 'declare the value as a fact of its own and compare that fact',
      };
  }
  return shape(
    `'value' in ${where} must be a string, number, boolean, null, a list of those, or { fact: name }`,
    'compare with a literal, a list (for in and notIn), or another fact',
    joinPointer(at, 'value'),
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isScalar(value: unknown): boolean {
  return value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function isScalarMap(value: unknown): boolean {
  return isObject(value) && Object.values(value).every(isScalar);
}

/** A word with its article: `a number`, `an enum`. */
export function withArticle(word: string): string {
  return `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;
}

/** `a list`, `a number (3)`, `the string 'x'`, `null`… for messages. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'missing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') {
    // Cut by characters, not UTF-16 units: half an emoji would print as a broken character.
    const chars = Array.from(value);
    return `the string '${chars.length > 40 ? chars.slice(0, 40).join('') + '…' : value}'`;
  }
  return `${typeof value === 'number' ? 'the number' : 'the boolean'} ${scalarText(value)}`;
}

/**
 * checkConditionShape, called directly: for each badly shaped condition in json-rules-engine's syntax
 * (not a mapping, empty, an unknown or misplaced key, `all`/`any`/`not`/`condition` misused, a fact
 * condition missing a part, an unknown operator, bad params or value, `path`), the one problem it
 * gives, with its exact code, pointer, key flag, message and hint; well-formed conditions give none.
 * Nested problems come back sorted by pointer. Also describeValue and withArticle, which the messages
 * use. The label function wraps the pointer in <…> so that each message shows which node it names.
 */
import { describe, expect, it } from 'vitest';
import { checkConditionShape, describeValue, OPERATORS, withArticle, type ShapeProblem } from '../../src/check/check-condition-shape.js';

const SHAPES =
  'a condition is one of: all: [conditions], any: [conditions], not: condition, condition: name, or fact, operator and value (with optional params)';
const FACT_PARTS = 'a fact condition needs fact, operator and value, e.g. { fact: x, operator: equal, value: 1 }';
const VALUE_MESSAGE = "'value' in </w> must be a string, number, boolean, null, a list of those, or { fact: name }";
const VALUE_HINT = 'compare with a literal, a list (for in and notIn), or another fact';
const PATH_HINT = 'declare the value as a fact of its own and compare that fact';
const OPERATOR_HINT =
  "use one of json-rules-engine's operators: equal, notEqual, lessThan, lessThanInclusive, greaterThan, greaterThanInclusive, in, notIn, contains, doesNotContain";
const LONG = 'abcdefghij'.repeat(4); // exactly 40 characters

/** The problems of `condition` placed at /w; messages name a node as <pointer>. */
const problemsOf = (condition: unknown): ShapeProblem[] => checkConditionShape(condition, '/w', (p) => `<${p}>`);

/** A CONDITION_SHAPE problem as checkConditionShape builds it. */
function shape(pointer: string, message: string, hint = SHAPES, onKey = false): ShapeProblem {
  return { code: 'CONDITION_SHAPE', pointer, onKey, message, hint };
}

/** A fact condition with `extra` merged in (a key set to undefined is removed). */
function fact(extra: Record<string, unknown> = {}): Record<string, unknown> {
  const c: Record<string, unknown> = { fact: 'x', operator: 'equal', value: 1, ...extra };
  for (const [k, v] of Object.entries(extra)) if (v === undefined) delete c[k];
  return c;
}

describe('checkConditionShape: well-formed conditions', () => {
  it.each<[string, unknown]>([
    ['a fact condition with a number', fact()],
    ['a fact condition with a string', fact({ value: 'high' })],
    ['a fact condition with a boolean', fact({ value: true })],
    ['a fact condition with false', fact({ value: false })],
    ['a fact condition with null', fact({ value: null })],
    ['a fact condition with a list of every kind of scalar', fact({ operator: 'in', value: [1, 'a', null, true] })],
    ['a fact condition with an empty list', fact({ operator: 'in', value: [] })],
    ['a fact condition with params of every kind of scalar', fact({ params: { a: 1, b: 'x', c: null, d: true } })],
    ['a fact condition with empty params', fact({ params: {} })],
    ['a comparison with another fact', fact({ value: { fact: 'y' } })],
    ['a comparison with another fact and its params', fact({ value: { fact: 'y', params: { atLeast: 'strong', n: 2 } } })],
    ['every operator', { all: OPERATORS.map((operator) => fact({ operator })) }],
    ['an empty all', { all: [] }],
    ['an empty any', { any: [] }],
    ['nested groups', { all: [{ any: [fact(), { not: fact() }] }, { not: { all: [fact()] } }] }],
    ['a reference to a named condition', { condition: 'named' }],
    ['a negated reference', { not: { condition: 'n' } }],
  ])('%s has no problem', (_note, condition) => {
    expect(problemsOf(condition)).toStrictEqual([]);
  });
});

describe('checkConditionShape: a value that is not a mapping', () => {
  it.each<[string, unknown, string]>([
    ['a number', 3, 'the number 3'],
    ['a boolean', true, 'the boolean true'],
    ['false', false, 'the boolean false'],
    ['null', null, 'null'],
    ['a string', 'x', "the string 'x'"],
    ['a list', [fact()], 'a list'],
    ['an empty list', [], 'a list'],
    ['nothing', undefined, 'missing'],
    ['a string of 40 characters, shown whole', LONG, `the string '${LONG}'`],
    ['a string of 41 characters, cut at 40', LONG + 'Z', `the string '${LONG}…'`],
    ['a string of 40 characters, two of them outside the BMP, shown whole', '😀'.repeat(2) + LONG.slice(2), `the string '${'😀'.repeat(2)}${LONG.slice(2)}'`],
    ['a string cut at 40 characters, never inside one', LONG.slice(1) + '😀😀', `the string '${LONG.slice(1)}😀…'`],
  ])('%s is not a condition', (_note, condition, described) => {
    expect(problemsOf(condition)).toStrictEqual([shape('/w', `</w> is ${described}, not a condition`)]);
  });

  it('an empty mapping is not a condition', () => {
    expect(problemsOf({})).toStrictEqual([shape('/w', '</w> is an empty mapping, not a condition')]);
  });
});

describe('checkConditionShape: keys', () => {
  it.each<[string, Record<string, unknown>, ShapeProblem]>([
    ['an unknown key alone, unlike any', { foo: 1 }, shape('/w/foo', "unknown key 'foo' in </w>", SHAPES, true)],
    ['an unknown key alone, like a group key', { alll: [] }, shape('/w/alll', "unknown key 'alll' in </w>; did you mean 'all'?", SHAPES, true)],
    [
      'an unknown key alone, like a fact key',
      { operater: 'equal' },
      shape('/w/operater', "unknown key 'operater' in </w>; did you mean 'operator'?", SHAPES, true),
    ],
    [
      'an unknown key beside a group, like a fact key but suggested only from the group',
      { any: [], fakt: 'x' },
      shape('/w/fakt', "unknown key 'fakt' in </w>", 'allowed here: any', true),
    ],
    [
      'an unknown key beside a group, like that group',
      { all: [], alll: [] },
      shape('/w/alll', "unknown key 'alll' in </w>; did you mean 'all'?", 'allowed here: all', true),
    ],
    [
      'an unknown key beside a fact condition',
      fact({ parms: { a: 1 } }),
      shape('/w/parms', "unknown key 'parms' in </w>; did you mean 'params'?", 'allowed here: fact, operator, value, params', true),
    ],
    [
      'an unknown key beside an incomplete fact condition, like a group key',
      { fact: 'x', alll: [] },
      shape('/w/alll', "unknown key 'alll' in </w>", 'allowed here: fact, operator, value, params', true),
    ],
    ['the first of several unknown keys', { not: fact(), zed: 1, yon: 2 }, shape('/w/zed', "unknown key 'zed' in </w>", 'allowed here: not', true)],
  ])('%s', (_note, condition, expected) => {
    expect(problemsOf(condition)).toStrictEqual([expected]);
  });

  const MIX_HINT = 'give one kind of condition per mapping; to require several, list them under all: [...]';
  it.each<[string, Record<string, unknown>, string, string]>([
    ['a group and a fact key', { all: [], fact: 'x' }, 'all', 'fact'],
    ['a group and a complete fact condition', { any: [], ...fact() }, 'any', 'fact'],
    ['two groups', { all: [], any: [] }, 'all', 'any'],
    ['a reference and a negation', { condition: 'n', not: fact() }, 'not', 'condition'],
    ['a reference and an operator', { condition: 'n', operator: 'equal' }, 'condition', 'operator'],
    ['a group, a fact key and an unknown key', { value: 1, foo: 2, not: fact() }, 'not', 'value'],
  ])('%s are mixed (reported on the second kind)', (_note, condition, a, b) => {
    expect(problemsOf(condition)).toStrictEqual([shape(`/w/${b}`, `</w> mixes '${a}' and '${b}'`, MIX_HINT, true)]);
  });

  it("'path' in a condition is not allowed, whatever else it holds", () => {
    const expected = {
      code: 'PATH_NOT_ALLOWED',
      pointer: '/w/path',
      onKey: true,
      message: "<the /w> uses 'path', which packs may not use",
      hint: PATH_HINT,
    };
    const label = (p: string): string => `<the ${p}>`;
    expect(checkConditionShape(fact({ path: '$.a' }), '/w', label)).toStrictEqual([expected]);
    expect(checkConditionShape({ path: '$.a', all: [], any: [] }, '/w', label)).toStrictEqual([expected]);
  });
});

describe('checkConditionShape: groups and references', () => {
  it.each<[string, Record<string, unknown>, ShapeProblem]>([
    [
      'all given a number',
      { all: 3 },
      shape('/w/all', "'all' in </w> must be a list of conditions, not the number 3", 'write all: [ ... ] with one condition per entry'),
    ],
    [
      'any given a mapping',
      { any: fact() },
      shape('/w/any', "'any' in </w> must be a list of conditions, not a mapping", 'write any: [ ... ] with one condition per entry'),
    ],
    [
      'any given null',
      { any: null },
      shape('/w/any', "'any' in </w> must be a list of conditions, not null", 'write any: [ ... ] with one condition per entry'),
    ],
    ['not given a number', { not: 5 }, shape('/w/not', '</w/not> is the number 5, not a condition')],
    ['not given nothing', { not: undefined }, shape('/w/not', '</w/not> is missing, not a condition')],
    ['not given a list', { not: [fact()] }, shape('/w/not', '</w/not> is a list, not a condition')],
    [
      'a reference to the empty name',
      { condition: '' },
      shape('/w/condition', "'condition' in </w> must name a declared condition, not the string ''", 'write condition: <name of a condition under conditions>'),
    ],
    [
      'a reference by number',
      { condition: 3 },
      shape('/w/condition', "'condition' in </w> must name a declared condition, not the number 3", 'write condition: <name of a condition under conditions>'),
    ],
    [
      'a reference by a mapping',
      { condition: { name: 'n' } },
      shape('/w/condition', "'condition' in </w> must name a declared condition, not a mapping", 'write condition: <name of a condition under conditions>'),
    ],
  ])('%s', (_note, condition, expected) => {
    expect(problemsOf(condition)).toStrictEqual([expected]);
  });

  it('reports every bad condition of a tree, each naming its own node, sorted by pointer', () => {
    // 21 conditions; bad at 1, 2, 10, 11 (nested) and 20: pointers sort as text, so /w/all/10 comes before /w/all/2.
    const list: unknown[] = Array.from({ length: 21 }, () => fact());
    list[1] = 1;
    list[2] = { fact: 'x', value: 1 };
    list[10] = { any: [fact(), { not: 'no' }] };
    list[11] = { all: 'no' };
    list[20] = {};
    expect(problemsOf({ all: list })).toStrictEqual([
      shape('/w/all/1', '</w/all/1> is the number 1, not a condition'),
      shape('/w/all/10/any/1/not', "</w/all/10/any/1/not> is the string 'no', not a condition"),
      shape('/w/all/11/all', "'all' in </w/all/11> must be a list of conditions, not the string 'no'", 'write all: [ ... ] with one condition per entry'),
      shape('/w/all/2', "</w/all/2> lacks 'operator'", FACT_PARTS),
      shape('/w/all/20', '</w/all/20> is an empty mapping, not a condition'),
    ]);
  });
});

describe('checkConditionShape: fact conditions', () => {
  it.each<[string, Record<string, unknown>, ShapeProblem]>([
    ['no fact', fact({ fact: undefined }), shape('/w', "</w> lacks 'fact'", FACT_PARTS)],
    ['no operator', fact({ operator: undefined }), shape('/w', "</w> lacks 'operator'", FACT_PARTS)],
    ['no value', fact({ value: undefined }), shape('/w', "</w> lacks 'value'", FACT_PARTS)],
    ['only params', { params: { a: 1 } }, shape('/w', "</w> lacks 'fact'", FACT_PARTS)],
    [
      'fact the empty string',
      fact({ fact: '' }),
      shape('/w/fact', "'fact' in </w> must be a fact's name, not the string ''", 'write the name of a declared fact'),
    ],
    ['fact a number', fact({ fact: 7 }), shape('/w/fact', "'fact' in </w> must be a fact's name, not the number 7", 'write the name of a declared fact')],
    ['fact null', fact({ fact: null }), shape('/w/fact', "'fact' in </w> must be a fact's name, not null", 'write the name of a declared fact')],
    [
      'params a list',
      fact({ params: [1] }),
      shape('/w/params', "'params' in </w> must be a mapping of plain values, not a list", 'write params: { name: value }'),
    ],
    [
      'params a string',
      fact({ params: 'a' }),
      shape('/w/params', "'params' in </w> must be a mapping of plain values, not the string 'a'", 'write params: { name: value }'),
    ],
    [
      'params with one value a list',
      fact({ params: { a: 1, b: [1] } }),
      shape('/w/params', "'params' in </w> must be a mapping of plain values, not a mapping", 'write params: { name: value }'),
    ],
    ['a list holding a mapping', fact({ operator: 'in', value: [1, {}] }), shape('/w/value', VALUE_MESSAGE, VALUE_HINT)],
    ['a list holding a list', fact({ operator: 'in', value: [[1]] }), shape('/w/value', VALUE_MESSAGE, VALUE_HINT)],
    ['a value given as undefined', { fact: 'x', operator: 'equal', value: undefined }, shape('/w/value', VALUE_MESSAGE, VALUE_HINT)],
    ['another fact named by a number', fact({ value: { fact: 3 } }), shape('/w/value', VALUE_MESSAGE, VALUE_HINT)],
    ['another fact with no name', fact({ value: { params: { a: 1 } } }), shape('/w/value', VALUE_MESSAGE, VALUE_HINT)],
    ['an empty mapping as value', fact({ value: {} }), shape('/w/value', VALUE_MESSAGE, VALUE_HINT)],
    ['another fact with an unknown key', fact({ value: { fact: 'y', other: 1 } }), shape('/w/value', VALUE_MESSAGE, VALUE_HINT)],
    ['another fact with params a list', fact({ value: { fact: 'y', params: [1] } }), shape('/w/value', VALUE_MESSAGE, VALUE_HINT)],
    ['another fact with params not plain', fact({ value: { fact: 'y', params: { a: [1] } } }), shape('/w/value', VALUE_MESSAGE, VALUE_HINT)],
  ])('%s', (_note, condition, expected) => {
    expect(problemsOf(condition)).toStrictEqual([expected]);
  });

  it.each<[string, Record<string, unknown>]>([
    ['after fact', { fact: 'y', path: '$.a' }],
    ['before fact', { path: '$.a', fact: 'y' }],
    ['with params', { fact: 'y', params: { a: 1 }, path: '$.a' }],
  ])("'path' in the other fact compared with is not allowed (%s)", (_note, value) => {
    expect(problemsOf(fact({ value }))).toStrictEqual([
      {
        code: 'PATH_NOT_ALLOWED',
        pointer: '/w/value/path',
        onKey: true,
        message: "the value of </w> uses 'path', which packs may not use",
        hint: PATH_HINT,
      },
    ]);
  });

  it.each<[string, unknown, string]>([
    ['a synonym', 'equals', "'equals' in </w>; did you mean 'equal'?"],
    ['a typo', 'greaterThen', "'greaterThen' in </w>; did you mean 'greaterThan'?"],
    ['an operator of another language', '>=', "'>=' in </w>; did you mean 'greaterThanInclusive'?"],
    ['an unknown word', 'between', "'between' in </w>"],
    ['the empty string', '', "'' in </w>"],
    ['a number', 3, 'the number 3 in </w>'],
    ['null', null, 'null in </w>'],
    ['a list', ['equal'], 'a list in </w>'],
  ])('an unknown operator: %s', (_note, operator, rest) => {
    expect(problemsOf(fact({ operator }))).toStrictEqual([
      { code: 'UNKNOWN_OPERATOR', pointer: '/w/operator', message: `unknown operator ${rest}`, hint: OPERATOR_HINT },
    ]);
  });

  it('checks the parts in order: fact, then operator, then params, then value', () => {
    const bad = { fact: '', operator: 'nope', params: 1, value: {} };
    expect(problemsOf(bad).map((p) => p.pointer)).toStrictEqual(['/w/fact']);
    expect(problemsOf({ ...bad, fact: 'x' }).map((p) => p.pointer)).toStrictEqual(['/w/operator']);
    expect(problemsOf({ ...bad, fact: 'x', operator: 'equal' }).map((p) => p.pointer)).toStrictEqual(['/w/params']);
    expect(problemsOf({ ...bad, fact: 'x', operator: 'equal', params: {} }).map((p) => p.pointer)).toStrictEqual(['/w/value']);
  });
});

describe('describeValue and withArticle', () => {
  it.each<[unknown, string]>([
    [null, 'null'],
    [undefined, 'missing'],
    [[1, 2], 'a list'],
    [{ a: 1 }, 'a mapping'],
    ['', "the string ''"],
    [LONG, `the string '${LONG}'`],
    [LONG + 'Z', `the string '${LONG}…'`],
    [0, 'the number 0'],
    [-2.5, 'the number -2.5'],
    [false, 'the boolean false'],
  ])('describeValue(%j) is %s', (value, expected) => {
    expect(describeValue(value)).toBe(expected);
  });

  it.each([
    ['number', 'a number'],
    ['enum', 'an enum'],
    ['Integer', 'an Integer'],
    ['string', 'a string'],
  ])('withArticle(%s) is %s', (word, expected) => {
    expect(withArticle(word)).toBe(expected);
  });
});

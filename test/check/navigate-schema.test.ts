/**
 * The schema navigator that explains ajv's errors: `deref` follows `$ref`s (and stops on a missing
 * or circular one), `expand` narrows an `anyOf` to the branches whose type fits the data (all of
 * them when none fits, in the schema's order), `at` walks properties, map values and list items to
 * the schemas, description and outermost condition of a place, and `jsonType` names a value's JSON
 * type. Small hand-made schemas, built inside each test.
 */
import { describe, expect, it } from 'vitest';
import { CONDITION_REF, jsonType, SchemaNavigator } from '../../src/check/navigate-schema.js';
import type { JsonSchema } from '../../src/check/navigate-schema.js';
import packSchema from '../../schemas/pack.schema.json' with { type: 'json' };

describe('jsonType', () => {
  it.each([
    [null, 'null'],
    [[], 'array'],
    [[1, 2], 'array'],
    [3, 'integer'],
    [0, 'integer'],
    [2.5, 'number'],
    ['x', 'string'],
    [true, 'boolean'],
    [{}, 'object'],
    [undefined, 'undefined'],
  ])('names %j as %s', (value, type) => {
    expect(jsonType(value)).toBe(type);
  });
});

describe('SchemaNavigator.deref', () => {
  it('follows a chain of references to the schema they name', () => {
    const target: JsonSchema = { type: 'number', description: 'The end.' };
    const nav = new SchemaNavigator({ definitions: { A: { $ref: '#/definitions/B' }, B: target } });
    expect(nav.deref({ $ref: '#/definitions/A' })).toBe(target);
  });

  it('returns a schema without a reference as it is', () => {
    const schema: JsonSchema = { type: 'string' };
    expect(new SchemaNavigator({ definitions: {} }).deref(schema)).toBe(schema);
  });

  it('stops at a reference to a definition that does not exist', () => {
    const dangling: JsonSchema = { $ref: '#/definitions/Missing' };
    const nav = new SchemaNavigator({ definitions: { Other: { type: 'string' } } });
    expect(nav.deref(dangling)).toBe(dangling);
  });

  it('stops at a reference when the root schema has no definitions at all', () => {
    const dangling: JsonSchema = { $ref: '#/definitions/A' };
    expect(new SchemaNavigator({ type: 'object' }).deref(dangling)).toBe(dangling);
  });

  it('gives up on references that go round in a circle after 50 steps', () => {
    // S -> A -> B -> A -> ...: the 50th step lands on B (odd steps on A, even ones on B).
    const a: JsonSchema = { $ref: '#/definitions/B' };
    const b: JsonSchema = { $ref: '#/definitions/A' };
    const nav = new SchemaNavigator({ definitions: { A: a, B: b } });
    expect(nav.deref({ $ref: '#/definitions/A' })).toBe(b);
  });
});

describe('SchemaNavigator.expand', () => {
  const str: JsonSchema = { type: 'string', description: 'S' };
  const num: JsonSchema = { type: 'number', description: 'N' };
  const int: JsonSchema = { type: 'integer', description: 'I' };
  const strOrNull: JsonSchema = { type: ['string', 'null'], description: 'SN' };
  const untyped: JsonSchema = { description: 'any' };
  const obj: JsonSchema = { type: 'object', description: 'O' };

  it.each<[string, JsonSchema[], unknown, JsonSchema[]]>([
    ['a string picks the string branch', [str, num], 'x', [str]],
    ['a whole number fits a number branch', [str, num], 3, [num]],
    ['a fraction fits a number branch', [str, num], 2.5, [num]],
    ['a whole number fits an integer branch', [str, int], 3, [int]],
    ['a fraction does not fit an integer branch', [int, str, num], 2.5, [num]],
    ['a string does not fit a number branch', [num, str], 'x', [str]],
    ['null fits a branch whose type list holds null', [num, strOrNull], null, [strOrNull]],
    ['a branch without a type fits anything', [str, untyped], 3, [untyped]],
    ['every fitting branch, in the order written', [untyped, num, obj, int], 3, [untyped, num, int]],
    ['every branch when none fits', [str, num], true, [str, num]],
    ['every branch when none fits, a mapping', [str, num], {}, [str, num]],
  ])('%s', (_name, branches, value, expected) => {
    const nav = new SchemaNavigator({ definitions: {} });
    const union = { anyOf: [...branches] };
    expect(nav.expand(union, value)).toStrictEqual(expected);
    // The schema is shared (and cached): expanding it leaves its branches as written, so a second look gives the same.
    expect(union.anyOf).toStrictEqual(branches);
    expect(nav.expand(union, value)).toStrictEqual(expected);
  });

  it('follows references in the branches and in nested unions', () => {
    const nav = new SchemaNavigator({ definitions: { Num: num, Either: { anyOf: [str, { $ref: '#/definitions/Num' }] } } });
    expect(nav.expand({ $ref: '#/definitions/Either' }, 4)).toStrictEqual([num]);
    expect(nav.expand({ anyOf: [{ anyOf: [str, num] }, obj] }, 'x')).toStrictEqual([str]);
  });

  it('gives a schema without a union as the only one', () => {
    const nav = new SchemaNavigator({ definitions: {} });
    expect(nav.expand(obj, 'not an object')).toStrictEqual([obj]);
  });
});

describe('SchemaNavigator.at', () => {
  const condition: JsonSchema = { type: 'object', description: 'A condition.' };
  const N: JsonSchema = { type: 'number', description: 'N' };
  const S: JsonSchema = { type: 'string', description: 'S' };
  const makeRoot = (): JsonSchema => ({
    type: 'object',
    properties: {
      name: { type: 'string', description: 'The name.' },
      list: { type: 'array', items: { type: 'number', description: 'An entry.' }, description: 'The list.' },
      map: { type: 'object', additionalProperties: { type: 'boolean', description: 'A flag.' } },
      closed: { type: 'object', additionalProperties: false, properties: { a: { type: 'string' } } },
      when: { $ref: CONDITION_REF, description: 'When it holds.' },
      either: {
        anyOf: [
          { type: 'object', properties: { w: { $ref: CONDITION_REF } } },
          { type: 'object', properties: { w: { type: 'string', description: 'Plain.' } } },
        ],
      },
      text: {
        type: ['string', 'object'],
        additionalProperties: { anyOf: [N, S] },
      },
    },
    definitions: {
      Condition: condition,
    },
  });

  it('gives the root schema at the root', () => {
    const root = makeRoot();
    const nav = new SchemaNavigator(root);
    expect(nav.at({}, [])).toStrictEqual({ schemas: [root], description: undefined });
  });

  it('walks a property and gives its description', () => {
    const root = makeRoot();
    const nav = new SchemaNavigator(root);
    expect(nav.at({ name: 'x' }, ['name'])).toStrictEqual({ schemas: [root.properties!.name], description: 'The name.' });
  });

  it('walks into the items of a list', () => {
    const root = makeRoot();
    const nav = new SchemaNavigator(root);
    const items = root.properties!.list!.items!;
    expect(nav.at({ list: [1, 2] }, ['list', '1'])).toStrictEqual({ schemas: [items], description: 'An entry.' });
  });

  it('walks into the values of a map', () => {
    const root = makeRoot();
    const nav = new SchemaNavigator(root);
    const values = root.properties!.map!.additionalProperties as JsonSchema;
    expect(nav.at({ map: { k: true } }, ['map', 'k'])).toStrictEqual({ schemas: [values], description: 'A flag.' });
  });

  it('finds nothing beneath a property the schema does not allow', () => {
    const root = makeRoot();
    const nav = new SchemaNavigator(root);
    expect(nav.at({ closed: { z: 1 } }, ['closed', 'z'])).toStrictEqual({ schemas: [], description: undefined });
    expect(nav.at({ nope: { deeper: 1 } }, ['nope', 'deeper'])).toStrictEqual({ schemas: [], description: undefined });
  });

  it('finds no list items in a mapping, and nothing beneath a missing or null value', () => {
    const root = makeRoot();
    const nav = new SchemaNavigator(root);
    expect(nav.at({ list: { k: 1 } }, ['list', 'k'])).toStrictEqual({ schemas: [], description: undefined });
    expect(nav.at({ name: null }, ['name', 'x'])).toStrictEqual({ schemas: [], description: undefined });
    expect(nav.at({ map: null }, ['map', 'k', 'deeper'])).toStrictEqual({ schemas: [], description: undefined });
  });

  it('takes a primitive to have no children: the place beneath it has no value to narrow a union', () => {
    const root = makeRoot();
    const nav = new SchemaNavigator(root);
    // 'xy'.length is 2, but a string has no properties in JSON: neither branch is preferred.
    expect(nav.at({ text: 'xy' }, ['text', 'length'])).toStrictEqual({ schemas: [N, S], description: undefined });
  });

  it('marks the depth of a condition, and only of the outermost one', () => {
    const root = makeRoot();
    const nav = new SchemaNavigator(root);
    expect(nav.at({ when: {} }, ['when'])).toStrictEqual({ schemas: [condition], description: 'When it holds.', conditionDepth: 1 });
    const pack = new SchemaNavigator(packSchema);
    const data = { conditions: { a: { all: [{ not: { fact: 'x', operator: 'equal', value: 1 } }] } } };
    expect(pack.at(data, ['conditions', 'a', 'all', '0', 'not', 'fact']).conditionDepth).toBe(2);
    expect(pack.at(data, ['conditions', 'a']).conditionDepth).toBe(2);
  });

  it('marks a condition when one of the schemas that apply is a condition', () => {
    const root = makeRoot();
    const nav = new SchemaNavigator(root);
    expect(nav.at({ either: { w: {} } }, ['either', 'w']).conditionDepth).toBe(2);
  });

  it('marks no condition on a path that passes none', () => {
    const root = makeRoot();
    const nav = new SchemaNavigator(root);
    const place = nav.at({ list: [1] }, ['list', '0']);
    expect('conditionDepth' in place).toBe(false);
  });
});

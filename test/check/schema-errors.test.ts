/**
 * How ajv's errors become diagnostics: one per problem, located, with the allowed values and a hint.
 * The first block reads packs and inspections against the real schemas; the later blocks compile
 * small hand-made schemas with ajv (built inside each test: explaining an error may reorder a
 * schema's union in place) to reach what the real schemas never produce (formats, oneOf, a union
 * at the root, errors without messages), and locate positions with locateNearest.
 */
import { Ajv } from 'ajv';
import type { Options } from 'ajv';
import { describe, expect, it } from 'vitest';
import { OPERATORS } from '../../src/check/check-condition-shape.js';
import type { JsonSchema } from '../../src/check/navigate-schema.js';
import { locateNearest, schemaDiagnostics } from '../../src/check/schema-errors.js';
import { validateDocument, validateValue } from '../../src/check/validate-schema.js';
import { readDocument } from '../../src/load/read-document.js';
import type { Diagnostic } from '../../src/model/errors.js';
import packSchema from '../../schemas/pack.schema.json' with { type: 'json' };

const head = 'kind: methodology\nid: p\nversion: 1.0.0\ntitle: P\nstatus: draft\nsections: []\nrounding: { mode: halfUp, digits: 0, at: [] }\n';

function errorsOf(body: string, schema: 'pack' | 'inspection' = 'pack'): Diagnostic[] {
  const read = readDocument(schema === 'pack' ? 'pack.yaml' : 'inspection.yaml', schema === 'pack' ? head + body : body);
  if ('errors' in read) throw new Error(JSON.stringify(read.errors));
  return validateDocument(schema, read.doc);
}

describe('schema errors', () => {
  it('accepts a valid root file', () => {
    expect(errorsOf('')).toEqual([]);
  });

  it('points at an unknown key, lists the allowed ones and suggests the nearest', () => {
    const [d, ...rest] = errorsOf('scales:\n  answer:\n    level: []\n');
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ code: 'SCHEMA_UNKNOWN_PROPERTY', line: 10, column: 5, pointer: '/scales/answer/level' });
    expect(d!.message).toBe("unknown property 'level' in scale answer; did you mean 'levels'? Allowed: title, levels, met, notApplicable, countLabel");
  });

  it('reports a missing property at its object with what the property is for', () => {
    const [d] = errorsOf('scales:\n  answer:\n    title: Answers\n');
    expect(d).toMatchObject({ code: 'SCHEMA_REQUIRED', line: 10, column: 5, message: "scale answer lacks the required property 'levels'" });
    expect(d!.hint).toContain('the levels, best first');
  });

  it('gives one error for a value that fits no branch of a union', () => {
    const errors = errorsOf('criteria:\n  - { id: C, title: C, kind: direct, band: { set: x, sett: y } }\n');
    expect(errors.map((e) => [e.code, e.message])).toEqual([
      ['SCHEMA_UNKNOWN_PROPERTY', "unknown property 'sett' in band of criterion C; did you mean 'set'? Allowed: set, combine"],
    ]);
    const types = errorsOf('criteria:\n  - { id: C, title: C, kind: direct, band: 3 }\n');
    expect(types.map((e) => [e.code, e.message])).toEqual([['SCHEMA_TYPE', 'band of criterion C must be a string or a mapping, not the number 3']]);
  });

  it('gives one error per bad condition, at the condition', () => {
    const errors = errorsOf(
      'conditions:\n  a: { all: [{ fact: x, operator: equal, value: 1 }, { fact: y, operator: greater, value: 2 }, { fact: z, value: 3 }] }\n  b: not a condition\n  c: { fact: x, operator: in, value: [1], path: $.y }\n  d: { all: [], any: [] }\n',
    );
    expect(errors.map((e) => [e.code, e.line, e.column])).toEqual([
      ['UNKNOWN_OPERATOR', 9, 75],
      ['CONDITION_SHAPE', 9, 96],
      ['CONDITION_SHAPE', 10, 6],
      ['PATH_NOT_ALLOWED', 11, 43],
      ['CONDITION_SHAPE', 12, 17],
    ]);
    expect(errors[0]!.message).toBe("unknown operator 'greater' in all.1 of condition a; did you mean 'greaterThan'?");
    expect(errors[1]!.message).toBe("all.2 of condition a lacks 'operator'");
    expect(errors[4]!.message).toBe("condition d mixes 'all' and 'any'");
  });

  it('explains enums, patterns and ranges with the allowed values', () => {
    const [e] = errorsOf('criteria:\n  - { id: C, title: C, kind: drect }\n');
    expect(e).toMatchObject({
      code: 'SCHEMA_ENUM',
      message: "kind of criterion C is the string 'drect', not one of the allowed values; did you mean 'direct'?",
      hint: 'use one of: sample, evidence, targets, direct',
    });
    const [p] = errorsOf('criteria:\n  - { id: "C 1", title: C, kind: direct }\n');
    expect(p).toMatchObject({ code: 'SCHEMA_PATTERN', line: 9, column: 11 });
    const [r] = errorsOf('criteria:\n  - { id: E, title: E, kind: evidence, itemScale: s, items: [{ id: i, text: t, weight: 0 }] }\n');
    expect(r).toMatchObject({ code: 'SCHEMA_RANGE', message: 'weight of evidence item i is 0; it must be > 0' });
  });

  it('validates inspections too', () => {
    const errors = errorsOf('pack: x\narea: { name: A }\ncases:\n  - { facts: {} }\n', 'inspection');
    expect(errors.map((e) => [e.code, e.line, e.column, e.message])).toEqual([['SCHEMA_REQUIRED', 4, 5, "case #1 lacks the required property 'id'"]]);
  });

  it('knows the same operators as the schema', () => {
    expect([...OPERATORS]).toEqual(packSchema.definitions.Operator.enum);
  });
});

/** A diagnostic of pack.yaml (whose body starts on line 8, after `head`). */
function at(code: Diagnostic['code'], line: number, column: number, pointer: string, message: string, hint: string): Diagnostic {
  return { code, severity: 'error', message, hint, file: 'pack.yaml', line, column, pointer };
}

const criterionProperties = 'id, title, description, source, kind, weight, questions, score, itemScale, items, statuses, measures, band, limits, adjustable';
const scaleProperties = 'title, levels, met, notApplicable, countLabel';
const idHint = 'write an identifier: letters, digits and `.`, `_`, `-`, `(`, `)`; it starts with a letter or digit.';
const renameHint = 'rename it to one of the allowed properties, or remove it';
const minimalPack = {
  kind: 'methodology',
  id: 'p',
  version: '1.0.0',
  title: 'P',
  status: 'draft',
  sections: [],
  rounding: { mode: 'halfUp', digits: 0, at: [] },
};

describe('schema errors of packs and inspections, exactly', () => {
  const longId = 'a'.repeat(65);
  it.each<[string, string, Diagnostic[]]>([
    [
      'in a union, the deepest complaint wins over a shallower one',
      'criteria:\n  - { id: C, title: C, kind: direct, band: { set: 5, sett: y } }\n',
      [
        at(
          'SCHEMA_TYPE',
          9,
          51,
          '/criteria/0/band/set',
          'band.set of criterion C must be a string, not the number 5',
          'write a string; set: the band set whose rules assign the band.',
        ),
      ],
    ],
    [
      'in a union, at one depth, an enum wins over a pattern',
      'criteria:\n  - { id: C, title: C, kind: direct, band: { set: "a b", combine: bogus } }\n',
      [
        at(
          'SCHEMA_ENUM',
          9,
          67,
          '/criteria/0/band/combine',
          "band.combine of criterion C is the string 'bogus', not one of the allowed values",
          'use one of: lowest, highest',
        ),
      ],
    ],
    [
      'in a union, at one depth, an enum wins over a length',
      `criteria:\n  - { id: C, title: C, kind: direct, band: { set: ${longId}, combine: bogus } }\n`,
      [
        at(
          'SCHEMA_ENUM',
          9,
          127,
          '/criteria/0/band/combine',
          "band.combine of criterion C is the string 'bogus', not one of the allowed values",
          'use one of: lowest, highest',
        ),
      ],
    ],
    [
      'in a union, a value of the wrong type that is also not allowed says what is allowed',
      'criteria:\n  - { id: C, title: C, kind: direct, band: { combine: 5 } }\n',
      [
        at(
          'SCHEMA_ENUM',
          9,
          55,
          '/criteria/0/band/combine',
          'band.combine of criterion C is the number 5, not one of the allowed values',
          'use one of: lowest, highest',
        ),
      ],
    ],
    [
      'outside a union, a value of the wrong type gets its type error only (not also the enum)',
      'criteria:\n  - { id: C, title: C, kind: 5 }\n',
      [
        at(
          'SCHEMA_TYPE',
          9,
          30,
          '/criteria/0/kind',
          'kind of criterion C must be a string, not the number 5',
          `write a string; kind: ${packSchema.definitions.Criterion.properties.kind.description}`,
        ),
      ],
    ],
    [
      'two problems on one line come in the order of their columns',
      'criteria:\n  - { kind: 5, id: C, title: 3 }\n',
      [
        at(
          'SCHEMA_TYPE',
          9,
          13,
          '/criteria/0/kind',
          'kind of criterion C must be a string, not the number 5',
          `write a string; kind: ${packSchema.definitions.Criterion.properties.kind.description}`,
        ),
        at(
          'SCHEMA_TYPE',
          9,
          30,
          '/criteria/0/title',
          'title of criterion C must be a string, not the number 3',
          "write a string; title: the criterion's title as the scoring sheet prints it.",
        ),
      ],
    ],
    [
      'problems come in the order of their lines, a bad condition among them',
      'criteria: 3\nconditions:\n  a: 5\n',
      [
        at(
          'SCHEMA_TYPE',
          8,
          11,
          '/criteria',
          'criteria must be a list, not the number 3',
          'write a list; criteria: criteria; each belongs to a section or feeds an evidence item.',
        ),
        at(
          'CONDITION_SHAPE',
          10,
          6,
          '/conditions/a',
          'condition a is the number 5, not a condition',
          'a condition is one of: all: [conditions], any: [conditions], not: condition, condition: name, or fact, operator and value (with optional params)',
        ),
      ],
    ],
    [
      'a boolean is asked for by name',
      'facts:\n  case:\n    x: { type: boolean, required: "yes" }\n',
      [
        at(
          'SCHEMA_TYPE',
          10,
          35,
          '/facts/case/x/required',
          "required of case fact x must be a boolean (true or false), not the string 'yes'",
          'write a boolean (true or false); required: whether every case (or the area) must give this fact. Defaults to false: a missing fact is then `null` in conditions.',
        ),
      ],
    ],
    [
      'an unknown key with no value and no near name may be text cut off at a comma',
      'criteria:\n  - { id: C, title: Hello, world, kind: direct }\n',
      [
        at(
          'SCHEMA_UNKNOWN_PROPERTY',
          9,
          28,
          '/criteria/0/world',
          `unknown property 'world' in criterion C; allowed: ${criterionProperties}`,
          'rename or remove it; if it is text cut off at a comma inside { ... }, put the text in quotes',
        ),
      ],
    ],
    [
      'an unknown key with no value but a near name is a typo',
      'criteria:\n  - { id: C, title: C, kind: direct, weigth }\n',
      [
        at(
          'SCHEMA_UNKNOWN_PROPERTY',
          9,
          38,
          '/criteria/0/weigth',
          `unknown property 'weigth' in criterion C; did you mean 'weight'? Allowed: ${criterionProperties}`,
          renameHint,
        ),
      ],
    ],
    [
      'an unknown property beside another problem deeper down: two errors',
      'scales:\n  answer:\n    levels: [{ id: "a b", label: A }]\n    colour: red\n',
      [
        at(
          'SCHEMA_PATTERN',
          10,
          20,
          '/scales/answer/levels/0/id',
          "id of level a b of scale answer is the string 'a b', which does not have the required form",
          idHint,
        ),
        at('SCHEMA_UNKNOWN_PROPERTY', 11, 5, '/scales/answer/colour', `unknown property 'colour' in scale answer; allowed: ${scaleProperties}`, renameHint),
      ],
    ],
    [
      'an unknown property beside a different missing property deeper down: two errors',
      'scales:\n  answer:\n    levels: [{ id: a }]\n    colour: red\n',
      [
        at(
          'SCHEMA_REQUIRED',
          10,
          14,
          '/scales/answer/levels/0',
          "level a of scale answer lacks the required property 'label'",
          "add 'label': how the level is printed, e.g. `Fully achieved`.",
        ),
        at('SCHEMA_UNKNOWN_PROPERTY', 11, 5, '/scales/answer/colour', `unknown property 'colour' in scale answer; allowed: ${scaleProperties}`, renameHint),
      ],
    ],
    [
      'an unknown property missing elsewhere (not beneath it) is not misplaced',
      'scales:\n  answer:\n    levels: [{ id: a }]\ncriteria:\n  - { id: C, title: C, kind: direct, label: x }\n',
      [
        at(
          'SCHEMA_REQUIRED',
          10,
          14,
          '/scales/answer/levels/0',
          "level a of scale answer lacks the required property 'label'",
          "add 'label': how the level is printed, e.g. `Fully achieved`.",
        ),
        at('SCHEMA_UNKNOWN_PROPERTY', 12, 38, '/criteria/0/label', `unknown property 'label' in criterion C; allowed: ${criterionProperties}`, renameHint),
      ],
    ],
    [
      "an unknown property named 'undefined' beside a deeper problem: two errors",
      'scales:\n  answer:\n    levels: [{ id: "a b", label: A }]\n    undefined: 1\n',
      [
        at(
          'SCHEMA_PATTERN',
          10,
          20,
          '/scales/answer/levels/0/id',
          "id of level a b of scale answer is the string 'a b', which does not have the required form",
          idHint,
        ),
        at(
          'SCHEMA_UNKNOWN_PROPERTY',
          11,
          5,
          '/scales/answer/undefined',
          `unknown property 'undefined' in scale answer; allowed: ${scaleProperties}`,
          renameHint,
        ),
      ],
    ],
    [
      'a property written one level too far out: one error, naming the line of the mapping that lacks it',
      'criteria:\n  - id: T\n    title: T\n    kind: targets\n    statuses:\n      scale: s\n      met: m\n      nearlyMet: n\n    notMet: x\n',
      [
        at(
          'SCHEMA_UNKNOWN_PROPERTY',
          16,
          5,
          '/criteria/0/notMet',
          "'notMet' is written as a property of criterion T, where it is unknown; it belongs to statuses of criterion T (line 13), which lacks it",
          "indent 'notMet:' to line up with the other properties of statuses of criterion T",
        ),
      ],
    ],
    [
      'a length out of range of a string is not given as a number',
      'attachesTo: { methodology: m, versions: "" }\n',
      [
        at(
          'SCHEMA_RANGE',
          8,
          41,
          '/attachesTo/versions',
          'attachesTo.versions must NOT have fewer than 1 characters',
          'change the value to fit the schema; versions: the methodology versions the thematic works with, as a semver range.',
        ),
      ],
    ],
  ])('%s', (_name, body, expected) => {
    expect(errorsOf(body)).toEqual(expected);
  });

  it('names the types of a value that may be one of several, null among them', () => {
    expect(errorsOf('pack: x\narea: { name: A }\ntargets:\n  m: { value: 1, comparator: "x" }\n', 'inspection')).toEqual([
      {
        code: 'SCHEMA_TYPE',
        severity: 'error',
        message: "targets.m.comparator must be a number or null, not the string 'x'",
        hint: 'write a number or null; comparator: a figure to compare with, e.g. the national average; shown, never judged.',
        file: 'inspection.yaml',
        line: 4,
        column: 30,
        pointer: '/targets/m/comparator',
      },
    ]);
  });

  it('names no line for a misplaced property of a value built in code', () => {
    const pack = { ...minimalPack, criteria: [{ id: 'T', title: 'T', kind: 'targets', statuses: { scale: 's', met: 'm', nearlyMet: 'n' }, notMet: 'x' }] };
    expect(validateValue('pack', pack)).toEqual([
      {
        code: 'SCHEMA_UNKNOWN_PROPERTY',
        severity: 'error',
        message: "'notMet' is written as a property of criterion T, where it is unknown; it belongs to statuses of criterion T, which lacks it",
        hint: "indent 'notMet:' to line up with the other properties of statuses of criterion T",
        pointer: '/criteria/0/notMet',
      },
    ]);
  });
});

/** The diagnostics of `text` (x.yaml) against a hand-made schema, compiled as the generated validators are. */
function explain(schema: JsonSchema, text: string, options: Options = {}): Diagnostic[] {
  const ajv = new Ajv({ allErrors: true, allowUnionTypes: true, strict: false, ...options });
  ajv.addFormat('hex', /^[0-9a-f]+$/);
  const validate = ajv.compile(schema);
  const read = readDocument('x.yaml', text);
  if ('errors' in read) throw new Error(JSON.stringify(read.errors));
  if (validate(read.doc.value)) return [];
  return schemaDiagnostics(validate.errors ?? [], read.doc, schema);
}

/** A diagnostic of x.yaml. */
function inX(code: Diagnostic['code'], line: number, column: number, pointer: string, message: string, hint: string): Diagnostic {
  return { code, severity: 'error', message, hint, file: 'x.yaml', line, column, pointer };
}

describe('schema errors against hand-made schemas', () => {
  it('explains a format: with the property description as the hint, else naming the format', () => {
    const schema: JsonSchema = {
      type: 'object',
      properties: { code: { type: 'string', format: 'hex', description: 'A hexadecimal code.' }, other: { type: 'string', format: 'hex' } },
    } as JsonSchema;
    expect(explain(schema, 'code: xyz\nother: abq\n')).toEqual([
      inX('SCHEMA_PATTERN', 1, 7, '/code', "code is the string 'xyz', which is not a valid hex", 'A hexadecimal code.'),
      inX('SCHEMA_PATTERN', 2, 8, '/other', "other is the string 'abq', which is not a valid hex", 'write a valid hex'),
    ]);
  });

  it('explains a pattern with no description by the pattern itself', () => {
    const schema = { type: 'object', properties: { p: { type: 'string', pattern: '^[a-z]+$' } } } as JsonSchema;
    expect(explain(schema, 'p: A1\n')).toEqual([
      inX('SCHEMA_PATTERN', 1, 4, '/p', "p is the string 'A1', which does not have the required form", 'write a value matching ^[a-z]+$'),
    ]);
  });

  it('explains a missing property with no description by its name alone', () => {
    const schema: JsonSchema = { type: 'object', properties: { a: { type: 'string' } }, required: ['a'] };
    expect(explain(schema, 'b: 1\n')).toEqual([inX('SCHEMA_REQUIRED', 1, 1, '', "the top level lacks the required property 'a'", "add 'a'")]);
  });

  it('gives a keyword that is not a range ajv message and a general hint, as SCHEMA_INVALID', () => {
    const schema = { type: 'object', properties: { n: { type: 'number', multipleOf: 2 } } } as JsonSchema;
    expect(explain(schema, 'n: 3\n')).toEqual([inX('SCHEMA_INVALID', 1, 4, '/n', 'n must be multiple of 2', 'change the value to fit the schema')]);
  });

  it('words range and other errors that come without a message', () => {
    const schema = { type: 'object', properties: { n: { type: 'number', maximum: 5 }, m: { type: 'number', multipleOf: 2 } } } as JsonSchema;
    expect(explain(schema, 'n: 7\nm: 3\n', { messages: false })).toEqual([
      inX('SCHEMA_RANGE', 1, 4, '/n', 'n is 7; it is out of range', 'use a value <= 5'),
      inX('SCHEMA_INVALID', 2, 4, '/m', 'm is not valid', 'change the value to fit the schema'),
    ]);
  });

  it("adds a property's meaning to a hint for named properties, not for list entries", () => {
    const schema = {
      type: 'object',
      properties: {
        a1: { type: 'number', description: 'First.' },
        '1a': { type: 'number', description: 'Second.' },
        list: { type: 'array', items: { type: 'number', description: 'An entry.' } },
      },
    } as JsonSchema;
    expect(explain(schema, 'a1: x\n1a: y\nlist: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, z]\n')).toEqual([
      inX('SCHEMA_TYPE', 1, 5, '/a1', "a1 must be a number, not the string 'x'", 'write a number; a1: first.'),
      inX('SCHEMA_TYPE', 2, 5, '/1a', "1a must be a number, not the string 'y'", 'write a number; 1a: second.'),
      inX('SCHEMA_TYPE', 3, 38, '/list/10', "list.10 must be a number, not the string 'z'", 'write a number'),
    ]);
  });

  it('adds no meaning to a hint at the top level', () => {
    const schema: JsonSchema = { type: 'object', description: 'The whole file.' };
    expect(explain(schema, '5\n')).toEqual([inX('SCHEMA_TYPE', 1, 1, '', 'the top level must be a mapping, not the number 5', 'write a mapping')]);
  });

  it('says a problem once when the schema states the rule twice', () => {
    const schema = { type: 'object', properties: { a: { allOf: [{ type: 'string' }, { type: 'string' }] } } } as JsonSchema;
    expect(explain(schema, 'a: 1\n')).toEqual([inX('SCHEMA_TYPE', 1, 4, '/a', 'a must be a string, not the number 1', 'write a string')]);
  });

  it('explains a union at the top level as one error: the complaint of the branch that fits', () => {
    const schema = { anyOf: [{ type: 'string' }, { type: 'object', properties: { a: { type: 'number' } }, additionalProperties: false }] } as JsonSchema;
    expect(explain(schema, 'a: x\n')).toEqual([inX('SCHEMA_TYPE', 1, 4, '/a', "a must be a number, not the string 'x'", 'write a number')]);
  });

  it('explains a union at the top level that no branch fits by the types it takes', () => {
    const schema = { anyOf: [{ type: 'string' }, { type: 'object', properties: { a: { type: 'number' } }, additionalProperties: false }] } as JsonSchema;
    expect(explain(schema, '5\n')).toEqual([
      inX('SCHEMA_TYPE', 1, 1, '', 'the top level must be a string or a mapping, not the number 5', 'write a string or a mapping'),
    ]);
  });

  it('treats oneOf as a union: the complaint of the branch that fits', () => {
    const schema = {
      type: 'object',
      properties: { v: { oneOf: [{ type: 'string' }, { type: 'object', properties: { n: { type: 'number' } } }] } },
    } as JsonSchema;
    expect(explain(schema, 'v: { n: x }\n')).toEqual([inX('SCHEMA_TYPE', 1, 9, '/v/n', "v.n must be a number, not the string 'x'", 'write a number')]);
  });

  it('treats oneOf as a union: a value no branch fits gets the types it may have', () => {
    const schema = {
      type: 'object',
      properties: { v: { oneOf: [{ type: 'string' }, { type: 'object', properties: { n: { type: 'number' } } }] } },
    } as JsonSchema;
    expect(explain(schema, 'v: 5\n')).toEqual([
      inX('SCHEMA_TYPE', 1, 4, '/v', 'v must be a string or a mapping, not the number 5', 'write a string or a mapping'),
    ]);
  });

  it('in a union, picks the deeper complaint even when the shallower one has the longer pointer', () => {
    const branch = { type: 'object', properties: { averylongpropertyname: { type: 'number' }, a: { type: 'object', properties: { b: { type: 'number' } } } } };
    const schema = { type: 'object', properties: { u: { anyOf: [{ type: 'string' }, branch] } } } as JsonSchema;
    expect(explain(schema, 'u: { averylongpropertyname: x, a: { b: y } }\n')).toEqual([
      inX('SCHEMA_TYPE', 1, 40, '/u/a/b', "u.a.b must be a number, not the string 'y'", 'write a number'),
    ]);
  });

  it('gives one general error for a condition the schema refuses but whose shape is sound', () => {
    // This schema's conditions compare with numbers only; the shape check allows any scalar.
    const schema = {
      type: 'object',
      properties: { when: { $ref: '#/definitions/Condition' } },
      definitions: {
        Condition: {
          type: 'object',
          properties: { fact: { type: 'string' }, operator: { type: 'string' }, value: { type: 'number' } },
          required: ['fact', 'operator', 'value'],
        },
      },
    } as JsonSchema;
    expect(explain(schema, 'when: { fact: x, operator: equal, value: "1" }\n')).toEqual([
      inX('SCHEMA_INVALID', 1, 7, '/when', 'when is not a valid condition', 'a condition is all / any / not / condition, or fact with operator and value'),
    ]);
  });
});

describe('locateNearest', () => {
  const text = 'a:\n  b: 1\nlist:\n  - x\n';
  function doc() {
    const read = readDocument('near.yaml', text);
    if ('errors' in read) throw new Error(JSON.stringify(read.errors));
    return read.doc;
  }

  it.each<[string, string, boolean | undefined, { line?: number; column?: number }]>([
    ['a value', '/a/b', undefined, { line: 2, column: 6 }],
    ['a key, when asked for', '/a/b', true, { line: 2, column: 3 }],
    ['a mapping value, not its key, by default', '/a', undefined, { line: 2, column: 3 }],
    ['the nearest ancestor of a place that does not exist', '/a/zz/deeper', undefined, { line: 2, column: 3 }],
    ["the nearest ancestor's value, not its key, for a key that does not exist", '/a/zz', true, { line: 2, column: 3 }],
    ['a list entry', '/list/0', undefined, { line: 4, column: 5 }],
    ['the top of the file for a place outside everything', '/nothing', undefined, { line: 1, column: 1 }],
  ])('finds %s', (_name, pointer, onKey, expected) => {
    expect(onKey === undefined ? locateNearest(doc(), pointer) : locateNearest(doc(), pointer, onKey)).toEqual(expected);
  });

  it('gives no position when the document locates nothing', () => {
    expect(locateNearest({ ...doc(), locate: () => undefined }, '/a/b')).toEqual({});
  });
});

describe('the same mistake', () => {
  it('gets the same message whatever was validated before it (the schemas are shared)', () => {
    const mistake = 'pack: p\narea: { name: X }\ncases: { fle: x }\n';
    const first = errorsOf(mistake, 'inspection');
    // A value that fits no branch of the cases union at all.
    errorsOf('pack: p\narea: { name: X }\ncases: 5\n', 'inspection');
    expect(errorsOf(mistake, 'inspection')).toEqual(first);
    expect(first[0]!.message).toMatch(/file, format, database, table, schema, query/);
  });
});

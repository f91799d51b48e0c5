/** How ajv's errors become diagnostics: one per problem, located, with the allowed values and a hint. */
import { describe, expect, it } from 'vitest';
import { OPERATORS } from '../../src/check/check-condition-shape.js';
import { validateDocument } from '../../src/check/validate-schema.js';
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

/**
 * Weights, ids and the numbers and keys a pack may not use: section weights and weight classes
 * (checkWeights), one id namespace with `overall` reserved and `constructor`/`prototype` refused
 * (checkIds), whole numbers of decimal places in rounding (checkPack), and forbidden keys in a
 * value built in code (findForbiddenKeys). Each case edits the harness's base pack inside the test
 * and gives the diagnostics expected: code, message, hint, line and column.
 */
import { describe, expect, it } from 'vitest';
import { findForbiddenKeys } from '../../src/check/find-forbidden-keys.js';
import type { Diagnostic } from '../../src/model/errors.js';
import { checkPackText, editedPack } from './pack-harness.js';

type Seen = Pick<Diagnostic, 'code' | 'message' | 'hint' | 'line' | 'column'>;

/** The diagnostics of the base pack with `edits` applied, reduced to what the cases compare. */
const check = (edits: Array<[string, string]>): Seen[] =>
  checkPackText(editedPack(edits)).map(({ code, message, hint, line, column }) => ({ code, message, hint, line, column }));

const SCORE = '    score: { method: weightedMean }\n';
/** Gives section A the weight `weight` (on line 55). */
const sectionWeight = (weight: string): [string, string] => [SCORE, `${SCORE}    weight: ${weight}\n`];
/** Adds targets criterion T1 (lines 42 to 46) with one measure of id `measureId`, listed in section A. */
const withMeasure = (measureId: string): Array<[string, string]> => [
  [
    '  - id: E1\n',
    `  - id: T1\n    title: Targets\n    kind: targets\n    statuses: { scale: perf, met: strong, nearlyMet: strong, notMet: weak }\n    measures: [{ id: ${measureId}, measure: M, direction: higher }]\n  - id: E1\n`,
  ],
  ['criteria: [S1, E1]', 'criteria: [S1, E1, T1]'],
];
const SHARED = 'sections, criteria, questions, evidence items and measures share one namespace: give this one another id';
const keyOnly = (id: string, noun: string): string =>
  `the id '${id}' of ${noun} ${id} cannot be used: inspection data would need it as a key, and '${id}' is not allowed as a key`;

describe('checkWeights', () => {
  const cases: Array<{ note: string; edits: Array<[string, string]>; expected: Seen[] }> = [
    { note: 'a positive section weight is accepted', edits: [sectionWeight('0.5')], expected: [] },
    {
      note: 'a section weight of 0 is reported',
      edits: [sectionWeight('0')],
      expected: [
        {
          code: 'BAD_WEIGHT',
          message: 'the weight of section A is 0, not a positive number',
          hint: 'give a weight above 0, or leave weight out',
          line: 55,
          column: 13,
        },
      ],
    },
    {
      note: 'a negative section weight is reported',
      edits: [sectionWeight('-1.5')],
      expected: [
        {
          code: 'BAD_WEIGHT',
          message: 'the weight of section A is -1.5, not a positive number',
          hint: 'give a weight above 0, or leave weight out',
          line: 55,
          column: 13,
        },
      ],
    },
    {
      note: 'a section naming an undeclared weight class is reported',
      edits: [sectionWeight('hevy')],
      expected: [
        {
          code: 'UNKNOWN_WEIGHT_CLASS',
          message: "unknown weight class 'hevy' for section A; did you mean 'heavy'?",
          hint: 'declare it under weightClasses, or use one of: heavy',
          line: 55,
          column: 13,
        },
      ],
    },
    { note: 'a weight class just above 0 is accepted', edits: [['{ heavy: 2 }', '{ heavy: 0.001 }']], expected: [] },
    {
      note: 'a negative weight class is reported',
      edits: [['{ heavy: 2 }', '{ heavy: -2 }']],
      expected: [
        {
          code: 'BAD_WEIGHT',
          message: 'weight class heavy is -2, not a positive number',
          hint: 'give the class a weight above 0, e.g. 1 or 2',
          line: 21,
          column: 25,
        },
      ],
    },
  ];
  it.each(cases)('$note', ({ edits, expected }) => {
    expect(check(edits)).toEqual(expected);
  });
});

describe('checkIds', () => {
  const cases: Array<{ note: string; edits: Array<[string, string]>; expected: Seen[] }> = [
    {
      note: "a question with the id 'constructor' is refused",
      edits: [['{ id: S1.1, text: Asked', '{ id: constructor, text: Asked']],
      expected: [{ code: 'FORBIDDEN_KEY', message: keyOnly('constructor', 'question'), hint: 'rename the question', line: 41, column: 15 }],
    },
    {
      note: "an evidence item with the id 'prototype' is refused",
      edits: [['{ id: E1.1, text: An item }', '{ id: prototype, text: An item }']],
      expected: [{ code: 'FORBIDDEN_KEY', message: keyOnly('prototype', 'evidence item'), hint: 'rename the evidence item', line: 49, column: 15 }],
    },
    {
      note: "a section with the id 'constructor' is refused",
      edits: [['  - id: A\n', '  - id: constructor\n']],
      expected: [{ code: 'FORBIDDEN_KEY', message: keyOnly('constructor', 'section'), hint: 'rename the section', line: 51, column: 9 }],
    },
    {
      note: "an evidence item with the id 'overall' is refused as reserved",
      edits: [['{ id: E1.1, text: An item }', '{ id: overall, text: An item }']],
      expected: [
        {
          code: 'DUPLICATE_ID',
          message: "the id 'overall' of evidence item is reserved for the overall result",
          hint: 'rename the evidence item',
          line: 49,
          column: 15,
        },
      ],
    },
    {
      note: 'an evidence item with the id of a question is a duplicate',
      edits: [['{ id: E1.1, text: An item }', '{ id: S1.1, text: An item }']],
      expected: [
        { code: 'DUPLICATE_ID', message: "the id 'S1.1' of this evidence item is already the id of question S1.1", hint: SHARED, line: 49, column: 15 },
      ],
    },
    {
      note: 'a measure with the id of a question is a duplicate',
      edits: withMeasure('S1.1'),
      expected: [{ code: 'DUPLICATE_ID', message: "the id 'S1.1' of this measure is already the id of question S1.1", hint: SHARED, line: 46, column: 22 }],
    },
    {
      note: 'an evidence item with the id of a measure claimed before it names the measure',
      edits: [...withMeasure('T1.1'), ['{ id: E1.1, text: An item }', '{ id: T1.1, text: An item }']],
      expected: [
        { code: 'DUPLICATE_ID', message: "the id 'T1.1' of this evidence item is already the id of measure T1.1", hint: SHARED, line: 54, column: 15 },
      ],
    },
  ];
  it.each(cases)('$note', ({ edits, expected }) => {
    expect(check(edits)).toEqual(expected);
  });
});

describe('rounding', () => {
  const cases: Array<{ note: string; edits: Array<[string, string]>; expected: Seen[] }> = [
    { note: 'whole numbers of decimal places are accepted', edits: [['digits: 0', 'digits: 3, display: 4']], expected: [] },
    {
      note: 'digits that are not whole are reported with the nearest whole number',
      edits: [['digits: 0', 'digits: 2.4']],
      expected: [
        {
          code: 'SCHEMA_TYPE',
          message: 'rounding.digits is 2.4, not a whole number of decimal places',
          hint: 'write a whole number, e.g. 2',
          line: 55,
          column: 35,
        },
      ],
    },
    {
      note: 'display places that are not whole are reported with the nearest whole number',
      edits: [['digits: 0', 'digits: 0, display: 1.5']],
      expected: [
        {
          code: 'SCHEMA_TYPE',
          message: 'rounding.display is 1.5, not a whole number of decimal places',
          hint: 'write a whole number, e.g. 2',
          line: 55,
          column: 47,
        },
      ],
    },
  ];
  it.each(cases)('$note', ({ edits, expected }) => {
    expect(check(edits)).toEqual(expected);
  });
});

describe('findForbiddenKeys', () => {
  it('passes over nulls and finds a forbidden key beside them', () => {
    const value = { a: null, b: [null, { c: 1 }], d: JSON.parse('{ "e": null, "__proto__": {} }') as unknown };
    expect(findForbiddenKeys(value).map(({ code, message, pointer }) => ({ code, message, pointer }))).toEqual([
      { code: 'FORBIDDEN_KEY', message: "the key '__proto__' is not allowed", pointer: '/d/__proto__' },
    ]);
  });

  it('finds nothing in a value of nulls and plain keys', () => {
    expect(findForbiddenKeys({ a: null, b: [null, { c: null }] })).toEqual([]);
  });
});

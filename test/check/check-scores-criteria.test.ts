/**
 * Score rules and criterion kinds, and the look-ups of the check context they rest on: the methods
 * each kind of criterion may use, `level` only with shareAtLeast and shareAtLeast only where levels
 * are counted (checkScores); what each kind of criterion needs and the scales it names
 * (checkCriteria); one diagnostic per place and message, the first of duplicate criteria, packs
 * without facts and scales without levels (CheckContext); and the title a band set takes from the
 * sets it extends (resolveBandSet). Each case edits the harness's base pack inside the test and
 * gives the diagnostics expected: code, message, hint, line and column.
 */
import { describe, expect, it } from 'vitest';
import { resolveBandSet } from '../../src/check/resolve-band-set.js';
import type { Diagnostic } from '../../src/model/errors.js';
import type { BandSet } from '../../src/model/pack.js';
import { checkPackText, editedPack } from './pack-harness.js';

type Seen = Pick<Diagnostic, 'code' | 'message' | 'hint' | 'line' | 'column' | 'pointer'>;

/** The diagnostics of the base pack with `edits` applied, reduced to what the cases compare. */
const check = (edits: Array<[string, string]>): Seen[] =>
  checkPackText(editedPack(edits)).map(({ code, message, hint, line, column, pointer }) => ({ code, message, hint, line, column, pointer }));

type Case = { note: string; edits: Array<[string, string]>; expected: Seen[] };

const SECTION_SCORE = '    score: { method: weightedMean }\n';
/** Gives criterion S1 the score rule `rule` (on line 40). */
const s1Score = (rule: string): [string, string] => ['    band: scoreBands\n', `    band: scoreBands\n    score: ${rule}\n`];
const QUESTIONS = '    questions:\n      - { id: S1.1, text: Asked, scale: answer, appliesWhen: { fact: risk, operator: equal, value: high } }\n';
/** Adds targets criterion T1 (lines 42 to 46) with `statuses`, listed in section A. */
const withTargets = (statuses: string): Array<[string, string]> => [
  ['  - id: E1\n', `  - id: T1\n    title: Targets\n    kind: targets\n${statuses}    measures: [{ id: T1.1, measure: M, direction: higher }]\n  - id: E1\n`],
  ['criteria: [S1, E1]', 'criteria: [S1, E1, T1]'],
];
const NEEDS_ITEMS = 'an evidence criterion needs itemScale and items (a non-empty list)';
const SCALES_HINT = 'declare it under scales, or use one of: answer, perf, band';

describe('checkScores', () => {
  const cases: Case[] = [
    {
      note: 'a sample criterion scored shareAtLeast is told both methods it may use',
      edits: [s1Score('{ method: shareAtLeast, level: good }')],
      expected: [
        {
          code: 'BAD_AGGREGATION',
          message: 'criterion S1 cannot use the score method shareAtLeast',
          hint: "a sample criterion's score may use: pooled, weightedMean",
          line: 40,
          column: 22,
          pointer: '/criteria/0/score/method',
        },
      ],
    },
    {
      note: 'a level on a pooled criterion score is reported at the key',
      edits: [s1Score('{ method: pooled, level: good }')],
      expected: [
        {
          code: 'BAD_AGGREGATION',
          message: 'the score of criterion S1 has a level, which only shareAtLeast uses',
          hint: 'remove level, or use method: shareAtLeast',
          line: 40,
          column: 30,
          pointer: '/criteria/0/score/level',
        },
      ],
    },
    {
      note: 'a level on a weighted mean of a section is reported at the key',
      edits: [[SECTION_SCORE, '    score: { method: weightedMean, level: high }\n']],
      expected: [
        {
          code: 'BAD_AGGREGATION',
          message: 'the score of section A has a level, which only shareAtLeast uses',
          hint: 'remove level, or use method: shareAtLeast',
          line: 54,
          column: 36,
          pointer: '/sections/0/score/level',
        },
      ],
    },
    {
      note: 'shareAtLeast on a result that counts no levels is reported',
      edits: [['rounding:', 'overall: { title: Overall, score: { method: shareAtLeast, level: high } }\nrounding:']],
      expected: [
        {
          code: 'BAD_AGGREGATION',
          message: 'overall has no levels to count, so shareAtLeast cannot work',
          hint: 'use shareAtLeast where items, measures or banded children are counted',
          line: 55,
          column: 45,
          pointer: '/overall/score/method',
        },
      ],
    },
    {
      note: 'shareAtLeast from a level of the one scale a section counts is accepted',
      edits: [[SECTION_SCORE, '    score: { method: shareAtLeast, level: high }\n']],
      expected: [],
    },
    {
      note: 'shareAtLeast from a level not of the one scale a section counts is reported',
      edits: [[SECTION_SCORE, '    score: { method: shareAtLeast, level: strong }\n']],
      expected: [
        {
          code: 'UNKNOWN_LEVEL',
          message: "'strong' in the score of section A is not a level of scale band",
          hint: 'use one of the levels of band: high, low',
          line: 54,
          column: 43,
          pointer: '/sections/0/score/level',
        },
      ],
    },
  ];
  it.each(cases)('$note', ({ edits, expected }) => {
    expect(check(edits)).toEqual(expected);
  });

  it('refuses shareAtLeast where the children are banded on two scales (their levels have no common order)', () => {
    // S1 is banded on band, E1 (combining its items) on perf; 'strong' is a level of perf only.
    const diagnostics = check([
      [SECTION_SCORE, '    score: { method: shareAtLeast, level: strong }\n'],
      ['    band: itemBands', '    band: { combine: highest }'],
    ]);
    expect(diagnostics).toEqual([
      {
        code: 'SCALE_MISMATCH',
        message: "section A counts levels of different scales (band, perf), so shareAtLeast has no order to count 'strong' in",
        hint: 'band its children (or rate its items) on one scale, or use another method',
        line: 54,
        column: 22,
        pointer: '/sections/0/score/method',
      },
    ]);
  });
});

describe('checkCriteria', () => {
  const cases: Case[] = [
    {
      note: 'a sample criterion without questions is reported at the criterion',
      edits: [[QUESTIONS, '']],
      expected: [
        {
          code: 'KIND_MISMATCH',
          message: 'sample criterion S1 has no questions',
          hint: 'a sample criterion needs questions (a non-empty list)',
          line: 35,
          column: 5,
          pointer: '/criteria/0',
        },
      ],
    },
    {
      note: 'a sample criterion with an empty question list is reported at the list',
      edits: [[QUESTIONS, '    questions: []\n']],
      expected: [
        {
          code: 'KIND_MISMATCH',
          message: 'sample criterion S1 has an empty questions list',
          hint: 'a sample criterion needs questions (a non-empty list)',
          line: 40,
          column: 16,
          pointer: '/criteria/0/questions',
        },
      ],
    },
    {
      note: 'an evidence criterion without items is reported at the criterion',
      edits: [['    items:\n      - { id: E1.1, text: An item }\n', '']],
      expected: [{ code: 'KIND_MISMATCH', message: 'evidence criterion E1 has no items', hint: NEEDS_ITEMS, line: 42, column: 5, pointer: '/criteria/1' }],
    },
    {
      note: 'an evidence criterion without itemScale is reported, and its band set then counts nothing',
      edits: [['    itemScale: perf\n', '']],
      expected: [
        { code: 'KIND_MISMATCH', message: 'evidence criterion E1 has no itemScale', hint: NEEDS_ITEMS, line: 42, column: 5, pointer: '/criteria/1' },
        {
          code: 'SCALE_MISMATCH',
          message: 'band set itemBands counts levels of scale perf, but criterion E1 has no levels to count',
          hint: 'use a band set without inputScale here (e.g. one over score)',
          line: 46,
          column: 11,
          pointer: '/criteria/1/band',
        },
      ],
    },
    {
      note: 'a targets criterion without statuses is reported at the criterion',
      edits: withTargets(''),
      expected: [
        {
          code: 'KIND_MISMATCH',
          message: 'targets criterion T1 has no statuses',
          hint: 'a targets criterion needs statuses and measures (a non-empty list)',
          line: 42,
          column: 5,
          pointer: '/criteria/1',
        },
      ],
    },
    {
      note: 'an undeclared itemScale is reported at itemScale',
      edits: [['    itemScale: perf\n', '    itemScale: perff\n']],
      expected: [
        {
          code: 'UNKNOWN_SCALE',
          message: "unknown scale 'perff' in criterion E1; did you mean 'perf'?",
          hint: SCALES_HINT,
          line: 46,
          column: 16,
          pointer: '/criteria/1/itemScale',
        },
      ],
    },
    {
      note: 'an undeclared scale of statuses is reported at statuses.scale, and its levels are not judged',
      edits: withTargets('    statuses: { scale: perff, met: strong, nearlyMet: strong, notMet: weak }\n'),
      expected: [
        {
          code: 'UNKNOWN_SCALE',
          message: "unknown scale 'perff' in statuses of criterion T1; did you mean 'perf'?",
          hint: SCALES_HINT,
          line: 45,
          column: 24,
          pointer: '/criteria/1/statuses/scale',
        },
      ],
    },
  ];
  it.each(cases)('$note', ({ edits, expected }) => {
    expect(check(edits)).toEqual(expected);
  });
});

describe('CheckContext', () => {
  it('reports a question shared by two criteria (a YAML alias) once for each mistake', () => {
    const diagnostics = check([
      [QUESTIONS, '    questions:\n      - &q { id: S1.1, text: Asked, scale: answr }\n  - id: S2\n    title: Again\n    kind: sample\n    questions: [*q]\n'],
      ['criteria: [S1, E1]', 'criteria: [S1, E1, S2]'],
    ]);
    expect(diagnostics.map(({ code, message, line, column }) => ({ code, message, line, column }))).toEqual([
      { code: 'DUPLICATE_ID', message: "the id 'S1.1' of this question is already the id of question S1.1", line: 41, column: 18 },
      { code: 'UNKNOWN_SCALE', message: "unknown scale 'answr' in question S1.1; did you mean 'answer'?", line: 41, column: 44 },
    ]);
  });

  it('looks up the first of two criteria with one id', () => {
    // The section's only weighted child is the first S1: the second (a direct criterion without weight) is not looked at.
    const diagnostics = check([
      ['  - id: E1\n', '  - id: S1\n    title: Again\n    kind: direct\n  - id: E1\n'],
      ['    weight: heavy\n    itemScale', '    itemScale'],
    ]);
    expect(diagnostics).toEqual([
      {
        code: 'DUPLICATE_ID',
        message: "the id 'S1' of this criterion is already the id of criterion S1",
        hint: 'sections, criteria, questions, evidence items and measures share one namespace: give this one another id',
        line: 42,
        column: 9,
        pointer: '/criteria/1/id',
      },
    ]);
  });

  it('lists no declared facts for a pack without facts', () => {
    const diagnostics = check([
      [
        'facts:\n  case:\n    risk: { type: enum, values: [low, high] }\n    age: { type: number }\n    female: { type: boolean }\n  area:\n    oasys: { type: boolean }\n',
        '',
      ],
    ]);
    expect(diagnostics).toEqual([
      {
        code: 'UNKNOWN_FACT',
        message: "unknown fact 'risk' in S1.1.appliesWhen; declared facts: (none)",
        hint: 'declare the fact under facts.case or facts.area, or correct its name',
        line: 34,
        column: 70,
        pointer: '/criteria/0/questions/0/appliesWhen/fact',
      },
    ]);
  });

  it('reports a scale without levels once, not at each level named of it', () => {
    const diagnostics = check([['    levels: [{ id: strong, label: Strong }, { id: weak, label: Weak }]', '    levels: []']]);
    expect(diagnostics).toEqual([
      {
        code: 'EMPTY_SCALE',
        message: 'scale perf has no levels',
        hint: 'list its levels, best first: levels: [{ id, label }, ...]',
        line: 17,
        column: 3,
        pointer: '/scales/perf',
      },
    ]);
  });
});

describe('resolveBandSet', () => {
  it('takes the title, scale and otherwise from the nearest set that gives them', () => {
    const sets: Record<string, BandSet> = {
      a: { extends: 'b', otherwise: 'low' },
      b: { extends: 'c', title: 'B', rules: [{ level: 'high', when: { fact: 'score', operator: 'greaterThan', value: 1 } }] },
      c: { title: 'C', scale: 'band', otherwise: 'none' },
    };
    expect(resolveBandSet('a', (name) => sets[name])).toEqual({
      id: 'a',
      title: 'B',
      scale: 'band',
      inputScale: undefined,
      otherwise: 'low',
      rules: [{ level: 'high', when: { fact: 'score', operator: 'greaterThan', value: 1 }, declaredIn: 'b', index: 0 }],
      limits: [],
      chain: ['a', 'b', 'c'],
    });
  });
});

/**
 * checkUsage on its own: a section is rated from its criteria or from its own items (with an item
 * scale and without levels: bands), an item's `from` names a declared criterion banded on the item
 * scale, criteria feeding each other's items in a circle are reported at the item that closes it,
 * and every criterion is in a section or feeds an item. Each case edits the base pack once, runs
 * checkUsage alone and compares every diagnostic: code, message, hint, and the line, column and
 * pointer worked out from the pack text.
 */
import { describe, expect, it } from 'vitest';
import { checkUsage } from '../../src/check/check-usage.js';
import type { Diagnostic } from '../../src/model/errors.js';
import { diagnosticsOf, editedPack, expected, type Expected } from './pack-harness.js';

/** The diagnostics of checkUsage alone; throws unless the pack is schema-valid (these tests are about what follows the schema). */
const usageDiagnostics = (text: string): Diagnostic[] => diagnosticsOf(checkUsage, text);

/** Edits that add criteria (after E1), items to E1, lines to section A, or a second section B with the lines given. */
const addCriteria = (criteria: string): [string, string] => ['sections:\n', `${criteria}sections:\n`];
const addE1Items = (items: string): [string, string] => ['      - { id: E1.1, text: An item }\n', `      - { id: E1.1, text: An item }\n${items}`];
const addToSectionA = (lines: string): [string, string] => ['    score: { method: weightedMean }\n', `    score: { method: weightedMean }\n${lines}`];
const addSectionB = (lines: string): [string, string] => ['rounding:', `  - id: B\n    title: Own items\n${lines}rounding:`];
const OWN_ITEMS = '    items:\n      - { id: B.1, text: Own item }\n';
/** A sample criterion without a band and an evidence criterion without an item scale, in no section. */
const S2 = '  - id: S2\n    title: Unbanded\n    kind: sample\n';
const E3 = (items: string): string => `  - id: E3\n    title: No item scale\n    kind: evidence\n    items:\n${items}`;

const cases: Array<{ note: string; edits: Array<[string, string]>; want: Expected[] }> = [
  { note: 'nothing wrong with the base pack', edits: [], want: [] },
  {
    note: 'a section of criteria that gives an item scale',
    edits: [addToSectionA('    itemScale: perf\n')],
    want: [
      {
        code: 'KIND_MISMATCH',
        where: ['itemScale: perf\nrounding'],
        pointer: '/sections/0/itemScale',
        message: 'section A gives itemScale but no items',
        hint: 'give it items, or remove itemScale',
      },
    ],
  },
  { note: 'a section with its own items and an empty list of criteria', edits: [addSectionB(`    criteria: []\n    itemScale: perf\n${OWN_ITEMS}`)], want: [] },
  { note: 'a section with its own items counting items', edits: [addSectionB(`    itemScale: perf\n    levels: items\n${OWN_ITEMS}`)], want: [] },
  {
    note: 'a section with its own items counting bands of criteria',
    edits: [addSectionB(`    itemScale: perf\n    levels: bands\n${OWN_ITEMS}`)],
    want: [
      {
        code: 'KIND_MISMATCH',
        where: ['levels: bands'],
        pointer: '/sections/1/levels',
        message: 'section B counts bands of criteria, but is rated from its own items',
        hint: 'remove levels: the section counts its items',
      },
    ],
  },
  {
    note: 'an item taking its level from an unknown criterion',
    edits: [addE1Items('      - { id: E1.2, text: Fed, from: S2 }\n')],
    want: [
      {
        code: 'UNKNOWN_CRITERION',
        where: ['from: S2', 6],
        pointer: '/criteria/1/items/1/from',
        message: "evidence item E1.2 takes its level from the unknown criterion 'S2'; did you mean 'S1'?",
        hint: 'name a declared criterion: S1, E1',
      },
    ],
  },
  {
    note: 'an item taking its level from a criterion without a band',
    edits: [addCriteria(S2), addE1Items('      - { id: E1.2, text: Fed, from: S2 }\n')],
    want: [
      {
        code: 'SCALE_MISMATCH',
        where: ['from: S2', 6],
        pointer: '/criteria/1/items/1/from',
        message: 'evidence item E1.2 takes its level from criterion S2, which has no band',
        hint: 'give criterion S2 a band on scale perf',
      },
    ],
  },
  {
    note: 'an item without an item scale taking its level from a criterion without a band',
    edits: [addCriteria(S2 + E3('      - { id: E3.1, text: Fed, from: S2 }\n')), ['criteria: [S1, E1]', 'criteria: [S1, E1, E3]']],
    want: [
      {
        code: 'SCALE_MISMATCH',
        where: ['from: S2', 6],
        pointer: '/criteria/3/items/0/from',
        message: 'evidence item E3.1 takes its level from criterion S2, which has no band',
        hint: 'give criterion S2 a band on scale (the item scale)',
      },
    ],
  },
  {
    note: 'an item without an item scale taking its level from a banded criterion',
    edits: [addCriteria(E3('      - { id: E3.1, text: Fed, from: S1 }\n')), ['criteria: [S1, E1]', 'criteria: [S1, E1, E3]']],
    want: [],
  },
  {
    note: 'an item taking its level from a criterion banded on another scale',
    edits: [addE1Items('      - { id: E1.2, text: Fed, from: S1 }\n')],
    want: [
      {
        code: 'SCALE_MISMATCH',
        where: ['from: S1', 6],
        pointer: '/criteria/1/items/1/from',
        message: 'evidence item E1.2 is rated on scale perf, but criterion S1 is banded on scale band',
        hint: "band criterion S1 on perf, or take the item's level from a criterion banded on it",
      },
    ],
  },
  {
    note: 'an item taking its level from a criterion that combines the levels of its own items on the item scale',
    edits: [
      addCriteria(
        '  - id: T1\n    title: Feeder\n    kind: evidence\n    itemScale: perf\n    band: { combine: lowest }\n    items:\n      - { id: T1.1, text: Fed }\n',
      ),
      addE1Items('      - { id: E1.2, text: Fed, from: T1 }\n'),
    ],
    want: [],
  },
  {
    note: 'criteria feeding each other: reported at the item of the first that names the second',
    edits: [
      addCriteria(
        [
          '  - id: C1',
          '    title: First',
          '    kind: evidence',
          '    itemScale: perf',
          '    band: { combine: lowest }',
          '    items:',
          '      - { id: C1.1, text: Own }',
          '      - { id: C1.2, text: Fed, from: C2 }',
          '  - id: C2',
          '    title: Second',
          '    kind: evidence',
          '    itemScale: perf',
          '    band: { combine: lowest }',
          '    items:',
          '      - { id: C2.1, text: Fed, from: C1 }',
          '',
        ].join('\n'),
      ),
    ],
    want: [
      {
        code: 'FROM_CYCLE',
        where: ['from: C2', 6],
        pointer: '/criteria/2/items/1/from',
        message: 'criteria take item levels from each other in a circle: C1 → C2 → C1',
        hint: 'break the circle: one of these criteria must be banded without taking levels from the others',
      },
    ],
  },
];

describe('checkUsage', () => {
  it.each(cases)('$note', ({ edits, want }) => {
    const text = editedPack(edits);
    expect(usageDiagnostics(text)).toEqual(want.map((e) => expected(text, e)));
  });
});

/**
 * checkBands on its own: a band set gives a scale and rules unless it extends another, `extends`
 * names a declared set and leads round no circle (a broken chain is reported once, where it breaks,
 * and a set that is reported stops there), rules, otherwise and limits name levels of the scale;
 * every band names a set or combines (not both, not neither), combining needs banded children on
 * declared scales, a set's inputScale matches what its user counts, rules over points are used only
 * where points are given, and points name levels of the one counted scale. Each case edits the base
 * pack once, runs checkBands alone and compares every diagnostic: code, message, hint, and the
 * line, column and pointer worked out from the pack text.
 */
import { describe, expect, it } from 'vitest';
import { checkBands } from '../../src/check/check-bands.js';
import type { Diagnostic } from '../../src/model/errors.js';
import { diagnosticsOf, editedPack, expected, type Expected } from './pack-harness.js';

/** The diagnostics of checkBands alone; throws unless the pack is schema-valid (these tests are about what follows the schema). */
const bandDiagnostics = (text: string): Diagnostic[] => diagnosticsOf(checkBands, text);

/** Edits that add band sets (YAML indented as under bandSets), criteria, or lines to section A. */
const addSets = (sets: string): [string, string] => ['criteria:\n  - id: S1', `${sets}criteria:\n  - id: S1`];
const addCriteria = (criteria: string): [string, string] => ['sections:\n', `${criteria}sections:\n`];
const addToSectionA = (lines: string): [string, string] => ['    score: { method: weightedMean }\n', `    score: { method: weightedMean }\n${lines}`];
const SECTION_A_CRITERIA: [string, string] = ['criteria: [S1, E1]', 'criteria: [S1, E1, E2]'];
/** An evidence criterion on scale answer, and a band set with one rule over score and one over points within all. */
const E2 = '  - id: E2\n    title: Other evidence\n    kind: evidence\n    itemScale: answer\n    items:\n      - { id: E2.1, text: Another item }\n';
const POINT_BANDS = `  pointBands:
    scale: band
    rules:
      - { level: high, when: { fact: score, operator: greaterThan, value: 80 } }
      - { level: low, when: { all: [{ fact: score, operator: lessThan, value: 20 }, { fact: maxPoints, operator: lessThan, value: 4 }] } }
`;
const RULE = (level: string, value: number): string => `      - { level: ${level}, when: { fact: score, operator: greaterThan, value: ${value} } }\n`;
const EXTENDS_HINT = 'break the circle: one of these band sets must give its own scale and rules without extending';

const cases: Array<{ note: string; edits: Array<[string, string]>; want: Expected[] }> = [
  { note: 'nothing wrong with the base pack', edits: [], want: [] },
  {
    note: 'a band set without rules',
    edits: [addSets('  noRules:\n    scale: band\n')],
    want: [
      {
        code: 'SCHEMA_REQUIRED',
        where: ['noRules:'],
        pointer: '/bandSets/noRules',
        message: 'band set noRules gives no rules',
        hint: 'list its rules (first match wins), or extend another band set',
      },
    ],
  },
  {
    note: 'a band set with neither scale nor rules',
    edits: [addSets('  bare:\n    otherwise: low\n')],
    want: [
      {
        code: 'SCHEMA_REQUIRED',
        where: ['bare:'],
        pointer: '/bandSets/bare',
        message: 'band set bare gives no scale',
        hint: 'name the scale of the levels its rules assign, or extend another band set',
      },
      {
        code: 'SCHEMA_REQUIRED',
        where: ['bare:'],
        pointer: '/bandSets/bare',
        message: 'band set bare gives no rules',
        hint: 'list its rules (first match wins), or extend another band set',
      },
    ],
  },
  {
    note: 'a rule and the otherwise of a band set name levels its scale lacks',
    edits: [addSets(`  twoRules:\n    scale: band\n    rules:\n${RULE('high', 80)}${RULE('hihg', 60)}    otherwise: lo\n`)],
    want: [
      {
        code: 'UNKNOWN_LEVEL',
        where: ['hihg'],
        pointer: '/bandSets/twoRules/rules/1/level',
        message: "'hihg' in rule 2 of band set twoRules is not a level of scale band; did you mean 'high'?",
        hint: 'use one of the levels of band: high, low',
      },
      {
        code: 'UNKNOWN_LEVEL',
        where: ['otherwise: lo\n', 11],
        pointer: '/bandSets/twoRules/otherwise',
        message: "'lo' in otherwise of band set twoRules is not a level of scale band; did you mean 'low'?",
        hint: 'use one of the levels of band: high, low',
      },
    ],
  },
  {
    note: 'a band set on an unknown scale (its levels are not checked against it)',
    edits: [addSets(`  lost:\n    scale: bnd\n    rules:\n${RULE('nope', 80)}`)],
    want: [
      {
        code: 'UNKNOWN_SCALE',
        where: ['bnd'],
        pointer: '/bandSets/lost/scale',
        message: "unknown scale 'bnd' in band set lost; did you mean 'band'?",
        hint: 'declare it under scales, or use one of: answer, perf, band',
      },
    ],
  },
  {
    note: 'an unknown inputScale (its users are not compared with it)',
    edits: [['inputScale: perf', 'inputScale: perff']],
    want: [
      {
        code: 'UNKNOWN_SCALE',
        where: ['perff'],
        pointer: '/bandSets/itemBands/inputScale',
        message: "unknown scale 'perff' in band set itemBands; did you mean 'perf'?",
        hint: 'declare it under scales, or use one of: answer, perf, band',
      },
    ],
  },
  {
    note: 'a band set extending an undeclared one (its own rules are not checked)',
    edits: [addSets(`  child:\n    extends: scoreBand\n    scale: band\n    rules:\n${RULE('nope', 90)}`)],
    want: [
      {
        code: 'UNKNOWN_BAND_SET',
        where: ['extends: scoreBand\n', 9],
        pointer: '/bandSets/child/extends',
        message: "band set child extends 'scoreBand', which is not declared; did you mean 'scoreBands'?",
        hint: 'extend one of: scoreBands, itemBands',
      },
    ],
  },
  {
    note: 'a chain broken further along: reported once, at the set that names the undeclared one',
    edits: [addSets(`  outer:\n    extends: inner\n    scale: band\n    rules:\n${RULE('nope', 90)}  inner:\n    extends: missing\n`)],
    want: [
      {
        code: 'UNKNOWN_BAND_SET',
        where: ['missing'],
        pointer: '/bandSets/inner/extends',
        message: "band set inner extends 'missing', which is not declared",
        hint: 'extend one of: scoreBands, itemBands, outer',
      },
    ],
  },
  {
    note: 'band sets extending each other in a circle (their rules are not checked)',
    edits: [addSets(`  one:\n    extends: two\n    scale: band\n    rules:\n${RULE('nope', 90)}  two:\n    extends: one\n`)],
    want: [
      {
        code: 'BAD_AGGREGATION',
        where: ['extends: two'],
        pointer: '/bandSets/one/extends',
        message: 'band sets extend each other in a circle: one → two → one',
        hint: EXTENDS_HINT,
      },
      {
        code: 'BAD_AGGREGATION',
        where: ['extends: one'],
        pointer: '/bandSets/two/extends',
        message: 'band sets extend each other in a circle: two → one → two',
        hint: EXTENDS_HINT,
      },
    ],
  },
  {
    note: "a band set extending another: its rules are checked against the other's scale",
    edits: [addSets(`  stricter:\n    extends: scoreBands\n    rules:\n${RULE('hihg', 90)}`)],
    want: [
      {
        code: 'UNKNOWN_LEVEL',
        where: ['hihg'],
        pointer: '/bandSets/stricter/rules/0/level',
        message: "'hihg' in rule 1 of band set stricter is not a level of scale band; did you mean 'high'?",
        hint: 'use one of the levels of band: high, low',
      },
    ],
  },
  {
    note: 'a band of neither set nor combine',
    edits: [addToSectionA('    band: {}\n')],
    want: [
      {
        code: 'BAD_AGGREGATION',
        where: ['band: {}', 6],
        pointer: '/sections/0/band',
        message: 'the band of section A gives neither set nor combine',
        hint: 'give set (a band set) or combine (lowest or highest), one of the two',
      },
    ],
  },
  {
    note: 'a band of both set and combine',
    edits: [addToSectionA('    band: { set: scoreBands, combine: lowest }\n')],
    want: [
      {
        code: 'BAD_AGGREGATION',
        where: ['band: { set', 6],
        pointer: '/sections/0/band',
        message: 'the band of section A gives both set and combine',
        hint: 'give set (a band set) or combine (lowest or highest), one of the two',
      },
    ],
  },
  {
    note: 'a band set with a rule over points on a section without points',
    edits: [addSets(POINT_BANDS), addToSectionA('    band: pointBands\n')],
    want: [
      {
        code: 'BAD_AGGREGATION',
        where: ['band: pointBands', 6],
        pointer: '/sections/0/band',
        message: 'band set pointBands compares points, but section A gives no points',
        hint: 'add points: { <level>: <number>, ... } to section A, or use a band set without points',
      },
    ],
  },
  {
    note: 'a band set with a limit over points on the overall result without points',
    edits: [
      addSets(
        `  limitBands:\n    scale: band\n    rules:\n${RULE('high', 50)}    limits:\n      - { id: few, cap: low, when: { fact: points, operator: lessThan, value: 2 }, note: Few }\n`,
      ),
      ['rounding:', 'overall:\n  title: Overall\n  band: limitBands\nrounding:'],
    ],
    want: [
      {
        code: 'BAD_AGGREGATION',
        where: ['band: limitBands', 6],
        pointer: '/overall/band',
        message: 'band set limitBands compares points, but overall gives no points',
        hint: 'add points: { <level>: <number>, ... } to overall, or use a band set without points',
      },
    ],
  },
  {
    note: 'a band set over points on a section with points on the counted scale',
    edits: [addSets(POINT_BANDS), addToSectionA('    band: pointBands\n    points: { high: 3, low: 1 }\n')],
    want: [],
  },
  {
    note: 'points naming a level the counted scale lacks',
    edits: [addToSectionA('    band: scoreBands\n'), ['rounding:', 'overall:\n  title: Overall\n  points: { high: 2, hihg: 1 }\nrounding:']],
    want: [
      {
        code: 'UNKNOWN_LEVEL',
        where: ['hihg'],
        pointer: '/overall/points/hihg',
        message: "'hihg' in points of overall is not a level of scale band; did you mean 'high'?",
        hint: 'use one of the levels of band: high, low',
      },
    ],
  },
  {
    note: 'points are not checked when what is counted is on two scales',
    edits: [addCriteria(E2), SECTION_A_CRITERIA, addToSectionA('    levels: items\n    points: { good: 1 }\n')],
    want: [],
  },
  {
    note: 'an inputScale against a section that counts items of two scales',
    edits: [addCriteria(E2), SECTION_A_CRITERIA, addToSectionA('    levels: items\n    band: { set: itemBands }\n')],
    want: [
      {
        code: 'SCALE_MISMATCH',
        where: ['band: { set: itemBands }', 6],
        pointer: '/sections/0/band',
        message: 'band set itemBands counts levels of scale perf, but section A counts levels of perf and answer',
        hint: "use a band set whose inputScale is answer, or put section A's inputs on perf",
      },
    ],
  },
  { note: 'an empty list of limits on a result without a band', edits: [addToSectionA('    limits: []\n')], want: [] },
  {
    note: 'limits on a result without a band',
    edits: [addToSectionA('    limits:\n      - { id: cap1, cap: low, when: { fact: score, operator: lessThan, value: 10 }, note: Low }\n')],
    want: [
      {
        code: 'BAD_AGGREGATION',
        where: ['limits:\n      - { id: cap1'],
        pointer: '/sections/0/limits',
        message: 'section A has limits but no band for them to cap or floor',
        hint: 'give section A a band, or move the limits to the result whose band they limit',
      },
    ],
  },
  { note: 'a section combining the bands of children on one scale', edits: [addToSectionA('    band: { combine: lowest }\n')], want: [] },
  {
    note: 'a direct criterion combining bands',
    edits: [addCriteria('  - id: D1\n    title: Direct\n    kind: direct\n    band: { combine: highest }\n')],
    want: [
      {
        code: 'BAD_AGGREGATION',
        where: ['band: { combine: highest }', 6],
        pointer: '/criteria/2/band',
        message: 'criterion D1 combines the bands of its children, but a direct criterion has none',
        hint: 'use band: <band set> for this criterion',
      },
    ],
  },
  {
    note: 'a section combining the bands of children that have none',
    edits: [
      addCriteria('  - id: X1\n    title: Unbanded\n    kind: direct\n'),
      ['rounding:', '  - id: B\n    title: Second\n    criteria: [X1]\n    band: { combine: highest }\nrounding:'],
    ],
    want: [
      {
        code: 'BAD_AGGREGATION',
        where: ['band: { combine: highest }', 6],
        pointer: '/sections/1/band',
        message: 'section B combines the bands of its children, but none of them has a band',
        hint: 'give its children bands, or band it with a band set',
      },
    ],
  },
  {
    note: 'a section combining children banded on a declared and an undeclared scale: only the undeclared scale is reported',
    edits: [
      addSets(`  ghostBands:\n    scale: ghost\n    rules:\n${RULE('high', 50)}`),
      ['    band: itemBands\n', '    band: ghostBands\n'],
      addToSectionA('    band: { combine: lowest }\n'),
    ],
    want: [
      {
        code: 'UNKNOWN_SCALE',
        where: ['scale: ghost', 7],
        pointer: '/bandSets/ghostBands/scale',
        message: "unknown scale 'ghost' in band set ghostBands",
        hint: 'declare it under scales, or use one of: answer, perf, band',
      },
    ],
  },
];

describe('checkBands', () => {
  it.each(cases)('$note', ({ edits, want }) => {
    const text = editedPack(edits);
    expect(bandDiagnostics(text)).toEqual(want.map((e) => expected(text, e)));
  });
});

/**
 * checkFacts on its own: an enum fact lists values, each once, and only enum facts list values; only
 * number facts have a minimum or a maximum, and the minimum is not above the maximum; a thematic
 * declares no fact its methodology declares with another type or of the other kind (cases vs area).
 * Each case builds a small pack (the base methodology with its facts edited, or a thematic beside a
 * methodology), runs checkFacts alone and compares every diagnostic: code, message, hint, and the
 * line, column and pointer, worked out from the pack text.
 */
import { describe, expect, it } from 'vitest';
import { checkFacts } from '../../src/check/check-facts.js';
import type { Diagnostic } from '../../src/model/errors.js';
import { BASE_PACK, diagnosticsOf, editedPack, expected, type Expected } from './pack-harness.js';

/** The diagnostics of checkFacts alone, for a pack and (for a thematic) its methodology. */
const factDiagnostics = (text: string, methodologyText?: string): Diagnostic[] => diagnosticsOf(checkFacts, text, methodologyText);

const CASE_FACTS = `    risk: { type: enum, values: [low, high] }
    age: { type: number }
    female: { type: boolean }
`;
const AREA_FACTS = `    oasys: { type: boolean }
`;

/** The base pack with its case facts (and area facts) replaced. */
function withFacts(caseFacts: string, areaFacts = AREA_FACTS): string {
  return editedPack([[`${CASE_FACTS}  area:\n${AREA_FACTS}`, `${caseFacts}  area:\n${areaFacts}`]]);
}

const NO_VALUES_HINT = 'add values: [ ... ] with the values the fact may take';

describe('checkFacts: declarations of one pack', () => {
  it('finds nothing wrong with the base pack', () => {
    expect(factDiagnostics(BASE_PACK)).toEqual([]);
  });

  const cases: Array<{ note: string; caseFacts: string; areaFacts?: string; want: Expected[] }> = [
    {
      note: 'an enum fact with an empty list of values',
      caseFacts: '    risk: { type: enum, values: [] }\n',
      want: [
        {
          code: 'SCHEMA_REQUIRED',
          where: ['risk: { type: enum, values: [] }'],
          pointer: '/facts/case/risk',
          message: 'case fact risk is an enum but lists no values',
          hint: NO_VALUES_HINT,
        },
      ],
    },
    {
      note: 'an enum fact without values',
      caseFacts: '    risk: { type: enum }\n',
      want: [
        {
          code: 'SCHEMA_REQUIRED',
          where: ['risk: { type: enum }'],
          pointer: '/facts/case/risk',
          message: 'case fact risk is an enum but lists no values',
          hint: NO_VALUES_HINT,
        },
      ],
    },
    { note: 'an enum fact with one value', caseFacts: '    risk: { type: enum, values: [low] }\n', want: [] },
    {
      note: 'an enum value listed twice',
      caseFacts: '    risk: { type: enum, values: [low, high, low] }\n',
      want: [
        {
          code: 'DUPLICATE_ID',
          where: ['high, low]', 6],
          pointer: '/facts/case/risk/values/2',
          message: "the value 'low' is listed more than once in case fact risk",
          hint: 'list each value once',
        },
      ],
    },
    {
      note: 'an enum value listed three times (each repeat reported), on an area fact',
      caseFacts: '    other: { type: boolean }\n',
      areaFacts: '    level: { type: enum, values: [a, a, b, a] }\n',
      want: [
        {
          code: 'DUPLICATE_ID',
          where: ['[a, a, b, a]', 4],
          pointer: '/facts/area/level/values/1',
          message: "the value 'a' is listed more than once in area fact level",
          hint: 'list each value once',
        },
        {
          code: 'DUPLICATE_ID',
          where: ['[a, a, b, a]', 10],
          pointer: '/facts/area/level/values/3',
          message: "the value 'a' is listed more than once in area fact level",
          hint: 'list each value once',
        },
      ],
    },
    {
      note: 'values on a number fact',
      caseFacts: '    age: { type: number, values: [a] }\n',
      want: [
        {
          code: 'SCHEMA_INVALID',
          where: ['values: [a]'],
          pointer: '/facts/case/age/values',
          message: 'case fact age is of type number but lists values',
          hint: "only enum facts list values: remove 'values' or make the type enum",
        },
      ],
    },
    {
      note: 'a minimum on a boolean fact',
      caseFacts: '    female: { type: boolean, minimum: 1 }\n',
      want: [
        {
          code: 'SCHEMA_INVALID',
          where: ['minimum: 1'],
          pointer: '/facts/case/female/minimum',
          message: 'case fact female is of type boolean but has a minimum',
          hint: 'only number facts have a minimum: remove it',
        },
      ],
    },
    {
      note: 'a maximum on an enum fact',
      caseFacts: '    risk: { type: enum, values: [low], maximum: 3 }\n',
      want: [
        {
          code: 'SCHEMA_INVALID',
          where: ['maximum: 3'],
          pointer: '/facts/case/risk/maximum',
          message: 'case fact risk is of type enum but has a maximum',
          hint: 'only number facts have a maximum: remove it',
        },
      ],
    },
    {
      note: 'both bounds on an area boolean fact, the minimum above the maximum',
      caseFacts: '    other: { type: boolean }\n',
      areaFacts: '    oasys: { type: boolean, minimum: 4, maximum: 2 }\n',
      want: [
        {
          code: 'SCHEMA_INVALID',
          where: ['minimum: 4'],
          pointer: '/facts/area/oasys/minimum',
          message: 'area fact oasys is of type boolean but has a minimum',
          hint: 'only number facts have a minimum: remove it',
        },
        {
          code: 'SCHEMA_INVALID',
          where: ['maximum: 2'],
          pointer: '/facts/area/oasys/maximum',
          message: 'area fact oasys is of type boolean but has a maximum',
          hint: 'only number facts have a maximum: remove it',
        },
        {
          code: 'SCHEMA_RANGE',
          where: ['minimum: 4', 9],
          pointer: '/facts/area/oasys/minimum',
          message: 'area fact oasys has a minimum (4) above its maximum (2)',
          hint: 'swap or correct the bounds',
        },
      ],
    },
    { note: 'bounds on a number fact', caseFacts: '    age: { type: number, minimum: 0, maximum: 120 }\n', want: [] },
    {
      note: 'a number fact whose minimum is just above its maximum',
      caseFacts: '    age: { type: number, minimum: 2.5, maximum: 2.4 }\n',
      want: [
        {
          code: 'SCHEMA_RANGE',
          where: ['minimum: 2.5', 9],
          pointer: '/facts/case/age/minimum',
          message: 'case fact age has a minimum (2.5) above its maximum (2.4)',
          hint: 'swap or correct the bounds',
        },
      ],
    },
    { note: 'a number fact whose minimum equals its maximum', caseFacts: '    age: { type: number, minimum: 3, maximum: 3 }\n', want: [] },
    { note: 'a number fact with only a minimum', caseFacts: '    age: { type: number, minimum: 3 }\n', want: [] },
    { note: 'a number fact with only a maximum', caseFacts: '    age: { type: number, maximum: -3 }\n', want: [] },
  ];

  it.each(cases)('$note', ({ caseFacts, areaFacts, want }) => {
    const text = withFacts(caseFacts, areaFacts);
    expect(factDiagnostics(text)).toEqual(want.map((e) => expected(text, e)));
  });
});

/** A thematic whose only content is facts (`case` and `area` blocks as given, each absent when empty). */
function thematic(caseFacts: string, areaFacts = ''): string {
  return [
    'kind: thematic',
    'id: theme',
    'version: 0.1.0',
    'title: Theme',
    'status: draft',
    'attachesTo: { methodology: base, versions: ^1.0.0, path: ../base }',
    'facts:',
    ...(caseFacts ? ['  case:', caseFacts] : []),
    ...(areaFacts ? ['  area:', areaFacts] : []),
    'sections: []',
    'rounding: { mode: halfUp, digits: 0, at: [criterion] }',
    '',
  ].join('\n');
}

const SHARED_HINT =
  "a thematic shares the inspection's facts with its methodology: use the methodology's fact (remove this declaration) or give this one another name";

/** The base methodology with only case facts, and with no facts at all. */
const caseOnlyMethodology = (): string => editedPack([[`  area:\n${AREA_FACTS}`, '']]);
const factlessMethodology = (): string => editedPack([[`facts:\n  case:\n${CASE_FACTS}  area:\n${AREA_FACTS}`, '']]);

describe('checkFacts: a thematic beside its methodology', () => {
  const cases: Array<{ note: string; caseFacts: string; areaFacts?: string; methodology?: () => string; want: Expected[] }> = [
    {
      note: 'the same fact, of the same kind and type, as the methodology',
      caseFacts: '    age: { type: number }\n    risk: { type: enum, values: [low] }',
      areaFacts: '    oasys: { type: boolean }',
      want: [],
    },
    { note: 'facts the methodology does not declare', caseFacts: '    extra: { type: boolean }', areaFacts: '    more: { type: number }', want: [] },
    {
      note: 'a case fact the methodology declares with another type',
      caseFacts: '    age: { type: boolean }',
      want: [
        {
          code: 'DUPLICATE_ID',
          where: ['age: { type: boolean }'],
          pointer: '/facts/case/age',
          message: 'case fact age is declared differently by methodology base (as a number fact)',
          hint: SHARED_HINT,
        },
      ],
    },
    {
      note: 'an area fact the methodology declares as a case fact of the same type',
      caseFacts: '',
      areaFacts: '    risk: { type: enum, values: [low, high] }',
      want: [
        {
          code: 'DUPLICATE_ID',
          where: ['risk: {'],
          pointer: '/facts/area/risk',
          message: 'area fact risk is declared differently by methodology base (as an enum fact of the case)',
          hint: SHARED_HINT,
        },
      ],
    },
    {
      note: 'a case fact the methodology declares as an area fact of the same type',
      caseFacts: '    oasys: { type: boolean }',
      want: [
        {
          code: 'DUPLICATE_ID',
          where: ['oasys: {'],
          pointer: '/facts/case/oasys',
          message: 'case fact oasys is declared differently by methodology base (as a boolean fact of the area)',
          hint: SHARED_HINT,
        },
      ],
    },
    {
      note: 'an area fact the methodology declares as a case fact of another type',
      caseFacts: '',
      areaFacts: '    age: { type: boolean }',
      want: [
        {
          code: 'DUPLICATE_ID',
          where: ['age: {'],
          pointer: '/facts/area/age',
          message: 'area fact age is declared differently by methodology base (as a number fact of the case)',
          hint: SHARED_HINT,
        },
      ],
    },
    {
      note: 'a methodology with case facts only: new facts of either kind',
      caseFacts: '    extra: { type: boolean }',
      areaFacts: '    more: { type: number }',
      methodology: caseOnlyMethodology,
      want: [],
    },
    {
      note: 'a methodology with case facts only: one of them declared as an area fact',
      caseFacts: '',
      areaFacts: '    female: { type: boolean }',
      methodology: caseOnlyMethodology,
      want: [
        {
          code: 'DUPLICATE_ID',
          where: ['female: {'],
          pointer: '/facts/area/female',
          message: 'area fact female is declared differently by methodology base (as a boolean fact of the case)',
          hint: SHARED_HINT,
        },
      ],
    },
    {
      note: 'a methodology without facts',
      caseFacts: '    age: { type: boolean }',
      areaFacts: '    oasys: { type: number }',
      methodology: factlessMethodology,
      want: [],
    },
  ];

  it.each(cases)('$note', ({ caseFacts, areaFacts, methodology, want }) => {
    const text = thematic(caseFacts, areaFacts);
    expect(factDiagnostics(text, (methodology ?? (() => BASE_PACK))())).toEqual(want.map((e) => expected(text, e)));
  });
});

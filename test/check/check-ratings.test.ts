/**
 * The checks of the rating constructs: limits, band sets that extend others, named conditions
 * over derived quantities, and sections rated from their own items. One small ratings pack, one
 * change per case, the code and message expected. Table-driven: { note, edits, code, message }.
 */
import { describe, expect, it } from 'vitest';
import { checkPack } from '../../src/check/check-pack.js';
import { validateDocument } from '../../src/check/validate-schema.js';
import { mergePack } from '../../src/load/merge-pack.js';
import { readDocument } from '../../src/load/read-document.js';
import type { Diagnostic } from '../../src/model/errors.js';

const base = `kind: methodology
id: ratings
version: 1.0.0
title: Ratings
status: draft
facts:
  case:
    risk: { type: enum, values: [low, high] }
  area:
    noManager: { type: boolean }
scales:
  rating:
    levels: [{ id: good, label: Good }, { id: fair, label: Fair }, { id: poor, label: Poor }]
  answer:
    levels: [{ id: yes, label: Yes }, { id: no, label: No }]
    met: [yes]
conditions:
  twoPoor: { all: [{ fact: count, params: { is: poor }, operator: greaterThanInclusive, value: 2 }] }
  highRisk: { fact: risk, operator: equal, value: high }
bandSets:
  principles:
    title: The principles
    scale: rating
    inputScale: rating
    rules:
      - { level: poor, when: { condition: twoPoor }, note: two or more poor }
      - { level: good, when: { fact: share, params: { atLeast: good }, operator: equal, value: 1 } }
    otherwise: fair
  led:
    extends: principles
    limits:
      - { id: manager, cap: fair, when: { fact: noManager, operator: equal, value: true }, note: no manager }
criteria:
  - id: Q1
    title: Sampled
    kind: sample
    questions:
      - { id: Q1.1, text: Asked, scale: answer, appliesWhen: { condition: highRisk } }
sections:
  - id: safe
    title: Safe
    itemScale: rating
    band: principles
    items:
      - { id: S1, text: One }
      - { id: S2, text: Two }
  - id: led
    title: Led
    itemScale: rating
    band: led
    items:
      - { id: L1, text: One }
  - id: sample
    title: Sample
    criteria: [Q1]
    score: { method: weightedMean, over: questions }
overall:
  title: Overall
  band: principles
  limits:
    - { id: cap, cap: fair, when: { fact: count, params: { is: poor }, operator: greaterThanInclusive, value: 1 }, note: any poor }
rounding: { mode: halfUp, digits: 0, at: [] }
`;

function check(edits: Array<[string, string]>): Diagnostic[] {
  let text = base;
  for (const [from, to] of edits) {
    if (!text.includes(from)) throw new Error(`not in the base pack: ${from}`);
    text = text.replace(from, to);
  }
  const read = readDocument('pack.yaml', text);
  if ('errors' in read) return read.errors;
  const schema = validateDocument('pack', read.doc);
  if (schema.length > 0) return schema;
  const merged = mergePack(read.doc, []);
  return [...merged.errors, ...checkPack(merged.pack, merged.sources)];
}

const LIMIT = '{ id: manager, cap: fair, when: { fact: noManager, operator: equal, value: true }, note: no manager }';

/** A diagnostic as these tests expect it: at is its line and column. */
interface Expected {
  code: string;
  severity: 'error' | 'warning';
  message: string;
  hint: string;
  at: [number, number];
}

/** Each mistake, the code it is about, and every diagnostic it gives (a second one only where it is a true consequence). */
const cases: Array<{ note: string; edits: Array<[string, string]>; code: string; diagnostics: Expected[] }> = [
  {
    note: 'a cap on a level the scale does not have',
    edits: [[LIMIT, LIMIT.replace('cap: fair', 'cap: fiar')]],
    code: 'UNKNOWN_LEVEL',
    diagnostics: [
      {
        code: 'UNKNOWN_LEVEL',
        severity: 'error',
        message: "'fiar' in limit manager of band set led is not a level of scale rating; did you mean 'fair'?",
        hint: 'use one of the levels of rating: good, fair, poor',
        at: [32, 29],
      },
    ],
  },
  {
    note: 'a floor on the overall result on an unknown level',
    edits: [['- { id: cap, cap: fair,', '- { id: cap, floor: excellent,']],
    code: 'UNKNOWN_LEVEL',
    diagnostics: [
      {
        code: 'UNKNOWN_LEVEL',
        severity: 'error',
        message: "'excellent' in limit cap of overall is not a level of scale rating",
        hint: 'use one of the levels of rating: good, fair, poor',
        at: [61, 25],
      },
    ],
  },
  {
    note: 'a limit with both cap and floor',
    edits: [[LIMIT, LIMIT.replace('cap: fair', 'cap: fair, floor: poor')]],
    code: 'BAD_AGGREGATION',
    diagnostics: [
      {
        code: 'BAD_AGGREGATION',
        severity: 'error',
        message: 'limit manager of band set led gives both cap and floor',
        hint: 'give cap: <level> (no better than) or floor: <level> (no worse than), one of the two',
        at: [32, 42],
      },
    ],
  },
  {
    note: 'a limit with neither cap nor floor',
    edits: [[LIMIT, LIMIT.replace('cap: fair, ', '')]],
    code: 'BAD_AGGREGATION',
    diagnostics: [
      {
        code: 'BAD_AGGREGATION',
        severity: 'error',
        message: 'limit manager of band set led gives neither cap nor floor',
        hint: 'give cap: <level> (no better than) or floor: <level> (no worse than), one of the two',
        at: [32, 15],
      },
    ],
  },
  {
    note: 'two limits with one id',
    edits: [[LIMIT, `${LIMIT}\n      - ${LIMIT}`]],
    code: 'DUPLICATE_ID',
    diagnostics: [
      {
        code: 'DUPLICATE_ID',
        severity: 'error',
        message: "band set led has two limits with the id 'manager'",
        hint: 'give each limit its own id',
        at: [33, 15],
      },
    ],
  },
  {
    note: 'limits on a result without a band',
    edits: [
      ['    score: { method: weightedMean, over: questions }\n', `    score: { method: weightedMean, over: questions }\n    limits:\n      - ${LIMIT}\n`],
    ],
    code: 'BAD_AGGREGATION',
    diagnostics: [
      {
        code: 'BAD_AGGREGATION',
        severity: 'error',
        message: 'section sample has limits but no band for them to cap or floor',
        hint: 'give section sample a band, or move the limits to the result whose band they limit',
        at: [57, 5],
      },
    ],
  },
  {
    note: 'a limit over a case fact',
    edits: [['{ fact: noManager, operator: equal, value: true }', '{ fact: risk, operator: equal, value: high }']],
    code: 'UNKNOWN_FACT',
    diagnostics: [
      {
        code: 'UNKNOWN_FACT',
        severity: 'error',
        message:
          "in limit manager of band set led, 'risk' is a case fact, which band rules cannot see; band rules use: score, count, share, rated, points, maxPoints, meanPoints, noManager",
        hint: 'band rules compare derived quantities (score, count, share, rated, points, maxPoints, meanPoints) and area facts',
        at: [32, 49],
      },
    ],
  },
  {
    note: 'a limit counting a level of another scale',
    edits: [['params: { is: poor }, operator: greaterThanInclusive, value: 1 }', 'params: { is: yes }, operator: greaterThanInclusive, value: 1 }']],
    code: 'UNKNOWN_LEVEL',
    diagnostics: [
      {
        code: 'UNKNOWN_LEVEL',
        severity: 'error',
        message: "'yes' in count.is in limit cap of overall is not a level of scale rating",
        hint: 'use one of the levels of rating: good, fair, poor',
        at: [61, 64],
      },
    ],
  },
  {
    note: 'extending an undeclared band set',
    edits: [['extends: principles', 'extends: principle']],
    code: 'UNKNOWN_BAND_SET',
    diagnostics: [
      {
        code: 'UNKNOWN_BAND_SET',
        severity: 'error',
        message: "band set led extends 'principle', which is not declared; did you mean 'principles'?",
        hint: 'extend one of: principles',
        at: [30, 14],
      },
    ],
  },
  {
    note: 'band sets extending each other in a circle',
    edits: [['  principles:\n    title: The principles\n', '  principles:\n    title: The principles\n    extends: led\n']],
    code: 'BAD_AGGREGATION',
    diagnostics: [
      {
        code: 'BAD_AGGREGATION',
        severity: 'error',
        message: 'band sets extend each other in a circle: principles → led → principles',
        hint: 'break the circle: one of these band sets must give its own scale and rules without extending',
        at: [23, 5],
      },
      {
        code: 'BAD_AGGREGATION',
        severity: 'error',
        message: 'band sets extend each other in a circle: led → principles → led',
        hint: 'break the circle: one of these band sets must give its own scale and rules without extending',
        at: [31, 5],
      },
    ],
  },
  {
    note: 'a band set with neither scale nor extends',
    edits: [['    title: The principles\n    scale: rating\n', '    title: The principles\n']],
    code: 'SCHEMA_REQUIRED',
    diagnostics: [
      {
        code: 'SCHEMA_REQUIRED',
        severity: 'error',
        message: 'band set principles gives no scale',
        hint: 'name the scale of the levels its rules assign, or extend another band set',
        at: [21, 3],
      },
      {
        code: 'SCALE_MISMATCH',
        severity: 'error',
        message: 'band set principles counts levels of scale rating, but overall has no levels to count',
        hint: 'use a band set without inputScale here (e.g. one over score)',
        at: [58, 9],
      },
    ],
  },
  {
    note: 'a named condition over count used by a question',
    edits: [['appliesWhen: { condition: highRisk }', 'appliesWhen: { condition: twoPoor }']],
    code: 'UNKNOWN_FACT',
    diagnostics: [
      {
        code: 'UNKNOWN_FACT',
        severity: 'error',
        message:
          "'count' in condition twoPoor is a quantity only band rules and limits can compare, and Q1.1.appliesWhen uses it; a case condition sees the facts of the case and the area",
        hint: 'use twoPoor only in band rules and limits, or compare case facts in Q1.1.appliesWhen',
        at: [18, 28],
      },
    ],
  },
  {
    note: 'a derived quantity in a question',
    edits: [['appliesWhen: { condition: highRisk }', 'appliesWhen: { fact: share, operator: equal, value: 1 }']],
    code: 'UNKNOWN_FACT',
    diagnostics: [
      {
        code: 'UNKNOWN_FACT',
        severity: 'error',
        message: "'share' in Q1.1.appliesWhen is a quantity only band rules and limits can compare; a case condition sees the facts of the case and the area",
        hint: 'compare it in band rules and limits only, or compare declared facts here',
        at: [38, 70],
      },
    ],
  },
  {
    note: 'a section with items but no item scale',
    edits: [['    title: Led\n    itemScale: rating\n', '    title: Led\n']],
    code: 'SCHEMA_REQUIRED',
    diagnostics: [
      {
        code: 'SCHEMA_REQUIRED',
        severity: 'error',
        message: 'section led has items but no itemScale',
        hint: 'name the scale its items are rated on: itemScale: <scale>',
        at: [50, 5],
      },
      {
        code: 'SCALE_MISMATCH',
        severity: 'error',
        message: 'band set led counts levels of scale rating, but section led has no levels to count',
        hint: 'use a band set without inputScale here (e.g. one over score)',
        at: [49, 11],
      },
    ],
  },
  {
    note: 'a section with criteria and items',
    edits: [['    title: Led\n', '    title: Led\n    criteria: [Q1]\n']],
    code: 'KIND_MISMATCH',
    diagnostics: [
      {
        code: 'KIND_MISMATCH',
        severity: 'error',
        message: 'section led gives both criteria and items of its own',
        hint: 'rate the section from its criteria or from its own items: move the items into an evidence criterion, or remove the criteria',
        at: [52, 5],
      },
      {
        code: 'CRITERION_SHARED',
        severity: 'error',
        message: 'criterion Q1 is listed in section sample and already in section led',
        hint: 'list each criterion in one section only',
        at: [56, 16],
      },
    ],
  },
  {
    note: 'a section with neither criteria nor items',
    edits: [['    criteria: [Q1]\n', '']],
    code: 'SCHEMA_REQUIRED',
    diagnostics: [
      {
        code: 'SCHEMA_REQUIRED',
        severity: 'error',
        message: 'section sample gives neither criteria nor items',
        hint: 'list its criteria, or give it items (with itemScale) to rate it straight from evidence items',
        at: [53, 9],
      },
      {
        code: 'CRITERION_UNUSED',
        severity: 'error',
        message: 'criterion Q1 is in no section and feeds no evidence item',
        hint: "list it in a section's criteria, name it as an item's from, or remove it",
        at: [34, 9],
      },
    ],
  },
  {
    note: "a section's item that repeats an id",
    edits: [['{ id: L1, text: One }', '{ id: S1, text: One }']],
    code: 'DUPLICATE_ID',
    diagnostics: [
      {
        code: 'DUPLICATE_ID',
        severity: 'error',
        message: "the id 'S1' of this evidence item is already the id of evidence item S1",
        hint: 'sections, criteria, questions, evidence items and measures share one namespace: give this one another id',
        at: [52, 15],
      },
    ],
  },
  {
    note: "a section's item that takes its level from a criterion",
    edits: [['{ id: L1, text: One }', '{ id: L1, text: One, from: Q1 }']],
    code: 'KIND_MISMATCH',
    diagnostics: [
      {
        code: 'KIND_MISMATCH',
        severity: 'error',
        message: "evidence item L1 of section led takes its level from criterion Q1, which only a criterion's items can",
        hint: 'rate the item in the inspection, or put it in an evidence criterion',
        at: [52, 30],
      },
    ],
  },
  {
    note: "a section's item scale that does not exist, and nothing else",
    edits: [['    title: Led\n    itemScale: rating\n', '    title: Led\n    itemScale: ratings\n']],
    code: 'UNKNOWN_SCALE',
    diagnostics: [
      {
        code: 'UNKNOWN_SCALE',
        severity: 'error',
        message: "unknown scale 'ratings' in section led; did you mean 'rating'?",
        hint: 'declare it under scales, or use one of: rating, answer',
        at: [49, 16],
      },
    ],
  },
  {
    note: 'a band set scale that does not exist is one error, not one per set extending it',
    edits: [['    title: The principles\n    scale: rating\n', '    title: The principles\n    scale: ratings\n']],
    code: 'UNKNOWN_SCALE',
    diagnostics: [
      {
        code: 'UNKNOWN_SCALE',
        severity: 'error',
        message: "unknown scale 'ratings' in band set principles; did you mean 'rating'?",
        hint: 'declare it under scales, or use one of: rating, answer',
        at: [23, 12],
      },
    ],
  },
  {
    note: 'a misspelt level in a named condition used by band rules',
    edits: [['params: { is: poor }, operator: greaterThanInclusive, value: 2', 'params: { is: poorr }, operator: greaterThanInclusive, value: 2']],
    code: 'UNKNOWN_LEVEL',
    diagnostics: [
      {
        code: 'UNKNOWN_LEVEL',
        severity: 'error',
        message: "'poorr' in count.is in condition twoPoor is not a level of scale rating; did you mean 'poor'?",
        hint: 'use one of the levels of rating: good, fair, poor',
        at: [18, 49],
      },
    ],
  },
  {
    note: 'a misplaced when, reported once at its own line',
    edits: [
      [
        '      - { level: good, when: { fact: share, params: { atLeast: good }, operator: equal, value: 1 } }\n',
        '      - level: good\n    when: { fact: share, params: { atLeast: good }, operator: equal, value: 1 }\n',
      ],
    ],
    code: 'SCHEMA_UNKNOWN_PROPERTY',
    diagnostics: [
      {
        code: 'SCHEMA_UNKNOWN_PROPERTY',
        severity: 'error',
        message:
          "'when' is written as a property of band set principles, where it is unknown; it belongs to rule #2 of band set principles (line 27), which lacks it",
        hint: "indent 'when:' to line up with the other properties of rule #2 of band set principles",
        at: [28, 5],
      },
    ],
  },
  {
    note: 'a share compared with a percentage',
    edits: [['operator: equal, value: 1 }', 'operator: equal, value: 100 }']],
    code: 'VALUE_TYPE',
    diagnostics: [
      {
        code: 'VALUE_TYPE',
        severity: 'warning',
        message: 'rule 2 of band set principles compares share with 100, but a share is a fraction of the rated inputs from 0 to 1',
        hint: 'write the share as a fraction (for 100% write 1), or compare count if 100 is a number of inputs',
        at: [27, 96],
      },
    ],
  },
  {
    note: 'a score compared with a fraction',
    edits: [
      [
        '      - { level: poor, when: { condition: twoPoor }, note: two or more poor }\n',
        '      - { level: poor, when: { fact: score, operator: lessThan, value: 0.5 } }\n',
      ],
    ],
    code: 'VALUE_TYPE',
    diagnostics: [
      {
        code: 'VALUE_TYPE',
        severity: 'warning',
        message: 'rule 1 of band set principles compares score with 0.5, but a score is a percentage from 0 to 100',
        hint: 'write the score as a percentage (for 50% write 50), or compare share if 0.5 is a fraction of the inputs',
        at: [26, 72],
      },
    ],
  },
  {
    note: 'an operator from another language',
    edits: [['operator: greaterThanInclusive, value: 2', 'operator: greaterThanOrEqual, value: 2']],
    code: 'UNKNOWN_OPERATOR',
    diagnostics: [
      {
        code: 'UNKNOWN_OPERATOR',
        severity: 'error',
        message: "unknown operator 'greaterThanOrEqual' in all.0 of condition twoPoor; did you mean 'greaterThanInclusive'?",
        hint: "use one of json-rules-engine's operators: equal, notEqual, lessThan, lessThanInclusive, greaterThan, greaterThanInclusive, in, notIn, contains, doesNotContain",
        at: [18, 67],
      },
    ],
  },
];

describe('checks of ratings constructs', () => {
  it('find nothing wrong with the base ratings pack', () => {
    expect(check([])).toEqual([]);
  });

  it.each(cases)('$note: $code', ({ edits, code, diagnostics }) => {
    const got = check(edits).map((d): Expected => ({ code: d.code, severity: d.severity, message: d.message, hint: d.hint!, at: [d.line!, d.column!] }));
    expect(got).toEqual(diagnostics);
    expect(got.map((d) => d.code)).toContain(code);
  });
});

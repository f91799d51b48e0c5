/**
 * checkConditions: the facts, params, operators and values of conditions checked against the
 * pack's declarations, the scope each named condition is checked in (a case condition, or a band
 * rule's with the scale its counts name), and circles of named conditions. Table-driven: each case
 * edits the small base pack and lists every diagnostic it gives, with code, severity, message,
 * hint, pointer and location (the first occurrence of `at` in the edited pack). One more case
 * builds a pack that skips the JSON Schema, to reach the `path` check behind it.
 */
import { describe, expect, it } from 'vitest';
import { checkPack } from '../../src/check/check-pack.js';
import { mergePack } from '../../src/load/merge-pack.js';
import { readDocument } from '../../src/load/read-document.js';
import type { Diagnostic } from '../../src/model/errors.js';
import { checkPackText, editedPack } from './pack-harness.js';

const APPLIES = '{ fact: risk, operator: equal, value: high }';
const SCORE_RULE = '{ fact: score, operator: greaterThanInclusive, value: 50 }';
const SHARE_RULE = '{ fact: share, params: { atLeast: strong }, operator: equal, value: 1 }';
const BAND_FACTS = 'score, count, share, rated, points, maxPoints, meanPoints';
const BAND_HINT = `band rules compare derived quantities (${BAND_FACTS}) and area facts`;
const ITEMS_WITHOUT_INPUT_SCALE: [string, string] = ['  itemBands:\n    scale: band\n    inputScale: perf\n', '  itemBands:\n    scale: band\n'];
const E2 =
  '  - id: E2\n    title: Evidence 2\n    kind: evidence\n    weight: heavy\n    itemScale: answer\n    band: itemBands\n    items:\n      - { id: E2.1, text: Another }\n';

/** The edit that declares these named conditions (YAML lines) just before bandSets. */
const declare = (...lines: string[]): [string, string] => ['bandSets:', `conditions:\n${lines.join('\n')}\nbandSets:`];
/** The edit that adds a case fact. */
const caseFact = (line: string): [string, string] => ['    female: { type: boolean }', `    female: { type: boolean }\n    ${line}`];

interface Want {
  code: string;
  severity?: 'error' | 'warning';
  message: string;
  hint: string;
  /** Text whose first occurrence in the edited pack starts where the diagnostic points; or [before, text]: its first occurrence after `before`. */
  at: string | [string, string];
  pointer: string;
}

/** Where the first occurrence of `needle` (after the first of `before`) starts in `text` (line and column from 1). */
function locate(text: string, at: string | [string, string]): { line: number; column: number } {
  const [before, needle] = typeof at === 'string' ? ['', at] : at;
  const from = text.indexOf(before);
  const i = from < 0 ? -1 : text.indexOf(needle, from + before.length);
  if (i < 0) throw new Error(`not in the pack: ${needle}`);
  const head = text.slice(0, i);
  return { line: head.split('\n').length, column: i - head.lastIndexOf('\n') };
}

const brief = (d: Diagnostic) => ({ code: d.code, severity: d.severity, message: d.message, hint: d.hint, line: d.line, column: d.column, pointer: d.pointer });
const expected = (text: string, want: Want[]) =>
  want.map((w) => ({ code: w.code, severity: w.severity ?? 'error', message: w.message, hint: w.hint, ...locate(text, w.at), pointer: w.pointer }));

const cases: Array<{ note: string; edits: Array<[string, string]>; want: Want[] }> = [
  // Facts in band rules.
  {
    note: 'an unknown fact in a band rule, with the facts band rules may use',
    edits: [[SCORE_RULE, '{ fact: scor, operator: greaterThanInclusive, value: 50 }']],
    want: [
      {
        code: 'UNKNOWN_FACT',
        message: `unknown fact 'scor' in rule 1 of band set scoreBands; band rules use: ${BAND_FACTS}, oasys; did you mean 'score'?`,
        hint: BAND_HINT,
        at: 'scor,',
        pointer: '/bandSets/scoreBands/rules/0/when/fact',
      },
    ],
  },
  {
    note: 'a case fact in a band rule',
    edits: [[SCORE_RULE, '{ fact: risk, operator: equal, value: high }']],
    want: [
      {
        code: 'UNKNOWN_FACT',
        message: `in rule 1 of band set scoreBands, 'risk' is a case fact, which band rules cannot see; band rules use: ${BAND_FACTS}, oasys`,
        hint: BAND_HINT,
        at: ['level: high, when: { fact: ', 'risk'],
        pointer: '/bandSets/scoreBands/rules/0/when/fact',
      },
    ],
  },
  // Params.
  {
    note: 'an unknown param, reported at its key',
    edits: [['params: { atLeast: strong }', 'params: { atleast: strong }']],
    want: [
      {
        code: 'CONDITION_SHAPE',
        message: "params of share in rule 1 of band set itemBands must be one of atLeast, atMost or is, not 'atleast'; did you mean 'atLeast'?",
        hint: 'write e.g. params: { atLeast: <level> }, or no params to count every rated input',
        at: 'atleast:',
        pointer: '/bandSets/itemBands/rules/0/when/params/atleast',
      },
    ],
  },
  {
    note: 'two params, reported at the second key',
    edits: [['params: { atLeast: strong }', 'params: { atLeast: strong, atMost: weak }']],
    want: [
      {
        code: 'CONDITION_SHAPE',
        message: 'params of share in rule 1 of band set itemBands must be one of atLeast, atMost or is',
        hint: 'write e.g. params: { atLeast: <level> }, or no params to count every rated input',
        at: 'atMost:',
        pointer: '/bandSets/itemBands/rules/0/when/params/atMost',
      },
    ],
  },
  { note: 'empty params, which count every rated input', edits: [['params: { atLeast: strong }', 'params: {}']], want: [] },
  {
    note: 'a param level that is not a string',
    edits: [['params: { atLeast: strong }', 'params: { atLeast: 3 }']],
    want: [
      {
        code: 'VALUE_TYPE',
        message: 'atLeast of share in rule 1 of band set itemBands must be a level id, not the number 3',
        hint: 'name a level of the scale being counted',
        at: '3 }, operator',
        pointer: '/bandSets/itemBands/rules/0/when/params/atLeast',
      },
    ],
  },
  {
    note: "a level outside the band set's input scale",
    edits: [['params: { atLeast: strong }', 'params: { atLeast: good }']],
    want: [
      {
        code: 'UNKNOWN_LEVEL',
        message: "'good' in share.atLeast in rule 1 of band set itemBands is not a level of scale perf",
        hint: 'use one of the levels of perf: strong, weak',
        at: 'good }, operator',
        pointer: '/bandSets/itemBands/rules/0/when/params/atLeast',
      },
    ],
  },
  // Operators and values.
  ...(['in', 'notIn'] as const).map((operator) => ({
    note: `${operator} with another fact`,
    edits: [[APPLIES, `{ fact: risk, operator: ${operator}, value: { fact: risk } }`]] as Array<[string, string]>,
    want: [
      {
        code: 'VALUE_TYPE',
        message: `${operator} needs a list of values written in the pack, but risk in S1.1.appliesWhen is compared with another fact`,
        hint: `write value: [ ... ], or compare the two facts with ${operator === 'in' ? 'equal' : 'notEqual'}`,
        at: '{ fact: risk } }',
        pointer: '/criteria/0/questions/0/appliesWhen/value',
      },
    ],
  })),
  ...(['in', 'notIn'] as const).map((operator) => ({
    note: `${operator} with a single value`,
    edits: [[APPLIES, `{ fact: risk, operator: ${operator}, value: high }`]] as Array<[string, string]>,
    want: [
      {
        code: 'VALUE_TYPE',
        message: `${operator} needs a list of values, but risk in S1.1.appliesWhen is compared with the string 'high'`,
        hint: `write value: [ ... ], or use ${operator === 'in' ? 'equal' : 'notEqual'} for a single value`,
        at: 'high } }',
        pointer: '/criteria/0/questions/0/appliesWhen/value',
      },
    ],
  })),
  ...(['equal', 'notEqual'] as const).map((operator) => ({
    note: `${operator} with a list`,
    edits: [[APPLIES, `{ fact: risk, operator: ${operator}, value: [high] }`]] as Array<[string, string]>,
    want: [
      {
        code: 'VALUE_TYPE',
        message: `${operator} compares with one value, but risk in S1.1.appliesWhen is compared with a list`,
        hint: `use ${operator === 'equal' ? 'in' : 'notIn'} to compare with a list`,
        at: '[high]',
        pointer: '/criteria/0/questions/0/appliesWhen/value',
      },
    ],
  })),
  // Unlikely numbers: a share is a fraction, a score a percentage.
  ...[
    [150, ''],
    [100, ' (for 100% write 1)'],
    [50, ' (for 50% write 0.5)'],
  ].map(([value, fraction]) => ({
    note: `share compared with ${value}`,
    edits: [[SHARE_RULE, `{ fact: share, operator: equal, value: ${value} }`]] as Array<[string, string]>,
    want: [
      {
        code: 'VALUE_TYPE',
        severity: 'warning' as const,
        message: `rule 1 of band set itemBands compares share with ${value}, but a share is a fraction of the rated inputs from 0 to 1`,
        hint: `write the share as a fraction${fraction}, or compare count if ${value} is a number of inputs`,
        at: ['share, operator: equal, value: ', `${value} }`] as [string, string],
        pointer: '/bandSets/itemBands/rules/0/when/value',
      },
    ],
  })),
  { note: 'share compared with 1', edits: [[SHARE_RULE, '{ fact: share, operator: equal, value: 1 }']], want: [] },
  ...[1, 0.5].map((value) => ({
    note: `score compared with ${value}`,
    edits: [[SCORE_RULE, `{ fact: score, operator: greaterThan, value: ${value} }`]] as Array<[string, string]>,
    want: [
      {
        code: 'VALUE_TYPE',
        severity: 'warning' as const,
        message: `rule 1 of band set scoreBands compares score with ${value}, but a score is a percentage from 0 to 100`,
        hint: `write the score as a percentage (for ${value * 100}% write ${value * 100}), or compare share if ${value} is a fraction of the inputs`,
        at: ['score, operator: greaterThan, value: ', `${value} }`] as [string, string],
        pointer: '/bandSets/scoreBands/rules/0/when/value',
      },
    ],
  })),
  { note: 'score compared with 0', edits: [[SCORE_RULE, '{ fact: score, operator: greaterThan, value: 0 }']], want: [] },
  {
    note: 'a declared case fact named score, in a question (no warning)',
    edits: [caseFact('score: { type: number }'), [APPLIES, '{ fact: score, operator: equal, value: 0.5 }']],
    want: [],
  },
  {
    note: 'a declared area fact named score, in a band rule (no warning)',
    edits: [
      ['    oasys: { type: boolean }', '    oasys: { type: boolean }\n    score: { type: number }'],
      [SCORE_RULE, '{ fact: score, operator: equal, value: 0.5 }'],
    ],
    want: [],
  },
  {
    note: 'share compared with a string (an error, no warning)',
    edits: [[SHARE_RULE, '{ fact: share, operator: equal, value: "50" }']],
    want: [
      {
        code: 'VALUE_TYPE',
        message: "share is a number fact, but rule 1 of band set itemBands compares it with the string '50'",
        hint: 'compare with a number',
        at: '"50"',
        pointer: '/bandSets/itemBands/rules/0/when/value',
      },
    ],
  },
  // Literals of each fact type.
  {
    note: 'an enum fact without values compared with a string',
    edits: [['risk: { type: enum, values: [low, high] }', 'risk: { type: enum }']],
    want: [
      {
        code: 'SCHEMA_REQUIRED',
        message: 'case fact risk is an enum but lists no values',
        hint: 'add values: [ ... ] with the values the fact may take',
        at: 'risk: { type: enum }',
        pointer: '/facts/case/risk',
      },
      {
        code: 'VALUE_TYPE',
        message: "the string 'high' is not a value of risk in S1.1.appliesWhen",
        hint: 'use one of the declared values of risk: (none)',
        at: 'high } }',
        pointer: '/criteria/0/questions/0/appliesWhen/value',
      },
    ],
  },
  {
    note: 'an enum fact compared with a number',
    edits: [[APPLIES, '{ fact: risk, operator: equal, value: 3 }']],
    want: [
      {
        code: 'VALUE_TYPE',
        message: 'the number 3 is not a value of risk in S1.1.appliesWhen',
        hint: 'use one of the declared values of risk: low, high',
        at: '3 } }',
        pointer: '/criteria/0/questions/0/appliesWhen/value',
      },
    ],
  },
  {
    note: 'an enum fact compared with a near miss',
    edits: [[APPLIES, '{ fact: risk, operator: equal, value: hihg }']],
    want: [
      {
        code: 'VALUE_TYPE',
        message: "the string 'hihg' is not a value of risk in S1.1.appliesWhen; did you mean 'high'?",
        hint: 'use one of the declared values of risk: low, high',
        at: 'hihg',
        pointer: '/criteria/0/questions/0/appliesWhen/value',
      },
    ],
  },
  {
    note: 'a date fact compared with dates and not-dates',
    edits: [
      caseFact('seen: { type: date }'),
      [APPLIES, '{ fact: seen, operator: in, value: ["2024-01-31", "x2024-01-31", "2024-01-31x", "2024-1-31", 20240131, null] }'],
    ],
    want: ['x2024-01-31', '2024-01-31x', '2024-1-31']
      .map((s, i) => ({
        code: 'VALUE_TYPE',
        message: `seen is a date fact, but S1.1.appliesWhen compares it with the string '${s}'`,
        hint: 'compare with a date YYYY-MM-DD',
        at: `"${s}"`,
        pointer: `/criteria/0/questions/0/appliesWhen/value/${i + 1}`,
      }))
      .concat([
        {
          code: 'VALUE_TYPE',
          message: 'seen is a date fact, but S1.1.appliesWhen compares it with the number 20240131',
          hint: 'compare with a date YYYY-MM-DD',
          at: '20240131,',
          pointer: '/criteria/0/questions/0/appliesWhen/value/4',
        },
      ]),
  },
  {
    note: 'a string fact compared with a string, a number, a boolean and null',
    edits: [caseFact('name: { type: string }'), [APPLIES, '{ fact: name, operator: in, value: [Ann, 3, true, null] }']],
    want: [
      {
        code: 'VALUE_TYPE',
        message: 'name is a string fact, but S1.1.appliesWhen compares it with the number 3',
        hint: 'compare with a string',
        at: '3, true',
        pointer: '/criteria/0/questions/0/appliesWhen/value/1',
      },
      {
        code: 'VALUE_TYPE',
        message: 'name is a string fact, but S1.1.appliesWhen compares it with the boolean true',
        hint: 'compare with a string',
        at: 'true, null',
        pointer: '/criteria/0/questions/0/appliesWhen/value/2',
      },
    ],
  },
  {
    note: 'a number fact compared with a string by equal',
    edits: [[APPLIES, '{ fact: age, operator: equal, value: "18" }']],
    want: [
      {
        code: 'VALUE_TYPE',
        message: "age is a number fact, but S1.1.appliesWhen compares it with the string '18'",
        hint: 'compare with a number',
        at: '"18"',
        pointer: '/criteria/0/questions/0/appliesWhen/value',
      },
    ],
  },
  {
    note: 'a boolean fact compared with a string',
    edits: [[APPLIES, '{ fact: female, operator: equal, value: "yes" }']],
    want: [
      {
        code: 'VALUE_TYPE',
        message: "female is a boolean fact, but S1.1.appliesWhen compares it with the string 'yes'",
        hint: 'compare with true or false',
        at: '"yes"',
        pointer: '/criteria/0/questions/0/appliesWhen/value',
      },
    ],
  },
  // The scope a named condition is checked in.
  {
    note: "a named condition used by one band set sees that set's input scale",
    edits: [[SHARE_RULE, '{ condition: c }'], declare('  c: { fact: share, params: { atLeast: good }, operator: equal, value: 1 }')],
    want: [
      {
        code: 'UNKNOWN_LEVEL',
        message: "'good' in share.atLeast in condition c is not a level of scale perf",
        hint: 'use one of the levels of perf: strong, weak',
        at: 'good }',
        pointer: '/conditions/c/params/atLeast',
      },
    ],
  },
  {
    note: 'a named condition used by band sets on two input scales has its levels checked against both',
    edits: [
      [SHARE_RULE, '{ condition: c }'],
      [
        '    otherwise: low\ncriteria',
        '    otherwise: low\n  answerBands:\n    scale: band\n    inputScale: answer\n    rules:\n      - { level: high, when: { condition: c } }\n    otherwise: low\ncriteria',
      ],
      declare('  c: { fact: share, params: { atLeast: good }, operator: equal, value: 1 }'),
    ],
    // perf (itemBands) has no 'good'; answer (answerBands) has: counted on perf, it would count nothing.
    want: [
      {
        code: 'UNKNOWN_LEVEL',
        message: "'good' in share.atLeast in condition c is not a level of scale perf",
        hint: 'use one of the levels of perf: strong, weak',
        at: 'good }',
        pointer: '/conditions/c/params/atLeast',
      },
    ],
  },
  {
    note: "a named condition used only by a band set's limit is a band condition",
    edits: [
      ['    otherwise: low\ncriteria', '    otherwise: low\n    limits: [{ id: L1, cap: low, when: { condition: c }, note: n }]\ncriteria'],
      declare('  c: { fact: age, operator: greaterThan, value: 1 }'),
    ],
    want: [
      {
        code: 'UNKNOWN_FACT',
        message: `in condition c, 'age' is a case fact, which band rules cannot see; band rules use: ${BAND_FACTS}, oasys`,
        hint: BAND_HINT,
        at: 'age, operator: greaterThan',
        pointer: '/conditions/c/fact',
      },
    ],
  },
  {
    note: "a criterion's limit counts the levels of its item scale",
    edits: [
      [
        '    band: itemBands\n',
        '    band: itemBands\n    limits: [{ id: L1, cap: low, when: { fact: count, params: { atLeast: good }, operator: greaterThan, value: 0 }, note: n }]\n',
      ],
    ],
    want: [
      {
        code: 'UNKNOWN_LEVEL',
        message: "'good' in count.atLeast in limit L1 of criterion E1 is not a level of scale perf",
        hint: 'use one of the levels of perf: strong, weak',
        at: 'good }',
        pointer: '/criteria/1/limits/0/when/params/atLeast',
      },
    ],
  },
  {
    note: "a section's limit counting items on two scales has its levels checked against both",
    edits: [
      ['sections:', `${E2.replace('band: itemBands', 'band: scoreBands')}sections:`],
      [
        'criteria: [S1, E1]\n    score: { method: weightedMean }\n',
        'criteria: [S1, E1, E2]\n    levels: items\n    score: { method: weightedMean }\n    band: scoreBands\n    limits: [{ id: L1, cap: low, when: { fact: count, params: { atLeast: nosuch }, operator: greaterThan, value: 0 }, note: n }]\n',
      ],
    ],
    want: [
      {
        code: 'UNKNOWN_LEVEL',
        message: "'nosuch' in count.atLeast in limit L1 of section A is not a level of scale perf",
        hint: 'use one of the levels of perf: strong, weak',
        at: 'nosuch',
        pointer: '/sections/0/limits/0/when/params/atLeast',
      },
    ],
  },
  {
    note: 'a named condition reached from a question through another is a case condition',
    edits: [[APPLIES, '{ condition: a }'], declare('  a: { not: { condition: b } }', '  b: { fact: score, operator: greaterThan, value: 1 }')],
    want: [
      {
        code: 'UNKNOWN_FACT',
        message:
          "'score' in condition b is a quantity only band rules and limits can compare, and S1.1.appliesWhen uses it; a case condition sees the facts of the case and the area",
        hint: 'use b only in band rules and limits, or compare case facts in S1.1.appliesWhen',
        at: 'score, operator: greaterThan, value: 1 }',
        pointer: '/conditions/b/fact',
      },
    ],
  },
  {
    note: 'an unused named condition comparing case facts is a case condition',
    edits: [declare('  c: { all: [{ fact: age, operator: greaterThan, value: 1 }] }')],
    want: [],
  },
  {
    note: 'an unused named condition with an unknown fact is reported as a case condition',
    edits: [declare('  c: { fact: agee, operator: greaterThan, value: 1 }')],
    want: [
      {
        code: 'UNKNOWN_FACT',
        message: "unknown fact 'agee' in condition c; declared facts: risk, age, female, oasys; did you mean 'age'?",
        hint: 'declare the fact under facts.case or facts.area, or correct its name',
        at: 'agee',
        pointer: '/conditions/c/fact',
      },
    ],
  },
  {
    note: 'an unused named condition comparing a declared case fact named score is a case condition',
    edits: [caseFact('score: { type: enum, values: [a, b] }'), declare('  c: { fact: score, operator: equal, value: a }')],
    want: [],
  },
  {
    note: 'a band set without an input scale counts the item scale of the one criterion using it',
    edits: [ITEMS_WITHOUT_INPUT_SCALE, ['params: { atLeast: strong }', 'params: { atLeast: good }']],
    want: [
      {
        code: 'UNKNOWN_LEVEL',
        message: "'good' in share.atLeast in rule 1 of band set itemBands is not a level of scale perf",
        hint: 'use one of the levels of perf: strong, weak',
        at: 'good }',
        pointer: '/bandSets/itemBands/rules/0/when/params/atLeast',
      },
    ],
  },
  {
    note: 'a band set without an input scale used on two item scales has its levels checked against both',
    edits: [
      ITEMS_WITHOUT_INPUT_SCALE,
      ['params: { atLeast: strong }', 'params: { atLeast: good }'],
      ['sections:', `${E2}sections:`],
      ['criteria: [S1, E1]', 'criteria: [S1, E1, E2]'],
    ],
    // E1 counts perf, E2 answer: 'good' is a level of answer only.
    want: [
      {
        code: 'UNKNOWN_LEVEL',
        message: "'good' in share.atLeast in rule 1 of band set itemBands is not a level of scale perf",
        hint: 'use one of the levels of perf: strong, weak',
        at: 'good }',
        pointer: '/bandSets/itemBands/rules/0/when/params/atLeast',
      },
    ],
  },
  // Circles of named conditions.
  {
    note: 'a circle of eleven conditions, named in full',
    edits: [declare(...Array.from({ length: 11 }, (_, i) => `  c${i}: { condition: c${(i + 1) % 11} }`))],
    want: [
      {
        code: 'CONDITION_CYCLE',
        message: 'named conditions refer to each other in a circle: c0 → c1 → c2 → c3 → c4 → c5 → c6 → c7 → c8 → c9 → c10 → c0',
        hint: 'break the circle: one of these conditions must be written without referring back',
        at: 'c0:',
        pointer: '/conditions/c0',
      },
    ],
  },
  {
    note: 'a circle of twelve conditions a question refers to, named by its ends',
    edits: [[APPLIES, '{ condition: c3 }'], declare(...Array.from({ length: 12 }, (_, i) => `  c${i}: { condition: c${(i + 1) % 12} }`))],
    want: [
      {
        code: 'CONDITION_CYCLE',
        message: 'named conditions refer to each other in a circle: c0 → c1 → c2 → c3 → c4 → c5 → … (4 more) → c10 → c11 → c0',
        hint: 'break the circle: one of these conditions must be written without referring back',
        at: 'c0:',
        pointer: '/conditions/c0',
      },
    ],
  },
];

describe('checkConditions', () => {
  it.each(cases)('$note', ({ edits, want }) => {
    const text = editedPack(edits);
    expect(checkPackText(text).map(brief)).toEqual(expected(text, want));
  });

  it("reports 'path' in a pack that did not pass the JSON Schema (which refuses it first), at the key", () => {
    const text = editedPack([[APPLIES, '{ fact: risk, path: $.x, operator: equal, value: high }']]);
    const read = readDocument('pack.yaml', text);
    if ('errors' in read) throw new Error('unreadable');
    const merged = mergePack(read.doc, []);
    const diagnostics = checkPack(merged.pack, merged.sources);
    expect(diagnostics.map(brief)).toEqual(
      expected(text, [
        {
          code: 'PATH_NOT_ALLOWED',
          message: "S1.1.appliesWhen uses 'path', which packs may not use",
          hint: 'declare the value as a fact of its own and compare that fact',
          at: 'path:',
          pointer: '/criteria/0/questions/0/appliesWhen/path',
        },
      ]),
    );
  });
});

/**
 * Semantic checks beyond the fixture table: one small pack, one change per case, the codes and
 * messages expected. Table-driven: { note, edits, code, message }.
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/model/errors.js';
import { BASE_PACK, checkPackText, editedPack } from './pack-harness.js';

/** The diagnostics of the base pack with `edits` applied. */
const check = (edits: Array<[string, string]>): Diagnostic[] => checkPackText(editedPack(edits));

/** The line numbers (from 1) of the edited pack that hold text an edit wrote. */
function editedLines(edits: Array<[string, string]>): number[] {
  let text = BASE_PACK;
  for (const [from, to] of edits) text = text.replace(from, to);
  const written = edits.flatMap(([, to]) =>
    to
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== ''),
  );
  return text.split('\n').flatMap((line, i) => (written.some((w) => line.includes(w)) ? [i + 1] : []));
}

const APPLIES = '{ fact: risk, operator: equal, value: high }';

/**
 * Each mistake and the one diagnostic it gives: its code, message, hint and line:column. The line is
 * one the edit wrote, unless `elsewhere` says why not.
 */
const cases: Array<{ note: string; edits: Array<[string, string]>; code: string; message?: string; hint?: string; at?: [number, number]; elsewhere?: string }> =
  [
    {
      note: 'contains on a single-valued fact',
      edits: [[APPLIES, '{ fact: risk, operator: contains, value: high }']],
      code: 'VALUE_TYPE',
      message: 'contains looks inside a list, but risk in S1.1.appliesWhen holds a single value',
      hint: 'use equal, notEqual, in or notIn',
      at: [41, 86],
    },
    {
      note: 'ordering an enum fact',
      edits: [[APPLIES, '{ fact: risk, operator: lessThan, value: 3 }']],
      code: 'VALUE_TYPE',
      message: 'lessThan compares numbers, but risk in S1.1.appliesWhen is an enum fact',
      hint: 'use equal, notEqual, in or notIn, or compare a number fact',
      at: [41, 86],
    },
    {
      note: 'a number fact compared with a string',
      edits: [[APPLIES, '{ fact: age, operator: greaterThan, value: "18" }']],
      code: 'VALUE_TYPE',
      message: "greaterThan needs a number, but age in S1.1.appliesWhen is compared with the string '18'",
      hint: 'compare with a number',
      at: [41, 105],
    },
    {
      note: 'a boolean fact compared with a string',
      edits: [[APPLIES, '{ fact: female, operator: equal, value: "yes" }']],
      code: 'VALUE_TYPE',
      message: "female is a boolean fact, but S1.1.appliesWhen compares it with the string 'yes'",
      hint: 'compare with true or false',
      at: [41, 102],
    },
    {
      note: 'a list with a wrong value',
      edits: [[APPLIES, '{ fact: risk, operator: in, value: [low, hihg] }']],
      code: 'VALUE_TYPE',
      message: "the string 'hihg' is not a value of risk in S1.1.appliesWhen; did you mean 'high'?",
      hint: 'use one of the declared values of risk: low, high',
      at: [41, 103],
    },
    {
      note: 'equal with a list',
      edits: [[APPLIES, '{ fact: risk, operator: equal, value: [low] }']],
      code: 'VALUE_TYPE',
      message: 'equal compares with one value, but risk in S1.1.appliesWhen is compared with a list',
      hint: 'use in to compare with a list',
      at: [41, 100],
    },
    {
      note: 'facts of different types compared',
      edits: [[APPLIES, '{ fact: age, operator: equal, value: { fact: risk } }']],
      code: 'VALUE_TYPE',
      message: 'S1.1.appliesWhen compares age (number) with risk (enum)',
      hint: 'compare facts of the same type',
      at: [41, 107],
    },
    {
      note: 'an unknown fact as the value',
      edits: [[APPLIES, '{ fact: age, operator: equal, value: { fact: ag } }']],
      code: 'UNKNOWN_FACT',
      message: "unknown fact 'ag' in S1.1.appliesWhen; declared facts: risk, age, female, oasys; did you mean 'age'?",
      hint: 'declare the fact under facts.case or facts.area, or correct its name',
      at: [41, 107],
    },
    {
      note: 'params outside band rules',
      edits: [[APPLIES, '{ fact: age, params: { atLeast: 1 }, operator: equal, value: 1 }']],
      code: 'CONDITION_SHAPE',
      message: 'age in S1.1.appliesWhen takes no params',
      hint: 'only count and share (in band rules) take params: atLeast, atMost or is a level',
      at: [41, 75],
    },
    {
      note: 'count with an unknown level',
      edits: [['params: { atLeast: strong }', 'params: { atLeast: good }']],
      code: 'UNKNOWN_LEVEL',
      message: "'good' in share.atLeast in rule 1 of band set itemBands is not a level of scale perf",
      hint: 'use one of the levels of perf: strong, weak',
      at: [32, 64],
    },
    {
      note: 'count with two params',
      edits: [['params: { atLeast: strong }', 'params: { atLeast: strong, atMost: weak }']],
      code: 'CONDITION_SHAPE',
      message: 'params of share in rule 1 of band set itemBands must be one of atLeast, atMost or is',
      hint: 'write e.g. params: { atLeast: <level> }, or no params to count every rated input',
      at: [32, 72],
    },
    {
      note: 'an area fact in a band rule',
      edits: [['{ fact: score, operator: greaterThanInclusive, value: 50 }', '{ fact: oasys, operator: equal, value: true }']],
      code: 'NONE',
    },
    {
      note: 'points in a criterion band',
      edits: [['{ fact: score, operator: greaterThanInclusive, value: 50 }', '{ fact: meanPoints, operator: greaterThan, value: 2 }']],
      code: 'BAD_AGGREGATION',
      message: 'band set scoreBands compares points, which criterion S1 cannot have',
      hint: 'points are given on sections and the overall result; use a band set without points here',
      at: [39, 11],
      elsewhere: "the criterion's band: the band set is fine for parts with points",
    },
    {
      note: 'a direct criterion with a score',
      edits: [
        [
          '    kind: sample\n    weight: heavy\n    band: scoreBands\n    questions:\n      - { id: S1.1, text: Asked, scale: answer, appliesWhen: { fact: risk, operator: equal, value: high } }',
          '    kind: direct\n    score: { method: pooled }',
        ],
      ],
      code: 'BAD_AGGREGATION',
      message: 'criterion S1 cannot use the score method pooled',
      hint: 'a direct criterion takes its score from the inspection: remove score',
      at: [38, 22],
    },
    {
      note: 'an evidence criterion scored pooled',
      edits: [['    band: itemBands\n', '    band: itemBands\n    score: { method: pooled }\n']],
      code: 'BAD_AGGREGATION',
      message: 'criterion E1 cannot use the score method pooled',
      hint: "an evidence criterion's score may use: shareAtLeast",
      at: [48, 22],
    },
    {
      note: 'shareAtLeast without a level',
      edits: [['    band: itemBands\n', '    band: itemBands\n    score: { method: shareAtLeast }\n']],
      code: 'BAD_AGGREGATION',
      message: 'the score of criterion E1 uses shareAtLeast without a level',
      hint: 'add level: the level from which inputs count, e.g. level: <a level of the counted scale>',
      at: [48, 12],
    },
    {
      note: 'shareAtLeast with a level of another scale',
      edits: [['    band: itemBands\n', '    band: itemBands\n    score: { method: shareAtLeast, level: good }\n']],
      code: 'UNKNOWN_LEVEL',
      message: "'good' in the score of criterion E1 is not a level of scale perf",
      hint: 'use one of the levels of perf: strong, weak',
      at: [48, 43],
    },
    {
      note: 'a numeric weight of zero',
      edits: [['    weight: heavy\n    itemScale', '    weight: 0\n    itemScale']],
      code: 'BAD_WEIGHT',
      message: 'the weight of criterion E1 is 0, not a positive number',
      hint: 'give a weight above 0, or leave weight out',
      at: [45, 13],
    },
    {
      note: 'a negative question weight',
      edits: [['scale: answer, appliesWhen', 'scale: answer, weight: -1, appliesWhen']],
      code: 'BAD_WEIGHT',
      message: 'the weight of question S1.1 is -1, not a positive number',
      hint: 'give a weight above 0, or leave weight out',
      at: [41, 57],
    },
    {
      note: 'combine over children on different scales',
      edits: [
        ['    score: { method: weightedMean }\n', '    score: { method: weightedMean }\n    band: { combine: lowest }\n'],
        [
          '  - id: E1\n    title: Evidence\n    kind: evidence\n    weight: heavy\n    itemScale: perf\n    band: itemBands',
          '  - id: E1\n    title: Evidence\n    kind: evidence\n    weight: heavy\n    itemScale: perf\n    band: { combine: highest }',
        ],
      ],
      code: 'SCALE_MISMATCH',
      message: 'section A takes the lowest band of children banded on different scales: band, perf',
      hint: 'band the children on one scale, or band this result with a band set',
      at: [55, 11],
    },
    {
      note: 'a band with both set and combine',
      edits: [['    band: scoreBands\n', '    band: { set: scoreBands, combine: lowest }\n']],
      code: 'BAD_AGGREGATION',
      message: 'the band of criterion S1 gives both set and combine',
      hint: 'give set (a band set) or combine (lowest or highest), one of the two',
      at: [39, 11],
    },
    {
      note: 'a sample criterion combining',
      edits: [['    band: scoreBands\n', '    band: { combine: lowest }\n']],
      code: 'BAD_AGGREGATION',
      message: 'criterion S1 combines the bands of its children, but a sample criterion has none',
      hint: 'use band: <band set> for this criterion',
      at: [39, 11],
    },
    {
      note: 'an enum fact without values',
      edits: [
        ['risk: { type: enum, values: [low, high] }', 'risk: { type: enum }'],
        [APPLIES, '{ fact: age, operator: equal, value: 1 }'],
      ],
      code: 'SCHEMA_REQUIRED',
      message: 'case fact risk is an enum but lists no values',
      hint: 'add values: [ ... ] with the values the fact may take',
      at: [8, 5],
    },
    {
      note: 'a fact both of cases and of the area',
      edits: [['    oasys: { type: boolean }', '    oasys: { type: boolean }\n    age: { type: number }']],
      code: 'DUPLICATE_ID',
      message: "'age' is declared both as a case fact and as an area fact",
      hint: 'conditions name facts without saying whose they are: rename one of the two',
      at: [13, 5],
    },
    {
      note: 'a fact named as a question',
      edits: [['    oasys: { type: boolean }', '    oasys: { type: boolean }\n    S1.1: { type: number }']],
      code: 'DUPLICATE_ID',
      message: "the fact 'S1.1' has the same name as question S1.1",
      hint: 'rename the fact or the question',
      at: [13, 5],
    },
    {
      note: 'a not-applicable value that is a level',
      edits: [['    met: [good]', '    met: [good]\n    notApplicable: { id: poor, label: N/A }']],
      code: 'DUPLICATE_ID',
      message: "the not-applicable value 'poor' of scale answer is also one of its levels",
      hint: 'give the not-applicable value an id that is not a level (e.g. na)',
      at: [17, 26],
    },
    {
      note: 'a level listed twice',
      edits: [['{ id: poor, label: Poor }]', '{ id: good, label: Again }]']],
      code: 'DUPLICATE_ID',
      message: "scale answer has the level 'good' twice",
      hint: 'give each level of a scale its own id',
      at: [15, 47],
    },
    {
      note: 'an unknown summary placeholder',
      edits: [['    score: { method: weightedMean }\n', '    score: { method: weightedMean }\n    summary: "{scor}"\n']],
      code: 'BAD_TEMPLATE',
      message: "the summary of section A names the placeholder {scor}; did you mean 'score'?",
      hint: 'summaries may use {rated}, {score}, {percent}, {band}, {points} and {count:LEVEL}',
      at: [55, 14],
    },
    {
      note: 'an unmatched brace',
      edits: [['    score: { method: weightedMean }\n', '    score: { method: weightedMean }\n    summary: "{rated"\n']],
      code: 'BAD_TEMPLATE',
      message: 'the summary of section A has an unmatched brace',
      hint: 'write placeholders as {name}, e.g. {rated} or {count:LEVEL}',
      at: [55, 14],
    },
    {
      note: 'an unknown countLabel placeholder',
      edits: [['    met: [good]', '    met: [good]\n    countLabel: "{label} ({got} of {of})"']],
      code: 'BAD_TEMPLATE',
      message: 'countLabel of scale answer names the placeholder {got}',
      hint: 'countLabel may use {label}, {achieved} and {of}',
      at: [17, 17],
    },
    {
      note: 'an evidence criterion without items',
      edits: [['    items:\n      - { id: E1.1, text: An item }\n', '    items: []\n']],
      code: 'KIND_MISMATCH',
      message: 'evidence criterion E1 has an empty items list',
      hint: 'an evidence criterion needs itemScale and items (a non-empty list)',
      at: [48, 12],
    },
    {
      note: 'a question with neither scale nor metWhen',
      edits: [['scale: answer, appliesWhen', 'appliesWhen']],
      code: 'KIND_MISMATCH',
      message: 'question S1.1 has neither scale nor metWhen',
      hint: 'give scale (the answer is recorded on it) or metWhen (the question is decided by the case facts), not both',
      at: [41, 9],
    },
    {
      note: 'an item from itself',
      edits: [['{ id: E1.1, text: An item }', '{ id: E1.1, text: An item, from: E1 }']],
      code: 'FROM_CYCLE',
      message: 'criteria take item levels from each other in a circle: E1 → E1',
      hint: 'break the circle: one of these criteria must be banded without taking levels from the others',
      at: [49, 42],
    },
    {
      note: 'a criterion listed twice in one section',
      edits: [['criteria: [S1, E1]', 'criteria: [S1, E1, S1]']],
      code: 'CRITERION_SHARED',
      message: 'criterion S1 is listed in section A and already in this section',
      hint: 'list each criterion in one section only',
      at: [53, 24],
    },
    {
      note: 'a weightedMean overall without weighted sections',
      edits: [['rounding:', 'overall: { title: Overall, score: { method: weightedMean } }\nrounding:']],
      code: 'BAD_AGGREGATION',
      message: 'overall takes a weighted mean, but none of its sections has a weight',
      hint: 'give its sections a weight (a weight class or a number), or use another method',
      at: [55, 45],
    },
    {
      note: 'points naming a level the overall does not count',
      edits: [
        ['rounding:', 'overall: { title: Overall, points: { high: 2, medium: 1 } }\nrounding:'],
        ['    score: { method: weightedMean }\n', '    score: { method: weightedMean }\n    band: { combine: lowest }\n'],
        ['    band: itemBands', '    band: scoreBands'],
      ],
      code: 'UNKNOWN_LEVEL',
      message: "'medium' in points of overall is not a level of scale band",
      hint: 'use one of the levels of band: high, low',
      at: [56, 47],
    },
    {
      note: 'an unknown status level',
      edits: [
        [
          '  - id: E1\n',
          '  - id: T1\n    title: Targets\n    kind: targets\n    statuses: { scale: perf, met: strong, nearlyMet: middling, notMet: weak }\n    measures: [{ id: T1.1, measure: M, direction: higher }]\n  - id: E1\n',
        ],
        ['criteria: [S1, E1]', 'criteria: [S1, E1, T1]'],
      ],
      code: 'UNKNOWN_LEVEL',
      message: "'middling' in statuses.nearlyMet of criterion T1 is not a level of scale perf",
      hint: 'use one of the levels of perf: strong, weak',
      at: [45, 54],
    },
    {
      note: 'a band set whose scale is unknown',
      edits: [['  scoreBands:\n    scale: band', '  scoreBands:\n    scale: bands']],
      code: 'UNKNOWN_SCALE',
      message: "unknown scale 'bands' in band set scoreBands; did you mean 'band'?",
      hint: 'declare it under scales, or use one of: answer, perf, band',
      at: [24, 12],
    },
    {
      note: 'a methodology with a bad rounding stage list',
      edits: [['at: [criterion]', 'at: [criterion, criterion]']],
      code: 'DUPLICATE_ID',
      message: "the rounding stage 'criterion' is listed twice",
      hint: 'list each stage once in rounding.at',
      at: [55, 54],
    },
  ];

describe('checkPack', () => {
  it('finds nothing wrong with the base pack', () => {
    expect(check([])).toEqual([]);
  });

  it.each(cases)('$note: $code', ({ edits, code, message, hint, at, elsewhere }) => {
    const diagnostics = check(edits);
    if (code === 'NONE') {
      expect(diagnostics).toEqual([]);
      return;
    }
    const [line, column] = at!;
    expect(diagnostics.map((d) => ({ code: d.code, message: d.message, hint: d.hint, line: d.line, column: d.column }))).toEqual([
      { code, message, hint, line, column },
    ]);
    if (elsewhere === undefined) expect(editedLines(edits), `line ${line} is not one the edit wrote`).toContain(line);
  });

  it('finds a long cycle of named conditions without overflowing the stack', () => {
    const n = 20_000;
    const lines = Array.from({ length: n }, (_, i) => `  c${i}: { condition: c${(i + 1) % n} }`);
    const diagnostics = check([['bandSets:', `conditions:\n${lines.join('\n')}\nbandSets:`]]);
    const cycles = diagnostics.filter((d) => d.code === 'CONDITION_CYCLE');
    expect(cycles).toHaveLength(1);
    expect(cycles[0]!.message).toContain('c0 → c1 → c2');
    expect(cycles[0]!.message.endsWith(`c${n - 1} → c0`)).toBe(true);
  });
});

/**
 * Semantic checks beyond the fixture table: one small pack, one change per case, the codes and
 * messages expected. Table-driven: { note, edits, code, message }.
 */
import { describe, expect, it } from 'vitest';
import { checkPack } from '../../src/check/check-pack.js';
import { validateDocument } from '../../src/check/validate-schema.js';
import { mergePack } from '../../src/load/merge-pack.js';
import { readDocument } from '../../src/load/read-document.js';
import type { Diagnostic } from '../../src/model/errors.js';

const base = `kind: methodology
id: base
version: 1.0.0
title: Base
status: draft
facts:
  case:
    risk: { type: enum, values: [low, high] }
    age: { type: number }
    female: { type: boolean }
  area:
    oasys: { type: boolean }
scales:
  answer:
    levels: [{ id: good, label: Good }, { id: poor, label: Poor }]
    met: [good]
  perf:
    levels: [{ id: strong, label: Strong }, { id: weak, label: Weak }]
  band:
    levels: [{ id: high, label: High }, { id: low, label: Low }]
weightClasses: { heavy: 2 }
bandSets:
  scoreBands:
    scale: band
    rules:
      - { level: high, when: { fact: score, operator: greaterThanInclusive, value: 50 } }
    otherwise: low
  itemBands:
    scale: band
    inputScale: perf
    rules:
      - { level: high, when: { fact: share, params: { atLeast: strong }, operator: equal, value: 1 } }
    otherwise: low
criteria:
  - id: S1
    title: Sample
    kind: sample
    weight: heavy
    band: scoreBands
    questions:
      - { id: S1.1, text: Asked, scale: answer, appliesWhen: { fact: risk, operator: equal, value: high } }
  - id: E1
    title: Evidence
    kind: evidence
    weight: heavy
    itemScale: perf
    band: itemBands
    items:
      - { id: E1.1, text: An item }
sections:
  - id: A
    title: All
    criteria: [S1, E1]
    score: { method: weightedMean }
rounding: { mode: halfUp, digits: 0, at: [criterion] }
`;

/** The diagnostics of the base pack with `edits` applied (each old text must occur). */
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

/** The line numbers (from 1) of the edited pack that hold text an edit wrote. */
function editedLines(edits: Array<[string, string]>): number[] {
  let text = base;
  for (const [from, to] of edits) text = text.replace(from, to);
  const written = edits.flatMap(([, to]) => to.split('\n').map((l) => l.trim()).filter((l) => l !== ''));
  return text.split('\n').flatMap((line, i) => (written.some((w) => line.includes(w)) ? [i + 1] : []));
}

const APPLIES = '{ fact: risk, operator: equal, value: high }';

/** Each mistake, the code it gives, part of its message, and its line when that is not a line the edit wrote. */
const cases: Array<{ note: string; edits: Array<[string, string]>; code: string; message?: string; line?: number }> = [
  { note: 'contains on a single-valued fact', edits: [[APPLIES, '{ fact: risk, operator: contains, value: high }']], code: 'VALUE_TYPE', message: 'contains looks inside a list' },
  { note: 'ordering an enum fact', edits: [[APPLIES, '{ fact: risk, operator: lessThan, value: 3 }']], code: 'VALUE_TYPE', message: 'lessThan compares numbers, but risk in S1.1.appliesWhen is a enum fact' },
  { note: 'a number fact compared with a string', edits: [[APPLIES, '{ fact: age, operator: greaterThan, value: "18" }']], code: 'VALUE_TYPE' },
  { note: 'a boolean fact compared with a string', edits: [[APPLIES, '{ fact: female, operator: equal, value: "yes" }']], code: 'VALUE_TYPE', message: 'female is a boolean fact' },
  { note: 'a list with a wrong value', edits: [[APPLIES, '{ fact: risk, operator: in, value: [low, hihg] }']], code: 'VALUE_TYPE', message: "did you mean 'high'?" },
  { note: 'equal with a list', edits: [[APPLIES, '{ fact: risk, operator: equal, value: [low] }']], code: 'VALUE_TYPE', message: 'compared with a list' },
  { note: 'facts of different types compared', edits: [[APPLIES, '{ fact: age, operator: equal, value: { fact: risk } }']], code: 'VALUE_TYPE', message: 'compares age (number) with risk (enum)' },
  { note: 'an unknown fact as the value', edits: [[APPLIES, '{ fact: age, operator: equal, value: { fact: ag } }']], code: 'UNKNOWN_FACT' },
  { note: 'params outside band rules', edits: [[APPLIES, '{ fact: age, params: { atLeast: 1 }, operator: equal, value: 1 }']], code: 'CONDITION_SHAPE' },
  { note: 'count with an unknown level', edits: [['params: { atLeast: strong }', 'params: { atLeast: good }']], code: 'UNKNOWN_LEVEL', message: "'good' in share.atLeast in rule 1 of band set itemBands is not a level of scale perf" },
  { note: 'count with two params', edits: [['params: { atLeast: strong }', 'params: { atLeast: strong, atMost: weak }']], code: 'CONDITION_SHAPE' },
  { note: 'an area fact in a band rule', edits: [['{ fact: score, operator: greaterThanInclusive, value: 50 }', '{ fact: oasys, operator: equal, value: true }']], code: 'NONE' },
  { note: 'points in a criterion band', edits: [['{ fact: score, operator: greaterThanInclusive, value: 50 }', '{ fact: meanPoints, operator: greaterThan, value: 2 }']], code: 'BAD_AGGREGATION', message: 'compares points', line: 39 /* the criterion's band: the band set is fine for parts with points */ },
  { note: 'a direct criterion with a score', edits: [['    kind: sample\n    weight: heavy\n    band: scoreBands\n    questions:\n      - { id: S1.1, text: Asked, scale: answer, appliesWhen: { fact: risk, operator: equal, value: high } }', '    kind: direct\n    score: { method: pooled }']], code: 'BAD_AGGREGATION', message: 'cannot use the score method pooled' },
  { note: 'an evidence criterion scored pooled', edits: [['    band: itemBands\n', '    band: itemBands\n    score: { method: pooled }\n']], code: 'BAD_AGGREGATION' },
  { note: 'shareAtLeast without a level', edits: [['    band: itemBands\n', '    band: itemBands\n    score: { method: shareAtLeast }\n']], code: 'BAD_AGGREGATION', message: 'without a level' },
  { note: 'shareAtLeast with a level of another scale', edits: [['    band: itemBands\n', '    band: itemBands\n    score: { method: shareAtLeast, level: good }\n']], code: 'UNKNOWN_LEVEL' },
  { note: 'a numeric weight of zero', edits: [['    weight: heavy\n    itemScale', '    weight: 0\n    itemScale']], code: 'BAD_WEIGHT' },
  { note: 'a negative question weight', edits: [['scale: answer, appliesWhen', 'scale: answer, weight: -1, appliesWhen']], code: 'BAD_WEIGHT' },
  { note: 'combine over children on different scales', edits: [['    score: { method: weightedMean }\n', '    score: { method: weightedMean }\n    band: { combine: lowest }\n'], ['  - id: E1\n    title: Evidence\n    kind: evidence\n    weight: heavy\n    itemScale: perf\n    band: itemBands', '  - id: E1\n    title: Evidence\n    kind: evidence\n    weight: heavy\n    itemScale: perf\n    band: { combine: highest }']], code: 'SCALE_MISMATCH', message: 'different scales: band, perf' },
  { note: 'a band with both set and combine', edits: [['    band: scoreBands\n', '    band: { set: scoreBands, combine: lowest }\n']], code: 'BAD_AGGREGATION' },
  { note: 'a sample criterion combining', edits: [['    band: scoreBands\n', '    band: { combine: lowest }\n']], code: 'BAD_AGGREGATION' },
  { note: 'an enum fact without values', edits: [['risk: { type: enum, values: [low, high] }', 'risk: { type: enum }'], [APPLIES, '{ fact: age, operator: equal, value: 1 }']], code: 'SCHEMA_REQUIRED' },
  { note: 'a fact both of cases and of the area', edits: [['    oasys: { type: boolean }', '    oasys: { type: boolean }\n    age: { type: number }']], code: 'DUPLICATE_ID' },
  { note: 'a fact named as a question', edits: [['    oasys: { type: boolean }', '    oasys: { type: boolean }\n    S1.1: { type: number }']], code: 'DUPLICATE_ID' },
  { note: 'a not-applicable value that is a level', edits: [['    met: [good]', '    met: [good]\n    notApplicable: { id: poor, label: N/A }']], code: 'DUPLICATE_ID' },
  { note: 'a level listed twice', edits: [['{ id: poor, label: Poor }]', '{ id: good, label: Again }]']], code: 'DUPLICATE_ID' },
  { note: 'an unknown summary placeholder', edits: [['    score: { method: weightedMean }\n', '    score: { method: weightedMean }\n    summary: "{scor}"\n']], code: 'BAD_TEMPLATE', message: "did you mean 'score'?" },
  { note: 'an unmatched brace', edits: [['    score: { method: weightedMean }\n', '    score: { method: weightedMean }\n    summary: "{rated"\n']], code: 'BAD_TEMPLATE' },
  { note: 'an unknown countLabel placeholder', edits: [['    met: [good]', '    met: [good]\n    countLabel: "{label} ({got} of {of})"']], code: 'BAD_TEMPLATE' },
  { note: 'an evidence criterion without items', edits: [['    items:\n      - { id: E1.1, text: An item }\n', '    items: []\n']], code: 'KIND_MISMATCH', message: 'empty items list' },
  { note: 'a question with neither scale nor metWhen', edits: [['scale: answer, appliesWhen', 'appliesWhen']], code: 'KIND_MISMATCH', message: 'neither scale nor metWhen' },
  { note: 'an item from itself', edits: [['{ id: E1.1, text: An item }', '{ id: E1.1, text: An item, from: E1 }']], code: 'FROM_CYCLE', message: 'E1 → E1' },
  { note: 'a criterion listed twice in one section', edits: [['criteria: [S1, E1]', 'criteria: [S1, E1, S1]']], code: 'CRITERION_SHARED' },
  { note: 'a weightedMean overall without weighted sections', edits: [['rounding:', 'overall: { title: Overall, score: { method: weightedMean } }\nrounding:']], code: 'BAD_AGGREGATION' },
  { note: 'points naming a level the overall does not count', edits: [['rounding:', 'overall: { title: Overall, points: { high: 2, medium: 1 } }\nrounding:'], ['    score: { method: weightedMean }\n', '    score: { method: weightedMean }\n    band: { combine: lowest }\n'], ['    band: itemBands', '    band: scoreBands']], code: 'UNKNOWN_LEVEL', message: "'medium' in points of overall" },
  { note: 'an unknown status level', edits: [['  - id: E1\n', '  - id: T1\n    title: Targets\n    kind: targets\n    statuses: { scale: perf, met: strong, nearlyMet: middling, notMet: weak }\n    measures: [{ id: T1.1, measure: M, direction: higher }]\n  - id: E1\n'], ['criteria: [S1, E1]', 'criteria: [S1, E1, T1]']], code: 'UNKNOWN_LEVEL', message: 'statuses.nearlyMet' },
  { note: 'a band set whose scale is unknown', edits: [['  scoreBands:\n    scale: band', '  scoreBands:\n    scale: bands']], code: 'UNKNOWN_SCALE' },
  { note: 'a methodology with a bad rounding stage list', edits: [['at: [criterion]', 'at: [criterion, criterion]']], code: 'DUPLICATE_ID' },
];

describe('checkPack', () => {
  it('finds nothing wrong with the base pack', () => {
    expect(check([])).toEqual([]);
  });

  it.each(cases)('$note: $code', ({ edits, code, message, line }) => {
    const diagnostics = check(edits);
    if (code === 'NONE') {
      expect(diagnostics).toEqual([]);
      return;
    }
    expect(diagnostics.map((d) => d.code)).toContain(code);
    const d = diagnostics.find((x) => x.code === code)!;
    if (message) expect(d.message).toContain(message);
    // Located on a line the edit wrote, with a hint that says something.
    if (line !== undefined) expect(d.line).toBe(line);
    else expect(editedLines(edits), `line ${d.line} is not one the edit wrote`).toContain(d.line);
    expect(d.hint).toMatch(/\S{3}/);
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

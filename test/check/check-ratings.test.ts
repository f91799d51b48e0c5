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

const cases: Array<{ note: string; edits: Array<[string, string]>; code: string; message?: string; only?: boolean; severity?: 'warning' }> = [
  { note: 'a cap on a level the scale does not have', edits: [[LIMIT, LIMIT.replace('cap: fair', 'cap: fiar')]], code: 'UNKNOWN_LEVEL', message: "'fiar' in limit manager of band set led is not a level of scale rating; did you mean 'fair'?" },
  { note: 'a floor on the overall result on an unknown level', edits: [['- { id: cap, cap: fair,', '- { id: cap, floor: excellent,']], code: 'UNKNOWN_LEVEL', message: 'limit cap of overall' },
  { note: 'a limit with both cap and floor', edits: [[LIMIT, LIMIT.replace('cap: fair', 'cap: fair, floor: poor')]], code: 'BAD_AGGREGATION', message: 'both cap and floor' },
  { note: 'a limit with neither cap nor floor', edits: [[LIMIT, LIMIT.replace('cap: fair, ', '')]], code: 'BAD_AGGREGATION', message: 'neither cap nor floor' },
  { note: 'two limits with one id', edits: [[LIMIT, `${LIMIT}\n      - ${LIMIT}`]], code: 'DUPLICATE_ID', message: "two limits with the id 'manager'" },
  { note: 'limits on a result without a band', edits: [['    score: { method: weightedMean, over: questions }\n', `    score: { method: weightedMean, over: questions }\n    limits:\n      - ${LIMIT}\n`]], code: 'BAD_AGGREGATION', message: 'section sample has limits but no band' },
  { note: 'a limit over a case fact', edits: [['{ fact: noManager, operator: equal, value: true }', '{ fact: risk, operator: equal, value: high }']], code: 'UNKNOWN_FACT', message: "'risk' is a case fact" },
  { note: 'a limit counting a level of another scale', edits: [['params: { is: poor }, operator: greaterThanInclusive, value: 1 }', 'params: { is: yes }, operator: greaterThanInclusive, value: 1 }']], code: 'UNKNOWN_LEVEL', message: 'limit cap of overall' },
  { note: 'extending an undeclared band set', edits: [['extends: principles', 'extends: principle']], code: 'UNKNOWN_BAND_SET', message: "did you mean 'principles'?" },
  { note: 'band sets extending each other in a circle', edits: [['  principles:\n    title: The principles\n', '  principles:\n    title: The principles\n    extends: led\n']], code: 'BAD_AGGREGATION', message: 'extend each other in a circle' },
  { note: 'a band set with neither scale nor extends', edits: [['    title: The principles\n    scale: rating\n', '    title: The principles\n']], code: 'SCHEMA_REQUIRED', message: 'band set principles gives no scale' },
  { note: 'a named condition over count used by a question', edits: [['appliesWhen: { condition: highRisk }', 'appliesWhen: { condition: twoPoor }']], code: 'UNKNOWN_FACT', message: "'count' in condition twoPoor is a quantity only band rules and limits can compare, and Q1.1.appliesWhen uses it" },
  { note: 'a derived quantity in a question', edits: [['appliesWhen: { condition: highRisk }', 'appliesWhen: { fact: share, operator: equal, value: 1 }']], code: 'UNKNOWN_FACT', message: 'only band rules and limits can compare' },
  { note: 'a section with items but no item scale', edits: [['    title: Led\n    itemScale: rating\n', '    title: Led\n']], code: 'SCHEMA_REQUIRED', message: 'section led has items but no itemScale' },
  { note: 'a section with criteria and items', edits: [['    title: Led\n', '    title: Led\n    criteria: [Q1]\n']], code: 'KIND_MISMATCH', message: 'both criteria and items' },
  { note: 'a section with neither criteria nor items', edits: [['    criteria: [Q1]\n', '']], code: 'SCHEMA_REQUIRED', message: 'neither criteria nor items' },
  { note: "a section's item that repeats an id", edits: [['{ id: L1, text: One }', '{ id: S1, text: One }']], code: 'DUPLICATE_ID' },
  { note: "a section's item that takes its level from a criterion", edits: [['{ id: L1, text: One }', '{ id: L1, text: One, from: Q1 }']], code: 'KIND_MISMATCH', message: "only a criterion's items can" },
  { note: "a section's item scale that does not exist, and nothing else", edits: [['    title: Led\n    itemScale: rating\n', '    title: Led\n    itemScale: ratings\n']], code: 'UNKNOWN_SCALE', only: true },
  { note: 'a band set scale that does not exist is one error, not one per set extending it', edits: [['    title: The principles\n    scale: rating\n', '    title: The principles\n    scale: ratings\n']], code: 'UNKNOWN_SCALE', message: "unknown scale 'ratings' in band set principles", only: true },
  { note: 'a misspelt level in a named condition used by band rules', edits: [['params: { is: poor }, operator: greaterThanInclusive, value: 2', 'params: { is: poorr }, operator: greaterThanInclusive, value: 2']], code: 'UNKNOWN_LEVEL', message: "'poorr' in count.is in condition twoPoor is not a level of scale rating; did you mean 'poor'?", only: true },
  { note: 'a misplaced when, reported once at its own line', edits: [['      - { level: good, when: { fact: share, params: { atLeast: good }, operator: equal, value: 1 } }\n', '      - level: good\n    when: { fact: share, params: { atLeast: good }, operator: equal, value: 1 }\n']], code: 'SCHEMA_UNKNOWN_PROPERTY', message: "'when' is written as a property of band set principles, where it is unknown; it belongs to rule #2 of band set principles (line 27), which lacks it", only: true },
  { note: 'a share compared with a percentage', edits: [['operator: equal, value: 1 }', 'operator: equal, value: 100 }']], code: 'VALUE_TYPE', severity: 'warning', message: 'compares share with 100, but a share is a fraction of the rated inputs from 0 to 1', only: true },
  { note: 'a score compared with a fraction', edits: [['      - { level: poor, when: { condition: twoPoor }, note: two or more poor }\n', '      - { level: poor, when: { fact: score, operator: lessThan, value: 0.5 } }\n']], code: 'VALUE_TYPE', severity: 'warning', message: 'compares score with 0.5, but a score is a percentage from 0 to 100', only: true },
  { note: 'an operator from another language', edits: [['operator: greaterThanInclusive, value: 2', 'operator: greaterThanOrEqual, value: 2']], code: 'UNKNOWN_OPERATOR', message: "did you mean 'greaterThanInclusive'?", only: true },
];

describe('checks of ratings constructs', () => {
  it('find nothing wrong with the base ratings pack', () => {
    expect(check([])).toEqual([]);
  });

  it.each(cases)('$note: $code', ({ edits, code, message, only, severity }) => {
    const diagnostics = check(edits);
    expect(diagnostics.map((d) => d.code)).toContain(code);
    // One mistake, one diagnostic: no knock-on errors.
    if (only) expect(diagnostics.map((d) => `${d.code}: ${d.message}`)).toHaveLength(1);
    const d = diagnostics.find((x) => x.code === code)!;
    expect(d.severity).toBe(severity ?? 'error');
    if (message) expect(d.message).toContain(message);
    expect(d.line, 'located').toBeGreaterThan(0);
    expect(d.hint).toBeTruthy();
  });
});

/**
 * Keys that reach a prototype (`__proto__`, `constructor`, `prototype`) in packs, inspections and
 * case data, run through the library in-process: each is refused with FORBIDDEN_KEY (or, in
 * inspections a caller builds, reported as the unknown name it is; a pack a caller builds is
 * refused with FORBIDDEN_KEY by compilePack), and Object.prototype is the same
 * afterwards — no property added, none changed.
 */
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compilePack, loadPack, score, scoreInspectionFile } from '../../src/index.js';
import { readDocument } from '../../src/load/read-document.js';
import type { Inspection } from '../../src/model/inspection.js';
import type { Pack } from '../../src/model/pack.js';

const corpus = 'test/hostile/corpus';

/** What Object.prototype holds, to compare before and after. */
function snapshot(): Record<string, unknown> {
  return Object.fromEntries(
    Object.getOwnPropertyNames(Object.prototype).map((name) => [name, Object.getOwnPropertyDescriptor(Object.prototype, name)?.value ?? 'accessor']),
  );
}

function expectUntouched(before: Record<string, unknown>): void {
  expect(snapshot()).toEqual(before);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
}

let before: Record<string, unknown>;
beforeAll(() => {
  before = snapshot();
});
afterAll(() => expectUntouched(before));

function loadBase(): Pack {
  const loaded = loadPack(join(corpus, 'base'));
  if ('errors' in loaded) throw new Error(loaded.errors[0]!.message);
  return loaded.pack;
}

describe('keys that reach a prototype, in-process', () => {
  it.each([
    ['packs/proto-key-scale.yaml', 12, 3],
    ['packs/constructor-key-fact.yaml', 11, 5],
    ['packs/prototype-key-condition.yaml', 17, 3],
    ['packs-json/proto.json', 3, 3],
  ])('loadPack refuses %s', (file, line, column) => {
    const loaded = loadPack(join(corpus, file));
    expect('errors' in loaded && loaded.errors[0]).toMatchObject({ code: 'FORBIDDEN_KEY', line, column });
    expectUntouched(before);
  });

  it.each([
    ['a:\n  __proto__: { polluted: true }\n'],
    ['a: { "__proto__": { polluted: true } }\n'],
    ['a: &p { polluted: true }\nb: { __proto__: *p }\n'],
    ['? __proto__\n: { polluted: true }\n'],
    ['constructor: { prototype: { polluted: true } }\n'],
    ['a: [{ constructor: { prototype: { polluted: true } } }]\n'],
  ])('readDocument refuses %j', (text) => {
    const read = readDocument('x.yaml', text);
    expect('errors' in read && read.errors.map((e) => e.code)).toContain('FORBIDDEN_KEY');
    expectUntouched(before);
  });

  it.each([
    ['inspections/proto-case-fact.yaml', 'FORBIDDEN_KEY'],
    ['inspections/constructor-answer.yaml', 'FORBIDDEN_KEY'],
    ['inspections/prototype-evidence.yaml', 'FORBIDDEN_KEY'],
  ])('scoreInspectionFile refuses %s', async (file, code) => {
    const scored = await scoreInspectionFile(join(corpus, file));
    expect('errors' in scored && scored.errors[0]!.code).toBe(code);
    expectUntouched(before);
  });

  it.each([
    'cases/proto.ndjson',
    'cases/constructor.ndjson',
    'cases/proto-header.csv',
    'cases/constructor-header.csv',
    'cases/prototype-header.csv',
    'cases/proto.yaml',
  ])('case file %s is refused, the rest of the file notwithstanding', async (file) => {
    const { writeFileSync, mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'criteria-proto-'));
    const inspection = join(dir, 'inspection.yaml');
    writeFileSync(
      inspection,
      `pack: ${JSON.stringify(resolve(corpus, 'base'))}\narea: { name: T }\nevidence: { E1.1: good }\ntargets: { T1.1: { value: 88 } }\nscores: { D1: 70 }\ncases: { file: ${JSON.stringify(resolve(corpus, file))} }\n`,
    );
    const scored = await scoreInspectionFile(inspection);
    expect('errors' in scored && scored.errors[0]!.code).toBe('FORBIDDEN_KEY');
    expectUntouched(before);
  });

  it('score() given case objects with own __proto__, constructor and prototype keys (as JSON.parse makes them) reports them and pollutes nothing', () => {
    const compiled = compilePack(loadBase());
    if ('errors' in compiled) throw new Error(compiled.errors[0]!.message);
    const cases = [
      JSON.parse('{"id":"c1","facts":{"risk":"low","__proto__":{"polluted":true}},"answers":{"Q1.1":"yes"}}'),
      JSON.parse('{"id":"c2","facts":{"risk":"low"},"answers":{"Q1.1":"yes","__proto__":{"polluted":true}}}'),
      JSON.parse('{"id":"c3","facts":{"risk":"low","constructor":{"prototype":{"polluted":true}}},"answers":{"Q1.1":"yes"}}'),
      JSON.parse('{"id":"c4","facts":{"risk":"low"},"answers":{"Q1.1":"yes","prototype":"yes"},"__proto__":{"polluted":true}}'),
    ];
    const inspection: Inspection = { area: { name: 'T' }, evidence: { 'E1.1': 'good' }, targets: { 'T1.1': { value: 88 } }, scores: { D1: 70 }, cases };
    const outcome = score(compiled.plan, inspection);
    expect('errors' in outcome).toBe(true);
    if (!('errors' in outcome)) return;
    const codes = outcome.errors.map((e) => `${e.caseId ?? ''} ${e.code}`);
    expect(codes).toEqual(
      expect.arrayContaining(['c1 CASE_UNKNOWN_FACT', 'c2 CASE_UNKNOWN_QUESTION', 'c3 CASE_UNKNOWN_FACT', 'c4 CASE_UNKNOWN_QUESTION', 'c4 CASE_UNKNOWN_FACT']),
    );
    expectUntouched(before);
  });

  const rest = '"cases": [{ "id": "c1", "facts": { "risk": "low" }, "answers": { "Q1.1": "yes" } }]';
  const plain = {
    area: '"area": { "name": "T" }',
    evidence: '"evidence": { "E1.1": "good" }',
    targets: '"targets": { "T1.1": { "value": 88 } }',
    scores: '"scores": { "D1": 70 }',
  };
  it.each([
    [
      'area facts',
      { ...plain, area: '"area": { "name": "T", "facts": { "__proto__": "low" } }' },
      { code: 'AREA_FACT', message: "unknown area fact '__proto__'", hint: 'declared area facts: toolInUse', pointer: '/area/facts/__proto__' },
    ],
    [
      'evidence',
      { ...plain, evidence: '"evidence": { "E1.1": "good", "__proto__": "good" }' },
      { code: 'EVIDENCE_UNKNOWN_ITEM', message: "unknown evidence item '__proto__'", hint: 'evidence items: E1.1', pointer: '/evidence/__proto__' },
    ],
    [
      'targets',
      { ...plain, targets: '"targets": { "T1.1": { "value": 88 }, "__proto__": { "value": 1 } }' },
      { code: 'TARGET_UNKNOWN', message: "unknown target measure '__proto__'", hint: 'measures: T1.1', pointer: '/targets/__proto__' },
    ],
    [
      'scores',
      { ...plain, scores: '"scores": { "D1": 70, "__proto__": 50 }' },
      { code: 'SCORE_UNKNOWN', message: "'__proto__' is not a criterion scored directly", hint: 'direct criteria: D1', pointer: '/scores/__proto__' },
    ],
    [
      'adjustments',
      { ...plain, scores: '"scores": { "D1": 70 }, "adjustments": [{ "id": "__proto__", "score": 1, "reason": "r" }]' },
      {
        code: 'ADJUSTMENT_UNKNOWN',
        message: "adjustment of unknown result '__proto__'",
        hint: 'name a criterion, a section or overall',
        pointer: '/adjustments/0',
      },
    ],
    [
      'the inspection itself',
      { ...plain, scores: '"scores": { "D1": 70 }, "__proto__": { "polluted": true }' },
      {
        code: 'SCHEMA_UNKNOWN_PROPERTY',
        message:
          "unknown property '__proto__' in the top level; allowed: $schema, pack, packVersion, thematics, area, evidence, targets, scores, adjustments, cases",
        hint: 'rename it to one of the allowed properties, or remove it',
        pointer: '/__proto__',
      },
    ],
  ])('score() with an own key __proto__ in %s refuses it with its own error and pollutes nothing', (_where, parts, error) => {
    const compiled = compilePack(loadBase());
    if ('errors' in compiled) throw new Error(compiled.errors[0]!.message);
    const inspection = JSON.parse(`{ ${Object.values(parts).join(', ')}, ${rest} }`) as Inspection;
    expect(score(compiled.plan, inspection)).toEqual({ errors: [{ severity: 'error', ...error }] });
    expectUntouched(before);
  });

  it('a pack object with own __proto__ keys (built by a caller) is refused by compilePack, not merged into a prototype', () => {
    const pack = loadBase();
    const hostile = JSON.parse(JSON.stringify(pack)) as Pack & Record<string, unknown>;
    hostile.scales = JSON.parse(
      '{"__proto__": {"levels": [{"id": "x", "label": "X"}]}, "answer": ' +
        JSON.stringify(pack.scales!.answer) +
        ', "grade": ' +
        JSON.stringify(pack.scales!.grade) +
        ', "status": ' +
        JSON.stringify(pack.scales!.status) +
        '}',
    );
    hostile.weightClasses = JSON.parse('{"heavy": 2, "light": 1, "__proto__": 5}');
    const refusal = (pointer: string, key = '__proto__') => ({
      code: 'FORBIDDEN_KEY',
      severity: 'error',
      message: `the key '${key}' is not allowed`,
      hint: "rename the key: '__proto__', 'constructor' and 'prototype' could tamper with objects",
      pointer,
    });
    expect(compilePack(hostile)).toEqual({ errors: [refusal('/scales/__proto__'), refusal('/weightClasses/__proto__')] });
    expectUntouched(before);
  });

  it.each([
    [
      'a fact named constructor',
      (p: Pack) => ({ ...p, facts: { ...p.facts, case: JSON.parse('{"constructor": {"type": "string"}}') } }),
      '/facts/case/constructor',
      'constructor',
    ],
    [
      'a condition with a prototype key',
      (p: Pack) => ({ ...p, conditions: JSON.parse('{"c": {"all": [{"fact": "risk", "operator": "equal", "value": "low", "prototype": 1}]}}') }),
      '/conditions/c/all/0/prototype',
      'prototype',
    ],
    ['a thematic with an own __proto__ key', null, '/__proto__', '__proto__'],
  ] as const)('compilePack refuses %s with FORBIDDEN_KEY at its pointer', (_what, change, pointer, key) => {
    const pack = loadBase();
    const outcome = change ? compilePack(change(pack)) : compilePack(pack, { thematics: [JSON.parse(`{"id": "t", "__proto__": {"polluted": true}}`) as Pack] });
    expect(outcome).toEqual({
      errors: [
        {
          code: 'FORBIDDEN_KEY',
          severity: 'error',
          message: `the key '${key}' is not allowed`,
          hint: "rename the key: '__proto__', 'constructor' and 'prototype' could tamper with objects",
          pointer,
        },
      ],
    });
    expectUntouched(before);
  });
});

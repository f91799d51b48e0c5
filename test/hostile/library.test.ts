/**
 * Hostile values handed to the library in memory, where no file and no JSON Schema stands between
 * the caller and the engine: compilePack(pack) and score(plan, inspection) return diagnostics and
 * never throw — whatever a caller builds in code (Infinity, NaN, numeric strings, null where a
 * mapping belongs, a pack that contains itself).
 */
import { describe, expect, it } from 'vitest';
import { compilePack, loadPack, score } from '../../src/index.js';
import type { Inspection } from '../../src/model/inspection.js';
import type { Pack } from '../../src/model/pack.js';
import { ERROR_CODES } from '../../src/model/errors.js';

const loaded = loadPack('test/hostile/corpus/base');
if ('errors' in loaded) throw new Error(loaded.errors[0]!.message);
const base: Pack = loaded.pack;

type Mutable = Record<string, any>;

function inspection(): Mutable {
  return {
    area: { name: 'X' },
    evidence: { 'E1.1': 'good' },
    targets: { 'T1.1': { value: 88 } },
    scores: { D1: 70 },
    cases: [{ id: 'c1', facts: { risk: 'low' }, answers: { 'Q1.1': 'yes' } }],
  };
}

const measure = (p: Mutable) => p.criteria.find((c: Mutable) => c.id === 'T1').measures[0];

const PACKS: Array<[string, string, (p: Mutable) => void]> = [
  ['a target of Infinity', 'SCHEMA_RANGE', (p) => (measure(p).target = Infinity)],
  ['a tolerance of NaN', 'SCHEMA_TYPE', (p) => (measure(p).tolerance = NaN)],
  ['rounding digits "x"', 'SCHEMA_TYPE', (p) => (p.rounding.digits = 'x')],
  ['rounding digits 50', 'SCHEMA_RANGE', (p) => (p.rounding.digits = 50)],
  ['rounding digits -1', 'SCHEMA_RANGE', (p) => (p.rounding.digits = -1)],
  ['rounding digits 0.5', 'SCHEMA_TYPE', (p) => (p.rounding.digits = 0.5)],
  ['no rounding', 'SCHEMA_REQUIRED', (p) => delete p.rounding],
  ['rounding mode sideways', 'SCHEMA_ENUM', (p) => (p.rounding.mode = 'sideways')],
  ['a rounding stage nowhere', 'SCHEMA_ENUM', (p) => (p.rounding.at = ['nowhere'])],
  ['criteria as a mapping', 'SCHEMA_TYPE', (p) => (p.criteria = {})],
  ['questions null', 'SCHEMA_TYPE', (p) => (p.criteria[0].questions = null)],
  ['a band threshold of Infinity', 'SCHEMA_RANGE', (p) => (p.bandSets.bands.rules[0].when.value = Infinity)],
  ['points of Infinity', 'SCHEMA_RANGE', (p) => (p.sections[0].points = { good: Infinity })],
  ['a fact minimum of NaN', 'SCHEMA_TYPE', (p) => (p.facts.case.age.minimum = NaN)],
  ['a weight class of -0', 'BAD_WEIGHT', (p) => (p.weightClasses.heavy = -0)],
  ['a criterion that contains itself', 'SCHEMA_INVALID', (p) => (p.criteria[0].self = p.criteria[0])],
  ['a function as the title', 'SCHEMA_TYPE', (p) => (p.title = () => 'title')],
];

describe('compilePack on packs built in code', () => {
  it.each(PACKS)('%s gives %s, without throwing', (_name, code, change) => {
    const pack = structuredClone(base) as Mutable;
    change(pack);
    let outcome: ReturnType<typeof compilePack> | undefined;
    expect(() => (outcome = compilePack(pack as Pack))).not.toThrow();
    expect(outcome && 'errors' in outcome && outcome.errors.map((e) => e.code)).toContain(code);
  });

  it('the same condition object shared by two questions is fine', () => {
    const pack = structuredClone(base) as Mutable;
    const shared = { fact: 'risk', operator: 'equal', value: 'high' };
    pack.criteria[0].questions[1].appliesWhen = shared;
    pack.criteria[0].questions[0].appliesWhen = shared;
    expect('plan' in compilePack(pack as Pack)).toBe(true);
  });
});

/** Each hostile value, the code it must give, and where (a case's problems are known by the case, not a pointer). */
const INSPECTIONS: Array<[string, string, string | null, (i: Mutable) => void]> = [
  ['a target figure of Infinity', 'SCHEMA_RANGE', '/targets/T1.1/value', (i) => (i.targets['T1.1'].value = Infinity)],
  ['a target figure of NaN', 'SCHEMA_TYPE', '/targets/T1.1/value', (i) => (i.targets['T1.1'].value = NaN)],
  ['a target figure of "88"', 'SCHEMA_TYPE', '/targets/T1.1/value', (i) => (i.targets['T1.1'].value = '88')],
  ['a target of Infinity given by the inspection', 'SCHEMA_RANGE', '/targets/T1.1/target', (i) => (i.targets['T1.1'].target = Infinity)],
  ['a comparator of NaN', 'SCHEMA_TYPE', '/targets/T1.1/comparator', (i) => (i.targets['T1.1'].comparator = NaN)],
  ['a target entry null', 'SCHEMA_TYPE', '/targets/T1.1', (i) => (i.targets['T1.1'] = null)],
  ['a direct score of NaN', 'SCHEMA_TYPE', '/scores/D1', (i) => (i.scores.D1 = NaN)],
  ['a direct score of "70"', 'SCHEMA_TYPE', '/scores/D1', (i) => (i.scores.D1 = '70')],
  ['an adjusted score of Infinity', 'SCHEMA_RANGE', '/adjustments/0/score', (i) => (i.adjustments = [{ id: 'D1', score: Infinity, reason: 'r' }])],
  ['adjustments as a mapping', 'SCHEMA_TYPE', '/adjustments', (i) => (i.adjustments = { id: 'D1' })],
  ['an evidence rating null', 'SCHEMA_TYPE', '/evidence/E1.1', (i) => (i.evidence['E1.1'] = null)],
  ['an evidence rating of 5', 'SCHEMA_TYPE', '/evidence/E1.1', (i) => (i.evidence['E1.1'] = 5)],
  ['an evidence count of NaN', 'SCHEMA_TYPE', '/evidence/E1.1/achieved', (i) => (i.evidence['E1.1'] = { level: 'good', achieved: NaN, of: 2 })],
  ['an area fact of Infinity', 'SCHEMA_RANGE', '/area/facts/toolInUse', (i) => (i.area.facts = { toolInUse: Infinity })],
  ['no area', 'SCHEMA_TYPE', '/area', (i) => (i.area = null)],
  ['cases null', 'SCHEMA_TYPE', '/cases', (i) => (i.cases = null)],
  ['a case fact of Infinity', 'CASE_BAD_VALUE', null, (i) => (i.cases[0].facts.age = Infinity)],
  ['a case that is a string', 'CASE_MISSING_ID', null, (i) => (i.cases[0] = 'c1')],
];

describe('score on inspections built in code', () => {
  const compiled = compilePack(base);
  if ('errors' in compiled) throw new Error(compiled.errors[0]!.message);
  it.each(INSPECTIONS)('%s gives %s at %s, without throwing', (_name, code, pointer, change) => {
    const i = inspection();
    change(i);
    let outcome: ReturnType<typeof score> | undefined;
    expect(() => (outcome = score(compiled.plan, i as Inspection))).not.toThrow();
    if (!outcome || !('errors' in outcome)) throw new Error('scored an inspection with a hostile value');
    // A problem with a case is known by its id, or by its position when it has no valid id.
    expect(outcome.errors[0]).toMatchObject({
      code,
      severity: 'error',
      ...(pointer !== null ? { pointer } : { message: expect.stringMatching(/^case (c1|at position 1): /) }),
    });
    for (const e of outcome.errors) expect(Object.keys(ERROR_CODES)).toContain(e.code);
  });
});

// Differential test: our compiled predicates must agree with json-rules-engine's Engine — on every
// condition of the shipped packs over the Derbyshire sample and random facts, and on randomly
// generated conditions over random facts (fast-check, fixed seed).
import { Engine } from 'json-rules-engine';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Condition, Operator } from '../../src/model/condition.js';
import { compileCondition, type ConditionScope } from '../../src/compile/compile-condition.js';
import { loadPack } from '../../src/pipeline/load-pack.js';
import type { Pack } from '../../src/model/pack.js';
import { OPERATORS } from '../../src/check/check-condition-shape.js';

/** Every operator a pack may use (the schema's, as the checker lists them). */
const operators = OPERATORS as readonly Operator[];

type Facts = Record<string, unknown>;

const scope = (named: Record<string, Condition>): ConditionScope<Facts, Facts> => ({
  fact: (name) => (facts) => (Object.hasOwn(facts, name) ? (facts[name] ?? null) : null),
  named: (name) => named[name],
});

/** json-rules-engine's verdict on one condition for each set of facts. */
async function engineVerdicts(condition: Condition, named: Record<string, Condition>, factSets: Facts[]): Promise<boolean[]> {
  const engine = new Engine([], { allowUndefinedFacts: true });
  for (const [name, c] of Object.entries(named)) engine.setCondition(name, c as never);
  engine.addRule({ conditions: { all: [condition] }, event: { type: 'holds' } });
  const verdicts: boolean[] = [];
  for (const facts of factSets) {
    const { events } = await engine.run({ ...facts });
    verdicts.push(events.length === 1);
  }
  return verdicts;
}

function ourVerdicts(condition: Condition, named: Record<string, Condition>, factSets: Facts[]): boolean[] {
  const predicate = compileCondition(condition, scope(named));
  return factSets.map((facts) => predicate(facts, {}));
}

function load(path: string, methodology?: Pack): Pack {
  const loaded = loadPack(path, methodology ? { methodology } : {});
  if ('errors' in loaded) throw new Error(loaded.errors[0]!.message);
  return loaded.pack;
}

/** Every condition a pack holds: questions' appliesWhen and metWhen, and named conditions. */
function packConditions(pack: Pack): Array<{ where: string; condition: Condition }> {
  const found: Array<{ where: string; condition: Condition }> = [];
  for (const [name, condition] of Object.entries(pack.conditions ?? {})) found.push({ where: `${pack.id} conditions.${name}`, condition });
  for (const c of pack.criteria ?? []) {
    for (const q of c.questions ?? []) {
      if (q.appliesWhen) found.push({ where: `${pack.id} ${q.id}.appliesWhen`, condition: q.appliesWhen });
      if (q.metWhen) found.push({ where: `${pack.id} ${q.id}.metWhen`, condition: q.metWhen });
    }
  }
  return found;
}

/** Random facts of the declared kinds, with some left out (null). */
function randomFacts(pack: Pack[], count: number, seed: number): Facts[] {
  const declarations = pack.flatMap((p) => [...Object.entries(p.facts?.case ?? {}), ...Object.entries(p.facts?.area ?? {})]);
  const arbitrary = fc.record(
    Object.fromEntries(
      declarations.map(([name, d]) => [
        name,
        fc.option(
          (d.type === 'enum'
            ? fc.constantFrom(...(d.values ?? ['x']))
            : d.type === 'boolean'
              ? fc.boolean()
              : d.type === 'number'
                ? fc.integer({ min: -5, max: 200 })
                : fc.string({ maxLength: 4 })) as fc.Arbitrary<unknown>,
          { nil: null },
        ),
      ]),
    ),
  );
  return fc.sample(arbitrary, { numRuns: count, seed });
}

describe('compiled conditions agree with json-rules-engine', () => {
  const esi = load('rules/esi-2003');
  const ebs = load('thematics/ebs-2003', esi);
  const named = { ...(esi.conditions ?? {}), ...(ebs.conditions ?? {}) };
  const factSets = randomFacts([esi, ebs], 300, 7);

  it.each([...packConditions(esi), ...packConditions(ebs)].map((c) => [c.where, c.condition] as const))('%s', async (_where, condition) => {
    expect(ourVerdicts(condition, named, factSets)).toEqual(await engineVerdicts(condition, named, factSets));
  });

  it('random conditions over random facts', async () => {
    const names = ['n', 's', 'b', 'x'];
    const scalar = fc.oneof(
      fc.integer({ min: -3, max: 3 }),
      fc.double({ min: -3, max: 3, noNaN: true }),
      fc.constantFrom('a', 'b', '1', '2.5', '', 'abc'),
      fc.boolean(),
      fc.constant(null),
    );
    const value = fc.oneof(
      { weight: 4, arbitrary: scalar },
      { weight: 2, arbitrary: fc.array(scalar, { maxLength: 4 }) },
      { weight: 1, arbitrary: fc.constantFrom(...names).map((fact) => ({ fact })) },
    );
    // `in` and `notIn` take a list (the checker rejects anything else; json-rules-engine throws on it).
    const leaf: fc.Arbitrary<Condition> = fc
      .record({ fact: fc.constantFrom(...names), operator: fc.constantFrom(...operators), value })
      .filter((c) => (c.operator === 'in' || c.operator === 'notIn') === Array.isArray(c.value) || (c.operator !== 'in' && c.operator !== 'notIn'));
    const { condition: conditionArb } = fc.letrec<{ condition: Condition }>((tie) => ({
      condition: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf,
        fc.array(tie('condition'), { maxLength: 3 }).map((all) => ({ all })),
        fc.array(tie('condition'), { maxLength: 3 }).map((any) => ({ any })),
        tie('condition').map((not) => ({ not })),
      ),
    }));
    const factsArb = fc.record({ n: scalar, s: scalar, b: scalar, x: scalar });
    await fc.assert(
      fc.asyncProperty(conditionArb, fc.array(factsArb, { minLength: 1, maxLength: 5 }), async (condition, factSets) => {
        expect(ourVerdicts(condition, {}, factSets)).toEqual(await engineVerdicts(condition, {}, factSets));
      }),
      { seed: 20031028, numRuns: Number(process.env.FUZZ_RUNS ?? 300) },
    );
  });

  it('random named conditions referring to each other, over edge-case values', async () => {
    const names = ['n', 's', 'x'];
    // Values where JavaScript's comparisons surprise: numeric strings json-rules-engine's parseFloat
    // test accepts ('0x10', '1e3', ' 2 ', 'Infinity'), -0, NaN-like text, large and tiny numbers.
    const scalar = fc.oneof(
      fc.integer({ min: -3, max: 3 }),
      fc.constantFrom(-0, 0.1, 0.30000000000000004, 1e21, -1e-7, Number.MAX_SAFE_INTEGER + 2),
      fc.constantFrom('0x10', '1e3', ' 2 ', 'Infinity', '-0', 'NaN', '1,5', '', '2.5abc', 'true'),
      fc.boolean(),
      fc.constant(null),
    );
    const value = fc.oneof(
      { weight: 4, arbitrary: scalar },
      { weight: 2, arbitrary: fc.array(scalar, { maxLength: 3 }) },
      { weight: 1, arbitrary: fc.constantFrom(...names).map((fact) => ({ fact })) },
    );
    const leaf = fc
      .record({ fact: fc.constantFrom(...names), operator: fc.constantFrom(...operators), value })
      .filter((c) => (c.operator !== 'in' && c.operator !== 'notIn') || Array.isArray(c.value)) as fc.Arbitrary<Condition>;
    // Condition i may refer to conditions after it only: no circles, but chains and shared references.
    const namedArb = fc.integer({ min: 1, max: 5 }).chain((count) =>
      fc
        .tuple(
          ...Array.from({ length: count }, (_, i) => {
            const later = Array.from({ length: count - i - 1 }, (_, k) => `c${i + k + 1}`);
            const part: fc.Arbitrary<Condition> =
              later.length === 0
                ? leaf
                : fc.oneof(
                    leaf,
                    fc.constantFrom(...later).map((condition) => ({ condition })),
                  );
            return fc.oneof(
              part,
              fc.array(part, { minLength: 1, maxLength: 3 }).map((all) => ({ all })),
              fc.array(part, { maxLength: 3 }).map((any) => ({ any })),
              part.map((not) => ({ not })),
            );
          }),
        )
        .map((conditions) => Object.fromEntries(conditions.map((c, i) => [`c${i}`, c])) as Record<string, Condition>),
    );
    const factsArb = fc.record({ n: scalar, s: scalar, x: scalar });
    await fc.assert(
      fc.asyncProperty(namedArb, fc.array(factsArb, { minLength: 1, maxLength: 5 }), fc.boolean(), async (named, factSets, negate) => {
        const condition: Condition = negate
          ? { not: { condition: 'c0' } }
          : { any: [{ condition: 'c0' }, { all: Object.keys(named).map((name) => ({ condition: name })) }] };
        // json-rules-engine's setCondition wants a group at the root; a bare comparison is the same as `all` of it.
        const forEngine = Object.fromEntries(Object.entries(named).map(([name, c]) => [name, 'fact' in c ? { all: [c] } : c]));
        expect(ourVerdicts(condition, named, factSets)).toEqual(await engineVerdicts(condition, forEngine, factSets));
      }),
      { seed: 20031029, numRuns: Number(process.env.FUZZ_RUNS ?? 200) },
    );
  });
});

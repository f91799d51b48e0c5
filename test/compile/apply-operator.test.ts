/**
 * Every operator on a grid of values where JavaScript's comparisons surprise, against
 * json-rules-engine's own verdict: a fact compared with a literal and with another fact (the
 * path a literal comparison does not take). Exact fractions (which json-rules-engine does not
 * know) are compared exactly, with numbers and with each other, as written out below.
 */
import { Engine } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import { OPERATORS } from '../../src/check/check-condition-shape.js';
import { applyOperator, compileCondition, type ConditionScope } from '../../src/compile/compile-condition.js';
import { Fraction } from '../../src/compile/exact-number.js';
import type { Condition, Operator } from '../../src/model/condition.js';

type Facts = Record<string, unknown>;
const operators = OPERATORS as readonly Operator[];
const VALUES: unknown[] = [null, 0, -0, 1, 2, 2.5, '1', '2.5', 'a', '', '0x10', true, false, [1, 2], ['a', 1], []];

const scope: ConditionScope<Facts, Facts> = {
  fact: (name) => (facts) => (Object.hasOwn(facts, name) ? (facts[name] ?? null) : null),
  named: () => undefined,
};

async function engineHolds(condition: Condition, facts: Facts): Promise<boolean> {
  const engine = new Engine([], { allowUndefinedFacts: true });
  engine.addRule({ conditions: { all: [condition] }, event: { type: 'holds' } });
  return (await engine.run({ ...facts })).events.length === 1;
}

describe.each(operators)('%s', (operator) => {
  it('agrees with json-rules-engine, fact against fact and fact against a literal', async () => {
    const disagreements: string[] = [];
    const takesList = operator === 'in' || operator === 'notIn';
    for (const a of VALUES) {
      for (const b of VALUES) {
        const byFact: Condition = { fact: 'a', operator, value: { fact: 'b' } };
        const ours = compileCondition(byFact, scope)({ a, b }, {});
        if (takesList && !Array.isArray(b)) {
          // json-rules-engine throws here; a predicate never throws, and holds for no such case.
          if (ours || applyOperator(operator, a, b)) disagreements.push(`${JSON.stringify(a)} ${operator} fact ${JSON.stringify(b)}`);
          continue;
        }
        const expected = await engineHolds(byFact, { a, b });
        if (ours !== expected || applyOperator(operator, a, b) !== expected) disagreements.push(`${JSON.stringify(a)} ${operator} fact ${JSON.stringify(b)}`);
        // A literal is a list for in and notIn, a scalar for the rest (as the checker allows).
        if (takesList !== Array.isArray(b)) continue;
        const byLiteral = { fact: 'a', operator, value: b } as Condition;
        if (compileCondition(byLiteral, scope)({ a }, {}) !== (await engineHolds(byLiteral, { a })))
          disagreements.push(`${JSON.stringify(a)} ${operator} ${JSON.stringify(b)}`);
      }
    }
    expect(disagreements).toEqual([]);
  });
});

describe('exact fractions', () => {
  const half = new Fraction(1, 2);
  const third = new Fraction(1, 3);
  it.each<[Operator, unknown, unknown, boolean]>([
    ['equal', half, 0.5, true],
    ['equal', 0.5, half, true],
    ['equal', third, 0.3333333333333333, false],
    ['notEqual', third, 0.3333333333333333, true],
    ['notEqual', half, new Fraction(2, 4), false],
    ['lessThan', third, 0.3333333333333334, true],
    ['lessThan', half, 0.5, false],
    ['lessThanInclusive', half, 0.5, true],
    ['lessThanInclusive', half, 0.4, false],
    ['greaterThan', new Fraction(149, 2), 74.5, false],
    ['greaterThan', new Fraction(149, 2), 74.4, true],
    ['greaterThanInclusive', new Fraction(149, 2), 74.5, true],
    ['greaterThanInclusive', third, 0.34, false],
    // Where the nearest double says otherwise: 1/3 is above 0.3333333333333333, and
    // 0.33333333333333329 below it, though both are the same double.
    ['greaterThan', third, 0.3333333333333333, true],
    ['lessThanInclusive', third, 0.3333333333333333, false],
    ['lessThan', new Fraction(33333333333333329n, 100000000000000000n), 0.3333333333333333, true],
    ['greaterThanInclusive', new Fraction(33333333333333329n, 100000000000000000n), 0.3333333333333333, false],
    ['equal', third, 0.3333333333333333, false],
    ['in', half, [0.25, 0.5], true],
    ['in', half, [0.25, 'x'], false],
    ['notIn', half, [0.25, 0.5], false],
    ['notIn', half, [0.25], true],
    // A fraction against what is no finite number falls back to the plain operator.
    ['equal', half, 'x', false],
    ['notEqual', half, null, true],
    ['greaterThan', half, Infinity, false],
    ['contains', half, 0.5, false],
  ])('%s, case %#', (operator, a, b, expected) => {
    expect(applyOperator(operator, a, b)).toBe(expected);
  });

  it('a literal comparison reads a fact that is a fraction exactly', () => {
    const facts = { score: new Fraction(149, 2) };
    const holds = (condition: Condition) => compileCondition(condition, scope)(facts, {});
    expect(holds({ fact: 'score', operator: 'equal', value: 74.5 })).toBe(true);
    expect(holds({ fact: 'score', operator: 'notEqual', value: 74.5 })).toBe(false);
    expect(holds({ fact: 'score', operator: 'in', value: [74.5] })).toBe(true);
    expect(holds({ fact: 'score', operator: 'notIn', value: [74.5] })).toBe(false);
    expect(holds({ fact: 'score', operator: 'greaterThanInclusive', value: 74.5 })).toBe(true);
  });
});

describe('named conditions', () => {
  const named = (conditions: Record<string, Condition>): ConditionScope<Facts, Facts> => ({ ...scope, named: (name) => conditions[name] });

  it('are compiled once and shared, by name', () => {
    const cache = new Map();
    const conditions = { high: { fact: 'n', operator: 'greaterThan', value: 5 } as Condition };
    const predicate = compileCondition(
      { any: [{ condition: 'high' }, { not: { condition: 'high' } }, { all: [{ condition: 'high' }] }] },
      named(conditions),
      cache,
    );
    expect([...cache.keys()]).toEqual(['high']);
    expect(predicate({ n: 9 }, {})).toBe(true);
    expect(compileCondition({ condition: 'high' }, named(conditions), cache)).toBe(cache.get('high'));
    expect(compileCondition({ condition: 'high' }, named(conditions))({ n: 1 }, {})).toBe(false);
  });

  it('in a circle, or missing, are errors that say so', () => {
    const circle = { a: { condition: 'b' }, b: { all: [{ condition: 'a' }] } } as Record<string, Condition>;
    expect(() => compileCondition({ condition: 'a' }, named(circle))).toThrow('named conditions form a cycle: a → b → a');
    expect(() => compileCondition({ not: { condition: 'nothing' } }, named({}))).toThrow("no condition named 'nothing'");
  });

  it('combine as json-rules-engine does: an empty group holds, one part is itself, any and all of three', () => {
    const t = { fact: 'n', operator: 'equal', value: 1 } as Condition;
    const f = { fact: 'n', operator: 'equal', value: 2 } as Condition;
    const holds = (c: Condition) => compileCondition(c, scope)({ n: 1 }, {});
    expect([holds({ all: [] }), holds({ any: [] }), holds({ all: [f] }), holds({ any: [t] })]).toEqual([true, true, false, true]);
    expect([holds({ all: [t, t, f] }), holds({ all: [t, t, t] }), holds({ any: [f, f, t] }), holds({ any: [f, f, f] })]).toEqual([false, true, true, false]);
    expect([holds({ all: [t, f] }), holds({ any: [f, t] }), holds({ any: [f, f] })]).toEqual([false, true, false]);
  });

  it('a list holding NaN is searched as json-rules-engine searches it (NaN is never found)', () => {
    expect(compileCondition({ fact: 'n', operator: 'in', value: [Number.NaN, 1] }, scope)({ n: Number.NaN }, {})).toBe(false);
    expect(compileCondition({ fact: 'n', operator: 'notIn', value: [Number.NaN] }, scope)({ n: Number.NaN }, {})).toBe(true);
    expect(compileCondition({ fact: 'n', operator: 'in', value: [Number.NaN, 1] }, scope)({ n: 1 }, {})).toBe(true);
  });
});

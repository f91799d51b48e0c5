/**
 * Conditions compiled to SQL hold for exactly the cases the compiled predicates hold for: random
 * conditions (literals, null, lists with null, fact against fact, area facts, contains) over
 * random facts, some missing, evaluated by DuckDB and by compileCondition.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileCondition } from '../../src/compile/compile-condition.js';
import type { Condition } from '../../src/model/condition.js';
import { compileSqlCondition, type Operand } from '../../src/sql/compile-sql-condition.js';
import { openDuckDb } from '../../src/sql/run-duckdb.js';
import { duckdb } from '../../src/sql/sql-dialect.js';
import type { SqlEngine } from '../../src/sql/sql-engine.js';
import { runs, TIMEOUT } from '../properties/arbitraries.js';

let engine: SqlEngine;
beforeAll(async () => {
  engine = await openDuckDb(1);
});
afterAll(async () => engine.close());

const WORDS = ['low', 'high', "it's", 'a"b', '\\', ''];
const NUMS = [0, 1, 2.5, -3, 10, 1e21, -0];
const ORDER = ['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'] as const;

const leaf: fc.Arbitrary<Condition> = fc.oneof(
  fc.record({ fact: fc.constantFrom('risk', 'other'), operator: fc.constantFrom('equal', 'notEqual'), value: fc.constantFrom<string | null>(...WORDS, null) }),
  fc.record({ fact: fc.constant('risk'), operator: fc.constantFrom('in', 'notIn'), value: fc.subarray<string | null>([...WORDS, null]) }),
  fc.record({ fact: fc.constantFrom('flag', 'tool'), operator: fc.constantFrom('equal', 'notEqual'), value: fc.constantFrom(true, false, null) }),
  fc.record({
    fact: fc.constantFrom('n', 'm', 'level'),
    operator: fc.constantFrom(...ORDER, 'equal', 'notEqual'),
    value: fc.constantFrom<number | null>(...NUMS, null),
  }),
  fc.record({
    fact: fc.constantFrom('n', 'm', 'level'),
    operator: fc.constantFrom(...ORDER, 'equal', 'notEqual', 'in', 'notIn'),
    value: fc.constantFrom('n', 'm', 'level').map((fact) => ({ fact })),
  }),
  fc.record({ fact: fc.constantFrom('n', 'level'), operator: fc.constantFrom('in', 'notIn'), value: fc.subarray<number | null>([...NUMS, null]) }),
  fc.record({
    fact: fc.constantFrom('risk', 'other'),
    operator: fc.constantFrom('equal', 'notEqual'),
    value: fc.constantFrom('risk', 'other').map((fact) => ({ fact })),
  }),
  fc.record({ fact: fc.constantFrom('risk', 'n'), operator: fc.constantFrom('contains', 'doesNotContain'), value: fc.constantFrom('low', 1) }),
);

const conditionArb: fc.Arbitrary<Condition> = fc.letrec<{ c: Condition }>((tie) => ({
  c: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('c'), { maxLength: 3 }).map((all) => ({ all })),
    fc.array(tie('c'), { maxLength: 3 }).map((any) => ({ any })),
    tie('c').map((not) => ({ not })),
    fc.constant({ condition: 'named' }),
  ),
})).c;

const named: Condition = {
  any: [
    { fact: 'risk', operator: 'equal', value: 'high' },
    { fact: 'n', operator: 'greaterThan', value: 2 },
  ],
};

/** Case facts (a missing one is null) and the area's facts (constants to the query). */
const factsArb = fc.record({
  risk: fc.constantFrom<string | null>(...WORDS, null),
  other: fc.constantFrom<string | null>('low', "it's", null),
  flag: fc.constantFrom(true, false, null),
  n: fc.constantFrom<number | null>(...NUMS, 7, null),
  m: fc.constantFrom<number | null>(0, 2.5, 10, null),
});
const areaArb = fc.record({ tool: fc.constantFrom(true, false, null), level: fc.constantFrom<number | null>(0, 2.5, 10, null) });

const TYPES: Record<string, 'text' | 'boolean' | 'number'> = { risk: 'text', other: 'text', flag: 'boolean', n: 'number', m: 'number' };

function literal(value: unknown, type: string): string {
  if (value === null) return `CAST(NULL AS ${type === 'text' ? 'VARCHAR' : type === 'boolean' ? 'BOOLEAN' : 'DOUBLE'})`;
  return typeof value === 'boolean' ? String(value) : typeof value === 'number' ? duckdb.number(value) : duckdb.text(value as string);
}

describe('conditions in SQL', () => {
  it(
    'hold exactly where the compiled predicates hold',
    async () => {
      await fc.assert(
        fc.asyncProperty(conditionArb, fc.array(factsArb, { minLength: 1, maxLength: 12 }), areaArb, async (condition, cases, area) => {
          const predicate = compileCondition<Record<string, unknown>, Record<string, unknown>>(condition, {
            fact: (name) => (name in TYPES ? (facts) => facts[name] ?? null : (_f, a) => a[name] ?? null),
            named: (name) => (name === 'named' ? named : undefined),
          });
          const sql = compileSqlCondition(
            condition,
            {
              fact: (name): Operand =>
                name in TYPES ? { kind: 'column', sql: `"${name}"`, type: TYPES[name]! } : { kind: 'const', value: area[name as 'tool'] ?? null },
              named: (name) => (name === 'named' ? named : undefined),
            },
            duckdb,
          );
          const rows = cases
            .map(
              (c, i) =>
                `SELECT ${i} AS i, ${Object.keys(TYPES)
                  .map((k) => `${literal(c[k as keyof typeof c], TYPES[k]!)} AS "${k}"`)
                  .join(', ')}`,
            )
            .join(' UNION ALL ');
          const got = await engine.all(`SELECT i, ${sql} AS v FROM (${rows}) AS t ORDER BY i`);
          expect(got.map((r) => r.v)).toEqual(cases.map((c) => predicate(c, area)));
        }),
        { numRuns: runs(300) },
      );
    },
    TIMEOUT * 2,
  );
});

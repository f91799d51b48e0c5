/**
 * A boolean fact held in a BOOLEAN column (a Parquet file DuckDB typed, a database table) is read
 * as it is rather than parsed from its text; a missing value in it is still a missing value, so a
 * case without a required boolean fact is reported as the interpreter reports it.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildCase, buildPack, compile, packSpecArb } from '../properties/arbitraries.js';
import { scalarText } from '../../src/source/scalar-text.js';
import { openDuckDb } from '../../src/sql/run-duckdb.js';
import { duckdb } from '../../src/sql/sql-dialect.js';
import { fileRelation } from '../../src/sql/file-relation.js';
import type { SqlEngine } from '../../src/sql/sql-engine.js';
import { comparable, headerOf, scoreByInterpreter, scoreBySql, tempFolder, writeCsv } from './sql-harness.js';

let engine: SqlEngine;
const folder = tempFolder();
beforeAll(async () => {
  engine = await openDuckDb(1);
});
afterAll(async () => {
  await engine.close();
  folder.remove();
});

it.each([false, true])(
  'a case without a required boolean fact in a BOOLEAN column is reported as by the interpreter (exclude invalid: %s)',
  async (exclude) => {
    const pack = buildPack(fc.sample(packSpecArb, { numRuns: 1, seed: 7 })[0]!);
    pack.facts!.case = { ...pack.facts!.case, flag: { type: 'boolean', required: true } };
    const plan = compile(pack);
    const header = headerOf(plan);
    const row = (id: string, flag: boolean | undefined, text: string) => {
      const record = buildCase(plan, pack, { facts: flag === undefined ? {} : { flag }, choices: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] }, id, {});
      return header.map((name) =>
        name === 'id' ? id : name === 'flag' ? text : name in (record.facts ?? {}) ? scalarText(record.facts![name]) : (record.answers?.[name] ?? ''),
      );
    };
    const file = writeCsv(folder.path, `required-${exclude}.csv`, header, [row('c1', true, 'true'), row('c2', undefined, ''), row('c3', false, 'False')]);
    const typed = `(SELECT * REPLACE (CAST(NULLIF(flag, '') AS BOOLEAN) AS flag) FROM ${fileRelation(file, 'csv', duckdb)}) AS typed`;
    expect((await engine.describe(typed)).find((c) => c.name === 'flag')?.type).toBe('BOOLEAN');

    const expected = comparable(await scoreByInterpreter(plan, {}, file, exclude));
    // Only c2 has a problem: the fact it lacks.
    expect(JSON.stringify(expected)).toMatch(/c2/);
    expect(JSON.stringify(expected)).not.toMatch(/"c[13]"/);
    expect(comparable(await scoreBySql(engine, plan, {}, typed, exclude))).toEqual(expected);
  },
);

/**
 * PostgreSQL, a real server: random packs and case tables counted by PostgreSQL give what the
 * interpreter gives on the same cells as CSV; the Derbyshire example loaded into a table (as
 * text, and with typed columns) gives the interpreter's result; bad sources are clear errors.
 */
import fc from 'fast-check';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { buildCase, buildPack, compile, inspectionSeedArb, packSpecArb, runs, TIMEOUT, areaOf } from '../properties/arbitraries.js';
import type { InspectionResult } from '../../src/model/result.js';
import { scoreInspectionFile } from '../../src/pipeline/score-file.js';
import { openPostgres } from '../../src/sql/run-postgres.js';
import { scoreInspectionWithSql } from '../../src/sql/score-with-sql.js';
import { postgres } from '../../src/sql/sql-dialect.js';
import type { SqlEngine } from '../../src/sql/sql-engine.js';
import { POSTGRES_URL } from './postgres-server.js';
import { comparable, headerOf, ODD_IDS, scoreByInterpreter, scoreBySql, tempFolder, writeCsv } from './sql-harness.js';

const EXAMPLE = 'rules/esi-2003/examples/derbyshire-2003';
const folder = tempFolder();
let client: pg.Client;
let engine: SqlEngine;

/** Creates a table of text columns holding the rows. */
async function loadTable(name: string, header: string[], rows: string[][]): Promise<void> {
  const id = postgres.identifier;
  await client.query(`DROP TABLE IF EXISTS ${id(name)} CASCADE`);
  await client.query(`CREATE TABLE ${id(name)} (${header.map((h) => `${id(h)} TEXT`).join(', ')})`);
  for (const row of rows) {
    await client.query(
      `INSERT INTO ${id(name)} VALUES (${row.map((_, i) => `$${i + 1}`).join(', ')})`,
      row.map((c) => (c === '' ? null : c)),
    );
  }
}

describe.skipIf(POSTGRES_URL === '')('PostgreSQL counts what the interpreter counts', () => {
  beforeAll(async () => {
    client = new pg.Client({ connectionString: POSTGRES_URL });
    await client.connect();
    engine = await openPostgres(POSTGRES_URL);
  });
  afterAll(async () => {
    await engine?.close();
    await client?.end();
    folder.remove();
  });

  it(
    'on random packs and case tables',
    async () => {
      let n = 0;
      await fc.assert(
        fc.asyncProperty(packSpecArb, inspectionSeedArb, fc.boolean(), async (spec, seed, exclude) => {
          const pack = buildPack(spec);
          const plan = compile(pack);
          const area = areaOf(seed);
          const header = headerOf(plan);
          const rows = seed.cases.map((c, i) => {
            const r = buildCase(plan, pack, c, `case-${i % 7 === 6 ? 0 : i}`, area);
            const cells = header.map((h) =>
              h === 'id' ? r.id : plan.caseFacts.has(h) ? (r.facts?.[h] === undefined ? '' : String(r.facts[h])) : (r.answers?.[h] ?? ''),
            );
            // Every fifth case answers a question it should not, or spells a number oddly.
            if (i % 5 === 4) cells[header.length - 1] = cells[header.length - 1] === '' ? 'yes' : '';
            if (i % 5 === 3 && header.includes('n')) cells[header.indexOf('n')] = ' 05';
            // Every third case has an id that only the interpreter can judge.
            if (i % 3 === 2) cells[0] = ODD_IDS[(n + i) % ODD_IDS.length]!;
            return cells;
          });
          const file = writeCsv(folder.path, `cases-${n}.csv`, header, rows);
          await loadTable(`cases_${n}`, header, rows);
          const expected = comparable(await scoreByInterpreter(plan, area, file, exclude));
          expect(comparable(await scoreBySql(engine, plan, area, postgres.identifier(`cases_${n++}`), exclude))).toEqual(expected);
        }),
        { numRuns: runs(15) },
      );
    },
    TIMEOUT * 4,
  );

  describe('the Derbyshire example in a table', () => {
    let interpreted: InspectionResult;
    const inspectionWith = (cases: string) => {
      const text = readFileSync(join(EXAMPLE, 'inspection.yaml'), 'utf8')
        .replace(/^pack: (.*)$/m, (_l, p: string) => `pack: ${join(process.cwd(), EXAMPLE, p)}`)
        .replace(/^(\s+- )(\.\.\/.*thematics.*)$/m, (_l, dash: string, p: string) => `${dash}${join(process.cwd(), EXAMPLE, p)}`)
        .replace(/cases: \{ file: cases\.csv \}/, cases);
      const path = join(folder.path, `inspection-${Math.random().toString(36).slice(2)}.yaml`);
      writeFileSync(path, text);
      return path;
    };
    const score = (cases: string, env: Record<string, string> = { CASES_DB: POSTGRES_URL }) =>
      scoreInspectionWithSql(inspectionWith(cases), { engine: 'postgres', env });

    beforeAll(async () => {
      const [header, ...rows]: string[][] = parse(readFileSync(join(EXAMPLE, 'cases.csv'), 'utf8'));
      await loadTable('derbyshire', header!, rows);
      // The same cases with typed fact columns, as a case-management system would hold them.
      const typed = header!.map((h) =>
        ['disability', 'ruralAccess', 'childProtection', 'mappa'].includes(h)
          ? `CAST(${postgres.identifier(h)} AS BOOLEAN) AS ${postgres.identifier(h)}`
          : postgres.identifier(h),
      );
      await client.query(`CREATE OR REPLACE VIEW derbyshire_typed AS SELECT ${typed.join(', ')} FROM derbyshire`);
      const scored = await scoreInspectionFile(join(EXAMPLE, 'inspection.yaml'));
      if ('errors' in scored) throw new Error(scored.errors[0]!.message);
      interpreted = scored.result;
    });

    it.each([
      ['a table', 'cases: { database: CASES_DB, table: derbyshire }', 'table derbyshire on $CASES_DB'],
      ['a view with typed columns', 'cases: { database: CASES_DB, schema: public, table: derbyshire_typed }', 'table public.derbyshire_typed on $CASES_DB'],
      ['a query', 'cases: { database: CASES_DB, query: "SELECT * FROM derbyshire WHERE id <> \'\'" }', 'a query on $CASES_DB'],
    ])("from %s gives the interpreter's result", async (_what, cases, source) => {
      const scored = await score(cases);
      if ('errors' in scored) throw new Error(scored.errors.map((e) => e.message).join('\n'));
      const { caseSource, inputSha256, ...provenance } = scored.result.provenance;
      expect(inputSha256).toBeUndefined();
      expect(caseSource).toEqual({ engine: expect.stringMatching(/^postgresql \d+/), source });
      expect(JSON.stringify({ ...scored.result, provenance: { ...provenance, inputSha256: interpreted.provenance.inputSha256 } })).toBe(
        JSON.stringify(interpreted),
      );
    });

    it.each([
      [
        'a table that does not exist',
        'cases: { database: CASES_DB, table: no_such_table }',
        { CASES_DB: POSTGRES_URL },
        'SQL_SOURCE',
        /relation "no_such_table" does not exist/,
      ],
      [
        'a query that fails',
        'cases: { database: CASES_DB, query: "SELECT nope FROM derbyshire" }',
        { CASES_DB: POSTGRES_URL },
        'SQL_SOURCE',
        /column "nope" does not exist/,
      ],
      [
        'a connection refused',
        'cases: { database: CASES_DB, table: derbyshire }',
        { CASES_DB: 'postgres://postgres@127.0.0.1:1/postgres' },
        'SQL_CONNECTION',
        /cannot connect to the database: connect ECONNREFUSED/,
      ],
      ['an unset variable', 'cases: { database: CASES_DB, table: derbyshire }', {}, 'SQL_CONNECTION', /CASES_DB .* is not set/],
      [
        'a column of the wrong type',
        'cases: { database: CASES_DB, query: "SELECT id, ARRAY[gender] AS gender FROM derbyshire" }',
        { CASES_DB: POSTGRES_URL },
        'SQL_COLUMN',
        /column 'gender' is of type TEXT\[\]/,
      ],
      [
        'a column that is no fact',
        'cases: { database: CASES_DB, query: "SELECT id, 1 AS shoeSize FROM derbyshire" }',
        { CASES_DB: POSTGRES_URL },
        'SQL_COLUMN',
        /column 'shoesize' is neither a declared case fact nor a question id/,
      ],
    ])('%s is a clear error', async (_what, cases, env, code, message) => {
      const scored = await score(cases, env);
      expect('errors' in scored).toBe(true);
      if (!('errors' in scored)) return;
      expect(scored.errors[0]!.code).toBe(code);
      expect(scored.errors[0]!.message).toMatch(message);
    });
  });
});

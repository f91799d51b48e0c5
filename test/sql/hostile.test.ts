/**
 * No pack text can change the SQL: facts named and valued with quotes, backslashes, comment
 * marks, semicolons and statements are read as the names and values they are, by DuckDB and by
 * PostgreSQL alike, and the counts are the interpreter's.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { buildCase, buildPack, compile, inspectionSeedArb, packSpecArb, areaOf } from '../properties/arbitraries.js';
import type { Pack } from '../../src/model/pack.js';
import { fileRelation } from '../../src/sql/file-relation.js';
import { openDuckDb } from '../../src/sql/run-duckdb.js';
import { openPostgres } from '../../src/sql/run-postgres.js';
import { duckdb, postgres } from '../../src/sql/sql-dialect.js';
import type { SqlEngine } from '../../src/sql/sql-engine.js';
import { POSTGRES_URL } from './postgres-server.js';
import { comparable, headerOf, scoreByInterpreter, scoreBySql, tempFolder, writeCsv } from './sql-harness.js';

const HOSTILE_NAMES: Record<string, string> = {
  risk: `risk"; DROP TABLE cases; --`,
  flag: "flag') OR 1=1 --",
  n: 'n\\"\'/*',
  tool: 'tool*/;SELECT 1;',
};
const HOSTILE_VALUES: Record<string, string> = {
  low: "low'); DROP TABLE cases; --",
  medium: "medium\\'",
  high: 'high"||chr(39)||"',
};

/** A generated pack with hostile fact names and enum values (everywhere they appear). */
function hostilePack(pack: Pack): Pack {
  return JSON.parse(JSON.stringify(pack), (_key, value) =>
    typeof value === 'string' && Object.hasOwn(HOSTILE_VALUES, value) ? HOSTILE_VALUES[value] : value,
  ) as Pack;
}

const folder = tempFolder();
const engines: Array<{ name: string; engine: SqlEngine; from: (file: string, table: string) => string }> = [];
let client: pg.Client | null = null;

beforeAll(async () => {
  engines.push({ name: 'duckdb', engine: await openDuckDb(1), from: (file) => fileRelation(file, 'csv', duckdb) });
  if (POSTGRES_URL !== '') {
    client = new pg.Client({ connectionString: POSTGRES_URL });
    await client.connect();
    engines.push({ name: 'postgres', engine: await openPostgres(POSTGRES_URL), from: (_file, table) => postgres.identifier(table) });
  }
});
afterAll(async () => {
  for (const e of engines) await e.engine.close();
  await client?.end();
  folder.remove();
});

describe('hostile names and values', () => {
  it("are quoted: the counts are the interpreter's and nothing else runs", async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(packSpecArb, inspectionSeedArb, async (spec, seed) => {
        const name = (id: string) => HOSTILE_NAMES[id] ?? id;
        const pack = hostilePack(buildPack(spec, name));
        const plan = compile(pack);
        const area = areaOf(seed, name);
        const header = headerOf(plan);
        const rows = seed.cases.map((c, i) => {
          const facts = Object.fromEntries(Object.entries(c.facts).map(([k, v]) => [k, typeof v === 'string' ? (HOSTILE_VALUES[v] ?? v) : v]));
          const r = buildCase(plan, pack, { ...c, facts }, `case-${i}'--`, area, name);
          return header.map((h) =>
            h === 'id' ? r.id : plan.caseFacts.has(h) ? (r.facts?.[h] === undefined ? '' : String(r.facts[h])) : (r.answers?.[h] ?? ''),
          );
        });
        const file = writeCsv(folder.path, `hostile-${n}.csv`, header, rows);
        const table = `hostile ${n++}"; --`;
        if (client) {
          const id = postgres.identifier;
          await client.query(`DROP TABLE IF EXISTS ${id(table)}`);
          await client.query(`CREATE TABLE ${id(table)} (${header.map((h) => `${id(h)} TEXT`).join(', ')})`);
          for (const row of rows)
            await client.query(
              `INSERT INTO ${id(table)} VALUES (${row.map((_, i) => `$${i + 1}`).join(', ')})`,
              row.map((c) => (c === '' ? null : c)),
            );
        }
        const expected = comparable(await scoreByInterpreter(plan, area, file, false));
        for (const { engine, from } of engines) expect(comparable(await scoreBySql(engine, plan, area, from(file, table), false))).toEqual(expected);
        if (client) {
          // The table is still there, with every row.
          const { rows: count } = await client.query(`SELECT count(*)::int AS n FROM ${postgres.identifier(table)}`);
          expect(count[0].n).toBe(rows.length);
        }
      }),
      { numRuns: 12 },
    );
  }, 120_000);
});

/**
 * The PostgreSQL engine, through `pg`: one client per scoring run, connected with a URL the
 * inspection names by environment variable (never the URL itself, which may hold a password).
 */
import pg from 'pg';
import { postgres } from './sql-dialect.js';
import { SqlRunError, type SqlColumn, type SqlEngine } from './sql-engine.js';

function messageOf(error: unknown): string {
  const e = error as { message?: string; code?: string };
  const text = (e.message ?? String(error)).trim();
  return text === '' && e.code ? e.code : text;
}

/** int8 and numeric come back as text from pg; the counters are well inside a double's exact range. */
function plain(value: unknown, numeric: boolean): unknown {
  return numeric && typeof value === 'string' ? Number(value) : value;
}

const NUMERIC_TYPES = new Set([20, 21, 23, 700, 701, 1700]);

export async function openPostgres(url: string): Promise<SqlEngine> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  // A connection lost later must not end the process with an unhandled 'error' event.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    throw new SqlRunError(messageOf(error), 'connect');
  }
  const run = async (sql: string, phase: 'describe' | 'query') => {
    try {
      return await client.query({ text: sql, rowMode: 'array' });
    } catch (error) {
      throw new SqlRunError(messageOf(error), phase);
    }
  };
  const version = String((await run('SHOW server_version', 'query')).rows[0]![0]);
  return {
    dialect: postgres,
    version: `postgresql ${version}`,
    async describe(from: string): Promise<SqlColumn[]> {
      const result = await run(`SELECT * FROM ${from} LIMIT 0`, 'describe');
      const types = await run(
        `SELECT oid, upper(format_type(oid, NULL)) FROM pg_type WHERE oid IN (${[0, ...result.fields.map((f) => f.dataTypeID)].join(', ')})`,
        'describe',
      );
      const names = new Map(types.rows.map((r) => [Number(r[0]), String(r[1])]));
      return result.fields.map((f) => ({ name: f.name, type: names.get(f.dataTypeID) ?? String(f.dataTypeID) }));
    },
    async all(sql: string): Promise<Array<Record<string, unknown>>> {
      const result = await run(sql, 'query');
      return result.rows.map((row) => Object.fromEntries(result.fields.map((f, i) => [f.name, plain((row as unknown[])[i], NUMERIC_TYPES.has(f.dataTypeID))])));
    },
    async close(): Promise<void> {
      await client.end().catch(() => undefined);
    },
  };
}

/**
 * The embedded DuckDB engine: an in-memory database per scoring run, reading case files
 * (CSV, NDJSON, Parquet) in place on as many threads as asked.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { duckdb } from './sql-dialect.js';
import { SqlRunError, type SqlColumn, type SqlEngine } from './sql-engine.js';

function plain(value: unknown): unknown {
  return typeof value === 'bigint' ? Number(value) : value;
}

function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).trim();
}

export async function openDuckDb(threads?: number): Promise<SqlEngine> {
  let connection: DuckDBConnection;
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(':memory:', threads !== undefined ? { threads: String(threads) } : {});
    connection = await instance.connect();
  } catch (error) {
    throw new SqlRunError(messageOf(error), 'connect');
  }
  const all = async (sql: string, phase: 'describe' | 'query'): Promise<Array<Record<string, unknown>>> => {
    try {
      const reader = await connection.runAndReadAll(sql);
      return reader.getRowObjects().map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, plain(v)])));
    } catch (error) {
      throw new SqlRunError(messageOf(error), phase);
    }
  };
  const version = String((await all('SELECT version() AS v', 'query'))[0]!.v);
  return {
    dialect: duckdb,
    version: `duckdb ${version}`,
    async describe(from: string): Promise<SqlColumn[]> {
      const rows = await all(`DESCRIBE SELECT * FROM ${from}`, 'describe');
      return rows.map((r) => ({ name: String(r.column_name), type: String(r.column_type).toUpperCase() }));
    },
    all: (sql) => all(sql, 'query'),
    async close(): Promise<void> {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

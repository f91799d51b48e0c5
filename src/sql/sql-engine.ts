/**
 * The small interface a SQL engine is run through: describe a relation's columns, run a query
 * and read its rows as plain values. DuckDB (embedded) and PostgreSQL implement it.
 */
import type { SqlDialect } from './sql-dialect.js';

export interface SqlColumn {
  name: string;
  /** The engine's name for its type, in upper case (VARCHAR, DOUBLE, INTEGER[], …). */
  type: string;
}

export interface SqlEngine {
  readonly dialect: SqlDialect;
  /** The engine's name and version, for provenance (e.g. `duckdb v1.5.6`). */
  readonly version: string;
  /** The columns of what `from` reads. */
  describe(from: string): Promise<SqlColumn[]>;
  /** The rows of a query, with numbers as numbers and text as text. */
  all(sql: string): Promise<Array<Record<string, unknown>>>;
  close(): Promise<void>;
}

/** A failure the engine reported, with the engine's own message. */
export class SqlRunError extends Error {
  constructor(
    message: string,
    readonly phase: 'connect' | 'describe' | 'query',
  ) {
    super(message);
  }
}

/** The first line of an engine's message that says something (its messages may span lines, with context). */
export function firstLine(text: string): string {
  return (
    text
      .split('\n')
      .find((l) => l.trim() !== '')
      ?.trim() ?? text
  );
}

/**
 * The query cannot vouch for its counts of this source (a file DuckDB and the interpreter read
 * apart: a line DuckDB's reader refuses or numbers differently, an id only the interpreter can
 * spell): the interpreter reads the whole source instead. Thrown before anything is counted.
 */
export class SourceNotVouched extends Error {}

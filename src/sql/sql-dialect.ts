/**
 * What differs between the SQL engines the compiler targets: how identifiers and literals are
 * written, the names of two types, and how a regular expression is matched. Everything a pack
 * contributes to a query (column names, level ids, fact values) goes through `identifier` or
 * `text`, so no pack text can end a literal or a name early.
 */

export interface SqlDialect {
  name: 'duckdb' | 'postgres';
  /** A quoted identifier. */
  identifier: (name: string) => string;
  /** A string literal. */
  text(value: string): string;
  /** A double-precision literal (finite, or ±Infinity). */
  number(value: number): string;
  /** The expression cast to text. */
  castText(expr: string): string;
  /** The expression (text that is known to be a plain decimal number) cast to a double. */
  castNumber(expr: string): string;
  /** Whether the text expression matches the whole of a pattern (a pattern written here, never a pack's). */
  matches(expr: string, pattern: string): string;
  /** An aggregate counting the rows a (never NULL) condition holds for. */
  countWhere(condition: string): string;
  /** A list (array) of counts (BIGINT, or NULL). */
  list(items: string[]): string;
  /** Select-list items that turn lists of `length` items into rows: `q` (the index from 0) and each list's item, side by side. */
  unnestIndexed(lists: Array<{ list: string; as: string }>, length: number): string;
}

/** A problem with pack text that no SQL literal or identifier can carry (a NUL character). */
export class SqlTextError extends Error {}

function refuseNul(value: string, what: string): void {
  if (value.includes('\u0000')) throw new SqlTextError(`${what} ${JSON.stringify(value)} holds a NUL character, which SQL text cannot carry`);
}

/** Standard SQL: an identifier in double quotes, an embedded quote doubled. */
function quoteIdentifier(name: string): string {
  refuseNul(name, 'the name');
  return `"${name.replaceAll('"', '""')}"`;
}

/** Standard SQL: a string in single quotes, an embedded quote doubled. */
function quoteText(value: string): string {
  refuseNul(value, 'the value');
  return `'${value.replaceAll("'", "''")}'`;
}

function numberText(value: number): string {
  if (Number.isNaN(value)) throw new SqlTextError('NaN has no SQL literal here');
  // String() gives the shortest text that reads back as the same double.
  return value === Infinity ? 'Infinity' : value === -Infinity ? '-Infinity' : Object.is(value, -0) ? '-0' : String(value);
}

export const duckdb: SqlDialect = {
  name: 'duckdb',
  identifier: quoteIdentifier,
  // DuckDB's strings never treat a backslash as an escape.
  text: quoteText,
  number: (value) => `CAST('${numberText(value)}' AS DOUBLE)`,
  castText: (expr) => `CAST(${expr} AS VARCHAR)`,
  castNumber: (expr) => `CAST(${expr} AS DOUBLE)`,
  matches: (expr, pattern) => `regexp_full_match(${expr}, ${quoteText(pattern)})`,
  // count_if is several times faster than FILTER here: DuckDB slices every input column for each filtered aggregate.
  countWhere: (condition) => `count_if(${condition})`,
  list: (items) => `[${items.join(', ')}]`,
  // Unnests in one select list run side by side.
  unnestIndexed: (lists, length) => [`unnest(range(${length})) AS q`, ...lists.map((l) => `unnest(${l.list}) AS ${l.as}`)].join(', '),
};

export const postgres: SqlDialect = {
  name: 'postgres',
  identifier: quoteIdentifier,
  // An E'' string reads the same whatever standard_conforming_strings says: backslashes doubled.
  text: (value) => (value.includes('\\') ? `E${quoteText(value.replaceAll('\\', '\\\\'))}` : quoteText(value)),
  number: (value) => `CAST('${numberText(value)}' AS DOUBLE PRECISION)`,
  castText: (expr) => `CAST(${expr} AS TEXT)`,
  castNumber: (expr) => `CAST(${expr} AS DOUBLE PRECISION)`,
  matches: (expr, pattern) => `(${expr} ~ ${quoteText(`^(?:${pattern})$`)})`,
  countWhere: (condition) => `count(*) FILTER (WHERE ${condition})`,
  list: (items) => `ARRAY[${items.join(', ')}]::BIGINT[]`,
  // Set-returning functions in one select list run in lockstep (PostgreSQL 10 and later).
  unnestIndexed: (lists, length) => [`generate_series(0, ${length - 1}) AS q`, ...lists.map((l) => `unnest(${l.list}) AS ${l.as}`)].join(', '),
};

export const DIALECTS = { duckdb, postgres } as const;
export type DialectName = keyof typeof DIALECTS;

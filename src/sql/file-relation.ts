/**
 * How DuckDB reads a case file in place, as the interpreter's readers read it: a CSV with a
 * header row, commas, double quotes (doubled inside quotes) and every cell as text; a Parquet
 * file as it is (its values are read as text by the query).
 */
import type { SqlDialect } from './sql-dialect.js';

export function fileRelation(file: string, format: 'csv' | 'parquet', dialect: SqlDialect): string {
  const path = dialect.text(file);
  if (format === 'parquet') return `read_parquet(${path})`;
  return `read_csv(${path}, header = true, all_varchar = true, delim = ',', quote = '"', escape = '"', strict_mode = true)`;
}

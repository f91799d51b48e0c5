/**
 * How DuckDB reads a case file in place, as the interpreter's readers read it: a CSV with a
 * header row, commas, double quotes (doubled inside quotes) and every cell as text; a Parquet
 * file as it is (its values are read as text by the query).
 *
 * Given the CSV's header names (read as the interpreter reads them), DuckDB is told the columns
 * instead of sniffing the file for them: a sniff reads a sample of the file at every query.
 */
import type { SqlDialect } from './sql-dialect.js';

export function fileRelation(file: string, format: 'csv' | 'parquet', dialect: SqlDialect, header?: readonly string[]): string {
  const path = dialect.text(file);
  if (format === 'parquet') return `read_parquet(${path})`;
  const columns = header ? `auto_detect = false, columns = {${header.map((name) => `${dialect.text(name)}: 'VARCHAR'`).join(', ')}}` : 'all_varchar = true';
  return `read_csv(${path}, header = true, ${columns}, delim = ',', quote = '"', escape = '"', strict_mode = true)`;
}

/**
 * `criteria sql <pack> [--thematic <folder>…] [--dialect duckdb|postgres]`: prints the SQL that
 * counts a pack's cases where they live (what `criteria score --engine …` runs), for a data team
 * to review or schedule. Exit 0 printed, 1 when the packs have errors.
 */
import { Option } from 'commander';
import type { Command } from 'commander';

interface SqlCommandOptions {
  thematic?: string[];
  dialect: 'duckdb' | 'postgres';
  table: string;
  schema?: string;
  file?: string;
  area?: string;
  problems?: boolean;
}

export function register(program: Command): void {
  program
    .command('sql')
    .description("print the SQL query that counts a pack's cases in a table or file of cases")
    .argument('<pack>', 'a methodology pack folder')
    .option('--thematic <folder...>', 'include these thematic packs')
    .addOption(new Option('--dialect <dialect>', 'the SQL dialect').choices(['duckdb', 'postgres']).default('duckdb'))
    .option('--table <name>', 'the table or view of cases (columns as in the CSV case format)', 'cases')
    .option('--schema <name>', "the table's schema")
    .option('--file <path>', 'read a CSV, NDJSON or Parquet file instead of a table (DuckDB)')
    .option('--area <json>', 'the area facts conditions read, as a JSON object (missing ones read as missing)')
    .option('--problems', 'print the companion query instead: the cases the count leaves to the interpreter')
    .action(async (packPath: string, options: SqlCommandOptions) => {
      process.exitCode = await runSql(packPath, options);
    });
}

async function runSql(packPath: string, options: SqlCommandOptions): Promise<number> {
  const { loadPack } = await import('../../pipeline/load-pack.js');
  const { printDiagnostics } = await import('../print-diagnostics.js');
  const loaded = loadPack(packPath);
  if ('errors' in loaded) {
    await printDiagnostics(loaded.errors, 'text');
    return 1;
  }
  const thematics = [];
  for (const path of options.thematic ?? []) {
    const t = loadPack(path, { methodology: loaded.pack });
    if ('errors' in t) {
      await printDiagnostics(t.errors, 'text');
      return 1;
    }
    thematics.push(t.pack);
  }
  let area: Record<string, unknown> = {};
  if (options.area !== undefined) {
    try {
      area = JSON.parse(options.area) as Record<string, unknown>;
    } catch {
      area = null as unknown as Record<string, unknown>;
    }
    if (area === null || typeof area !== 'object' || Array.isArray(area)) {
      process.stderr.write(`error USAGE: --area takes a JSON object of area facts, e.g. '{"toolInUse": true}'\n`);
      return 2;
    }
  }
  if (options.file !== undefined && options.dialect !== 'duckdb') {
    process.stderr.write('error USAGE: --file is read by DuckDB; use --dialect duckdb, or --table for PostgreSQL\n');
    return 2;
  }
  const { compilePlan } = await import('../../compile/compile-pack.js');
  const { printCaseQuery } = await import('../../sql/print-case-query.js');
  const printed = printCaseQuery(compilePlan(loaded.pack, thematics), { ...options, area });
  if ('errors' in printed) {
    await printDiagnostics(printed.errors, 'text');
    return 1;
  }
  process.stdout.write(printed.sql);
  return 0;
}

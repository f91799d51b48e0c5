/**
 * `criteria score <inspection>`: scores an inspection and prints the scoring summary sheet (or
 * JSON, Markdown, HTML). Exit 0 scored, 1 when the packs or the inspection have errors.
 */
import { Option } from 'commander';
import type { Command } from 'commander';

interface ScoreCommandOptions {
  format: 'table' | 'json' | 'markdown' | 'html';
  out?: string;
  excludeInvalid?: boolean;
  pack?: string;
  detail: boolean;
  color?: boolean;
  workers?: string;
  root?: string;
  engine?: 'interpreter' | 'duckdb' | 'postgres';
}

export function register(program: Command): void {
  program
    .command('score')
    .description('score an inspection and print its scoring summary sheet')
    .argument('<inspection>', 'an inspection file (YAML or JSON), or a folder holding inspection.yaml')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json', 'markdown', 'html']).default('table'))
    .option('--out <file>', 'write the output to a file (written atomically) instead of standard output')
    .option('--exclude-invalid', 'leave out cases whose data is wrong, listing them and why, instead of failing')
    .option('--pack <folder>', "score with this methodology pack instead of the inspection's")
    .option('--no-detail', 'print only the summary sheet, without the questions, items and targets')
    .option('--color', 'colour the sheet for a terminal')
    .option('--root <folder>', 'read no file outside this folder (the inspection, its packs, its case file)')
    .option('--workers <n>', 'count the cases on n worker threads (for large inputs; the result is the same); with --engine duckdb, its threads')
    .addOption(
      new Option(
        '--engine <engine>',
        'count the cases where they live: duckdb reads CSV and Parquet files in place; postgres reads a database table (see docs/sql.md)',
      )
        .choices(['interpreter', 'duckdb', 'postgres'])
        .default('interpreter'),
    )
    .action(async (inspection: string, options: ScoreCommandOptions) => {
      process.exitCode = await runScore(inspection, options);
    });
}

export async function runScore(target: string, options: ScoreCommandOptions): Promise<number> {
  const { resolveInspectionPath } = await import('../resolve-inspection-path.js');
  const { scoreInspectionFile } = await import('../../pipeline/score-file.js');
  const { printDiagnostics } = await import('../print-diagnostics.js');
  const { startProgress } = await import('../show-progress.js');
  const workers = options.workers === undefined ? 1 : Number(options.workers);
  if (!Number.isInteger(workers) || workers < 1 || workers > 64) {
    const { printError } = await import('../print-diagnostics.js');
    await printError(
      'USAGE',
      `--workers takes a whole number from 1 to 64, got '${options.workers}'`,
      'give --workers 1 to 64, or leave it out for one thread',
      options.format,
    );
    return 2;
  }
  const path = resolveInspectionPath(target);
  const progress = await startProgress(await caseFileOf(path, options.root));
  const engine = options.engine ?? 'interpreter';
  if (engine !== 'interpreter' && options.root !== undefined) {
    process.stderr.write("error USAGE: --root confines the interpreter's reads; with --engine the SQL engine reads the cases\n");
    return 2;
  }
  const scored =
    engine === 'interpreter'
      ? await scoreInspectionFile(path, {
          ...(options.pack ? { pack: options.pack } : {}),
          ...(options.root !== undefined ? { root: options.root } : {}),
          excludeInvalid: options.excludeInvalid === true,
          workers,
          onProgress: (read) => progress.update(read),
        })
      : await (
          await import('../../sql/score-with-sql.js')
        ).scoreInspectionWithSql(path, {
          ...(options.pack ? { pack: options.pack } : {}),
          excludeInvalid: options.excludeInvalid === true,
          engine,
          ...(options.workers !== undefined ? { threads: workers } : {}),
          onNote: (text) => process.stderr.write(`note: ${text}\n`),
        });
  progress.stop();
  if ('errors' in scored) {
    await printDiagnostics(scored.errors, options.format);
    return 1;
  }
  const { formatResult } = await import('../../report/index.js');
  const { reportDate } = await import('../report-date.js');
  const packs = [scored.opened.methodology, ...scored.opened.thematics];
  const text = formatResult(scored.result, options.format, { detail: options.detail, color: options.color === true, packs, date: reportDate() });
  const { writeOutput } = await import('../write-output.js');
  const { listInputFiles } = await import('../../pipeline/list-input-files.js');
  const problem = writeOutput(text, options.out, listInputFiles(scored.opened), options.format, options.color === true);
  if (problem) {
    const { printError } = await import('../print-diagnostics.js');
    await printError(problem.code, problem.message, problem.hint, options.format);
    return 1;
  }
  // Every case accounted for; the table sheet on standard output already ends with this line.
  const { hasCaseSample } = await import('../../report/describe-cases.js');
  if ((options.format !== 'table' || options.out !== undefined) && hasCaseSample(scored.result)) {
    const { printText } = await import('../print-text.js');
    printText(`${accountLine(scored.result.cases)}\n`, { stream: 'stderr' });
  }
  return 0;
}

function accountLine(cases: {
  read: number;
  scored: number;
  relevantToNone: number;
  excluded: Array<{ id?: string; position: number; reasons: string[] }>;
}): string {
  const lines = [`cases: ${cases.read} read, ${cases.scored} scored (${cases.relevantToNone} relevant to no question), ${cases.excluded.length} excluded`];
  for (const e of cases.excluded.slice(0, 20)) lines.push(`  excluded ${e.id ?? `the case at position ${e.position}`}: ${e.reasons.join('; ')}`);
  if (cases.excluded.length > 20) lines.push(`  … and ${cases.excluded.length - 20} more excluded (listed in the result)`);
  return lines.join('\n');
}

/** The case file an inspection names, if any (for the progress bar's estimate). */
async function caseFileOf(path: string, root: string | undefined): Promise<{ file: string; format: string } | undefined> {
  if (!process.stderr.isTTY) return undefined;
  const { isInsideRoot } = await import('../../load/confine-path.js');
  if (root !== undefined && !isInsideRoot(path, root)) return undefined;
  const { loadInspectionFile } = await import('../../pipeline/load-pack.js');
  const { caseFileOf: fileOf } = await import('../../pipeline/load-inspection.js');
  const loaded = loadInspectionFile(path);
  return 'errors' in loaded ? undefined : (fileOf(loaded.inspection.cases, path) ?? undefined);
}

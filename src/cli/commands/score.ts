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
    .action(async (inspection: string, options: ScoreCommandOptions) => {
      process.exitCode = await runScore(inspection, options);
    });
}

export async function runScore(target: string, options: ScoreCommandOptions): Promise<number> {
  const { resolveInspectionPath } = await import('../resolve-inspection-path.js');
  const { scoreInspectionFile } = await import('../../score-file.js');
  const { printDiagnostics } = await import('../print-diagnostics.js');
  const path = resolveInspectionPath(target);
  const scored = await scoreInspectionFile(path, { ...(options.pack ? { pack: options.pack } : {}), excludeInvalid: options.excludeInvalid === true });
  if ('errors' in scored) {
    await printDiagnostics(scored.errors, options.format);
    return 1;
  }
  const { formatResult } = await import('../../report/index.js');
  const text = formatResult(scored.result, options.format, { detail: options.detail, color: options.color === true });
  const { writeOutput } = await import('../write-output.js');
  const problem = writeOutput(text, options.out);
  if (problem) {
    process.stderr.write(`error OUTPUT_WRITE: ${problem}\n`);
    return 1;
  }
  return 0;
}

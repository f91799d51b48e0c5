/**
 * `criteria validate <paths...>`: loads and checks each pack (a thematic with its methodology)
 * and prints `ok …` or every error with its source line; `--format json` prints one JSON report.
 * Exit 0 when every pack is valid, 1 otherwise.
 */
import { Option } from 'commander';
import type { Command } from 'commander';
import type { Diagnostic } from '../../model/errors.js';

/** One pack's outcome, as `--format json` prints it. */
export interface PackReport {
  path: string;
  valid: boolean;
  errors: Diagnostic[];
  warnings: Diagnostic[];
}

export function register(program: Command): void {
  program
    .command('validate')
    .description('check rule packs: their YAML, their shape (JSON Schema) and their meaning (references, conditions, bands)')
    .argument('<paths...>', 'pack folders or root files; a thematic is checked with its methodology')
    .addOption(new Option('--format <format>', 'how to print the outcome').choices(['text', 'json']).default('text'))
    .option('--root <folder>', "read no file outside this folder (a pack, or a thematic's methodology, elsewhere is an error)")
    .action(async (paths: string[], options: { format: 'text' | 'json'; root?: string }) => {
      process.exitCode = await runValidate(paths, options.format, options.root);
    });
}

/** Validates the packs at `paths`, prints the outcome, and returns the exit code. */
export async function runValidate(paths: readonly string[], format: 'text' | 'json', root?: string): Promise<number> {
  const { loadPack } = await import('../../pipeline/load-pack.js');
  const { formatDiagnostics } = await import('../../check/format-diagnostic.js');
  const { printJson, printText } = await import('../print-text.js');
  const reports: PackReport[] = [];
  // Text: the `ok` lines are the result (standard output); errors and warnings are diagnostics (standard error).
  const say = (block: string, stream: 'stdout' | 'stderr') => {
    if (format === 'text') printText(block.includes('\n') ? `${block}\n\n` : `${block}\n`, { stream });
  };
  for (const path of paths) {
    const loaded = loadPack(path, root !== undefined ? { root } : {});
    if ('errors' in loaded) {
      reports.push({ path, valid: false, errors: loaded.errors, warnings: [] });
      say(formatDiagnostics(loaded.errors, { label: path }), 'stderr');
      continue;
    }
    const { pack, warnings } = loaded;
    reports.push({ path, valid: true, errors: [], warnings });
    const criteria = pack.criteria ?? [];
    const questions = criteria.reduce((n, c) => n + (c.questions?.length ?? 0), 0);
    const own = pack.sections.filter((s) => s.items !== undefined);
    const ownItems = own.reduce((n, s) => n + (s.items?.length ?? 0), 0);
    const rated =
      own.length > 0
        ? `, ${plural(own.length, 'section', 'sections')} rated from ${plural(ownItems, 'item', 'items')} of ${own.length === 1 ? 'its' : 'their'} own`
        : '';
    say(
      `ok ${path} (${pack.id} ${pack.version}): ${plural(criteria.length, 'criterion', 'criteria')}, ${plural(questions, 'question', 'questions')}${rated}`,
      'stdout',
    );
    if (warnings.length > 0) say(formatDiagnostics(warnings, { label: path }), 'stderr');
  }
  // JSON: one report, the validation's result, on standard output.
  if (format === 'json') printJson({ packs: reports });
  return reports.every((r) => r.valid) ? 0 : 1;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

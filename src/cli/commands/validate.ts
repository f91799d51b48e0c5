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
    .action(async (paths: string[], options: { format: 'text' | 'json' }) => {
      process.exitCode = await runValidate(paths, options.format);
    });
}

/** Validates the packs at `paths`, prints the outcome, and returns the exit code. */
export async function runValidate(paths: readonly string[], format: 'text' | 'json'): Promise<number> {
  const { loadPack } = await import('../../load/load-pack.js');
  const { formatDiagnostics } = await import('../../check/format-diagnostic.js');
  const reports: PackReport[] = [];
  const out: string[] = [];
  for (const path of paths) {
    const loaded = loadPack(path);
    if ('errors' in loaded) {
      reports.push({ path, valid: false, errors: loaded.errors, warnings: [] });
      out.push(formatDiagnostics(loaded.errors, { label: path }));
      continue;
    }
    const { pack, warnings } = loaded;
    reports.push({ path, valid: true, errors: [], warnings });
    const criteria = pack.criteria ?? [];
    const questions = criteria.reduce((n, c) => n + (c.questions?.length ?? 0), 0);
    const own = pack.sections.filter((s) => s.items !== undefined);
    const ownItems = own.reduce((n, s) => n + (s.items?.length ?? 0), 0);
    const rated = own.length > 0 ? `, ${plural(own.length, 'section', 'sections')} rated from ${plural(ownItems, 'item', 'items')} of ${own.length === 1 ? 'its' : 'their'} own` : '';
    out.push(`ok ${path} (${pack.id} ${pack.version}): ${plural(criteria.length, 'criterion', 'criteria')}, ${plural(questions, 'question', 'questions')}${rated}`);
    if (warnings.length > 0) out.push(formatDiagnostics(warnings, { label: path }));
  }
  if (format === 'json') process.stdout.write(JSON.stringify({ packs: reports }, null, 2) + '\n');
  else process.stdout.write(out.map((block) => (block.includes('\n') ? `${block}\n` : block)).join('\n') + '\n');
  return reports.every((r) => r.valid) ? 0 : 1;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

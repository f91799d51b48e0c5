/**
 * `criteria compare <inspections...>`: scores several inspections of the same methodology and
 * puts them side by side, a column per area (table, Markdown, JSON or HTML). Refuses, exit 1,
 * when they use different methodology packs; different versions of one pack are compared with a
 * warning. Exit 1 when an inspection has errors, 2 on a usage error.
 */
import { Option } from 'commander';
import type { Command } from 'commander';

interface CompareOptions {
  format: 'table' | 'json' | 'markdown' | 'html';
  out?: string;
  excludeInvalid?: boolean;
  color?: boolean;
  root?: string;
}

export function register(program: Command): void {
  program
    .command('compare')
    .description('put several inspections of the same methodology side by side')
    .argument('<inspections...>', 'inspection files, or folders holding inspection.yaml')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json', 'markdown', 'html']).default('table'))
    .option('--out <file>', 'write the output to a file (written atomically) instead of standard output')
    .option('--exclude-invalid', 'leave out cases whose data is wrong, instead of failing')
    .option('--color', 'colour the table for a terminal')
    .option('--root <folder>', 'read no file outside this folder (the inspection, its packs, its case file)')
    .action(async (inspections: string[], options: CompareOptions) => {
      process.exitCode = await runCompare(inspections, options);
    });
}

export async function runCompare(targets: string[], options: CompareOptions): Promise<number> {
  if (targets.length < 2) {
    const { printError } = await import('../print-diagnostics.js');
    await printError('USAGE', 'name at least two inspections to compare', undefined, options.format === 'json' ? 'json' : 'text');
    return 2;
  }
  const { resolveInspectionPath } = await import('../resolve-inspection-path.js');
  const { scoreInspectionFile } = await import('../../pipeline/score-file.js');
  const { printDiagnostics, printError } = await import('../print-diagnostics.js');
  const { listInputFiles } = await import('../../pipeline/list-input-files.js');
  const results = [];
  const inputs: string[] = [];
  for (const target of targets) {
    const scored = await scoreInspectionFile(resolveInspectionPath(target), {
      excludeInvalid: options.excludeInvalid === true,
      ...(options.root !== undefined ? { root: options.root } : {}),
    });
    if ('errors' in scored) {
      await printDiagnostics(scored.errors, options.format === 'json' ? 'json' : 'text');
      return 1;
    }
    results.push({ target, result: scored.result });
    inputs.push(...listInputFiles(scored.opened));
  }
  const packs = new Map<string, string[]>();
  for (const { target, result } of results) packs.set(result.provenance.pack, [...(packs.get(result.provenance.pack) ?? []), target]);
  if (packs.size > 1) {
    const list = [...packs].map(([pack, files]) => `${pack} (${files.join(', ')})`).join('; ');
    await printError(
      'USAGE',
      `these inspections use different methodology packs: ${list}`,
      'compare inspections of one methodology; their results cannot be lined up criterion by criterion',
      options.format === 'json' ? 'json' : 'text',
    );
    return 1;
  }
  // The same pack id and version with different content: one was changed without a new version.
  const versions = new Map<string, Set<string>>();
  for (const { result } of results) {
    const key = `${result.provenance.pack} ${result.provenance.version}`;
    versions.set(key, (versions.get(key) ?? new Set()).add(result.provenance.sha256));
  }
  for (const [key, hashes] of versions) {
    if (hashes.size > 1)
      await printDiagnostics(
        [
          {
            code: 'INSPECTION_PACK_VERSION',
            severity: 'warning',
            message: `the inspections were scored with ${key} of ${hashes.size} different contents (sha256 ${[...hashes].map((h) => h.slice(0, 12)).join(', ')})`,
            hint: 'the pack was changed without a new version: give the changed pack a new version, and compare results of one content',
          },
        ],
        options.format === 'json' ? 'json' : 'text',
      );
  }
  const { formatComparison } = await import('../../report/index.js');
  const { reportDate } = await import('../report-date.js');
  const text = formatComparison(
    results.map((r) => r.result),
    options.format,
    { color: options.color === true, date: reportDate() },
  );
  const { writeOutput } = await import('../write-output.js');
  const problem = writeOutput(text, options.out, inputs, options.format, options.color === true);
  if (problem) {
    await printError(problem.code, problem.message, problem.hint, options.format === 'json' ? 'json' : 'text');
    return 1;
  }
  return 0;
}

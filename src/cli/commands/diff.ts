/**
 * `criteria diff <old pack> <new pack>`: what changed between two versions of a pack, the semver
 * bump that calls for, and whether the versions written make it; `--cases` scores inspections
 * under both versions and shows what moved. Exit 0 when the written bump is enough, 1 when it is
 * too small or a pack has errors, 2 on a usage error.
 */
import { dirname, join } from 'node:path';
import { Option } from 'commander';
import type { Command } from 'commander';

interface DiffOptions {
  format: 'text' | 'json' | 'html';
  cases?: string[];
}

export function register(program: Command): void {
  program
    .command('diff')
    .description('what changed between two versions of a pack, the version bump it needs, and (with --cases) what it does to inspections')
    .argument('<old>', 'the old version: a pack folder or root file')
    .argument('<new>', 'the new version')
    .option('--cases <inspections...>', 'score these inspections under both versions and show what changed')
    .addOption(new Option('--format <format>', 'how to print the diff: text, JSON, or an HTML page').choices(['text', 'json', 'html']).default('text'))
    .action(async (before: string, after: string, options: DiffOptions) => {
      process.exitCode = await runDiff(before, after, options);
    });
}

export async function runDiff(beforePath: string, afterPath: string, options: DiffOptions): Promise<number> {
  const { loadPack } = await import('../../pipeline/load-pack.js');
  const { printDiagnostics } = await import('../print-diagnostics.js');
  const before = loadPack(beforePath);
  if ('errors' in before) {
    await printDiagnostics(before.errors, options.format === 'json' ? 'json' : 'text');
    return 1;
  }
  const after = loadPack(afterPath);
  if ('errors' in after) {
    await printDiagnostics(after.errors, options.format === 'json' ? 'json' : 'text');
    return 1;
  }
  if (before.pack.id !== after.pack.id) {
    const { printError } = await import('../print-diagnostics.js');
    await printError(
      'USAGE',
      `${beforePath} is pack ${before.pack.id} and ${afterPath} pack ${after.pack.id}; diff compares two versions of one pack`,
      'name two versions of the same pack (the same id)',
      options.format,
    );
    return 2;
  }
  if (before.pack.kind !== after.pack.kind) {
    const { printError } = await import('../print-diagnostics.js');
    await printError(
      'USAGE',
      `${beforePath} is a ${before.pack.kind} and ${afterPath} a ${after.pack.kind}; diff two versions of one pack`,
      undefined,
      options.format,
    );
    return 2;
  }
  const { diffPacks, requiredBump } = await import('../../diff/diff-packs.js');
  const { judgeVersion } = await import('../../diff/judge-version.js');
  const { loadPackFiles } = await import('../../pipeline/load-pack.js');
  // A thematic may weigh and answer with its methodology's weight classes and scales.
  const methodologyOf = (pack: typeof before.pack) => {
    if (pack.kind !== 'thematic' || pack.attachesTo?.path === undefined || !pack.files?.[0]) return undefined;
    const loaded = loadPackFiles(join(dirname(pack.files[0]), pack.attachesTo.path));
    return 'errors' in loaded ? undefined : loaded.pack;
  };
  const changes = diffPacks(before.pack, after.pack, { before: methodologyOf(before.pack), after: methodologyOf(after.pack) });
  const verdict = judgeVersion(before.pack.version, after.pack.version, requiredBump(changes));
  const { hashPack } = await import('../../compile/hash-pack.js');
  const { ENGINE } = await import('../../engine-version.js');
  const report: import('../../diff/format-diff.js').PackDiffReport = {
    before: { path: beforePath, id: before.pack.id, version: before.pack.version, sha256: hashPack(before.pack) },
    after: { path: afterPath, id: after.pack.id, version: after.pack.version, sha256: hashPack(after.pack) },
    engine: ENGINE,
    changes,
    verdict,
  };
  if (options.cases && options.cases.length > 0) {
    const { measureImpact } = await import('../../diff/measure-impact.js');
    const { resolveInspectionPath } = await import('../resolve-inspection-path.js');
    report.impact = await measureImpact(options.cases.map(resolveInspectionPath), {
      before: { path: beforePath, pack: before.pack },
      after: { path: afterPath, pack: after.pack },
    });
  }
  if (options.format === 'html') {
    const { formatDiffHtml } = await import('../../diff/format-diff-html.js');
    const { reportDate } = await import('../report-date.js');
    process.stdout.write(formatDiffHtml(report, { date: reportDate() }));
    return verdict.ok ? 0 : 1;
  }
  const { formatDiffText, formatDiffJson } = await import('../../diff/format-diff.js');
  const { safeOutput } = await import('../print-text.js');
  process.stdout.write(safeOutput(options.format === 'json' ? formatDiffJson(report) : formatDiffText(report), options.format));
  // An inspection that could not be scored under a version is an error of the run, shown in the report.
  if (report.impact?.inspections.some((i) => i.errors !== undefined)) return 1;
  return verdict.ok ? 0 : 1;
}

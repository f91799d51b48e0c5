/**
 * `criteria test <packs...>`: runs the tests each pack carries in tests/*.yaml, prints pass or fail
 * with expected against actual, and a closing `N passed, N failed` line. `--coverage` also lists
 * what no test exercised. Exit 1 when any test fails or a test file is malformed.
 */
import { Option } from 'commander';
import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('test')
    .description('run the tests a pack carries in its tests/ folder')
    .argument('<packs...>', 'pack folders')
    .option('--coverage', 'list what no test exercised: questions, band rules, thresholds, weight classes')
    .addOption(
      new Option('--format <format>', 'how to print the outcome: text, JSON, or an HTML test report').choices(['text', 'json', 'html']).default('text'),
    )
    .action(async (packs: string[], options: { coverage?: boolean; format: 'text' | 'json' | 'html' }) => {
      const { runPackTests } = await import('../../tester/run-pack-tests.js');
      const { measureCoverage } = await import('../../tester/measure-coverage.js');
      const { formatOutcomes, formatCoverage } = await import('../../tester/format-test-run.js');
      const { printDiagnostics } = await import('../print-diagnostics.js');
      const { printJson, printText } = await import('../print-text.js');
      let passed = 0;
      let failed = 0;
      const report: unknown[] = [];
      const pages: import('../../tester/format-tests-html.js').PackTestReport[] = [];
      for (const path of packs) {
        const run = await runPackTests(path);
        if ('errors' in run) {
          failed++;
          if (options.format === 'json') report.push({ path, errors: run.errors });
          else if (options.format === 'html') pages.push({ path, outcomes: [], errors: run.errors });
          else await printDiagnostics(run.errors, 'text');
          continue;
        }
        passed += run.outcomes.filter((o) => o.passed).length;
        failed += run.outcomes.filter((o) => !o.passed).length;
        const coverage = options.coverage ? measureCoverage(run.pack, run.results) : undefined;
        if (options.format === 'json') {
          report.push({ path, pack: run.pack.id, version: run.pack.version, outcomes: run.outcomes, ...(coverage ? { coverage } : {}) });
          continue;
        }
        if (options.format === 'html') {
          pages.push({ path, pack: run.pack.id, version: run.pack.version, outcomes: run.outcomes, ...(coverage ? { coverage } : {}) });
          continue;
        }
        const label = `${path} (${run.pack.id} ${run.pack.version}): ${run.outcomes.length === 0 ? 'no tests' : `${run.outcomes.length} tests, each scoring this pack`}`;
        printText(formatOutcomes(label, run.outcomes) + '\n');
        if (coverage) printText(formatCoverage(coverage) + '\n');
      }
      if (options.format === 'json') printJson({ packs: report, passed, failed });
      else if (options.format === 'html') {
        const { formatTestsHtml } = await import('../../tester/format-tests-html.js');
        const { reportDate } = await import('../report-date.js');
        process.stdout.write(formatTestsHtml(pages, { date: reportDate() }));
      } else printText(`${passed} passed, ${failed} failed\n`);
      process.exitCode = failed > 0 ? 1 : 0;
    });
}

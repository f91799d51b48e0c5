/**
 * `criteria explain <inspection> <id>`: how one result was derived — a criterion, section,
 * question, evidence item, measure or `overall` (a thematic's ids prefixed `id:`) — in the
 * methodology's terms. `--case ID` follows one case through every question instead. Exit 0
 * explained, 1 when the inspection has errors or names no such result, 2 on a usage error.
 */
import { Option } from 'commander';
import type { Command } from 'commander';

interface ExplainOptions {
  case?: string;
  format: 'text' | 'json' | 'html';
  pack?: string;
  excludeInvalid?: boolean;
  root?: string;
}

export function register(program: Command): void {
  program
    .command('explain')
    .description('explain how a result was derived (criterion, section, question, item, measure or overall), or follow one case through every question')
    .argument('<inspection>', 'an inspection file, or a folder holding inspection.yaml')
    .argument('[id]', "the result to explain; a thematic's ids are prefixed with its id and a colon")
    .option('--case <id>', 'follow this case through every question instead')
    .addOption(
      new Option('--format <format>', 'text, a JSON trace tree { id, label, value, children }, or an HTML page')
        .choices(['text', 'json', 'html'])
        .default('text'),
    )
    .option('--pack <folder>', "score with this methodology pack instead of the inspection's")
    .option('--exclude-invalid', 'leave out cases whose data is wrong instead of failing')
    .option('--root <folder>', 'read no file outside this folder (the inspection, its packs, its case file)')
    .action(async (inspection: string, id: string | undefined, options: ExplainOptions) => {
      process.exitCode = await runExplain(inspection, id, options);
    });
}

export async function runExplain(inspection: string, id: string | undefined, options: ExplainOptions): Promise<number> {
  if ((id === undefined) === (options.case === undefined)) {
    const { printError } = await import('../print-diagnostics.js');
    await printError(
      'USAGE',
      id === undefined ? 'name a result id to explain, or give --case <id>' : 'give a result id or --case, not both',
      undefined,
      options.format,
    );
    return 2;
  }
  const { resolveInspectionPath } = await import('../resolve-inspection-path.js');
  const { explainInspection } = await import('../../explain/explain-inspection.js');
  const { printDiagnostics } = await import('../print-diagnostics.js');
  const target = options.case !== undefined ? { caseId: options.case } : { id: id! };
  const explained = await explainInspection(resolveInspectionPath(inspection), target, {
    ...(options.pack !== undefined ? { pack: options.pack } : {}),
    ...(options.root !== undefined ? { root: options.root } : {}),
    excludeInvalid: options.excludeInvalid === true,
  });
  if ('errors' in explained) {
    await printDiagnostics(explained.errors, options.format === 'json' ? 'json' : 'text');
    // Naming a result or case the inspection does not have is a usage error.
    return explained.errors.every((e) => e.code === 'USAGE') ? 2 : 1;
  }
  const depth = options.case !== undefined ? 2 : undefined;
  if (options.format === 'html') {
    const { formatTraceHtml } = await import('../../report/format-trace-html.js');
    const { reportDate } = await import('../report-date.js');
    process.stdout.write(formatTraceHtml(explained.trace, { inspection, date: reportDate(), ...(depth === undefined ? {} : { maxDepth: depth }) }));
    return 0;
  }
  const { renderTraceText, renderTraceJson } = await import('../../explain/render-trace.js');
  const { safeOutput } = await import('../print-text.js');
  process.stdout.write(safeOutput(options.format === 'json' ? renderTraceJson(explained.trace) : renderTraceText(explained.trace, depth), options.format));
  return 0;
}

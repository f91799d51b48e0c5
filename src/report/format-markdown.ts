import type { InspectionResult, PackResult } from '../model/result.js';
import { appendLines } from './append-lines.js';
import { buildSheet } from './build-sheet.js';
import { describeCases, describeExcluded, hasCaseSample } from './describe-cases.js';
import { describeProvenance } from './describe-provenance.js';
import { escapeMarkdown } from './escape-markdown.js';
import { renderDetailMarkdown } from './render-detail-markdown.js';
import { renderSheetMarkdown } from './render-sheet-markdown.js';
import { renderTargetsMarkdown } from './render-targets-markdown.js';

/** One pack's sheet, questions and evidence, and targets; `level` is its title's heading level. */
function renderPack(pack: PackResult, result: InspectionResult, level: number): string[] {
  const lines = renderSheetMarkdown(buildSheet(pack, result.area), level);
  const detail = renderDetailMarkdown(pack, level + 2);
  if (detail.length > 0) lines.push(`${'#'.repeat(level + 1)} Questions and evidence`, '', ...detail);
  const targets = renderTargetsMarkdown(pack, level + 2);
  if (targets.length > 0) lines.push(`${'#'.repeat(level + 1)} Targets`, '', ...targets);
  return lines;
}

function renderProvenance(result: InspectionResult): string[] {
  const lines = ['## Provenance', ''];
  for (const [label, value] of describeProvenance(result.provenance)) lines.push(`- ${label}: ${escapeMarkdown(value)}`);
  lines.push('');
  if (hasCaseSample(result)) lines.push(escapeMarkdown(describeCases(result.cases)), '');
  for (const excluded of result.cases.excluded) lines.push(`- excluded ${escapeMarkdown(describeExcluded(excluded))}`);
  if (result.cases.excluded.length > 0) lines.push('');
  return lines;
}

/** The same content as the plain-text sheet, as GitHub-flavoured Markdown with tables. */
export function formatMarkdown(result: InspectionResult): string {
  const lines = renderPack(result, result, 1);
  for (const thematic of result.thematics) appendLines(lines, renderPack(thematic, result, 2));
  appendLines(lines, renderProvenance(result));
  return lines.join('\n').trimEnd() + '\n';
}

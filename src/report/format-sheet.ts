import type { InspectionResult, PackResult } from '../model/result.js';
import { appendLines } from './append-lines.js';
import { buildSheet } from './build-sheet.js';
import { describeCases, describeExcluded, hasCaseSample } from './describe-cases.js';
import { describeProvenance } from './describe-provenance.js';
import { resolveSheetOptions, type ResolvedSheetOptions, type SheetOptions } from './options.js';
import { padEnd } from './pad-text.js';
import { renderDetailText } from './render-detail-text.js';
import { renderSheetText } from './render-sheet-text.js';
import { renderTargetsText } from './render-targets-text.js';
import { pickStyle, type TextStyle } from './pick-style.js';

function renderPack(pack: PackResult, result: InspectionResult, options: ResolvedSheetOptions, style: TextStyle): string[] {
  const lines = renderSheetText(buildSheet(pack, result.area), options.width, style);
  if (options.detail) lines.push(...renderDetailText(pack, options.width, style));
  if (pack.targets.length > 0) lines.push(...renderTargetsText(pack, options.width, style));
  return lines;
}

function renderProvenance(result: InspectionResult, style: TextStyle): string[] {
  const entries = describeProvenance(result.provenance);
  const labelWidth = Math.max(...entries.map(([label]) => label.length));
  const lines = entries.map(([label, value]) => style.dim(`${padEnd(label, labelWidth)}  ${value}`));
  if (hasCaseSample(result)) lines.push(describeCases(result.cases));
  for (const excluded of result.cases.excluded) lines.push(`  excluded ${describeExcluded(excluded)}`);
  return lines;
}

/**
 * The scoring summary sheet in plain text for a terminal: per section a line per criterion with its
 * score or band in one right-hand column, the section and overall scores; then (with `detail`) the
 * questions and evidence items; the targets; each thematic as its own sheet; provenance and cases.
 */
export function formatSheet(result: InspectionResult, options?: SheetOptions): string {
  const resolved = resolveSheetOptions(options);
  const style = pickStyle(resolved.color);
  const lines = renderPack(result, result, resolved, style);
  for (const thematic of result.thematics) appendLines(lines, renderPack(thematic, result, resolved, style));
  appendLines(lines, renderProvenance(result, style));
  return lines.join('\n') + '\n';
}

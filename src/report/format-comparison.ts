import type { InspectionResult } from '../model/result.js';
import { buildComparison, type Comparison } from './build-comparison.js';
import { resolveSheetOptions, type ReportFormat, type SheetOptions } from './options.js';
import { renderComparisonHtml } from './render-comparison-html.js';
import { renderComparisonMarkdown } from './render-comparison-markdown.js';
import { renderComparisonText } from './render-comparison-text.js';
import { pickStyle } from './pick-style.js';

function toJson(comparison: Comparison): string {
  const doc = {
    ...(comparison.warning === null ? {} : { warning: comparison.warning }),
    areas: comparison.areas,
    rows: comparison.rows.map((row) => ({
      id: row.id,
      title: row.title,
      kind: row.kind,
      values: row.values.map((v) => (v === null ? null : { score: v.score, band: v.band, notRated: v.notRated, adjusted: v.adjusted })),
    })),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}

/**
 * Several inspections of the same pack side by side: a column per area, a row per criterion,
 * section, overall and thematic result. When the results come from different packs, the output
 * starts with a warning saying which (the caller decides whether to refuse).
 */
export function formatComparison(results: InspectionResult[], format: ReportFormat, options: SheetOptions & { date?: string } = {}): string {
  const comparison = buildComparison(results);
  switch (format) {
    case 'table': {
      const resolved = resolveSheetOptions(options);
      return renderComparisonText(comparison, resolved.width, pickStyle(resolved.color)).join('\n') + '\n';
    }
    case 'markdown':
      return renderComparisonMarkdown(comparison).join('\n').trimEnd() + '\n';
    case 'json':
      return toJson(comparison);
    case 'html':
      return renderComparisonHtml(comparison, options.date === undefined ? {} : { date: options.date });
  }
}

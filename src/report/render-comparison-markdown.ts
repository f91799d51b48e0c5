import { ADJUSTED_NOTE, describeArea, groupRows, hasAdjusted, type Comparison } from './build-comparison.js';
import { escapeMarkdown } from './escape-markdown.js';
import { NO_VALUE } from './format-percent.js';
import { renderMarkdownTable, type MarkdownRow } from './render-markdown-table.js';

/** The comparison as one Markdown table, a column per area, section headings as bold rows. */
export function renderComparisonMarkdown(comparison: Comparison): string[] {
  const lines = [`# ${escapeMarkdown(comparison.title)}`, ''];
  if (comparison.warning !== null) lines.push(`> **Warning:** ${escapeMarkdown(comparison.warning)}`, '');
  const rows = groupRows<MarkdownRow | null>(
    comparison.rows,
    (group) => (group === '' ? null : { cells: ['', group], strong: true }),
    (r) => ({ cells: [r.id, r.title, ...r.values.map((v) => v?.text ?? NO_VALUE)], strong: r.kind !== 'criterion' }),
  ).filter((row): row is MarkdownRow => row !== null);
  const columns = [{ header: 'Id' }, { header: 'Title' }, ...comparison.areas.map((a) => ({ header: describeArea(a), align: 'right' as const }))];
  lines.push(...renderMarkdownTable(columns, rows), '');
  if (hasAdjusted(comparison)) lines.push(escapeMarkdown(ADJUSTED_NOTE), '');
  return lines;
}

import type { SheetModel, SheetRow } from './build-sheet.js';
import { escapeMarkdown } from './escape-markdown.js';
import { renderMarkdownTable, type MarkdownColumn, type MarkdownRow } from './render-markdown-table.js';

function toCells(row: SheetRow, withWeight: boolean): string[] {
  const value = row.value + row.marker;
  return withWeight ? [row.label, row.weight, value] : [row.label, value];
}

/** The scoring summary sheet in Markdown: a heading and a table per section, the overall result, footnotes. */
export function renderSheetMarkdown(sheet: SheetModel, level: number): string[] {
  const hashes = '#'.repeat(level);
  const rows = sheet.sections.flatMap((s) => s.criteria);
  const withWeight = rows.some((r) => r.weight !== '');
  const columns: MarkdownColumn[] = [{ header: 'Criterion' }, ...(withWeight ? [{ header: 'Weight' }] : []), { header: 'Result', align: 'right' as const }];
  const lines = [`${hashes} ${escapeMarkdown(sheet.title)}`, ''];
  let headless: MarkdownRow[] = [];
  sheet.sections.forEach((section, i) => {
    // Sections without a heading (each one line) share one table.
    if (section.heading === '') {
      if (section.total !== null) headless.push({ cells: toCells(section.total, withWeight) });
      if (sheet.sections[i + 1]?.heading !== '') {
        lines.push(...renderMarkdownTable(columns, headless), '');
        headless = [];
      }
      return;
    }
    lines.push(`${hashes}# ${escapeMarkdown(section.heading)}`, '');
    if (section.summary !== undefined) lines.push(escapeMarkdown(section.summary), '');
    const body: MarkdownRow[] = section.criteria.map((r) => ({ cells: toCells(r, withWeight) }));
    if (section.total !== null) body.push({ cells: toCells(section.total, withWeight), strong: true });
    lines.push(...renderMarkdownTable(columns, body), '');
  });
  if (sheet.overall !== null) {
    const overall = { ...sheet.overall, label: sheet.overall.label.toUpperCase() };
    lines.push(...renderMarkdownTable(columns, [{ cells: toCells(overall, withWeight), strong: true }]), '');
    if (sheet.overallSummary !== undefined) lines.push(escapeMarkdown(sheet.overallSummary), '');
  }
  for (const note of sheet.footnotes) lines.push(escapeMarkdown(`${note.marker} ${note.text}`), '');
  return lines;
}

import { escapeMarkdown } from './escape-markdown.js';

/** A column of a Markdown table. */
export interface MarkdownColumn {
  header: string;
  align?: 'left' | 'right';
  /** Leave the column out when all its cells are empty. */
  optional?: boolean;
}

/** A row of plain-text cells (escaped when printed), in bold when `strong`. */
export interface MarkdownRow {
  cells: string[];
  strong?: boolean;
}

function renderCell(text: string, strong: boolean): string {
  if (text === '') return '';
  const escaped = escapeMarkdown(text);
  return strong ? `**${escaped}**` : escaped;
}

/** A GitHub-flavoured Markdown table. */
export function renderMarkdownTable(columns: MarkdownColumn[], rows: MarkdownRow[]): string[] {
  const kept = columns
    .map((column, index) => ({ column, index }))
    .filter(({ column, index }) => column.optional !== true || rows.some((r) => (r.cells[index] ?? '') !== ''));
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [
    line(kept.map(({ column }) => escapeMarkdown(column.header))),
    line(kept.map(({ column }) => (column.align === 'right' ? '--:' : ':--'))),
    ...rows.map((row) => line(kept.map(({ index }) => renderCell(row.cells[index] ?? '', row.strong === true)))),
  ];
}

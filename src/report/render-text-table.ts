import { measureText } from './measure-text.js';
import { padEnd, padStart } from './pad-text.js';
import { pickStyle, type TextStyle } from './pick-style.js';
import { truncateText } from './truncate-text.js';
import { wrapText } from './wrap-text.js';

/** A column of a plain-text table. */
export interface TextColumn {
  header: string;
  align?: 'left' | 'right';
  /** The one column that gives way (its cells truncated) when the table is wider than the page. */
  flex?: boolean;
  /** Wrap the flexible column's cells onto further lines instead of truncating them. */
  wrap?: boolean;
}

/** A row: its cells, and a remark printed in brackets on the next line under the flexible column. */
export interface TextRow {
  cells: string[];
  note?: string;
  /** When set, the row is a heading line across the table instead of cells. */
  heading?: string;
}

/** How to lay out a table. */
export interface TextTableOptions {
  width: number;
  indent?: string;
  style?: TextStyle;
}

const GAP = '  ';
const MIN_FLEX = 12;

function fitWidths(columns: TextColumn[], rows: TextRow[], room: number): number[] {
  const cellRows = rows.filter((r) => r.heading === undefined);
  const widths = columns.map((c, i) => Math.max(measureText(c.header), ...cellRows.map((r) => measureText(r.cells[i] ?? ''))));
  const total = widths.reduce((a, b) => a + b, 0) + GAP.length * (columns.length - 1);
  const flex = columns.findIndex((c) => c.flex === true);
  const flexWidth = widths[flex];
  if (total > room && flexWidth !== undefined) widths[flex] = Math.max(MIN_FLEX, flexWidth - (total - room));
  return widths;
}

function renderCells(cells: string[], columns: TextColumn[], widths: number[]): string[] {
  const flex = columns.findIndex((c) => c.flex === true && c.wrap === true);
  const wrapped = flex < 0 ? [] : wrapText(cells[flex] ?? '', widths[flex] ?? MIN_FLEX);
  if (wrapped.length <= 1) return [renderLine(cells, columns, widths)];
  const blank = cells.map(() => '');
  return wrapped.map((text, line) => {
    const row = line === 0 ? [...cells] : [...blank];
    row[flex] = text;
    return renderLine(row, columns, widths);
  });
}

function renderLine(cells: string[], columns: TextColumn[], widths: number[]): string {
  return columns
    .map((column, i) => {
      const width = widths[i] ?? 0;
      const text = truncateText(cells[i] ?? '', width);
      return column.align === 'right' ? padStart(text, width) : padEnd(text, width);
    })
    .join(GAP)
    .trimEnd();
}

/** Lays out a table in plain text: a header line, then a line per row (and its note), fitted to the width. */
export function renderTextTable(columns: TextColumn[], rows: TextRow[], options: TextTableOptions): string[] {
  const indent = options.indent ?? '';
  const style = options.style ?? pickStyle(false);
  const widths = fitWidths(columns, rows, options.width - measureText(indent));
  const flex = Math.max(
    0,
    columns.findIndex((c) => c.flex === true),
  );
  const noteIndent = indent + ' '.repeat(widths.slice(0, flex).reduce((a, w) => a + w + GAP.length, 0));
  const noteWidth = Math.max(MIN_FLEX, options.width - measureText(noteIndent));
  const lines = [
    indent +
      style.bold(
        renderLine(
          columns.map((c) => c.header),
          columns,
          widths,
        ),
      ),
  ];
  for (const row of rows) {
    if (row.heading !== undefined) {
      lines.push(indent + style.bold(truncateText(row.heading, options.width - measureText(indent))));
      continue;
    }
    lines.push(...renderCells(row.cells, columns, widths).map((line) => indent + line));
    if (row.note !== undefined && row.note !== '') {
      for (const line of wrapText(`(${row.note})`, noteWidth)) lines.push(noteIndent + line);
    }
  }
  return lines;
}

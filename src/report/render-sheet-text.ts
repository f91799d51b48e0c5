import type { SheetModel, SheetRow } from './build-sheet.js';
import { measureText } from './measure-text.js';
import { padEnd, padStart } from './pad-text.js';
import type { TextStyle } from './pick-style.js';
import { wrapText } from './wrap-text.js';

interface Columns {
  /** Where the label area ends (the leaders fill up to it). */
  labelWidth: number;
  weightWidth: number;
  valueWidth: number;
}

const MIN_LEADER = 3;

function allRows(sheet: SheetModel): SheetRow[] {
  const rows = sheet.sections.flatMap((s) => (s.total === null ? s.criteria : [...s.criteria, s.total]));
  return sheet.overall === null ? rows : [...rows, { ...sheet.overall, label: sheet.overall.label.toUpperCase() }];
}

function measureColumns(sheet: SheetModel, width: number): Columns {
  const rows = allRows(sheet);
  const weightWidth = Math.max(0, ...rows.map((r) => measureText(r.weight)));
  const valueWidth = Math.max(0, ...rows.map((r) => measureText(r.value)));
  const markerWidth = Math.max(0, ...rows.map((r) => measureText(r.marker)));
  const right = (weightWidth > 0 ? weightWidth + 2 : 0) + valueWidth + markerWidth;
  const longest = Math.max(0, ...rows.map((r) => measureText(r.label)));
  const labelWidth = Math.max(24, Math.min(width - right, longest + 2 + MIN_LEADER));
  return { labelWidth, weightWidth, valueWidth };
}

function wrapLabel(row: SheetRow, room: number): string[] {
  if (measureText(row.label) <= room) return [row.label];
  const prefix = row.id !== '' && row.label.startsWith(`${row.id}: `) ? `${row.id}: ` : '';
  const hang = measureText(prefix);
  const wrapped = wrapText(row.label.slice(prefix.length), room - hang);
  return wrapped.map((line, i) => (i === 0 ? prefix : ' '.repeat(hang)) + line);
}

function renderRow(row: SheetRow, columns: Columns, leader: string, style: TextStyle, bold: boolean): string[] {
  const lines = wrapLabel(row, columns.labelWidth - 2 - MIN_LEADER);
  const last = lines.pop() ?? '';
  const filled = padEnd(`${last} `, columns.labelWidth - 1, leader) + ' ';
  const weight = columns.weightWidth > 0 ? padEnd(row.weight, columns.weightWidth) + '  ' : '';
  const value = padStart(row.value, columns.valueWidth) + row.marker;
  const text = [...lines, `${filled}${weight}${value}`.trimEnd()];
  return bold ? text.map((t) => style.bold(t)) : text;
}

/** Prints a scoring summary sheet: headings, a line per criterion with its result in one right-hand column. */
export function renderSheetText(sheet: SheetModel, width: number, style: TextStyle): string[] {
  const columns = measureColumns(sheet, width);
  const lines = [style.bold(sheet.title), ''];
  sheet.sections.forEach((section, i) => {
    if (section.heading !== '') lines.push(style.bold(section.heading));
    if (section.summary !== undefined) lines.push(...wrapText(section.summary, width), '');
    for (const row of section.criteria) lines.push(...renderRow(row, columns, '.', style, false));
    if (section.total !== null) lines.push(...renderRow(section.total, columns, ' ', style, section.heading !== ''));
    // Sections without a heading (each one line) are listed together.
    if (section.heading !== '' || sheet.sections[i + 1]?.heading !== '') lines.push('');
  });
  if (sheet.overall !== null) {
    const overall = { ...sheet.overall, label: sheet.overall.label.toUpperCase() };
    lines.push(...renderRow(overall, columns, ' ', style, true));
    if (sheet.overallSummary !== undefined) lines.push(...wrapText(sheet.overallSummary, width));
    lines.push('');
  }
  if (sheet.footnotes.length > 0) {
    for (const note of sheet.footnotes) lines.push(...wrapText(`${note.marker} ${note.text}`, width));
    lines.push('');
  }
  return lines;
}

import type { PackResult } from '../model/result.js';
import { wrapText } from './wrap-text.js';
import { groupTargets, targetGroupHeading, targetRow } from './group-targets.js';
import { renderTextTable, type TextColumn } from './render-text-table.js';
import type { TextStyle } from './pick-style.js';

const COLUMNS: TextColumn[] = [
  { header: 'measure', flex: true, wrap: true },
  { header: 'target', align: 'right' },
  { header: 'value', align: 'right' },
  { header: 'comparator', align: 'right' },
  { header: 'status' },
];

/** Prints the judged measures, a table per targets table, headed by its criterion and result. */
export function renderTargetsText(pack: PackResult, width: number, style: TextStyle): string[] {
  const lines: string[] = [];
  for (const group of groupTargets(pack)) {
    lines.push(...wrapText(targetGroupHeading(group), width).map((line) => style.bold(line)));
    const rows = group.targets.map(targetRow).map((r) => ({ cells: [r.measure, r.target, r.value, r.comparator, r.status], note: r.note }));
    lines.push(...renderTextTable(COLUMNS, rows, { width, indent: '  ', style }), '');
  }
  return lines;
}

import type { PackResult } from '../model/result.js';
import { describeTargetNote } from './describe-notes.js';
import { describeHeading } from './describe-score.js';
import { wrapText } from './wrap-text.js';
import { formatFigure } from './format-figure.js';
import { NO_VALUE } from './format-percent.js';
import { groupTargets } from './group-targets.js';
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
    const c = group.criterion;
    const heading = c === undefined ? `Targets ${group.criterionId}` : describeHeading(c);
    lines.push(...wrapText(heading, width).map((line) => style.bold(line)));
    const rows = group.targets.map((t) => ({
      cells: [
        t.measure,
        formatFigure(t.target, t.unit),
        formatFigure(t.value, t.unit),
        formatFigure(t.comparator, t.unit),
        t.status?.label ?? NO_VALUE,
      ],
      note: describeTargetNote(t),
    }));
    lines.push(...renderTextTable(COLUMNS, rows, { width, indent: '  ', style }), '');
  }
  return lines;
}

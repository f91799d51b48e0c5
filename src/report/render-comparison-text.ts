import { ADJUSTED_NOTE, describeArea, groupRows, hasAdjusted, type Comparison } from './build-comparison.js';
import { NO_VALUE } from './format-percent.js';
import { renderTextTable, type TextColumn, type TextRow } from './render-text-table.js';
import type { TextStyle } from './pick-style.js';
import { wrapText } from './wrap-text.js';

/** The comparison as a plain-text table: a column per area. */
export function renderComparisonText(comparison: Comparison, width: number, style: TextStyle): string[] {
  const lines = [style.bold(comparison.title), ''];
  if (comparison.warning !== null) lines.push(...wrapText(`warning: ${comparison.warning}`, width), '');
  const columns: TextColumn[] = [
    { header: 'id' },
    { header: 'title', flex: true },
    ...comparison.areas.map((a) => ({ header: describeArea(a), align: 'right' as const })),
  ];
  const rows = groupRows<TextRow>(
    comparison.rows,
    (group) => ({ cells: [], heading: group }),
    (r) => ({ cells: [r.id, r.title, ...r.values.map((v) => v?.text ?? NO_VALUE)] }),
  );
  lines.push(...renderTextTable(columns, rows, { width, style }));
  if (hasAdjusted(comparison)) lines.push('', ADJUSTED_NOTE);
  return lines;
}

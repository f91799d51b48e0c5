import { ADJUSTED_NOTE, describeArea, hasAdjusted, type Comparison, type ComparisonRow } from './build-comparison.js';
import { NO_VALUE } from './format-percent.js';
import { layoutBarChart } from './layout-bar-chart.js';
import { renderTemplate } from './render-template.js';
import { REPORT_STYLE } from './templates/report-style.js';

interface RowView {
  label: string;
  total: boolean;
  values: Array<{ score: number | null; text: string }>;
}

function nestRows(rows: ComparisonRow[]): Array<{ heading: string; rows: RowView[] }> {
  const groups: Array<{ heading: string; rows: RowView[] }> = [];
  for (const row of rows) {
    let group = groups.at(-1);
    if (group === undefined || group.heading !== row.group) {
      group = { heading: row.group, rows: [] };
      groups.push(group);
    }
    group.rows.push({
      label: row.kind === 'criterion' ? `${row.id}: ${row.title}` : row.title,
      total: row.kind !== 'criterion',
      values: row.values.map((v) => ({ score: v?.score ?? null, text: v?.text ?? NO_VALUE })),
    });
  }
  return groups;
}

/** The comparison as one HTML page: a table with a column per area and a grouped bar chart. */
export function renderComparisonHtml(comparison: Comparison): string {
  const areas = comparison.areas.map(describeArea);
  const groups = nestRows(comparison.rows);
  return renderTemplate('@comparison', {
    title: comparison.title,
    style: REPORT_STYLE,
    warning: comparison.warning,
    areas,
    groups,
    note: hasAdjusted(comparison) ? ADJUSTED_NOTE : null,
    chart: layoutBarChart(
      groups.map((g) => ({ heading: g.heading, rows: g.rows.map((r) => ({ label: r.label, values: r.values })) })),
      areas,
    ),
  });
}

import { ADJUSTED_NOTE, describeArea, hasAdjusted, type Comparison, type ComparisonRow } from './build-comparison.js';
import { describeCases, describeExcluded } from './describe-cases.js';
import { describeChange } from './describe-change.js';
import { describePeriod } from './describe-period.js';
import { describeProvenance, shortenHash } from './describe-provenance.js';
import { NO_VALUE } from './format-percent.js';
import { layoutBarChart } from './layout-bar-chart.js';
import { renderTemplate } from './render-template.js';
import { stylePage } from './style-page.js';

interface RowView {
  label: string;
  total: boolean;
  values: Array<{ score: number | null; text: string }>;
  change: { text: string; changed: boolean } | null;
}

function nestRows(rows: ComparisonRow[], withChange: boolean): Array<{ heading: string; rows: RowView[] }> {
  const groups: Array<{ heading: string; rows: RowView[] }> = [];
  for (const row of rows) {
    let group = groups.at(-1);
    if (group === undefined || group.heading !== row.group) {
      group = { heading: row.group, rows: [] };
      groups.push(group);
    }
    group.rows.push({
      label: row.kind === 'criterion' ? `${row.localId}: ${row.title}` : row.title,
      total: row.kind !== 'criterion',
      values: row.values.map((v) => ({ score: v?.score ?? null, text: v?.text ?? NO_VALUE })),
      change: withChange ? describeChange(row.values[0] ?? null, row.values.at(-1) ?? null) : null,
    });
  }
  return groups;
}

/**
 * The comparison as one HTML page: a table with a column per area and (for two or more) the
 * change from the first to the last, changed rows marked; a grouped bar chart; where each area's
 * figures come from, with its cases.
 */
export function renderComparisonHtml(comparison: Comparison, options: { date?: string } = {}): string {
  const areas = comparison.areas.map((a) => describeArea(a.period === undefined ? a : { ...a, period: describePeriod(a.period) }));
  const withChange = areas.length >= 2;
  const groups = nestRows(comparison.rows, withChange);
  // The chart leaves out the overall result (the last row group, under no heading): the table states it once.
  const chartGroups = groups
    .filter((g) => g.heading !== '')
    .map((g) => ({ heading: g.heading, rows: g.rows.map((r) => ({ label: r.label, values: r.values })) }));
  const changed = groups.reduce((n, g) => n + g.rows.filter((r) => r.change?.changed === true).length, 0);
  const first = comparison.sources[0]?.provenance;
  return renderTemplate('@comparison', {
    title: comparison.title,
    meta: [`Areas: ${areas.join('; ')}`, ...(options.date === undefined ? [] : [`Report produced ${describePeriod(options.date)}`])],
    style: stylePage(first === undefined ? 'comparison' : `comparison · ${first.pack}@${first.version} sha256 ${shortenHash(first.sha256)} · ${first.engine}`),
    warning: comparison.warning,
    areas,
    groups,
    withChange,
    changeNote: withChange
      ? `Change: from ${areas[0]} to ${areas.at(-1)}, in percentage points for scores; "band changed" when the band or rating differs. ${changed} ${changed === 1 ? 'row differs' : 'rows differ'}, marked in the table.`
      : null,
    note: hasAdjusted(comparison) ? ADJUSTED_NOTE : null,
    charts: [layoutBarChart(chartGroups, areas, 'wide'), layoutBarChart(chartGroups, areas, 'narrow')],
    provenanceGroups: comparison.sources.map((s, i) => ({
      heading: areas[i] ?? '',
      provenance: describeProvenance(s.provenance),
      cases: describeCases(s.cases),
      excluded: s.cases.excluded.map(describeExcluded),
    })),
  });
}

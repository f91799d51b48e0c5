import { listDetailParts } from './list-detail-parts.js';
import type { CriterionResult, InspectionResult, PackResult, QuestionResult } from '../model/result.js';
import { buildSheet, type SheetModel } from './build-sheet.js';
import { describeItemNote, describeNotApplicable } from './describe-notes.js';
import { describeHeading } from './describe-score.js';
import { formatPercent } from './format-percent.js';
import { groupTargets, targetGroupHeading, targetRow } from './group-targets.js';
import { layoutBarChart, type BarChart } from './layout-bar-chart.js';

/** A question as shown: its counts, its percent met and the bar's width (0–100) when there is one. */
export interface QuestionView {
  id: string;
  text: string;
  relevant: number;
  met: number;
  percent: string;
  bar: number | null;
  note: string;
}

/** An evidence item as shown. */
export interface ItemView {
  id: string;
  text: string;
  rating: string;
  counted: boolean;
  note: string;
}

/** A criterion's questions or items. */
export interface CriterionView {
  heading: string;
  questions: QuestionView[];
  items: ItemView[];
}

/** A targets table as shown. */
export interface TargetGroupView {
  heading: string;
  targets: Array<{ measure: string; target: string; value: string; comparator: string; status: string; note: string }>;
}

/** Everything a page shows of one pack. */
export interface PackView {
  sheet: SheetModel;
  chart: BarChart;
  criteria: CriterionView[];
  targetGroups: TargetGroupView[];
}

function viewQuestion(q: QuestionResult): QuestionView {
  return {
    id: q.id,
    text: q.text,
    relevant: q.relevant,
    met: q.met,
    percent: formatPercent(q.percent),
    bar: q.percent === null ? null : Math.max(0, Math.min(100, q.percent)),
    note: describeNotApplicable(q),
  };
}

function viewCriterion(c: CriterionResult): CriterionView {
  return {
    heading: describeHeading(c),
    questions: c.questions.map(viewQuestion),
    items: c.items.map((item) => ({
      id: item.id,
      text: item.text,
      rating: item.label,
      counted: item.counted,
      note: describeItemNote(item),
    })),
  };
}

function viewTargets(pack: PackResult): TargetGroupView[] {
  return groupTargets(pack).map((group) => {
    return { heading: targetGroupHeading(group), targets: group.targets.map(targetRow) };
  });
}

/** Charts a sheet: a bar per scored criterion, grouped by section; bands and not-rated results as text. */
export function chartSheet(sheet: SheetModel, series: string): BarChart {
  const groups = sheet.sections.map((section) => ({
    heading: section.heading === '' ? `${section.total?.label ?? section.id}: ${section.total?.value ?? ''}` : section.total === null ? section.heading : `${section.heading}: ${section.total.value}`,
    rows: section.criteria.map((row) => ({
      label: row.label,
      values: [{ score: row.result.score, text: row.value + row.marker }],
    })),
  }));
  return layoutBarChart(groups, [series]);
}

/** Lays out one pack's result for the HTML page. */
export function buildPackView(pack: PackResult, area: InspectionResult['area']): PackView {
  const sheet = buildSheet(pack, area);
  const criteria = listDetailParts(pack)
    .filter((c) => c.questions.length > 0 || c.items.length > 0)
    .map(viewCriterion);
  return { sheet, chart: chartSheet(sheet, area.name), criteria, targetGroups: viewTargets(pack) };
}

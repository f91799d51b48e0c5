import { listDetailParts } from './list-detail-parts.js';
import type { CriterionResult, InspectionResult, PackResult, QuestionResult } from '../model/result.js';
import { buildSheet, type SheetModel } from './build-sheet.js';
import { describeItemNote, describeNotApplicable } from './describe-notes.js';
import { describeHeading } from './describe-score.js';
import { formatPercent } from './format-percent.js';
import { groupTargets, targetGroupHeading, targetRow } from './group-targets.js';
import { layoutBarChart, type BarChart, type ChartBoundary } from './layout-bar-chart.js';
import { describeBoundaries } from './find-boundaries.js';
import { describeKey } from './describe-key.js';

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
  id: string;
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
  /** The chart laid out wide (screen, paper) and narrow (phone). */
  charts: BarChart[];
  /** The chart's key to its rating-boundary marks, when it has any. */
  chartKey: string | null;
  /** What the sheet's symbols and weight classes mean. */
  key: Array<[string, string]>;
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
    id: c.id,
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

/**
 * Charts a sheet, wide and narrow: a bar per scored criterion, grouped by section, with its rating
 * boundaries when it has them; bands and not-rated results as text.
 */
export function chartSheet(sheet: SheetModel, series: string, boundaries = new Map<string, ChartBoundary[]>()): BarChart[] {
  const groups = sheet.sections.map((section) => ({
    heading:
      section.heading === ''
        ? `${section.total?.label ?? section.id}: ${section.total?.value ?? ''}`
        : section.total === null
          ? section.heading
          : `${section.heading}: ${section.total.value}`,
    rows: section.criteria.map((row) => ({
      label: row.label,
      values: [{ score: row.result.score, text: row.value + row.marker }],
      ...(boundaries.has(row.id) ? { boundaries: boundaries.get(row.id)! } : {}),
    })),
  }));
  return [layoutBarChart(groups, [series], 'wide'), layoutBarChart(groups, [series], 'narrow')];
}

/** Lays out one pack's result for the HTML page; `boundaries` are its criteria's rating boundaries. */
export function buildPackView(pack: PackResult, area: InspectionResult['area'], boundaries = new Map<string, ChartBoundary[]>()): PackView {
  const sheet = buildSheet(pack, area);
  const criteria = listDetailParts(pack)
    .filter((c) => c.questions.length > 0 || c.items.length > 0)
    .map(viewCriterion);
  const charted = new Map([...boundaries].filter(([id]) => sheet.sections.some((s) => s.criteria.some((r) => r.id === id && r.result.score !== null))));
  return {
    sheet,
    charts: chartSheet(sheet, area.name, charted),
    chartKey: describeBoundaries(charted),
    key: describeKey(pack, sheet),
    criteria,
    targetGroups: viewTargets(pack),
  };
}

import type { CriterionResult, PackResult, TargetResult } from '../model/result.js';
import { describeTargetNote } from './describe-notes.js';
import { describeHeading } from './describe-score.js';
import { formatFigure } from './format-figure.js';
import { NO_VALUE } from './format-percent.js';

/** One measure as every format prints it. */
export interface TargetRow {
  measure: string;
  target: string;
  value: string;
  comparator: string;
  status: string;
  note: string;
}

/** The measures of one targets table, with the criterion that holds them when the pack has it. */
export interface TargetGroup {
  criterionId: string;
  criterion: CriterionResult | undefined;
  targets: TargetResult[];
}

/** A table's heading: its criterion, or its id when the result lacks the criterion. */
export function targetGroupHeading(group: TargetGroup): string {
  return group.criterion === undefined ? `Targets ${group.criterionId}` : describeHeading(group.criterion);
}

export function targetRow(t: TargetResult): TargetRow {
  return {
    measure: t.measure,
    target: formatFigure(t.target, t.unit),
    value: formatFigure(t.value, t.unit),
    comparator: formatFigure(t.comparator, t.unit),
    status: t.status?.label ?? NO_VALUE,
    note: describeTargetNote(t),
  };
}

/** The pack's judged measures grouped by their table, in the order the result lists them. */
export function groupTargets(pack: PackResult): TargetGroup[] {
  const criteria = [...pack.sections.flatMap((s) => s.criteria), ...pack.supporting];
  const groups: TargetGroup[] = [];
  for (const target of pack.targets) {
    let group = groups.find((g) => g.criterionId === target.criterion);
    if (group === undefined) {
      group = { criterionId: target.criterion, criterion: criteria.find((c) => c.id === target.criterion), targets: [] };
      groups.push(group);
    }
    group.targets.push(target);
  }
  return groups;
}

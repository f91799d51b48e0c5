import type { CriterionResult, PackResult, TargetResult } from '../model/result.js';

/** The measures of one targets table, with the criterion that holds them when the pack has it. */
export interface TargetGroup {
  criterionId: string;
  criterion: CriterionResult | undefined;
  targets: TargetResult[];
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

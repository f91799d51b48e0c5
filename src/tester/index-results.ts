/**
 * Every result of a scored inspection by the id a test (or an explanation) names it with:
 * criteria, sections, questions, items and measures, and `overall`; a thematic's prefixed with
 * its id and a colon.
 */
import type { CriterionResult, InspectionResult, ItemResult, OverallResult, PackResult, QuestionResult, SectionResult, TargetResult } from '../model/result.js';

export type IndexedResult =
  | { kind: 'criterion'; node: CriterionResult; section: SectionResult | null }
  | { kind: 'section'; node: SectionResult }
  | { kind: 'question'; node: QuestionResult; criterion: CriterionResult }
  | { kind: 'item'; node: ItemResult; criterion: CriterionResult | SectionResult }
  | { kind: 'measure'; node: TargetResult }
  | { kind: 'overall'; node: OverallResult };

export function indexResults(result: InspectionResult): Map<string, IndexedResult> {
  const index = new Map<string, IndexedResult>();
  const addPack = (pack: PackResult, prefix: string) => {
    for (const section of pack.sections) {
      index.set(prefix + section.id, { kind: 'section', node: section });
      for (const item of section.items ?? []) index.set(prefix + item.id, { kind: 'item', node: item, criterion: section });
      for (const criterion of section.criteria) addCriterion(criterion, section, prefix);
    }
    for (const criterion of pack.supporting) addCriterion(criterion, null, prefix);
    for (const measure of pack.targets) index.set(prefix + measure.id, { kind: 'measure', node: measure });
    if (pack.overall) index.set(`${prefix}overall`, { kind: 'overall', node: pack.overall });
  };
  const addCriterion = (criterion: CriterionResult, section: SectionResult | null, prefix: string) => {
    index.set(prefix + criterion.id, { kind: 'criterion', node: criterion, section });
    for (const q of criterion.questions) index.set(prefix + q.id, { kind: 'question', node: q, criterion });
    for (const item of criterion.items) index.set(prefix + item.id, { kind: 'item', node: item, criterion });
  };
  addPack(result, '');
  for (const thematic of result.thematics) addPack(thematic, `${thematic.id}:`);
  return index;
}

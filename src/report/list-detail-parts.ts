/**
 * What a detail view lists, in the sheet's order: every criterion of every section, and a section
 * rated straight from its own evidence items in the place of its criteria (as a part with items).
 */
import type { CriterionResult, PackResult, SectionResult } from '../model/result.js';

function sectionAsPart(section: SectionResult): CriterionResult {
  const { criteria: _criteria, items, summary: _summary, levelCounts: _counts, ...scored } = section;
  return { ...scored, kind: 'evidence', weightValue: null, questions: [], items: items ?? [], targets: [] };
}

export function listDetailParts(pack: PackResult): CriterionResult[] {
  return pack.sections.flatMap((s) => (s.items !== undefined ? [sectionAsPart(s)] : s.criteria));
}

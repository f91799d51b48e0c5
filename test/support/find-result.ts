// Finding one result in a pack's results by id, failing loudly when it is not there.
import type { CriterionResult, PackResult, QuestionResult, SectionResult } from '../../src/model/result.js';

export function section(pack: PackResult, id: string): SectionResult {
  const found = pack.sections.find((s) => s.id === id);
  if (!found) throw new Error(`no section ${id}`);
  return found;
}

export function criterion(pack: PackResult, id: string): CriterionResult {
  const found = pack.sections.flatMap((s) => s.criteria).find((c) => c.id === id);
  if (!found) throw new Error(`no criterion ${id}`);
  return found;
}

export function question(pack: PackResult, id: string): QuestionResult {
  const found = pack.sections
    .flatMap((s) => s.criteria)
    .flatMap((c) => c.questions)
    .find((q) => q.id === id);
  if (!found) throw new Error(`no question ${id}`);
  return found;
}

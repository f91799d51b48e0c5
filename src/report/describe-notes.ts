import type { ItemResult, QuestionResult, TargetResult } from '../model/result.js';

/** `n/a (k)` when k cases answered the question not applicable, else empty. */
export function describeNotApplicable(question: QuestionResult): string {
  return question.notApplicable > 0 ? `n/a (${question.notApplicable})` : '';
}

/** Why an item does not count, and where its level came from; empty when there is nothing to say. */
export function describeItemNote(item: ItemResult): string {
  const notes: string[] = [];
  if (!item.counted) notes.push(item.excludedBecause === undefined ? 'not counted' : `not counted: ${item.excludedBecause}`);
  if (item.from !== undefined) notes.push(`from ${item.from}`);
  return notes.join('; ');
}

/** Whether a measure counts, and its remark; empty when there is nothing to say. */
export function describeTargetNote(target: TargetResult): string {
  const notes: string[] = [];
  if (!target.counted) notes.push('not counted');
  if (target.note !== undefined) notes.push(target.note);
  return notes.join('; ');
}

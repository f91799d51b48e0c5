/** One id namespace for sections, criteria, questions, evidence items and measures; `overall` is reserved. */
import type { CheckContext } from './check-context.js';

/** The id reserved for the overall result. */
const RESERVED_ID = 'overall';

export function checkIds(ctx: CheckContext): void {
  const used = new Map<string, string>();
  const claim = (node: { id: string }, noun: string): void => {
    if (node.id === RESERVED_ID) {
      ctx.error('DUPLICATE_ID', node, 'id', `the id '${RESERVED_ID}' of ${noun} is reserved for the overall result`, `rename the ${noun}`);
      return;
    }
    const first = used.get(node.id);
    if (first) {
      ctx.error('DUPLICATE_ID', node, 'id', `the id '${node.id}' of this ${noun} is already the id of ${first}`, 'sections, criteria, questions, evidence items and measures share one namespace: give this one another id');
      return;
    }
    used.set(node.id, `${noun} ${node.id}`);
  };
  for (const section of ctx.pack.sections ?? []) claim(section, 'section');
  for (const criterion of ctx.pack.criteria ?? []) {
    claim(criterion, 'criterion');
    for (const question of criterion.questions ?? []) claim(question, 'question');
    for (const item of criterion.items ?? []) claim(item, 'evidence item');
    for (const measure of criterion.measures ?? []) claim(measure, 'measure');
  }
}

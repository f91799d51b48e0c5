/** One id namespace for sections, criteria, questions, evidence items and measures; `overall` is reserved. */
import type { CheckContext } from './check-context.js';

/** The id reserved for the overall result. */
const RESERVED_ID = 'overall';
/** Ids the pattern allows but that cannot be keys of inspection data (see FORBIDDEN_KEYS in the loader). */
const KEY_ONLY_IDS: ReadonlySet<string> = new Set(['constructor', 'prototype']);

export function checkIds(ctx: CheckContext): void {
  const used = new Map<string, string>();
  const claim = (node: { id: string }, noun: string): void => {
    if (KEY_ONLY_IDS.has(node.id)) {
      // Inspections give answers, ratings, figures and scores under these ids as keys, which the
      // loader refuses for these names: a pack using them could never be scored.
      ctx.error(
        'FORBIDDEN_KEY',
        node,
        'id',
        `the id '${node.id}' of ${noun} ${node.id} cannot be used: inspection data would need it as a key, and '${node.id}' is not allowed as a key`,
        `rename the ${noun}`,
      );
      return;
    }
    if (node.id === RESERVED_ID) {
      ctx.error('DUPLICATE_ID', node, 'id', `the id '${RESERVED_ID}' of ${noun} is reserved for the overall result`, `rename the ${noun}`);
      return;
    }
    const first = used.get(node.id);
    if (first) {
      ctx.error(
        'DUPLICATE_ID',
        node,
        'id',
        `the id '${node.id}' of this ${noun} is already the id of ${first}`,
        'sections, criteria, questions, evidence items and measures share one namespace: give this one another id',
      );
      return;
    }
    used.set(node.id, `${noun} ${node.id}`);
  };
  for (const section of ctx.pack.sections ?? []) {
    claim(section, 'section');
    for (const item of section.items ?? []) claim(item, 'evidence item');
  }
  for (const criterion of ctx.pack.criteria ?? []) {
    claim(criterion, 'criterion');
    for (const question of criterion.questions ?? []) claim(question, 'question');
    for (const item of criterion.items ?? []) claim(item, 'evidence item');
    for (const measure of criterion.measures ?? []) claim(measure, 'measure');
  }
}

/**
 * Finds collections nested deeper than a limit in a YAML token stream (the CST), before the
 * tokens are composed into nodes. Iterative: any depth is measured without growing the call stack.
 */
import type { CST } from 'yaml';

/** The most levels of mappings and lists a file may nest. */
export const MAX_DEPTH = 100;

/** The offset of the first collection nested deeper than `limit`, or undefined. */
export function findTooDeep(tokens: readonly CST.Token[], limit = MAX_DEPTH): number | undefined {
  const stack: Array<{ token: CST.Token; depth: number }> = [];
  for (const token of tokens) stack.push({ token, depth: 0 });
  while (stack.length > 0) {
    const { token, depth } = stack.pop()!;
    if (token.type === 'document') {
      if (token.value) stack.push({ token: token.value, depth });
      continue;
    }
    if (token.type !== 'block-map' && token.type !== 'block-seq' && token.type !== 'flow-collection') continue;
    const inner = depth + 1;
    if (inner > limit) return token.offset;
    for (const item of token.items) {
      if (item.key) stack.push({ token: item.key, depth: inner });
      if (item.value) stack.push({ token: item.value, depth: inner });
    }
  }
  return undefined;
}

/** Cycles in a directed graph of names (named conditions, criteria feeding items). */

/**
 * The cycles of a directed graph, each once, as the list of nodes from a start back to it.
 * Iterative depth-first search: no recursion, so no stack overflow however long a chain is.
 */
export function findCycles(edges: ReadonlyMap<string, readonly string[]>): string[][] {
  const state = new Map<string, 'open' | 'done'>();
  const cycles: string[][] = [];
  for (const start of edges.keys()) {
    if (state.has(start)) continue;
    const path: string[] = [];
    const stack: Array<{ node: string; next: number }> = [{ node: start, next: 0 }];
    state.set(start, 'open');
    path.push(start);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const targets = edges.get(top.node) ?? [];
      if (top.next >= targets.length) {
        state.set(top.node, 'done');
        stack.pop();
        path.pop();
        continue;
      }
      const target = targets[top.next++]!;
      const s = state.get(target);
      if (s === 'open') {
        cycles.push([...path.slice(path.indexOf(target)), target]);
      } else if (s === undefined) {
        state.set(target, 'open');
        path.push(target);
        stack.push({ node: target, next: 0 });
      }
    }
  }
  return cycles;
}

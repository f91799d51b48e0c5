/** An explanation tree as indented text, or as JSON for tools. */
import type { TraceNode } from './trace-node.js';
import { describeProvenance } from '../report/describe-provenance.js';

/** The tree as indented lines; nodes deeper than `maxDepth` are left out (their parents' sentences already say what they hold). */
export function renderTraceText(tree: TraceNode, maxDepth = Number.POSITIVE_INFINITY): string {
  const lines: string[] = [];
  const walk = (n: TraceNode, depth: number) => {
    lines.push(`${'  '.repeat(depth)}${n.label}`);
    if (depth < maxDepth) for (const child of n.children) walk(child, depth + 1);
  };
  walk(tree, 0);
  if (tree.provenance) {
    lines.push('');
    for (const [label, value] of describeProvenance(tree.provenance)) lines.push(`${label.padEnd(9)} ${value}`);
  }
  return lines.join('\n') + '\n';
}

export function renderTraceJson(tree: TraceNode): string {
  return JSON.stringify(tree, null, 2) + '\n';
}

/**
 * The explanation as data: a tree of nodes, each with an id, a sentence in the methodology's
 * terms, a machine-readable value and the nodes it is derived from. Text and JSON are rendered
 * from the same tree.
 */

import type { TraceNode, TraceValue } from '../model/trace.js';

export type { TraceNode, TraceValue };

export function node(id: string, label: string, value: TraceValue, children: TraceNode[] = []): TraceNode {
  return { id, label, value, children };
}

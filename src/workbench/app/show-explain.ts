/** An explain trace as a tree of nested lists, every label set as text. */
import type { TraceNode } from './api-types.js';
import { h, replaceChildren } from './make-element.js';

export function showExplain(panel: HTMLElement, trace: TraceNode, what: string): void {
  const list = (nodes: TraceNode[], depth: number): HTMLElement =>
    h(
      'ul',
      { class: depth === 0 ? 'trace' : undefined },
      nodes.map((n) => {
        if (n.children.length === 0) return h('li', { 'data-id': n.id }, n.label);
        return h('li', { 'data-id': n.id }, h('details', { open: depth < 1 }, h('summary', {}, n.label), list(n.children, depth + 1)));
      }),
    );
  const p = trace.provenance;
  replaceChildren(
    panel,
    h('h3', {}, `Explain ${what}`),
    list([trace], 0),
    p
      ? h(
          'p',
          { class: 'provenance' },
          `Scored with ${p.pack} ${p.version}${p.thematics.map((t) => `, ${t.id} ${t.version}`).join('')} by ${p.engine}; pack sha256 ${p.sha256.slice(0, 12)}…`,
        )
      : null,
  );
}

/** The problems list: every diagnostic of the packs being edited, once each, each a button that jumps to it. */
import type { Diagnostic } from './api-types.js';
import { byId, h, replaceChildren } from './make-element.js';

/** The diagnostics without repeats (a methodology's problem also reported through its thematic). */
export function dedupe(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const key = [d.file, d.line, d.column, d.code, d.message].join('\0');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function showProblems(problems: readonly Diagnostic[], goTo: (index: number) => void): void {
  byId('problem-count').textContent = problems.length === 0 ? '(none)' : `(${problems.length})`;
  replaceChildren(
    byId('problems'),
    problems.map((d, i) => {
      const button = h(
        'button',
        { type: 'button', 'data-index': i },
        h('span', { class: 'code' }, d.code),
        ' ',
        d.message,
        d.hint ? h('span', { class: 'hint' }, ` — ${d.hint}`) : null,
        ' ',
        h('span', { class: 'where' }, `${d.file ?? ''}${d.line ? `:${d.line}:${d.column ?? 1}` : ''}`),
      );
      button.addEventListener('click', () => goTo(i));
      return h('li', { class: d.severity }, button);
    }),
  );
}

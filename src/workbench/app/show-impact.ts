/**
 * The impact of the edits against an earlier version: the bump the changes need against the
 * versions written, the changes, and what moved on each example inspection.
 */
import type { ImpactOutcome } from './api-types.js';
import { h, replaceChildren, table } from './make-element.js';

export function showImpact(panel: HTMLElement, impact: ImpactOutcome): void {
  if ('errors' in impact) {
    replaceChildren(
      panel,
      h('p', { class: 'bad' }, `The ${impact.side === 'old' ? 'earlier' : 'edited'} version has errors:`),
      h(
        'ul',
        {},
        impact.errors.map((d) => h('li', {}, `${d.file ?? ''}:${d.line ?? ''} ${d.code} ${d.message}`)),
      ),
    );
    return;
  }
  const v = impact.verdict;
  const verdict = h(
    'p',
    { class: v.ok ? 'good verdict' : 'bad verdict' },
    h('strong', {}, v.required === 'none' ? 'No bump needed' : `Needs a ${v.required} bump`),
    `: ${v.message}`,
  );
  const head = h('p', { class: 'muted' }, `Against ${impact.against.label}: ${impact.against.id} ${impact.against.version} → ${impact.now.version}`);
  const changes =
    impact.changes.length === 0
      ? h('p', {}, 'No change to the pack.')
      : h(
          'ul',
          { class: 'changes' },
          impact.changes.map((c) =>
            h(
              'li',
              {},
              h('span', { class: `bump ${c.bump}` }, c.bump),
              ' ',
              c.kind === 'changed'
                ? `${c.area} ${c.id} ${c.field ?? ''}: ${c.before ?? ''} → ${c.after ?? ''}`
                : `${c.area} ${c.id} ${c.kind}${c.after ? `: ${c.after}` : c.before ? `: ${c.before}` : ''}`,
              h('span', { class: 'muted' }, ` (${c.reason})`),
            ),
          ),
        );
  const inspections = impact.inspections.map((i) =>
    h(
      'section',
      { class: 'inspection' },
      h('h3', {}, i.area || i.file),
      i.note ? h('p', { class: 'muted' }, i.note) : null,
      i.errors
        ? h('p', { class: 'bad' }, `Not scored under the ${i.errors.version} version: ${i.errors.diagnostics.map((d) => `${d.code} ${d.message}`).join('; ')}`)
        : null,
      !i.errors && i.changes.length === 0 ? h('p', {}, `No figure moves (${i.cases} cases).`) : null,
      i.changes.length > 0
        ? table({ class: 'moves' }, h('caption', {}, `Figures that move on ${i.area || i.file}`), ['Result', 'Before', 'After', 'Band'], i.changes, (c) =>
            h(
              'tr',
              { 'data-id': c.id, class: c.kind },
              h('th', { scope: 'row' }, `${c.id} ${c.title}`),
              h('td', {}, c.before),
              h('td', {}, c.after),
              h('td', {}, c.bandBefore !== undefined && c.bandBefore !== c.bandAfter ? `${c.bandBefore ?? 'none'} → ${c.bandAfter ?? 'none'}` : ''),
            ),
          )
        : null,
      i.caseChanges.length > 0 ? h('p', { class: 'muted' }, `${i.caseChanges.length} of ${i.cases} cases change outcome on some question.`) : null,
    ),
  );
  const transitions =
    impact.bandTransitions.length > 0
      ? h(
          'section',
          {},
          h('h3', {}, 'Band transitions'),
          h(
            'ul',
            {},
            impact.bandTransitions.map((t) => h('li', {}, `${t.id}: ${t.before} → ${t.after} in ${t.count} of ${t.of} inspections`)),
          ),
        )
      : null;
  replaceChildren(panel, verdict, head, h('h3', {}, 'Changes'), changes, ...inspections, transitions);
}

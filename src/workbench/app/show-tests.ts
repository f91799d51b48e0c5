/**
 * The pack's tests: pass or fail per test with expected against actual, then coverage — what no
 * test exercised — each linked to its line.
 */
import type { Diagnostic, TestsOutcome } from './api-types.js';
import { h, replaceChildren, table } from './make-element.js';

export type OpenAt = (file: string, line?: number, column?: number) => void;

const show = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

function link(open: OpenAt, file: string | undefined, line: number | undefined, column: number | undefined, text: string): HTMLElement {
  if (file === undefined) return h('span', {}, text);
  const button = h('button', { type: 'button', class: 'link' }, text);
  button.addEventListener('click', () => open(file, line, column));
  return button;
}

function diagnosticItem(open: OpenAt, d: Diagnostic): HTMLElement {
  return h(
    'li',
    {},
    link(open, d.file, d.line, d.column, `${d.file ?? ''}${d.line ? `:${d.line}` : ''}`),
    ' ',
    h('strong', {}, d.code),
    ' ',
    d.message,
    d.hint ? h('span', { class: 'hint' }, ` — ${d.hint}`) : null,
  );
}

export function showTests(panel: HTMLElement, run: TestsOutcome, open: OpenAt): void {
  if ('errors' in run) {
    replaceChildren(
      panel,
      h('p', { class: 'bad' }, 'The tests could not run:'),
      h(
        'ul',
        {},
        run.errors.map((d) => diagnosticItem(open, d)),
      ),
    );
    return;
  }
  const summary = h(
    'p',
    { class: run.failed > 0 ? 'bad summary' : 'good summary' },
    `${run.passed} passed, ${run.failed} failed`,
    h('span', { class: 'muted' }, ` (${run.id} ${run.version}, ${Math.round(run.ms)} ms)`),
  );
  const outcomes = h(
    'ul',
    { class: 'tests' },
    run.outcomes.map((o) =>
      h(
        'li',
        { class: o.passed ? 'pass' : 'fail' },
        h('span', { class: 'mark', 'aria-hidden': 'true' }, o.passed ? '✓' : '✗'),
        h('span', { class: 'visually-hidden' }, o.passed ? 'passed: ' : 'failed: '),
        link(open, o.file, o.line, 1, o.name),
        o.problem ? h('div', { class: 'problem' }, o.problem) : null,
        o.mismatches.length > 0
          ? table(
              { class: 'mismatches' },
              h('caption', { class: 'visually-hidden' }, `Expected against actual for ${o.name}`),
              ['Result', 'Property', 'Expected', 'Actual'],
              o.mismatches,
              (m) =>
                h(
                  'tr',
                  {},
                  h('th', { scope: 'row' }, m.id),
                  h('td', {}, m.property),
                  h('td', { class: 'expected' }, show(m.expected)),
                  h('td', { class: 'actual' }, show(m.actual)),
                ),
            )
          : null,
        o.errors.length > 0
          ? h(
              'ul',
              { class: 'errors' },
              o.errors.map((d) => diagnosticItem(open, d)),
            )
          : null,
      ),
    ),
  );
  const totals = Object.entries(run.coverage.totals)
    .map(([k, n]) => `${n} ${k === 'bandRule' ? 'band rules' : k === 'weightClass' ? 'weight classes' : `${k}s`}`)
    .join(', ');
  const coverage = h(
    'section',
    { class: 'coverage', 'aria-labelledby': 'coverage-heading' },
    h('h3', { id: 'coverage-heading' }, 'Coverage'),
    h('p', {}, run.coverage.gaps.length === 0 ? `Every one of ${totals} was exercised by a test.` : `Of ${totals}, these were not exercised:`),
    run.coverage.gaps.length > 0
      ? h(
          'ul',
          {},
          run.coverage.gaps.map((g) => h('li', {}, link(open, g.file, g.line, g.column, g.message))),
        )
      : null,
  );
  replaceChildren(panel, summary, outcomes, coverage);
}

// The explanation, diff and test-run pages: self-contained documents that say what the text output
// says (the figure and its steps; the changes, the impact table and band transitions; pass or fail).
import { describe, expect, it } from 'vitest';
import type { PackDiffReport } from '../../src/diff/format-diff.js';
import { formatDiffHtml } from '../../src/diff/format-diff-html.js';
import { formatTestsHtml } from '../../src/tester/format-tests-html.js';
import { formatTraceHtml } from '../../src/report/format-trace-html.js';
import { checkHtml } from './check-html.js';

const PROVENANCE = { pack: 'p', version: '1.0.0', sha256: 'a'.repeat(64), thematics: [], engine: 'criteria 0.1.0' };

describe('the explanation page', () => {
  const tree = {
    id: 'C',
    label: 'C Interventions: 83%',
    value: 83,
    provenance: PROVENANCE,
    children: [
      {
        id: 'C/score',
        label: 'mean of <the> criteria: 83',
        value: 83,
        children: [{ id: 'C1', label: 'C1 Attendance: 93% × 2', value: 93, children: [{ id: 'C1.1', label: 'deep', value: 1, children: [] }] }],
      },
    ],
  };

  it('states the figure, then its steps as nested lists, then provenance', () => {
    const html = formatTraceHtml(tree, { inspection: 'area/inspection.yaml', date: '2026-02-03' });
    expect(checkHtml(html)).toEqual([]);
    expect(html).toContain('<title>How C is derived</title>');
    expect(html).toContain('<p class="lead">C Interventions: 83%</p>');
    expect(html).toContain('<ul class="trace">\n<li>mean of &lt;the&gt; criteria: 83<ul>\n<li>C1 Attendance: 93% × 2<ul>');
    expect(html).toContain('<li>deep</li>');
    expect(html).toContain('<dt>pack</dt><dd>p@1.0.0 sha256 aaaaaaaaaaaa</dd>');
    expect(html).toContain('Report produced 3 February 2026');
  });

  it('stops at the depth asked for', () => {
    expect(formatTraceHtml(tree, { inspection: 'x', maxDepth: 2 })).not.toContain('<li>deep</li>');
  });
});

describe('the diff report', () => {
  const report: PackDiffReport = {
    before: { path: 'old', id: 'p', version: '1.0.0', sha256: 'a'.repeat(64) },
    after: { path: 'new', id: 'p', version: '1.1.0', sha256: 'b'.repeat(64) },
    engine: 'criteria 0.1.0',
    changes: [
      {
        area: 'criterion',
        id: 'C1',
        kind: 'changed',
        field: 'weight',
        before: 'critical',
        after: 'important',
        bump: 'minor',
        reason: 'can move a score on the same data',
      },
    ],
    verdict: { before: '1.0.0', after: '1.1.0', required: 'minor', written: 'minor', ok: true, message: 'ok: 1.0.0 → 1.1.0 is a minor bump, as required' },
    impact: {
      inspections: [
        {
          file: 'a.yaml',
          area: 'Area A',
          changes: [
            { id: 'C', kind: 'section', title: 'Interventions', before: '83%', after: '82%' },
            { id: 'overall', kind: 'overall', title: 'Overall', before: '79%', after: '78%' },
          ],
          cases: 100,
          caseChanges: [{ id: 'D1', questions: [{ question: 'C1.4', before: 'met', after: 'notRelevant' }] }],
        },
        {
          file: 'b.yaml',
          area: 'Area B',
          errors: { version: 'new', diagnostics: [{ code: 'CASE_ANSWER_NOT_APPLICABLE', severity: 'error', message: 'case D9: no' }] },
          changes: [],
          cases: 0,
          caseChanges: [],
        },
      ],
      bandTransitions: [{ id: 'A3', before: 'Satisfactorily met', after: 'Well met', count: 1, of: 2 }],
    },
  };

  it('gives the verdict, the changes, the impact table per inspection and the band transitions', () => {
    const html = formatDiffHtml(report, {});
    expect(checkHtml(html)).toEqual([]);
    expect(html).toContain('<title>p 1.0.0 → 1.1.0: 1 change</title>');
    expect(html).toContain('<p class="pass">Version: ok: 1.0.0 → 1.1.0 is a minor bump, as required</p>');
    expect(html).toContain(
      '<tr><th scope="row" class="id">C1</th><td class="text">weight: critical → important</td><td class="rating" data-label="Bump">minor</td>',
    );
    expect(html).toContain('<h3>Area A (a.yaml)</h3>');
    expect(html).toContain('<p>1 section, 1 overall result changed; overall 79% → 78%; 1 of 100 cases changed outcome on some question.</p>');
    expect(html).toContain(
      '<tr class="total"><th scope="row" class="id">overall</th><td class="text">Overall</td><td class="value" data-label="Before">79%</td><td class="value" data-label="After">78%</td></tr>',
    );
    expect(html).toContain('<li>D1: C1.4 met → not relevant</li>');
    expect(html).toContain('<p class="fail">Cannot be scored under the new version:</p>');
    expect(html).toContain('<tr><th scope="row" class="id">A3</th><td>Satisfactorily met</td><td>Well met</td><td class="num">1 of 2</td></tr>');
  });
});

describe('the test report', () => {
  it('counts passes and failures and says what a failure expected', () => {
    const html = formatTestsHtml([
      {
        path: 'rules/x',
        pack: 'x',
        version: '1.0.0',
        outcomes: [
          { file: 't.yaml', name: 'scores A', passed: true, mismatches: [], errors: [] },
          {
            file: 't.yaml',
            line: 4,
            name: 'scores B',
            passed: false,
            code: 'TEST_FAILED',
            mismatches: [{ id: 'B', property: 'score', expected: 70, actual: 69 }],
            errors: [],
          },
        ] as never,
      },
      { path: 'rules/y', outcomes: [], errors: [{ code: 'YAML_SYNTAX', severity: 'error', message: 'bad', file: 'pack.yaml', line: 2 }] },
    ]);
    expect(checkHtml(html)).toEqual([]);
    expect(html).toContain('<p class="fail">1 passed, 2 failed</p>');
    expect(html).toContain('<td class="fail" data-label="Result">FAIL</td><td class="note">B.score: expected 70, got 69<br>t.yaml:4</td>');
    expect(html).toContain('<li>YAML_SYNTAX: bad (pack.yaml:2)</li>');
  });
});

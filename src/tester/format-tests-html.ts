import type { Diagnostic } from '../model/errors.js';
import type { Coverage } from './measure-coverage.js';
import type { TestOutcome } from './run-pack-tests.js';
import { describeMeta } from '../report/format-html.js';
import { renderTemplate } from '../report/render-template.js';
import { stylePage } from '../report/style-page.js';

/** One pack's test run: its outcomes and coverage, or the errors that kept its tests from running. */
export interface PackTestReport {
  path: string;
  pack?: string;
  version?: string;
  outcomes: TestOutcome[];
  coverage?: Coverage;
  errors?: Diagnostic[];
}

const show = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));
const where = (d: { file?: string; line?: number }) => (d.file ? ` (${d.file}${d.line ? `:${d.line}` : ''})` : '');

function details(o: TestOutcome): string[] {
  if (o.passed) return [];
  return [
    ...(o.problem ? [o.problem] : []),
    ...o.mismatches.map((m) => `${m.id}.${m.property}: expected ${show(m.expected)}, got ${show(m.actual)}`),
    ...o.errors.map((e) => `${e.code}: ${e.message}${where(e)}`),
    `${o.file}${o.line ? `:${o.line}` : ''}`,
  ];
}

function describeCoverage(coverage: Coverage): { line: string; gaps: string[] } {
  const { totals, gaps } = coverage;
  const count = (kind: keyof Coverage['totals']) => `${totals[kind] - gaps.filter((g) => g.kind === kind).length} of ${totals[kind]}`;
  return {
    line: `Coverage: questions ${count('question')} relevant and unmet, band rules ${count('bandRule')} matched, thresholds ${count('threshold')} approached from both sides, weight classes ${count('weightClass')} used.`,
    gaps: gaps.map((g) => g.message),
  };
}

/** A test run of packs as one self-contained HTML page: the count, then each pack's tests with what failed and why. */
export function formatTestsHtml(reports: PackTestReport[], options: { date?: string } = {}): string {
  const outcomes = reports.flatMap((r) => r.outcomes);
  const passed = outcomes.filter((o) => o.passed).length;
  const failed = outcomes.length - passed + reports.filter((r) => r.errors !== undefined).length;
  return renderTemplate('@tests', {
    title: `Pack tests: ${failed === 0 ? 'all passed' : `${failed} failed`}`,
    meta: describeMeta(options.date),
    style: stylePage(`pack tests · ${reports.map((r) => (r.pack ? `${r.pack}@${r.version ?? ''}` : r.path)).join(', ')}`),
    passed,
    failed,
    packs: reports.map((r) => ({
      heading: r.pack ? `${r.pack} ${r.version ?? ''} (${r.path})` : r.path,
      errors: (r.errors ?? []).map((e) => `${e.code}: ${e.message}${where(e)}`),
      outcomes: r.outcomes.map((o) => ({ name: o.name, passed: o.passed, details: details(o) })),
      coverage: r.coverage === undefined ? null : describeCoverage(r.coverage),
    })),
  });
}

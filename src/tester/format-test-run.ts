/**
 * Prints pack test outcomes for a person: pass or fail per test, and for a failure each expected
 * value beside the actual one, then one closing count line.
 */
import type { Coverage } from './measure-coverage.js';
import type { TestOutcome } from './run-pack-tests.js';

const show = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

export function formatOutcomes(label: string, outcomes: readonly TestOutcome[]): string {
  const lines = [label];
  for (const o of outcomes) {
    lines.push(`  ${o.passed ? 'pass' : 'FAIL'}  ${o.name}${o.passed ? '' : `  (${o.file}${o.line ? `:${o.line}` : ''}) ${o.code ?? 'TEST_FAILED'}`}`);
    if (o.substituted !== undefined)
      lines.push(`        scored with the pack under test ${o.substituted === '' ? "added to the inspection's thematics" : `in place of ${o.substituted}`}`);
    if (o.passed) continue;
    if (o.problem) lines.push(`        ${o.problem}`);
    for (const m of o.mismatches) lines.push(`        ${m.id}.${m.property}: expected ${show(m.expected)}, got ${show(m.actual)}`);
    for (const e of o.errors.slice(0, 5)) lines.push(`        error ${e.code}: ${e.message}${e.file ? ` (${e.file}${e.line ? `:${e.line}` : ''})` : ''}`);
    if (o.errors.length > 5) lines.push(`        … and ${o.errors.length - 5} more errors`);
  }
  return lines.join('\n');
}

export function formatCoverage(coverage: Coverage): string {
  const { totals, gaps } = coverage;
  const count = (kind: keyof Coverage['totals']) => `${totals[kind] - gaps.filter((g) => g.kind === kind).length}/${totals[kind]}`;
  const lines = [
    `  coverage: questions ${count('question')} relevant and unmet, band rules ${count('bandRule')} matched, ${totals.limit > 0 ? `limits ${count('limit')} seen applying and not, ` : ''}thresholds ${count('threshold')} approached from both sides, weight classes ${count('weightClass')} used`,
  ];
  for (const gap of gaps) lines.push(`    not exercised: ${gap.message}`);
  return lines.join('\n');
}

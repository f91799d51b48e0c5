/**
 * A pack diff for people (changes grouped by what they are to, each with its bump, then the
 * version verdict, then the impact on inspections) or as JSON for tools.
 */
import { AREAS, AREA_TITLES, type PackChange } from './pack-change.js';
import { countChangedKinds, type Impact } from './measure-impact.js';
import type { VersionVerdict } from './judge-version.js';
import { shortenHash } from '../report/describe-provenance.js';

export interface PackDiffReport {
  before: { path: string; id: string; version: string; sha256: string };
  after: { path: string; id: string; version: string; sha256: string };
  /** The engine that compared them. */
  engine: string;
  changes: PackChange[];
  verdict: VersionVerdict;
  impact?: Impact;
}

const SIGNS: Record<PackChange['kind'], string> = { added: '+', removed: '-', changed: '~', moved: '>' };

function changeLine(c: PackChange): string {
  const what =
    c.kind === 'changed'
      ? `${c.id} ${c.field}: ${c.before} → ${c.after}`
      : c.kind === 'moved'
        ? `${c.id} moved from ${c.before} to ${c.after}`
        : `${c.id} ${c.kind}${c.kind === 'added' ? (c.after ? `: ${c.after}` : '') : c.before ? `: ${c.before}` : ''}`;
  return `  ${SIGNS[c.kind]} ${what}  [${c.bump}: ${c.reason}]`;
}

const OUTCOME_WORDS: Record<string, string> = { notRelevant: 'not relevant', met: 'met', notMet: 'not met', notApplicable: 'not applicable', absent: 'absent' };

function impactLines(impact: Impact): string[] {
  const lines: string[] = [''];
  const n = impact.inspections.length;
  lines.push(`Impact on ${n} ${n === 1 ? 'inspection' : 'inspections'}`);
  for (const inspection of impact.inspections) {
    lines.push('');
    if (inspection.errors) {
      lines.push(`${inspection.file}: cannot be scored under the ${inspection.errors.version} version`);
      for (const d of inspection.errors.diagnostics.slice(0, 5))
        lines.push(`  error ${d.code}: ${d.message}${d.file ? ` (${d.file}${d.line ? `:${d.line}` : ''})` : ''}`);
      if (inspection.errors.diagnostics.length > 5) lines.push(`  … and ${inspection.errors.diagnostics.length - 5} more errors`);
      continue;
    }
    lines.push(`${inspection.file} — ${inspection.area}`);
    if (inspection.note) lines.push(`  note: ${inspection.note}`);
    const width = Math.max(0, ...inspection.changes.map((c) => c.id.length));
    for (const c of inspection.changes) lines.push(`  ${c.id.padEnd(width)}  ${c.before} → ${c.after}  (${truncate(c.title, 60)})`);
    const summary = countChangedKinds(inspection.changes);
    const overall = inspection.changes.find((c) => c.id === 'overall');
    lines.push(
      `  summary: ${summary === '' ? 'nothing changed' : `${summary} changed`}; overall ${overall ? `${overall.before} → ${overall.after}` : 'unchanged'}; ${inspection.caseChanges.length} of ${inspection.cases} cases changed outcome on some question`,
    );
    const shown = inspection.caseChanges.slice(0, 20);
    for (const c of shown) {
      const parts = c.questions.map((q) => `${q.question} ${OUTCOME_WORDS[q.before] ?? q.before} → ${OUTCOME_WORDS[q.after] ?? q.after}`);
      lines.push(`    ${c.id}: ${parts.slice(0, 6).join('; ')}${parts.length > 6 ? `; and ${parts.length - 6} more` : ''}`);
    }
    if (inspection.caseChanges.length > shown.length) lines.push(`    … and ${inspection.caseChanges.length - shown.length} more cases`);
  }
  lines.push('', 'Band transitions');
  if (impact.bandTransitions.length === 0) lines.push('  no band changed');
  for (const t of impact.bandTransitions)
    lines.push(`  ${t.id}: ${t.before} → ${t.after} in ${t.count} of ${t.of} ${t.of === 1 ? 'inspection' : 'inspections'}`);
  return lines;
}

function truncate(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text;
}

export function formatDiffText(report: PackDiffReport): string {
  const { before, after, changes, verdict } = report;
  const lines = [
    `${before.id} ${before.version} (${before.path}) → ${after.id} ${after.version} (${after.path}): ${changes.length === 0 ? 'no changes' : `${changes.length} ${changes.length === 1 ? 'change' : 'changes'}`}`,
  ];
  for (const area of AREAS) {
    const group = changes.filter((c) => c.area === area);
    if (group.length === 0) continue;
    lines.push('', AREA_TITLES[area]);
    for (const c of group) lines.push(changeLine(c));
  }
  lines.push('', `Version: ${verdict.message}`);
  if (report.impact) lines.push(...impactLines(report.impact));
  lines.push(
    '',
    `before   ${before.id}@${before.version} sha256 ${shortenHash(before.sha256)}`,
    `after    ${after.id}@${after.version} sha256 ${shortenHash(after.sha256)}`,
    `engine   ${report.engine}`,
  );
  return lines.join('\n') + '\n';
}

export function formatDiffJson(report: PackDiffReport): string {
  return JSON.stringify(report, null, 2) + '\n';
}

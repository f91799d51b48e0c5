import { AREAS, AREA_TITLES, type PackChange } from './pack-change.js';
import type { PackDiffReport } from './format-diff.js';
import { countChangedKinds, type InspectionImpact } from './measure-impact.js';
import { shortenHash } from '../report/describe-provenance.js';
import { describeMeta } from '../report/format-html.js';
import { renderTemplate } from '../report/render-template.js';
import { stylePage } from '../report/style-page.js';

const OUTCOMES: Record<string, string> = { notRelevant: 'not relevant', met: 'met', notMet: 'not met', notApplicable: 'not applicable', absent: 'absent' };
/** The cases listed per inspection; the rest are counted. */
const CASES_SHOWN = 20;

function describeWhat(c: PackChange): string {
  if (c.kind === 'changed') return `${c.field ?? ''}: ${c.before ?? ''} → ${c.after ?? ''}`;
  if (c.kind === 'moved') return `moved from ${c.before ?? ''} to ${c.after ?? ''}`;
  const text = c.kind === 'added' ? c.after : c.before;
  return text ? `${c.kind}: ${text}` : c.kind;
}

function viewInspection(inspection: InspectionImpact) {
  const heading = inspection.errors ? inspection.file : `${inspection.area} (${inspection.file})`;
  if (inspection.errors) {
    const errors = inspection.errors.diagnostics.map((d) => `${d.code}: ${d.message}${d.file ? ` (${d.file}${d.line ? `:${d.line}` : ''})` : ''}`);
    return {
      heading,
      note: inspection.note,
      problem: `Cannot be scored under the ${inspection.errors.version} version:`,
      errors,
      summary: '',
      changes: [],
      cases: [],
    };
  }
  const moved = countChangedKinds(inspection.changes);
  const overall = inspection.changes.find((c) => c.id === 'overall');
  const summary =
    `${moved === '' ? 'Nothing changed' : `${moved} changed`}; overall ${overall ? `${overall.before} → ${overall.after}` : 'unchanged'}; ` +
    `${inspection.caseChanges.length} of ${inspection.cases} cases changed outcome on some question.`;
  const cases = inspection.caseChanges
    .slice(0, CASES_SHOWN)
    .map((c) => `${c.id}: ${c.questions.map((q) => `${q.question} ${OUTCOMES[q.before] ?? q.before} → ${OUTCOMES[q.after] ?? q.after}`).join('; ')}`);
  if (inspection.caseChanges.length > CASES_SHOWN) cases.push(`… and ${inspection.caseChanges.length - CASES_SHOWN} more cases`);
  return { heading, note: inspection.note, problem: '', errors: [], summary, changes: inspection.changes, cases };
}

/**
 * A pack diff as one self-contained HTML page for a methodology board: the version verdict, the
 * changes grouped by what they are to with the bump each calls for, the impact on each inspection
 * and the band transitions across them, provenance.
 */
export function formatDiffHtml(report: PackDiffReport, options: { date?: string } = {}): string {
  const { before, after } = report;
  const n = report.changes.length;
  const groups = AREAS.map((area) => ({
    heading: AREA_TITLES[area],
    changes: report.changes.filter((c) => c.area === area).map((c) => ({ id: c.id, what: describeWhat(c), bump: c.bump, reason: c.reason })),
  })).filter((g) => g.changes.length > 0);
  const impact = report.impact;
  return renderTemplate('@diff', {
    title: `${before.id} ${before.version} → ${after.version}: ${n === 0 ? 'no changes' : `${n} ${n === 1 ? 'change' : 'changes'}`}`,
    meta: [`Old: ${before.path}`, `New: ${after.path}`, ...describeMeta(options.date)],
    style: stylePage(
      `${before.id} ${before.version} → ${after.version} · sha256 ${shortenHash(before.sha256)} → ${shortenHash(after.sha256)} · ${report.engine}`,
    ),
    verdict: report.verdict,
    groups,
    impact:
      impact === undefined
        ? null
        : {
            heading: `${impact.inspections.length} ${impact.inspections.length === 1 ? 'inspection' : 'inspections'}`,
            inspections: impact.inspections.map(viewInspection),
            transitions: impact.bandTransitions,
          },
    provenance: [
      ['before', `${before.id}@${before.version} sha256 ${shortenHash(before.sha256)}`],
      ['after', `${after.id}@${after.version} sha256 ${shortenHash(after.sha256)}`],
      ['engine', report.engine],
    ],
  });
}

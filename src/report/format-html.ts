import type { InspectionResult } from '../model/result.js';
import { buildPackView } from './build-pack-view.js';
import { describeTitle } from './build-sheet.js';
import { describeCases, describeExcluded, hasCaseSample } from './describe-cases.js';
import { describeProvenance } from './describe-provenance.js';
import { renderTemplate } from './render-template.js';
import { REPORT_STYLE } from './templates/report-style.js';

/**
 * One self-contained HTML page: the scoring summary sheet as a table, a bar chart of criterion
 * scores, per-question bars, thematics, targets, provenance and cases. No external resources.
 */
export function formatHtml(result: InspectionResult): string {
  const packs = [result, ...result.thematics].map((pack) => buildPackView(pack, result.area));
  return renderTemplate('@page', {
    title: describeTitle(result, result.area),
    style: REPORT_STYLE,
    packs,
    provenance: describeProvenance(result.provenance),
    cases: hasCaseSample(result) ? describeCases(result.cases) : '',
    excluded: result.cases.excluded.map(describeExcluded),
  });
}

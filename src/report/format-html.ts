import type { InspectionResult } from '../model/result.js';
import { buildPackView } from './build-pack-view.js';
import { describeTitle } from './build-sheet.js';
import { describeCases, describeExcluded, hasCaseSample } from './describe-cases.js';
import { describePeriod } from './describe-period.js';
import { describeProvenance, shortenHash } from './describe-provenance.js';
import { findBoundaries } from './find-boundaries.js';
import type { HtmlOptions } from './options.js';
import { renderTemplate } from './render-template.js';
import { stylePage } from './style-page.js';

/** The line under a report's title: the day the report was produced (the title already names the period). */
export function describeMeta(date: string | undefined): string[] {
  return date === undefined ? [] : [`Report produced ${describePeriod(date)}`];
}

/**
 * One self-contained HTML page: the scoring summary sheet as a table with its key, a bar chart of
 * criterion scores (with rating boundaries when the packs are given), per-question bars,
 * thematics, targets, provenance and cases. No external resources.
 */
export function formatHtml(result: InspectionResult, options: HtmlOptions = {}): string {
  const area = result.area.period === undefined ? result.area : { ...result.area, period: describePeriod(result.area.period) };
  const boundaries = findBoundaries(options.packs?.find((p) => p.id === result.id));
  const packs = [
    buildPackView(result, area, boundaries),
    ...result.thematics.map((t) => buildPackView(t, area, findBoundaries(options.packs?.find((p) => p.id === t.id)))),
  ];
  const p = result.provenance;
  return renderTemplate('@page', {
    title: describeTitle(result, area),
    meta: describeMeta(options.date),
    style: stylePage(`${result.area.name} · ${p.pack}@${p.version} sha256 ${shortenHash(p.sha256)} · ${p.engine}`),
    packs,
    provenance: describeProvenance(result.provenance),
    cases: hasCaseSample(result) ? describeCases(result.cases) : '',
    excluded: result.cases.excluded.map(describeExcluded),
  });
}

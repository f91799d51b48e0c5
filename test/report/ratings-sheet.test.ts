// The probation ratings sheet (Northmoor example) in HTML and text: rating boundaries marked on the
// chart from the pack's band set, headings that do not repeat a section's number, the overall
// rating printed once.
import { beforeAll, describe, expect, it } from 'vitest';
import { formatHtml, formatSheet } from '../../src/report/index.js';
import { scoreInspectionFile, type ScoredFile } from '../../src/pipeline/score-file.js';
import { checkHtml } from './check-html.js';

let scored: ScoredFile;

beforeAll(async () => {
  const out = await scoreInspectionFile('rules/probation-2018/examples/northmoor-2019/inspection.yaml');
  if ('errors' in out) throw new Error(JSON.stringify(out.errors));
  scored = out;
});

describe('the ratings sheet', () => {
  it("marks each scored key question's rating boundaries on the chart, with a key", () => {
    const html = formatHtml(scored.result, { packs: [scored.opened.methodology, ...scored.opened.thematics], date: '2026-01-05' });
    expect(checkHtml(html)).toEqual([]);
    const wide = html.slice(html.indexOf('<svg class="wide"'), html.indexOf('<svg class="narrow"'));
    const scoredCriteria = scored.result.sections.flatMap((s) => s.criteria).filter((c) => c.score !== null);
    expect(scoredCriteria.length).toBeGreaterThan(0);
    // three boundaries (Requires improvement, Good, Outstanding) on each scored row
    expect(wide.match(/<g class="boundary">/g)?.length).toBe(3 * scoredCriteria.length);
    expect(wide).toContain('<title>Good from 65%</title>');
    expect(html).toContain('Dashed marks across a bar: where the rating changes (Requires improvement from 50%, Good from 65%, Outstanding from 80%).');
    expect(html).toContain('<p class="meta"><span>Report produced 5 January 2026</span></p>');
    // without the packs there is nothing to mark
    expect(formatHtml(scored.result)).not.toContain('<g class="boundary">');
  });

  it('heads sections once by their number, and prints the overall rating once', () => {
    const html = formatHtml(scored.result);
    expect(html).toContain('<th scope="rowgroup" colspan="2">Section 1.1 Leadership (Domain 1: organisational delivery)</th>');
    expect(html).not.toMatch(/Section (\d\.\d) – \1/);
    expect(html.match(/<tr class="overall">/g)?.length).toBe(1);
    const text = formatSheet(scored.result);
    expect(text).toContain('\nSection 1.1 Leadership (Domain 1: organisational delivery)\n');
    expect(text).not.toMatch(/Section (\d\.\d) – \1/);
  });
});

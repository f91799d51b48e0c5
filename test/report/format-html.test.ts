import { describe, expect, it } from 'vitest';
import { formatHtml } from '../../src/report/format-html.js';
import { checkHtml } from './check-html.js';
import { handResult, readSample } from './hand-result.js';

/** The first chart's wide shape (each chart is laid out twice: wide, and narrow for a phone). */
function chartOf(html: string): string {
  const start = html.indexOf('<svg class="wide"');
  return html.slice(start, html.indexOf('</svg>', start));
}

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

describe('checkHtml (the test helper)', () => {
  it.each([
    ['<!DOCTYPE html>\n<html><head><title>t</title></head><body><p>a</b></body></html>', '</b> closes <p>'],
    ['<!DOCTYPE html>\n<html><head><title>t</title></head><body><p>a < b</p></body></html>', 'stray angle bracket'],
    ['<!DOCTYPE html>\n<html><head><title>t</title></head><body></body></html><p></p>', '2 top-level elements'],
    ['<!DOCTYPE html>\n<html><head><title>x<script></title></head><body></body></html>', 'markup inside <title>'],
  ])('finds the problem in %s', (html, problem) => {
    expect(checkHtml(html).join('\n')).toContain(problem);
  });
});

describe('formatHtml on the engine sample', () => {
  const sample = readSample();
  const html = formatHtml(sample);

  it('is one well-formed, self-contained document', () => {
    expect(checkHtml(html)).toEqual([]);
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(html).toContain('<title>Effective Supervision Inspection (2003) — Derbyshire, October 2003</title>');
    expect(html).not.toMatch(/\s(src|href)=/i);
    expect(html).not.toMatch(/<(script|link|img|iframe)\b/i);
    expect(html).not.toMatch(/url\(|@import/i);
  });

  it('has an SVG chart with one bar per scored criterion and the bands written as labels', () => {
    const chart = chartOf(html);
    const criteria = sample.sections.flatMap((s) => s.criteria);
    const scored = criteria.filter((c) => c.score !== null);
    expect(scored.length).toBe(12);
    expect(count(chart, /<rect class="bar /g)).toBe(scored.length);
    expect(chart).toContain('<svg class="wide" viewBox=');
    expect(chart).toMatch(/<svg [^>]*role="img">\n<title>/);
    expect(html).toContain('<svg class="narrow"');
    expect(html).not.toContain('…');
    expect(chart).toContain('<title>B1: Assessment of risk of harm: 61%</title>');
    expect(chart).toMatch(/<text class="band"[^>]*><title>A3: Management and supervision of staff: Satisfactorily met<\/title>Satisfactorily met<\/text>/);
  });

  it('prints the sheet as a table with row and column headers', () => {
    expect(html).toContain('<th scope="col">Criterion</th>');
    expect(html).toContain('<th scope="rowgroup" colspan="3">Section B – Quality of Assessment</th>');
    expect(html).toContain('<tr><th scope="row">B1: Assessment of risk of harm</th><td class="weight">critical</td><td class="value">61%</td></tr>');
    expect(html).toContain('<tr class="total"><th scope="row">Score for section B</th><td class="weight"></td><td class="value">60%</td></tr>');
    // the overall line is the table's last row group, not a tfoot a browser repeats on every printed page
    expect(html).not.toContain('<tfoot>');
    expect(html).toMatch(/<tbody class="overall">\s*<tr class="overall"><th scope="row">Overall score for sections B–D<\/th>/);
    expect(html).toContain('<dt>Weight</dt><dd>in the weighted score: critical counts ×2, important counts ×1</dd>');
  });

  it('draws a bar per question with a percentage, and lists items and targets', () => {
    const questions = sample.sections.flatMap((s) => s.criteria.flatMap((c) => c.questions));
    expect(count(html, /<rect class="fill series-0"/g)).toBe(questions.filter((q) => q.percent !== null).length);
    // the bar is decoration beside the percentage: read once
    expect(html).not.toContain('<title>B1.3: 67% met</title>');
    expect(count(html, /<svg viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true">/g)).toBe(count(html, /<rect class="fill series-0"/g));
    expect(html).toMatch(
      /<th scope="row" class="id">B3\.7<\/th><td class="text">[^<]*<\/td><td class="num" data-label="Relevant">0<\/td><td class="num" data-label="Met">0<\/td><td class="num qbar" data-label="Percent met">—<\/td>/,
    );
    expect(html).toContain('<dt>—</dt><dd>for a question, no relevant cases</dd>');
    expect(html).toContain('<td class="note">not counted: relates to the National Probation Directorate</td>');
    expect(html).toMatch(
      /<th scope="row" class="text">Sickness absence: average days absence \(SDA 8\)<\/th><td class="num" data-label="Target">10 days<\/td><td class="num" data-label="Value">9\.1 days<\/td><td class="num" data-label="Comparator">11\.9 days<\/td><td class="status" data-label="Status">Met<\/td>/,
    );
  });

  it('prints for screen and paper', () => {
    expect(html).toContain('@media print');
    expect(html).toContain('page-break-inside: avoid');
    expect(html).toContain('size: A4');
    expect(html).toContain('@bottom-right { content: "Page " counter(page) " of " counter(pages);');
    expect(html).toContain('@bottom-left { content: "Derbyshire · esi-2003@1.0.0 sha256 2a6ba90fe3d7 · ');
  });

  it('ends with provenance and the case accounting line', () => {
    expect(html).toContain('<dt>pack</dt><dd>esi-2003@1.0.0 sha256 2a6ba90fe3d7</dd>');
    expect(html).toContain('<p class="cases">cases: 10 read, 10 scored (0 relevant to no question), 0 excluded</p>');
  });

  it('is deterministic', () => {
    expect(formatHtml(readSample())).toBe(html);
  });
});

describe('formatHtml on a hand-made result', () => {
  const html = formatHtml(handResult());

  it('escapes titles, texts and reasons', () => {
    expect(checkHtml(html)).toEqual([]);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('<title>Hand &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;Pack&quot; — Testshire, 2024</title>');
    expect(html).toContain('<th scope="row">P2: Planning &amp; &lt;review&gt;</th>');
    expect(html).toContain('<li>excluded case-9 (cases.csv:10): unknown answer &quot;maybe&quot; to P1.2; no date</li>');
  });

  it('shows the adjusted and not-rated criteria, the thematic and its summary', () => {
    expect(html).toContain('<td class="value">Fair*</td>');
    expect(html).toContain('<p class="footnote">* adjusted from Poor: the plan was revised after the fieldwork</p>');
    expect(html).toContain('<td class="value">not rated (no relevant cases)</td>');
    expect(html).toContain('<section class="pack thematic">\n<h2>Thematic X &amp; friends — Testshire, 2024</h2>');
    expect(html).toContain('<tr class="summary"><td colspan="2">Thematic work in Testshire was fair overall.</td></tr>');
    expect(count(chartOf(html), /<rect class="bar /g)).toBe(1);
  });
});

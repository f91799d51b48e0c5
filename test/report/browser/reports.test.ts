/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The HTML reports as their readers meet them, in Debian's chromium driven by playwright-core: the
// Derbyshire sheet, the probation ratings sheet, a comparison of two inspections, an explanation
// and a pack diff — on a phone (390 px) and a desktop (1280 px), and printed to an A4 PDF. Each
// page must fit its width, keep chart text readable, pass axe and html-validate, load nothing from
// the network, and print its overall result once with its summary on the first page.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeReports, type ReportName } from './make-reports.js';
import { CHROMIUM, CHROMIUM_FOUND, launchChromium } from '../../support/chromium.js';

const SHOTS = '.tmp/screenshots/reports';
const WIDTHS = [390, 1280] as const;
const found = CHROMIUM_FOUND;
const pdftotext = ['/usr/bin/pdftotext', '/usr/local/bin/pdftotext'].find((p) => existsSync(p));
const CI = process.env.CI === 'true';
const require = createRequire(import.meta.url);

if (!found && !CI) process.stdout.write(`report browser tests skipped: no chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH)\n`);

describe.runIf(CI)('the report browser checks under CI', () => {
  it('have chromium and pdftotext', () => {
    expect(found, `CI=true but there is no chromium at ${CHROMIUM}`).toBe(true);
    expect(pdftotext, 'CI=true but pdftotext is missing (apt-get install -y poppler-utils)').toBeDefined();
  });
});

/** What each report's printed text must hold: its overall result exactly once, and what must be on page 1. */
const PRINTED: Record<ReportName, { once: RegExp; firstPage: RegExp[] }> = {
  derbyshire: {
    once: /OVERALL SCORE FOR SECTIONS B–D\s+79%/g,
    firstPage: [/Scoring summary sheet/, /Section A – Quality of Management/, /Section D – Quality of Initial Outcomes/, /OVERALL SCORE FOR SECTIONS B–D/],
  },
  ratings: { once: /OVERALL RATING\s+REQUIRES\s+IMPROVEMENT/g, firstPage: [/Scoring summary sheet/, /Section 1\.1 Leadership/] },
  comparison: {
    once: /Overall score for sections B–D\s+79%\s+\d+%/g,
    firstPage: [/Results by area/, /Derbyshire \(October\s+2003\)/, /Derbyshire \(reinspection\)/, /Change/],
  },
  explain: { once: /C Quality of Interventions: 83%/g, firstPage: [/How it was derived/, /C1 Managing attendance/] },
  diff: { once: /Version: ok: 1\.0\.0 → 1\.1\.0 is a minor bump/g, firstPage: [/Changes/, /C1\s+weight: critical → important/] },
};

/** The smallest rendered font size of the visible chart text, in CSS pixels. */
async function smallestChartText(page: Page): Promise<number> {
  return page.evaluate(() => {
    let smallest = Number.POSITIVE_INFINITY;
    for (const text of document.querySelectorAll<SVGTextElement>('figure svg text')) {
      if (text.getClientRects().length === 0) continue;
      const scale = text.getScreenCTM()?.a ?? 1;
      smallest = Math.min(smallest, parseFloat(getComputedStyle(text).fontSize) * scale);
    }
    return smallest;
  });
}

/** The tables (and boxes) whose right edge passes the page's content, or whose content is wider than their box. */
async function cutTables(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const right = document.querySelector('main')!.getBoundingClientRect().right + 0.5;
    const cut: string[] = [];
    for (const e of document.querySelectorAll<HTMLElement>('table, .table-box, figure, dl')) {
      if (e.getBoundingClientRect().right > right || e.scrollWidth > e.clientWidth + 1) cut.push(`${e.tagName.toLowerCase()}.${e.className}`);
    }
    return cut;
  });
}

describe.runIf(found)('the HTML reports in a browser', { timeout: 180_000 }, () => {
  let folder: string;
  let reports: Record<ReportName, string>;
  let browser: Browser;
  const requests: string[] = [];

  beforeAll(async () => {
    // the fixtures sit under .tmp/ (ignored by git) so the reports name them by a short relative path
    mkdirSync(SHOTS, { recursive: true });
    folder = mkdtempSync('.tmp/reports-');
    reports = await makeReports(folder);
    for (const [name, html] of Object.entries(reports)) writeFileSync(join(SHOTS, `${name}.html`), html);
    // playwright gives each launch a new empty profile folder (its own --user-data-dir).
    browser = await launchChromium(60_000);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  /** A page holding the report at a width; every request it makes is recorded and refused. */
  async function open(name: ReportName, width: number, media: 'screen' | 'print' = 'screen'): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    await context.route('**/*', (route) => {
      requests.push(`${name}: ${route.request().url()}`);
      return route.abort();
    });
    await page.emulateMedia({ media });
    await page.setContent(reports[name], { waitUntil: 'load' });
    return page;
  }

  describe.each(Object.keys(PRINTED) as ReportName[])('%s', (name) => {
    it.each(WIDTHS)('fits %i px with no sideways scrolling, readable chart text and no request leaving the page', async (width) => {
      const page = await open(name, width);
      try {
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow).toBe(0);
        if (width === 390) {
          const smallest = await smallestChartText(page);
          if (Number.isFinite(smallest)) expect(smallest).toBeGreaterThanOrEqual(10);
          // a question or criterion keeps a readable measure: no cell of text squeezed below 9 em
          const squeezed = await page.evaluate(
            () =>
              [...document.querySelectorAll<HTMLElement>('td.text, th.text, th.label')].filter(
                (e) => e.getBoundingClientRect().width < 9 * parseFloat(getComputedStyle(e).fontSize),
              ).length,
          );
          expect(squeezed).toBe(0);
        }
        await page.screenshot({ path: join(SHOTS, `${name}-${width}.png`), fullPage: true });
        expect(requests.filter((r) => r.startsWith(`${name}: `))).toEqual([]);
      } finally {
        await page.context().close();
      }
    });

    it('has no axe violations, on a phone and a desktop', async () => {
      const source = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
      for (const width of WIDTHS) {
        const page = await open(name, width);
        try {
          await page.addScriptTag({ content: source });
          const violations = await page.evaluate(async () => {
            const result = await (
              window as unknown as { axe: { run(d: Document, o: object): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> }> } }
            ).axe.run(document, { resultTypes: ['violations'] });
            return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`);
          });
          expect(violations, `at ${width} px`).toEqual([]);
        } finally {
          await page.context().close();
        }
      }
    });

    it('is valid HTML (html-validate)', async () => {
      // The title is the pack's own title and area, so it may be longer than a search engine shows.
      const validator = new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'long-title': 'off' } });
      const report = await validator.validateString(reports[name]);
      const messages = report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`));
      expect(messages).toEqual([]);
    });

    it('prints to A4: nothing cut at the right edge, the overall result once, the summary on page 1, page numbers and provenance in the margin', async () => {
      // the A4 page's printable width (210 mm less 13 mm margins) in CSS pixels
      const page = await open(name, Math.floor(((210 - 26) / 25.4) * 96), 'print');
      try {
        expect(await cutTables(page)).toEqual([]);
        const pdf = await page.pdf({ preferCSSPageSize: true });
        const file = join(folder, `${name}.pdf`);
        writeFileSync(file, pdf);
        if (pdftotext === undefined) {
          process.stdout.write('report PDF text not checked: no pdftotext (apt-get install -y poppler-utils)\n');
          return;
        }
        const text = execFileSync(pdftotext, ['-layout', file, '-'], { encoding: 'utf8' });
        writeFileSync(join(SHOTS, `${name}.pdf.txt`), text);
        const pages = text.split('\f').filter((p) => p.trim() !== '');
        expect(text.match(PRINTED[name].once)?.length, `${PRINTED[name].once} in the PDF`).toBe(1);
        for (const pattern of PRINTED[name].firstPage) expect(pages[0]).toMatch(pattern);
        pages.forEach((p, i) => expect(p).toMatch(new RegExp(`Page ${i + 1} of ${pages.length}\\s*$`)));
        expect(pages[0]).toMatch(/sha256 [0-9a-f]{12}/);
      } finally {
        await page.context().close();
      }
    });
  });
});

// The workbench in a real browser: Debian's chromium driven by playwright-core against a real
// server on 127.0.0.1 over a throwaway copy of the bundled packs. Expected figures come from the
// library itself (scoring, explaining, testing the same texts), never written into the test.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import { explainInspection } from '../../src/explain/explain-inspection.js';
import { renderTraceText } from '../../src/explain/render-trace.js';
import { loadPack } from '../../src/pipeline/load-pack.js';
import { withTextOverlay } from '../../src/load/text-overlay.js';
import { schemasAt, type JsonSchema } from '../../src/workbench/app/navigate-json-schema.js';
import { scoreInspectionFile } from '../../src/pipeline/score-file.js';
import { copyWorkspace, type Workspace } from './copy-workspace.js';
import { startWorkbench, type RunningServer } from './start-workbench.js';
import { CHROMIUM, CHROMIUM_FOUND, launchChromium } from '../support/chromium.js';

const SHOTS = '.tmp/screenshots';
const INSPECTION = 'rules/esi-2003/examples/derbyshire-2003/inspection.yaml';
const SECTION_C = 'rules/esi-2003/section-c.yaml';
const TESTS = 'rules/esi-2003/tests/derbyshire.yaml';
const found = CHROMIUM_FOUND;

if (!found && process.env.CI !== 'true')
  process.stdout.write(`browser tests skipped: no chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH)\n`);

describe.runIf(!found && process.env.CI === 'true')('the browser under CI', () => {
  it('is installed', () => {
    expect.fail(`CI=true but there is no chromium at ${CHROMIUM}: the browser tests cannot run`);
  });
});

describe.runIf(found)('the workbench in a browser', { timeout: 90_000 }, () => {
  let ws: Workspace;
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    execFileSync(process.execPath, ['scripts/build-workbench.mjs'], { stdio: 'pipe' });
    mkdirSync(SHOTS, { recursive: true });
    ws = copyWorkspace();
    server = await startWorkbench(ws.folder);
    // playwright gives each launch a new empty profile folder (its own --user-data-dir).
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    ws?.remove();
  });
  beforeEach(async () => {
    ws.reset();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    page.on('pageerror', (error) => {
      throw error;
    });
  });
  afterEach(async () => {
    await context.close();
  });

  const disk = (path: string) => readFileSync(join(ws.folder, path), 'utf8');
  const sheet = () => page.frameLocator('#sheet');

  async function openWorkbench(): Promise<void> {
    await page.goto(server.url);
    await page
      .locator('#status')
      .filter({ hasText: /checked in/ })
      .waitFor();
  }

  async function openFile(path: string): Promise<void> {
    await page.locator(`#tree button[data-path="${path}"]`).click();
    await expect.poll(() => page.locator('#file-title').textContent()).toBe(path);
  }

  /** Puts the cursor at the end of the first editor line holding `text`, then replaces `remove` characters before it with `insert`. */
  async function editLine(text: string | RegExp, remove: number, insert: string, fromEnd = 0): Promise<void> {
    const line = page.locator('.cm-line', { hasText: text }).first();
    await line.click();
    await page.keyboard.press('End');
    for (let i = 0; i < fromEnd; i++) await page.keyboard.press('ArrowLeft');
    for (let i = 0; i < remove; i++) await page.keyboard.press('Backspace');
    await page.keyboard.type(insert);
  }

  /** The scores of the example with `file` holding `text`, from the library. */
  async function scoreWith(file: string, text: string) {
    const scored = await withTextOverlay(new Map([[join(ws.folder, file), text]]), () => scoreInspectionFile(join(ws.folder, INSPECTION)));
    if ('errors' in scored) throw new Error(`the example does not score: ${scored.errors[0]?.message}`);
    return scored.result;
  }

  it('opens a pack, underlines a misspelt weight class at its line and column with the hint within a second, and the sheet follows the fix', async () => {
    await openWorkbench();
    await expect.poll(() => page.locator('#tree h3').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('esi-2003')]));
    await openFile(SECTION_C);
    const lines = disk(SECTION_C).split('\n');
    const lineIndex = lines.findIndex((l) => /^\s+weight: \w+$/.test(l));
    const written = /weight: (\w+)$/.exec(lines[lineIndex]!)![1]!;
    const column = lines[lineIndex]!.indexOf('weight: ') + 'weight: '.length + 1;
    const misspelt = written.slice(0, -2) + written.slice(-1);
    await editLine(lines[lineIndex]!.trim(), written.length, misspelt);
    const typed = Date.now();
    const underline = page.locator('.cm-lintRange-error');
    await underline.first().waitFor({ timeout: 1000 });
    expect(Date.now() - typed).toBeLessThan(1000);
    await expect.poll(() => underline.first().textContent()).toBe(misspelt);
    const lineText = await underline.first().evaluate((e) => e.closest('.cm-line')?.textContent ?? '');
    expect(lineText).toBe(lines[lineIndex]!.replace(written, misspelt));
    const problem = page.locator('#problems li', { hasText: 'UNKNOWN_WEIGHT_CLASS' });
    await expect.poll(() => problem.textContent()).toContain(`${SECTION_C}:${lineIndex + 1}:${column}`);
    expect(await problem.textContent()).toContain(`did you mean '${written}'?`);
    await underline.first().hover();
    const tooltip = page.locator('.cm-tooltip-lint');
    await tooltip.waitFor();
    expect(await tooltip.textContent()).toContain('declare it under weightClasses');
    await page.screenshot({ path: `${SHOTS}/diagnostics.png` });
    // The sheet keeps its last figures and says so.
    await expect.poll(() => page.locator('#sheet-state').isVisible()).toBe(true);

    // Fix it with another declared class: the sheet shows the section score the library gives.
    const other = lines
      .find((l) => /^\s+weight: \w+$/.test(l) && !l.endsWith(written))!
      .trim()
      .slice('weight: '.length);
    await editLine(lines[lineIndex]!.trim().replace(written, misspelt), misspelt.length, other);
    const fixed = lines.map((l, i) => (i === lineIndex ? l.replace(written, other) : l)).join('\n');
    const expected = await scoreWith(SECTION_C, fixed);
    const sectionC = expected.sections.find((s) => s.criteria.some((c) => c.id === 'C1'))!;
    const total = sheet()
      .locator('section.pack')
      .first()
      .locator('tr.total', { hasText: `Score for section ${sectionC.id}` })
      .locator('td.value');
    await expect.poll(() => total.textContent(), { timeout: 5000 }).toBe(`${sectionC.score}%`);
    await expect.poll(() => page.locator('.cm-lintRange-error').count()).toBe(0);
    expect(await page.locator('#sheet-state').isVisible()).toBe(false);
  });

  it('completes and explains from the schema and from the names the pack declares', async () => {
    const part = JSON.parse(readFileSync('schemas/pack-part.schema.json', 'utf8')) as JsonSchema;
    const loaded = loadPack(join(ws.folder, 'rules/esi-2003'));
    if ('errors' in loaded) throw new Error('the pack does not load');
    await openWorkbench();
    await openFile(SECTION_C);
    const line = disk(SECTION_C)
      .split('\n')
      .find((l) => /^\s+weight: \w+$/.test(l))!;
    const written = line.trim().slice('weight: '.length);
    await editLine(line.trim(), written.length, '');
    await page.keyboard.press('Control+Space');
    const options = page.locator('.cm-tooltip-autocomplete li');
    await expect
      .poll(() => options.allTextContents())
      .toEqual(expect.arrayContaining(Object.keys(loaded.pack.weightClasses ?? {}).map((name) => expect.stringContaining(name))));
    await page.keyboard.press('Escape');
    await page.keyboard.type(written);
    // Hovering a key shows what the schema says of it.
    const key = page
      .locator('.cm-line', { hasText: line.trim() })
      .first()
      .locator('span', { hasText: /^weight$/ })
      .first();
    await key.hover();
    const description = schemasAt(part, ['criteria', '[]', 'weight']).find((s) => s.description)!.description!;
    await expect.poll(() => page.locator('.cm-tooltip-hover .hover').textContent()).toBe(`weight: ${description}`);
    // And at the top level of a part, the keys a part may have.
    await page.locator('.cm-line').first().click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('weightC');
    await page.keyboard.press('Control+Space');
    await expect.poll(() => options.allTextContents()).toEqual([expect.stringContaining('weightClasses')]);
  });

  it("shows C1's explain trace when its score is clicked", async () => {
    await openWorkbench();
    // A thematic's figures are clickable too, by their prefixed ids.
    const thematic = (await scoreWith(SECTION_C, disk(SECTION_C))).thematics[0]!;
    const scored = thematic.sections.find((s) => s.score !== null)!;
    await expect.poll(() => sheet().locator(`button[data-explain="${thematic.id}:${scored.id}"]`).count()).toBeGreaterThan(0);
    await sheet().locator('button[data-explain="C1"]').first().click();
    const expected = await explainInspection(join(ws.folder, INSPECTION), { id: 'C1' });
    if ('errors' in expected) throw new Error('C1 cannot be explained');
    const first = renderTraceText(expected.trace).split('\n')[0]!;
    const root = page.locator('#explain ul.trace > li > details > summary');
    await expect.poll(() => root.textContent()).toBe(first);
    expect(await page.locator('#tab-explain').getAttribute('aria-selected')).toBe('true');
    const children = expected.trace.children.map((c) => c.label);
    expect(
      await page.locator('#explain ul.trace > li > details > ul > li').evaluateAll((items) => items.map((i) => (i.querySelector('summary') ?? i).textContent)),
    ).toEqual(children);
    await page.screenshot({ path: `${SHOTS}/explain.png` });
    // One case through every question, as criteria explain --case shows it.
    const caseId = disk('rules/esi-2003/examples/derbyshire-2003/cases.csv').split('\n')[1]!.split(',')[0]!;
    const followed = await explainInspection(join(ws.folder, INSPECTION), { caseId });
    if ('errors' in followed) throw new Error(`case ${caseId} cannot be explained`);
    await page.locator('#case-id').fill(caseId);
    await page.locator('#case-form button').click();
    await expect.poll(() => page.locator('#explain h3').textContent()).toBe(`Explain Case ${caseId}`);
    expect(await page.locator('#explain ul.trace > li > details > summary').textContent()).toBe(renderTraceText(followed.trace, 2).split('\n')[0]);
  });

  it('shows a broken test expectation as failed with expected against actual', async () => {
    await openWorkbench();
    await openFile(TESTS);
    const line = disk(TESTS)
      .split('\n')
      .find((l) => /^\s+C1: \{ score: \d+ \}$/.test(l))!;
    const score = Number(/score: (\d+)/.exec(line)![1]);
    await editLine(line.trim(), String(score).length, String(score + 1), 2);
    await page.keyboard.press('Control+Enter');
    const failed = page.locator('#tests ul.tests li.fail');
    await expect.poll(() => failed.count(), { timeout: 10_000 }).toBe(1);
    const row = failed.locator('table.mismatches tbody tr');
    // A run of an earlier keystroke (the number half typed) may show first; the latest run's answer replaces it.
    await expect.poll(() => row.locator('td.expected').textContent(), { timeout: 10_000 }).toBe(String(score + 1));
    expect(await row.locator('th').textContent()).toBe('C1');
    expect(await row.locator('td.actual').textContent()).toBe(String(score));
    expect(await page.locator('#tests .summary').textContent()).toMatch(/^\d+ passed, 1 failed/);
    await page.screenshot({ path: `${SHOTS}/tests.png` });
  });

  it('shows the impact of a weight change: the section score moves and the bump it needs', async () => {
    await openWorkbench();
    await openFile(SECTION_C);
    const lines = disk(SECTION_C).split('\n');
    const lineIndex = lines.findIndex((l) => /^\s+weight: \w+$/.test(l));
    const written = /weight: (\w+)$/.exec(lines[lineIndex]!)![1]!;
    const other = lines
      .find((l) => /^\s+weight: \w+$/.test(l) && !l.endsWith(written))!
      .trim()
      .slice('weight: '.length);
    await editLine(lines[lineIndex]!.trim(), written.length, other);
    const before = await scoreWith(SECTION_C, lines.join('\n'));
    const after = await scoreWith(SECTION_C, lines.map((l, i) => (i === lineIndex ? l.replace(written, other) : l)).join('\n'));
    const moved = after.sections.find((s) => s.score !== before.sections.find((b) => b.id === s.id)?.score)!;
    expect(moved).toBeDefined();
    await page.locator('#tab-impact').click();
    const verdict = page.locator('#impact .verdict');
    await expect.poll(() => verdict.textContent(), { timeout: 10_000 }).toContain('Needs a minor bump');
    const inspection = page.locator('#impact section.inspection', { has: page.locator('h3', { hasText: after.area.name }) });
    const row = inspection.locator(`tr[data-id="${moved.id}"]`);
    await expect
      .poll(() => row.locator('td').allTextContents())
      .toEqual([`${before.sections.find((b) => b.id === moved.id)!.score}%`, `${moved.score}%`, expect.any(String)]);
    await page.screenshot({ path: `${SHOTS}/impact.png` });
  });

  it('saves to disk with Ctrl+S, and offers both versions when the file changed on disk', async () => {
    await openWorkbench();
    await openFile(SECTION_C);
    const first = '#';
    await editLine(/^#$/, 0, ' (edited)');
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.locator('#status').textContent()).toContain(`Saved ${SECTION_C}`);
    expect(await page.locator(`#tree button[data-path="${SECTION_C}"] .dirty`).count()).toBe(0);
    expect(disk(SECTION_C)).toContain(`${first} (edited)\n`);
    // Someone else writes the file; saving again shows both versions and keeps mine until I choose.
    writeFileSync(join(ws.folder, SECTION_C), `${disk(SECTION_C)}# theirs\n`);
    await editLine(/^# \(edited\)$/, 0, ' twice');
    await page.keyboard.press('Control+s');
    const dialog = page.locator('#conflict');
    await dialog.waitFor();
    expect(await page.locator('#conflict-disk').inputValue()).toContain('# theirs');
    expect(await page.locator('#conflict-yours').inputValue()).toContain(`${first} (edited) twice`);
    await page.locator('#conflict-keep').click();
    await expect.poll(() => disk(SECTION_C)).toContain(`${first} (edited) twice`);
    expect(disk(SECTION_C)).not.toContain('# theirs');
  });

  it('keeps unsaved edits across a reload', async () => {
    await openWorkbench();
    await openFile(SECTION_C);
    const first = '#';
    await editLine(/^#$/, 0, ' (unsaved)');
    await page.reload();
    await page
      .locator('#status')
      .filter({ hasText: /checked in|Restored/ })
      .waitFor();
    await expect.poll(() => page.locator('#file-title').textContent()).toBe(SECTION_C);
    await expect.poll(() => page.locator('.cm-line', { hasText: `${first} (unsaved)` }).count()).toBe(1);
    expect(await page.locator(`#tree button[data-path="${SECTION_C}"] .dirty`).count()).toBe(1);
    expect(await page.locator('#notice').textContent()).toContain('Unsaved edits restored');
    expect(disk(SECTION_C)).not.toContain('(unsaved)');
  });

  it('shows a hostile pack title as text, running nothing', async () => {
    const hostile = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">';
    const root = 'rules/esi-2003/pack.yaml';
    writeFileSync(join(ws.folder, root), disk(root).replace(/^title: .*$/m, `title: '${hostile}'`));
    await openWorkbench();
    await expect.poll(() => page.locator('#tree h3').first().textContent()).toContain(hostile);
    await expect.poll(() => sheet().locator('h1').textContent()).toContain(hostile);
    expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await sheet().locator('img[src="x"]').count()).toBe(0);
  });

  it('takes the token from the address fragment and sends it with every request', async () => {
    const guarded = await startWorkbench(ws.folder, { token: 'browser-test-token' });
    try {
      await page.goto(`${guarded.url}#token=browser-test-token`);
      await page
        .locator('#status')
        .filter({ hasText: /checked in/ })
        .waitFor();
      expect(new URL(page.url()).hash).toBe('');
      await expect.poll(() => sheet().locator('button[data-explain="C1"]').count()).toBeGreaterThan(0);
      // Without the token the page says what to do.
      const other = await context.browser()!.newContext();
      const stranger = await other.newPage();
      await stranger.goto(guarded.url);
      await expect.poll(() => stranger.locator('#status').textContent()).toContain('needs a token');
      await other.close();
    } finally {
      await guarded.close();
    }
  });

  it('has no accessibility violations in its main views (axe), at 1280 and 1024 pixels', async () => {
    const axe = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
    const check = async (label: string) => {
      await page.evaluate(axe);
      const result = await page.evaluate(async () => {
        const page = globalThis as unknown as {
          document: unknown;
          axe: { run: (c: unknown, o: unknown) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> }> };
        };
        const run = await page.axe.run(page.document, { iframes: false, resultTypes: ['violations'] });
        return run.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
      });
      expect(result, `${label}: ${result.join('\n')}`).toEqual([]);
    };
    await openWorkbench();
    await page.screenshot({ path: `${SHOTS}/workbench.png` });
    await check('sheet');
    await sheet().locator('button[data-explain="C1"]').first().click();
    await page.locator('#explain ul.trace').waitFor();
    await check('explain');
    await page.locator('#tab-tests').click();
    await page.locator('#run-tests').click();
    await page.locator('#tests .summary').waitFor({ timeout: 10_000 });
    await check('tests');
    await page.locator('#tab-impact').click();
    await page.locator('#impact .verdict').waitFor({ timeout: 10_000 });
    await check('impact');
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.locator('#tab-sheet').click();
    await check('sheet at 1024');
    const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    // The sheet itself, as score --format html writes it.
    const html = await sheet()
      .locator('html')
      .evaluate((e) => e.outerHTML);
    const alone = await context.newPage();
    await alone.setContent(html);
    await alone.evaluate(axe);
    const sheetViolations = await alone.evaluate(async () =>
      (await (globalThis as unknown as { axe: { run: () => Promise<{ violations: Array<{ id: string }> }> } }).axe.run()).violations.map((v) => v.id),
    );
    expect(sheetViolations).toEqual([]);
  });
});

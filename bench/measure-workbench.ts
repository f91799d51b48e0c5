/**
 * The workbench's keystroke latency on ESI 2003 + EBS 2003 and the 100-case Derbyshire example:
 * an edit of a pack file (a criterion's title, so the pack stays valid) to updated diagnostics
 * and scoring sheet. Server side: POST /v1/workbench/check over HTTP on 127.0.0.1, as the page
 * sends it. In the browser (when Debian's chromium is there): from the key press to the
 * diagnostics shown and to the new sheet loaded in its frame, read from the page's performance
 * marks. Runs alone as `npm run bench:workbench`, and at the end of `npm run bench`.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { RESULTS_PATH, ROOT } from './setup.js';

export interface Latency {
  runs: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

export interface WorkbenchLatency {
  goalMs: number;
  server: Latency & { serverCheckP50Ms: number; serverScoreP50Ms: number };
  browser: { diagnostics: Latency; sheet: Latency } | { skipped: string };
}

const GOAL_MS = 150;
const INSPECTION = 'rules/esi-2003/examples/derbyshire-2003/inspection.yaml';
const EDITED = 'rules/esi-2003/section-c.yaml';

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function latency(values: number[]): Latency {
  return { runs: values.length, p50Ms: percentile(values, 50), p95Ms: percentile(values, 95), maxMs: Math.max(...values) };
}

export async function measureWorkbench(options: { serverRuns?: number; browserRuns?: number; log?: (m: string) => void } = {}): Promise<WorkbenchLatency> {
  const log = options.log ?? (() => {});
  const workspace = mkdtempSync(join(tmpdir(), 'criteria-bench-workbench-'));
  for (const part of ['rules', 'thematics']) cpSync(join(ROOT, part), join(workspace, part), { recursive: true });
  if (!existsSync(join(ROOT, 'dist/workbench/app.js'))) throw new Error('dist/workbench is not built: run npm run build');
  const { startWorkbench } = await import('../test/workbench/start-workbench.js');
  const service = await startWorkbench(workspace);
  const url = service.url;
  try {
    const text = readFileSync(join(workspace, EDITED), 'utf8');
    const titleLine = text.split('\n').find((l) => /^\s+title: /.test(l))!;
    const edit = (i: number) => text.replace(titleLine, `${titleLine}${' x'.repeat((i % 9) + 1)}`);
    log('workbench: keystroke to diagnostics and sheet, server side');
    const check = async (i: number) => {
      const started = performance.now();
      const response = await fetch(`${url}v1/workbench/check`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ packs: ['rules/esi-2003'], inspection: INSPECTION, files: { [EDITED]: edit(i) } }),
      });
      const body = (await response.json()) as { packs: Array<{ valid: boolean }>; sheet?: { html?: string }; timings: { checkMs: number; scoreMs: number } };
      const ms = performance.now() - started;
      if (!response.ok || !body.packs.every((p) => p.valid) || !body.sheet?.html)
        throw new Error(`the check of edit ${i} did not give a valid pack and a sheet`);
      return { ms, ...body.timings };
    };
    for (let i = 0; i < 10; i++) await check(i);
    const server: Array<{ ms: number; checkMs: number; scoreMs: number }> = [];
    for (let i = 0; i < (options.serverRuns ?? 100); i++) server.push(await check(i));
    const serverLatency = {
      ...latency(server.map((s) => s.ms)),
      serverCheckP50Ms: percentile(
        server.map((s) => s.checkMs),
        50,
      ),
      serverScoreP50Ms: percentile(
        server.map((s) => s.scoreMs),
        50,
      ),
    };
    let browser: WorkbenchLatency['browser'];
    const { CHROMIUM, CHROMIUM_FOUND } = await import('../test/support/chromium.js');
    if (!CHROMIUM_FOUND) {
      browser = { skipped: `no chromium at ${CHROMIUM}` };
    } else {
      log('workbench: keystroke to diagnostics and sheet, in chromium');
      browser = await measureInBrowser(url, titleLine.trim(), options.browserRuns ?? 40);
    }
    return { goalMs: GOAL_MS, server: serverLatency, browser };
  } finally {
    await service.close();
    rmSync(workspace, { recursive: true, force: true });
  }
}

async function measureInBrowser(url: string, line: string, runs: number): Promise<{ diagnostics: Latency; sheet: Latency }> {
  const { launchChromium } = await import('../test/support/chromium.js');
  const browser = await launchChromium();
  try {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await page.goto(url);
    await page
      .locator('#status')
      .filter({ hasText: /checked in/ })
      .waitFor();
    await page.locator(`#tree button[data-path="${EDITED}"]`).click();
    await page.locator('.cm-line', { hasText: line }).first().click();
    await page.keyboard.press('End');
    const diagnostics: number[] = [];
    const sheet: number[] = [];
    for (let i = 0; i < runs + 5; i++) {
      // A pause between keys, as between words: each keystroke is measured on its own.
      await page.waitForTimeout(150);
      await page.evaluate(
        "performance.clearMarks(); document.addEventListener('keydown', () => performance.mark('criteria:key'), { once: true, capture: true })",
      );
      await page.keyboard.type(i % 2 === 0 ? 'x' : ' ');
      // A function, not a string: the page's Content-Security-Policy forbids eval.
      await page.waitForFunction(
        () => performance.getEntriesByName('criteria:sheet').length > 0 && performance.getEntriesByName('criteria:key').length > 0,
        undefined,
        { timeout: 10_000, polling: 'raf' },
      );
      const [key, shown, sheetShown] = await page.evaluate<number[]>(
        "['criteria:key', 'criteria:diagnostics', 'criteria:sheet'].map((n) => performance.getEntriesByName(n)[0]?.startTime ?? NaN)",
      );
      if (i < 5) continue;
      diagnostics.push(shown! - key!);
      sheet.push(sheetShown! - key!);
    }
    return { diagnostics: latency(diagnostics), sheet: latency(sheet) };
  } finally {
    await browser.close();
  }
}

/** The figures as lines for the bench's report. */
export function formatWorkbench(w: WorkbenchLatency): string {
  const row = (label: string, l: Latency) =>
    `${label.padEnd(44)} p50 ${l.p50Ms.toFixed(1).padStart(6)} ms   p95 ${l.p95Ms.toFixed(1).padStart(6)} ms   max ${l.maxMs.toFixed(1).padStart(6)} ms   (${l.runs} edits)`;
  const lines = [
    `Workbench: keystroke to updated diagnostics and sheet (ESI 2003 + EBS 2003, 100 cases); goal p95 < ${w.goalMs} ms`,
    row('server: POST /v1/workbench/check over HTTP', w.server),
    `${''.padEnd(44)} (on the server, p50: check ${w.server.serverCheckP50Ms.toFixed(1)} ms, score and render ${w.server.serverScoreP50Ms.toFixed(1)} ms)`,
  ];
  if ('skipped' in w.browser) lines.push(`browser: skipped (${w.browser.skipped})`);
  else lines.push(row('browser: key press to diagnostics shown', w.browser.diagnostics), row('browser: key press to new sheet shown', w.browser.sheet));
  return lines.join('\n');
}

/** Writes the figures to bench-results/workbench.json and gives them as lines. */
export function writeWorkbench(w: WorkbenchLatency): string {
  const file = join(dirname(RESULTS_PATH), 'workbench.json');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify({ date: new Date().toISOString(), loadAverage: loadavg()[0], ...w }, null, 2)}\n`);
  return `${formatWorkbench(w)}\nAll figures: ${file}`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const measured = await measureWorkbench({ log: (m) => process.stderr.write(`${m}\n`) });
  process.stdout.write(`${writeWorkbench(measured)}\n`);
}

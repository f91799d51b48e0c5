/**
 * Input nobody planned for ends in time with a diagnostic, never a crash (exit 70) or a run
 * without bound: explain on inline cases, 200,000 excluded cases in every format, diagnostics
 * around multi-megabyte words, a case file line of 60 MB or a file with no line break, packs and
 * inspections nested 100,000 deep built in code, and a folder that cannot be made.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compilePack, loadPack, score, ScoringSession } from '../../src/index.js';
import { formatDiagnostic } from '../../src/check/format-diagnostic.js';
import { formatResult } from '../../src/report/index.js';
import type { Pack } from '../../src/model/pack.js';
import { ensureBuilt, REPO, runCliAsync, STACK_TRACE, type Run } from './built-cli.js';
import { inspectionText, scratch, BASE } from './workspace.js';

beforeAll(() => {
  ensureBuilt();
}, 180_000);

function wellBehaved(run: Run, status: number): void {
  expect(run.timedOut, 'timed out').toBe(false);
  expect(run.status, run.stderr.slice(0, 1000)).toBe(status);
  expect(run.stdout + run.stderr).not.toMatch(STACK_TRACE);
  expect(run.stdout + run.stderr).not.toContain('internal error');
}

const loaded = loadPack(BASE);
if ('errors' in loaded) throw new Error(loaded.errors[0]!.message);
const base: Pack = loaded.pack;

describe('no crash', () => {
  it('explain --case on an inspection whose cases are listed in it', async () => {
    const run = await runCliAsync(['explain', 'test/hostile/corpus/inspections/valid.yaml', '--case', 'c1']);
    wellBehaved(run, 0);
    expect(run.stdout).toMatch(/^case c1: /);
  });

  it('text, Markdown, HTML and JSON with 200,000 excluded cases', () => {
    const plan = compilePack(base);
    if ('errors' in plan) throw new Error(plan.errors[0]!.message);
    const cases = [
      { id: 'ok', facts: { risk: 'low' }, answers: { 'Q1.1': 'yes' } },
      ...Array.from({ length: 200_000 }, (_, i) => ({ id: `bad${i}`, facts: { risk: 'low' }, answers: { 'Q1.1': 'maybe' } })),
    ];
    const scored = score(
      plan.plan,
      { area: { name: 'X' }, evidence: { 'E1.1': 'good' }, targets: { 'T1.1': { value: 88 } }, scores: { D1: 70 }, cases },
      { excludeInvalid: true },
    );
    if ('errors' in scored) throw new Error(scored.errors[0]!.message);
    expect(scored.result.cases.excluded).toHaveLength(200_000);
    for (const format of ['table', 'markdown', 'html', 'json'] as const) {
      const text = formatResult(scored.result, format, { detail: true, color: false });
      expect(text).toContain('bad199999');
    }
  }, 60_000);

  it('diagnostics around multi-megabyte words, in time proportional to their length', () => {
    for (const text of ['x'.repeat(5_000_000), `${'y'.repeat(200)} `.repeat(25_000), '😀'.repeat(2_000_000)]) {
      const started = Date.now();
      const out = formatDiagnostic({ code: 'CASE_BAD_VALUE', severity: 'error', message: `bad ${text} here`, hint: text });
      expect(Date.now() - started).toBeLessThan(1_500);
      expect(out.length).toBeLessThan(5_000);
      expect(out).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    }
  });

  it('compilePack and score on values nested 100,000 deep return errors at once', () => {
    let condition: unknown = { fact: 'risk', operator: 'equal', value: 'high' };
    for (let i = 0; i < 100_000; i++) condition = { not: condition };
    const pack = structuredClone(base) as unknown as { criteria: Array<{ questions: Array<Record<string, unknown>> }> };
    pack.criteria[0]!.questions[1]!.appliesWhen = condition;
    const started = Date.now();
    const compiled = compilePack(pack as unknown as Pack);
    expect('errors' in compiled && compiled.errors[0]!.code).toBe('YAML_TOO_DEEP');
    const plan = compilePack(base);
    if ('errors' in plan) throw new Error('base');
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const scored = score(plan.plan, { area: { name: 'X' }, cases: [{ id: 'c1', facts: { risk: 'low', officer: deep }, answers: {} }] } as never);
    expect('errors' in scored && scored.errors[0]!.code).toBe('YAML_TOO_DEEP');
    // A session takes records one by one: a deep value is a bad value, not a crash.
    const session = ScoringSession.start(plan.plan, {
      area: { name: 'X' },
      evidence: { 'E1.1': 'good' },
      targets: { 'T1.1': { value: 88 } },
      scores: { D1: 70 },
    });
    if ('errors' in session) throw new Error('session');
    session.session.add({ id: 'c1', facts: { risk: 'low', officer: deep }, answers: { 'Q1.1': 'yes' } });
    const finished = session.session.finish();
    expect('errors' in finished && finished.errors[0]!.code).toBe('CASE_BAD_VALUE');
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe('no run without bound', () => {
  it.each([
    [
      'an NDJSON line of 60 MB',
      'cases.ndjson',
      () => `${JSON.stringify({ id: 'c1', facts: { risk: 'low', officer: 'o'.repeat(60_000_000) }, answers: { 'Q1.1': 'yes' } })}\n`,
      1,
    ],
    ['an NDJSON file of 30 MB with no line break', 'cases.ndjson', () => 'a'.repeat(30_000_000), 1],
    ['a CSV file of 30 MB with no line break', 'cases.csv', () => 'a'.repeat(30_000_000), 1],
    ['a CSV file whose second line has 30 MB', 'cases.csv', () => `id,risk,Q1.1\nc1,low,${'y'.repeat(30_000_000)}\n`, 2],
  ])(
    '%s is LINE_TOO_LONG, on one thread or two',
    async (_name, file, content, line) => {
      const dir = scratch();
      writeFileSync(join(dir, file), content());
      writeFileSync(join(dir, 'inspection.yaml'), inspectionText(`{ file: ${file} }`));
      for (const workers of ['1', '2']) {
        const run = await runCliAsync(['score', join(dir, 'inspection.yaml'), '--workers', workers], 15_000);
        wellBehaved(run, 1);
        expect(run.stderr).toContain(`${file}:${line} error LINE_TOO_LONG: line ${line} of`);
        expect(run.stderr.length).toBeLessThan(5_000);
      }
    },
    60_000,
  );

  it.runIf(existsSync('/proc/self'))('init thematic --dir into a folder that cannot be made ends at once', async () => {
    const run = await runCliAsync(['init', 'thematic', 'theme', '--methodology', join(REPO, 'rules/esi-2003'), '--dir', '/proc/no-such-folder'], 10_000);
    wellBehaved(run, 1);
    expect(run.stderr).toMatch(/^error OUTPUT_WRITE: cannot write \/proc\/no-such-folder/m);
  });
});

/**
 * The command line: `criteria sql` prints a query that runs, and `criteria score --engine duckdb`
 * scores as the interpreter does — bad cases excluded alike — and turns every bad source (a
 * missing or malformed file, a missing column, a column of the wrong type, cases listed inline)
 * into a clear diagnostic with exit 1, never a stack trace.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_CASES, BASE_INSPECTION, BASE_PACK } from '../../scripts/generate-error-docs.js';
import { openDuckDb } from '../../src/sql/run-duckdb.js';
import { duckdb } from '../../src/sql/sql-dialect.js';
import { tempFolder } from './sql-harness.js';

const folder = tempFolder();

function run(cwd: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  // Run from the repository (where tsx is found), the inspection named by its full path.
  const argv = args.map((a) => (a === 'inspection.yaml' ? join(cwd, a) : a));
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...argv], { encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** An inspection folder from the error documentation's base files, changed as asked. */
function example(name: string, change: { inspection?: [string, string]; cases?: string; files?: Record<string, string> } = {}): string {
  const dir = join(folder.path, name);
  mkdirSync(join(dir, 'pack'), { recursive: true });
  writeFileSync(join(dir, 'pack/pack.yaml'), BASE_PACK);
  writeFileSync(join(dir, 'inspection.yaml'), change.inspection ? BASE_INSPECTION.replace(...change.inspection) : BASE_INSPECTION);
  writeFileSync(join(dir, 'cases.csv'), change.cases ?? BASE_CASES);
  for (const [file, text] of Object.entries(change.files ?? {})) writeFileSync(join(dir, file), text);
  return dir;
}

function expectClean(text: string): void {
  expect(text).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  expect(text).not.toContain('internal error');
}

beforeAll(async () => {
  // A Parquet file with a list column, for the wrong-type case.
  const dir = example('list-column', { inspection: ['cases: { file: cases.csv }', 'cases: { file: cases.parquet }'] });
  const engine = await openDuckDb(1);
  await engine.all(`COPY (SELECT 'c1' AS id, 'low' AS risk, [30] AS age, 'yes' AS "C1.1") TO ${duckdb.text(join(dir, 'cases.parquet'))} (FORMAT parquet)`);
  await engine.close();
});
afterAll(() => folder.remove());

describe('criteria sql', () => {
  it("prints the count query for each dialect, quoting the pack's names", () => {
    const duck = run(process.cwd(), 'sql', 'rules/esi-2003', '--thematic', 'thematics/ebs-2003');
    expect(duck.status).toBe(0);
    expect(duck.stdout).toContain('"ebs-2003:B2.a"');
    expect(duck.stdout).toMatch(/unnest\(range\(\d+\)\)/);
    const pg = run(process.cwd(), 'sql', 'rules/esi-2003', '--dialect', 'postgres', '--table', 'cases', '--schema', 'inspection');
    expect(pg.status).toBe(0);
    expect(pg.stdout).toContain('FROM "inspection"."cases"');
    expect(pg.stdout).toContain('generate_series(0,');
  });

  it('prints a query that DuckDB runs on the Derbyshire file, counting every case', async () => {
    const printed = run(
      process.cwd(),
      'sql',
      'rules/esi-2003',
      '--thematic',
      'thematics/ebs-2003',
      '--file',
      'rules/esi-2003/examples/derbyshire-2003/cases.csv',
      '--area',
      '{"oasysInUse": false}',
    );
    expect(printed.status).toBe(0);
    const engine = await openDuckDb(1);
    const rows = await engine.all(printed.stdout);
    await engine.close();
    // A row per question after q 0, each carrying the totals: every case read, none repeated, all clean.
    expect(rows.map((r) => r.q)).toEqual(rows.map((_, i) => i));
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.every((r) => r.rows === 100 && r.extra === 0 && r.counted === 100)).toBe(true);
    expect(rows.slice(1).every((r) => Number(r.met) <= Number(r.relevant) && Number(r.relevant) <= 100)).toBe(true);
  });

  it('refuses --area that is not a JSON object (usage, exit 2)', () => {
    const r = run(process.cwd(), 'sql', 'rules/esi-2003', '--area', '[1]');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--area takes a JSON object');
  });
});

describe('criteria score --engine duckdb', () => {
  it('scores as the interpreter does, bad cases excluded alike', () => {
    const dir = example('exclude', { cases: `${BASE_CASES}c3,medium,40,yes,\nc1,low,20,no,\nc4,high,abc,yes,yes\n` });
    const byDuck = run(dir, 'score', 'inspection.yaml', '--engine', 'duckdb', '--exclude-invalid', '--format', 'json');
    const byInterpreter = run(dir, 'score', 'inspection.yaml', '--exclude-invalid', '--format', 'json');
    expect(byDuck.status).toBe(0);
    expect(byInterpreter.status).toBe(0);
    const strip = (text: string) => {
      const result = JSON.parse(text);
      delete result.provenance.caseSource;
      for (const e of result.cases.excluded) delete e.location;
      return result;
    };
    expect(strip(byDuck.stdout)).toEqual(strip(byInterpreter.stdout));
    expect(JSON.parse(byDuck.stdout).cases.excluded.map((e: { id: string }) => e.id)).toEqual(['c1', 'c3', 'c4']);
    expect(byDuck.stderr).toBe(byInterpreter.stderr);
  });

  it('reads a CSV saved on Windows (byte-order mark, CRLF, spaces around header names) as the interpreter does', () => {
    const windows = `\uFEFF${BASE_CASES.replace(/^id,risk,/, 'id, risk ,').replaceAll('\n', '\r\n')}`;
    const dir = example('windows', { cases: windows });
    const byDuck = run(dir, 'score', 'inspection.yaml', '--engine', 'duckdb', '--format', 'json');
    const byInterpreter = run(dir, 'score', 'inspection.yaml', '--format', 'json');
    expect(byInterpreter.status).toBe(0);
    expect(byDuck.status).toBe(0);
    const withoutSource = (text: string) => {
      const result = JSON.parse(text);
      delete result.provenance.caseSource;
      return result;
    };
    expect(withoutSource(byDuck.stdout)).toEqual(withoutSource(byInterpreter.stdout));
  });

  describe('an NDJSON case file', () => {
    const ndjson = (lines: string[]) => ({
      inspection: ['cases: { file: cases.csv }', 'cases: { file: cases.ndjson }'] as [string, string],
      files: { 'cases.ndjson': `${lines.join('\n')}\n` },
    });
    const GOOD = [
      '{"id":"c1","facts":{"risk":"high","age":30},"answers":{"C1.1":"yes","C1.2":"no"}}',
      '{"id":"c2","facts":{"risk":"low","age":70},"answers":{"C1.1":"na","C1.2":null}}',
    ];

    it('is counted by DuckDB as the interpreter counts it, bad lines reported with their line numbers', () => {
      const dir = example('ndjson-bad', ndjson([...GOOD, '', '{"id":"c3","facts":{"risk":"medium","age":40},"answers":{"C1.1":"yes"}}']));
      const byDuck = run(dir, 'score', 'inspection.yaml', '--engine', 'duckdb', '--exclude-invalid', '--format', 'json');
      const byInterpreter = run(dir, 'score', 'inspection.yaml', '--exclude-invalid', '--format', 'json');
      expect(byDuck.status).toBe(0);
      const result = JSON.parse(byDuck.stdout);
      expect(result.provenance.caseSource).toEqual({ engine: expect.stringMatching(/^duckdb v/), source: 'cases.ndjson' });
      expect(result.cases.excluded).toEqual([
        { id: 'c3', position: 3, reasons: ["fact 'risk': 'medium' is not one of: low, high"], location: `${join(dir, 'cases.ndjson')}:4` },
      ]);
      delete result.provenance.caseSource;
      expect(result).toEqual(JSON.parse(byInterpreter.stdout));
      expect(byDuck.stderr).toBe(byInterpreter.stderr);
    });

    it('that DuckDB cannot read is read by the interpreter, which says what is wrong where; a note says why', () => {
      const dir = example('ndjson-broken', ndjson([...GOOD, '{"id":"c3",']));
      const r = run(dir, 'score', 'inspection.yaml', '--engine', 'duckdb');
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/^note: duckdb v[\d.]+ left the cases in 'cases\.ndjson' to the interpreter: its JSON reader refused the file \(.+\)$/m);
      expect(r.stderr).toMatch(/cases\.ndjson:3 error JSON_SYNTAX: line is not valid JSON/);
      expectClean(r.stderr);
    });

    it('whose ids only the interpreter spells is read by the interpreter, and the result says so', () => {
      const dir = example('ndjson-unsure', ndjson([...GOOD, '{"id":3.0,"facts":{"risk":"low","age":25},"answers":{"C1.1":"yes"}}']));
      const r = run(dir, 'score', 'inspection.yaml', '--engine', 'duckdb', '--format', 'json');
      expect(r.status).toBe(0);
      expect(r.stderr).toMatch(
        /^note: .+ to the interpreter: 1 line holds an id the query may read otherwise \(a number such as 1\.0 or 1e3, or a key given twice\)$/m,
      );
      expect(JSON.parse(r.stdout).provenance.caseSource).toEqual({ engine: 'interpreter', source: 'cases.ndjson' });
      expect(JSON.parse(r.stdout).cases.scored).toBe(3);
    });
  });

  it('reports bad cases as the interpreter does, with their ids, and exits 1', () => {
    const dir = example('bad-cases', { cases: `${BASE_CASES}c3,medium,40,yes,\n` });
    const r = run(dir, 'score', 'inspection.yaml', '--engine', 'duckdb');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("case c3: fact 'risk': 'medium' is not one of: low, high");
    expect(r.stderr).toContain('1 of 3 cases have problems; nothing was scored');
    expectClean(r.stderr);
  });

  it.each([
    [
      'a case file that does not exist',
      { inspection: ['cases: { file: cases.csv }', 'cases: { file: nothing.csv }'] as [string, string] },
      'FILE_NOT_FOUND',
      /the case file 'nothing\.csv' does not exist/,
    ],
    ['a ragged CSV row', { cases: `${BASE_CASES}c3,low\n` }, 'SQL_SOURCE', /cannot read the case file 'cases\.csv'/],
    [
      'a file that is not Parquet',
      { inspection: ['cases: { file: cases.csv }', 'cases: { file: cases.parquet }'] as [string, string], files: { 'cases.parquet': 'id,risk\nc1,low\n' } },
      'SQL_SOURCE',
      /cannot read the case file 'cases\.parquet'/,
    ],
    // The CSV's header is read as the interpreter reads it, so its problems are worded alike, with the line.
    ['no id column', { cases: BASE_CASES.replace(/^id,/, 'ref,') }, 'CSV_HEADER', /cases\.csv:1 error CSV_HEADER: the header has no 'id' column/],
    [
      'an unknown column',
      { cases: BASE_CASES.replace(/^id,/, 'id,rsik,').replace(/\n(c\d+),/g, '\n$1,x,') },
      'CSV_HEADER',
      /column 'rsik' is neither a declared case fact nor a question id; did you mean 'risk'\?/,
    ],
    [
      'cases listed in the inspection',
      { inspection: ['cases: { file: cases.csv }', 'cases: [{ id: c1, facts: { risk: low }, answers: { C1.1: yes } }]'] as [string, string] },
      'SQL_SOURCE',
      /listed in the inspection file/,
    ],
  ])('%s is a clear error (exit 1)', (name, change, code, message) => {
    const dir = example(name.replaceAll(' ', '-'), change);
    const r = run(dir, 'score', 'inspection.yaml', '--engine', 'duckdb');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`error ${code}`);
    expect(r.stderr).toMatch(message);
    expectClean(r.stderr);
  });

  it('a Parquet column of the wrong type is a clear error (exit 1)', () => {
    const r = run(join(folder.path, 'list-column'), 'score', 'inspection.yaml', '--engine', 'duckdb');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("column 'age' is of type INTEGER[], which cannot hold the number fact 'age'");
    expectClean(r.stderr);
  });
});

/**
 * The hostile corpus through the built command line, as a user would meet it: each run must end
 * within 5 s, exit 1 with the expected error first (at its file, line and column) or exit 0 for
 * input that is odd but valid, and never print a stack trace or an internal error. The large
 * inputs are written to a temporary folder at test time.
 */
import { mkdtempSync, writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/model/errors.js';
import type { ErrorCode } from '../../src/model/errors.js';
import { ensureBuilt, REPO, runCliAsync, STACK_TRACE, type Run } from './built-cli.js';
import { CORPUS, type CorpusRow } from './corpus.js';

const CORPUS_DIR = join(REPO, 'test/hostile/corpus');
const BASE = join(CORPUS_DIR, 'base');
/** Every run must end within this long. */
const LIMIT_MS = 5_000;

let tmp = '';

/** An inspection of corpus/base whose cases are read from `caseFile`. */
function inspectionAround(caseFile: string, name: string): string {
  const file = join(tmp, `${name.replace(/[^A-Za-z0-9.-]/g, '_')}.inspection.yaml`);
  writeFileSync(
    file,
    [
      `pack: ${JSON.stringify(BASE)}`,
      'area: { name: Testshire, facts: { toolInUse: true } }',
      'evidence: { E1.1: good }',
      'targets: { T1.1: { value: 88 } }',
      'scores: { D1: 70 }',
      `cases: { file: ${JSON.stringify(caseFile)} }`,
      '',
    ].join('\n'),
  );
  return file;
}

/** The first diagnostic line a run printed: its file, line, column and code. */
function firstDiagnostic(output: string): { file: string; line?: number; column?: number; code: string } | undefined {
  const m = /^(.*?)(?::(\d+)(?::(\d+))?)? error ([A-Z][A-Z0-9_]*):/m.exec(output);
  if (!m) return undefined;
  return { file: m[1]!, code: m[4]!, ...(m[2] ? { line: Number(m[2]) } : {}), ...(m[3] ? { column: Number(m[3]) } : {}) };
}

function expectWellBehaved(run: Run): void {
  expect(run.timedOut, `did not finish within ${LIMIT_MS} ms`).toBe(false);
  expect(run.ms).toBeLessThan(LIMIT_MS);
  const output = run.stdout + run.stderr;
  expect(output).not.toMatch(STACK_TRACE);
  expect(output).not.toContain('internal error');
}

interface Expectation {
  code: ErrorCode | 'accepted';
  /** The path the error is reported in ends with this. */
  at?: string;
  line?: number;
  column?: number;
}

function expectOutcome(run: Run, want: Expectation): void {
  expectWellBehaved(run);
  const output = run.stdout + run.stderr;
  if (want.code === 'accepted') {
    expect(output).not.toMatch(/ error [A-Z_]+:/);
    expect(run.status).toBe(0);
    return;
  }
  expect(run.status).toBe(1);
  const first = firstDiagnostic(output);
  expect(first, output.slice(0, 2000)).toBeDefined();
  expect(first!.code, output.slice(0, 2000)).toBe(want.code);
  if (want.at !== undefined) expect(first!.file.replace(/\\/g, '/').endsWith(want.at), `${first!.file} should end with ${want.at}`).toBe(true);
  expect(first!.line).toBe(want.line);
  if (want.column !== undefined || want.line !== undefined) expect(first!.column).toBe(want.column);
}

function runRow(row: CorpusRow): Promise<Run> {
  const path = join('test/hostile/corpus', row.file);
  if (row.run === 'validate') return runCliAsync(['validate', path], LIMIT_MS);
  if (row.run === 'score') return runCliAsync(['score', path], LIMIT_MS);
  return runCliAsync(['score', inspectionAround(join(CORPUS_DIR, row.file), row.file)], LIMIT_MS);
}

beforeAll(() => {
  ensureBuilt();
  tmp = mkdtempSync(join(tmpdir(), 'criteria-hostile-'));
}, 180_000);

describe('the hostile corpus', () => {
  it('has at least 40 files, each listed once, with codes of ERROR_CODES', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(40);
    expect(new Set(CORPUS.map((r) => r.file)).size).toBe(CORPUS.length);
    for (const row of CORPUS) if (row.code !== 'accepted') expect(Object.keys(ERROR_CODES)).toContain(row.code);
  });

  it.concurrent.each(CORPUS.map((row) => [`${row.file} → ${row.code}`, row] as const))('%s', async (_name, row) => {
    expectOutcome(await runRow(row), {
      code: row.code,
      at: `corpus/${row.at ?? row.file}`,
      ...(row.line !== undefined ? { line: row.line } : {}),
      ...(row.column !== undefined ? { column: row.column } : {}),
    });
  });
});

/** A copy of corpus/base/pack.yaml with `from` replaced by `to`. */
function baseWith(from: string, to: string): string {
  const text = readFileSync(join(BASE, 'pack.yaml'), 'utf8');
  expect(text).toContain(from);
  return text.replace(from, to);
}

interface Generated {
  name: string;
  /** Writes the input under `dir`; returns the path to run and, for a pack, whether to validate or score. */
  make(dir: string): { path: string; run: 'validate' | 'score' };
  want: Expectation;
  /** Further checks on the run. */
  also?(run: Run): void;
}

const GENERATED: Generated[] = [
  {
    name: 'a 50 MB pack',
    make(dir) {
      const file = join(dir, 'pack.yaml');
      const filler = `# ${'x'.repeat(98)}\n`.repeat(500_000);
      writeFileSync(file, readFileSync(join(BASE, 'pack.yaml'), 'utf8') + filler);
      return { path: file, run: 'validate' };
    },
    want: { code: 'FILE_TOO_LARGE', at: 'pack.yaml' },
  },
  {
    name: 'a flow list nested 10,000 levels deep',
    make(dir) {
      const file = join(dir, 'pack.yaml');
      writeFileSync(file, `a: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`);
      return { path: file, run: 'validate' };
    },
    want: { code: 'YAML_TOO_DEEP', at: 'pack.yaml', line: 1, column: 103 },
  },
  {
    name: 'a JSON object nested 10,000 levels deep',
    make(dir) {
      const file = join(dir, 'pack.json');
      writeFileSync(file, `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}\n`);
      return { path: file, run: 'validate' };
    },
    want: { code: 'YAML_TOO_DEEP', at: 'pack.json', line: 1, column: 501 },
  },
  {
    name: 'block mappings nested 10,000 levels deep (indented one space a level)',
    make(dir) {
      const file = join(dir, 'pack.yaml');
      // 10,000 levels at one space each are 50 MB; 2,000 levels show the limit within the size limit.
      let text = '';
      for (let i = 0; i < 2_000; i++) text += `${' '.repeat(i)}k:\n`;
      writeFileSync(file, text);
      return { path: file, run: 'validate' };
    },
    want: { code: 'YAML_TOO_DEEP', at: 'pack.yaml', line: 101, column: 101 },
  },
  {
    name: '100,000 aliases of one anchor',
    make(dir) {
      const file = join(dir, 'pack.yaml');
      writeFileSync(file, `x: &x 1\nl: [${Array(100_000).fill('*x').join(', ')}]\n`);
      return { path: file, run: 'validate' };
    },
    want: { code: 'YAML_ALIAS_LIMIT', at: 'pack.yaml', line: 2, column: 405 },
  },
  {
    name: 'a 10 MB dense flow list (3,000,000 values)',
    make(dir) {
      const file = join(dir, 'pack.yaml');
      writeFileSync(file, `l: [${Array(3_000_000).fill('1').join(',')}]\n`);
      return { path: file, run: 'validate' };
    },
    want: { code: 'FILE_TOO_LARGE', at: 'pack.yaml' },
  },
  {
    name: 'a criterion id of 100,000 characters',
    make(dir) {
      const file = join(dir, 'pack.yaml');
      writeFileSync(file, baseWith('  - id: Q1\n', `  - id: Q${'x'.repeat(100_000)}\n`));
      return { path: file, run: 'validate' };
    },
    want: { code: 'SCHEMA_RANGE', at: 'pack.yaml', line: 34, column: 9 },
    also: (run) => expect((run.stdout + run.stderr).length).toBeLessThan(10_000),
  },
  {
    name: 'a title of 100,000 characters (accepted)',
    make(dir) {
      const file = join(dir, 'pack.yaml');
      writeFileSync(file, baseWith('title: Hostile corpus base', `title: ${'x'.repeat(100_000)}`));
      return { path: file, run: 'validate' };
    },
    want: { code: 'accepted' },
  },
  {
    name: 'a weight class name of 100,000 characters (accepted: names are not ids)',
    make(dir) {
      const file = join(dir, 'pack.yaml');
      writeFileSync(file, baseWith('weightClasses: { heavy: 2,', `weightClasses: { ${'h'.repeat(100_000)}: 3, heavy: 2,`));
      return { path: file, run: 'validate' };
    },
    want: { code: 'accepted' },
  },
  {
    name: 'a chain of 20,000 named conditions',
    make(dir) {
      const file = join(dir, 'pack.yaml');
      let conditions = 'conditions:\n';
      for (let i = 0; i < 20_000; i++) conditions += `  c${i}: { condition: c${i + 1} }\n`;
      conditions += '  c20000: { fact: risk, operator: equal, value: high }\n';
      const text = baseWith('appliesWhen: { fact: risk, operator: equal, value: high }', 'appliesWhen: { condition: c0 }');
      writeFileSync(file, text.replace('bandSets:', `${conditions}bandSets:`));
      return { path: file, run: 'validate' };
    },
    want: { code: 'CONDITION_SHAPE', at: 'pack.yaml', line: 19927, column: 3 },
  },
  {
    name: 'an inspection whose area name has 100,000 characters (accepted)',
    make(dir) {
      const file = join(dir, 'inspection.yaml');
      const text = readFileSync(join(CORPUS_DIR, 'inspections/valid.yaml'), 'utf8')
        .replace('pack: ../base', `pack: ${JSON.stringify(BASE)}`)
        .replace('../base-thematic', JSON.stringify(join(CORPUS_DIR, 'base-thematic')));
      writeFileSync(file, text.replace('name: Testshire', `name: ${'T'.repeat(100_000)}`));
      return { path: file, run: 'score' };
    },
    want: { code: 'accepted' },
  },
  {
    name: '/dev/zero as a pack (a file that never ends)',
    make: () => ({ path: '/dev/zero', run: 'validate' }),
    want: { code: 'FILE_UNREADABLE', at: '/dev/zero' },
  },
  {
    name: '/dev/zero as an inspection',
    make: () => ({ path: '/dev/zero', run: 'score' }),
    want: { code: 'FILE_UNREADABLE', at: '/dev/zero' },
  },
  {
    name: '/dev/zero as a case file',
    make: (dir) => ({ path: inspectionAround('/dev/zero', `${dir}-dev-zero`), run: 'score' }),
    want: { code: 'FILE_UNREADABLE', at: '.inspection.yaml', line: 6, column: 16 },
  },
  {
    name: 'a CSV case id of 100,000 characters (an inline id may have 128)',
    make(dir) {
      const csv = join(dir, 'cases.csv');
      writeFileSync(csv, `id,risk,Q1.1\n${'x'.repeat(100_000)},low,yes\n`);
      return { path: inspectionAround(csv, `${dir}-long-id`), run: 'score' };
    },
    want: { code: 'SCHEMA_RANGE', at: 'cases.csv', line: 2 },
  },
  {
    name: 'an NDJSON case id of 100,000 characters',
    make(dir) {
      const file = join(dir, 'cases.ndjson');
      writeFileSync(file, `${JSON.stringify({ id: 'x'.repeat(100_000), facts: { risk: 'low' }, answers: { 'Q1.1': 'yes' } })}\n`);
      return { path: inspectionAround(file, `${dir}-long-ndjson-id`), run: 'score' };
    },
    want: { code: 'SCHEMA_RANGE', at: 'cases.ndjson', line: 1 },
  },
];

describe('large hostile input, written at test time', () => {
  it.concurrent.each(GENERATED.map((g, i) => [g.name, g, i] as const))('%s', async (_name, g, i) => {
    const dir = join(tmp, `generated-${i}`);
    mkdirSync(dir, { recursive: true });
    const { path, run } = g.make(dir);
    const result = await runCliAsync([run, path], LIMIT_MS);
    expectOutcome(result, g.want);
    g.also?.(result);
  });
});

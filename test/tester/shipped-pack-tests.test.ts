// Runs the tests every shipped pack carries (tests/*.yaml) with the same runner `criteria test`
// uses, one vitest case per pack test, so `npm test` fails when a pack's own test does. Every
// shipped pack must also carry at least three tests, one expecting an error, and together they
// must exercise the whole pack (what `criteria test --coverage` reports).
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPackTests, findTestFiles } from '../../src/tester/run-pack-tests.js';
import { measureCoverage } from '../../src/tester/measure-coverage.js';
import { readDocument } from '../../src/load/read-document.js';
import type { PackTestFile } from '../../src/model/pack-test.js';

const packs = ['rules', 'thematics']
  .flatMap((root) => readdirSync(root).map((name) => join(root, name)))
  .filter((folder) => existsSync(join(folder, 'pack.yaml')));
const runs = await Promise.all(packs.map(async (folder) => ({ folder, run: await runPackTests(folder) })));

describe.each(runs)('pack tests of $folder', ({ folder, run }) => {
  it('load, and are at least three, one of them expecting an error', () => {
    if ('errors' in run) throw new Error(run.errors.map((e) => `${e.file}:${e.line}: ${e.message}`).join('\n'));
    expect(run.outcomes.length).toBeGreaterThanOrEqual(3);
    const tests = findTestFiles(folder).flatMap((file) => {
      const read = readDocument(file);
      return 'errors' in read ? [] : (read.doc.value as PackTestFile).tests;
    });
    expect(tests.filter((t) => t.expectError !== undefined).length).toBeGreaterThanOrEqual(1);
  });
  const outcomes = 'errors' in run ? [] : run.outcomes;
  it.each(outcomes.map((o) => [o.name, o] as const))('%s', (_name, outcome) => {
    const detail = [
      outcome.problem ?? '',
      ...outcome.mismatches.map((m) => `${m.id}.${m.property}: expected ${JSON.stringify(m.expected)}, got ${JSON.stringify(m.actual)}`),
      ...outcome.errors.slice(0, 3).map((e) => `${e.code}: ${e.message}`),
    ].filter(Boolean);
    expect(detail).toEqual([]);
    expect(outcome.passed).toBe(true);
  });
  it('exercise every question, band rule, threshold and weight class of the pack', () => {
    if ('errors' in run) return;
    expect(measureCoverage(run.pack, run.results).gaps).toEqual([]);
  });
});

// Runs the tests every shipped pack carries (tests/*.yaml) with the same runner `criteria test`
// uses, one vitest case per pack test, so `npm test` fails when a pack's own test does.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPackTests, findTestFiles } from '../../src/tester/run-pack-tests.js';

const packs = ['rules', 'thematics']
  .flatMap((root) => readdirSync(root).map((name) => join(root, name)))
  .filter((folder) => existsSync(join(folder, 'pack.yaml')) && findTestFiles(folder).length > 0);
const runs = await Promise.all(packs.map(async (folder) => ({ folder, run: await runPackTests(folder) })));

describe.each(runs)('pack tests of $folder', ({ run }) => {
  it('load and have tests', () => {
    if ('errors' in run) throw new Error(run.errors.map((e) => `${e.file}:${e.line}: ${e.message}`).join('\n'));
    expect(run.outcomes.length).toBeGreaterThan(0);
  });
  const outcomes = 'errors' in run ? [] : run.outcomes;
  it.each(outcomes.map((o) => [o.name, o] as const))('%s', (_name, outcome) => {
    const detail = [outcome.problem ?? '', ...outcome.mismatches.map((m) => `${m.id}.${m.property}: expected ${JSON.stringify(m.expected)}, got ${JSON.stringify(m.actual)}`), ...outcome.errors.slice(0, 3).map((e) => `${e.code}: ${e.message}`)].filter(Boolean);
    expect(detail).toEqual([]);
    expect(outcome.passed).toBe(true);
  });
});

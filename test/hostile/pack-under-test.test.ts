/**
 * `criteria test` scores the pack under test, always: a copied and changed pack whose tests name
 * the original (by an inspection file, or a base inspection) is scored in the original's place,
 * and the output says so. The same tests run on the original fail, so they test something.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCliAsync } from './built-cli.js';
import { BASE, BASE_THEMATIC, scratch } from './workspace.js';

beforeAll(() => {
  ensureBuilt();
}, 180_000);

const TESTS = (inspection: string) => `tests:
  - name: the inspection file, scored with the changed pack
    inspection: ${JSON.stringify(inspection)}
    expect:
      Q1.3: { met: 0 }
  - name: a base inspection, scored with the changed pack
    inspection:
      base: ${JSON.stringify(inspection)}
      evidence: { E1.1: poor }
    expect:
      Q1.3: { met: 0 }
      E1.1: { band: poor }
`;

function setUp(kind: 'methodology' | 'thematic'): { dir: string; original: string; changed: string } {
  const dir = scratch();
  const original = join(dir, 'original');
  const changed = join(dir, 'changed');
  cpSync(BASE, original, { recursive: true });
  const text = readFileSync(join(BASE, 'pack.yaml'), 'utf8');
  expect(text).toContain('operator: lessThan, value: 60');
  mkdirSync(changed);
  writeFileSync(join(changed, 'pack.yaml'), text.replace('operator: lessThan, value: 60', 'operator: lessThan, value: 20'));
  const thematics = kind === 'thematic' ? `thematics: [${JSON.stringify(BASE_THEMATIC)}]\n` : '';
  const answers = kind === 'thematic' ? `, 'hostile-theme:H1.1': yes` : '';
  writeFileSync(
    join(dir, 'inspection.yaml'),
    `pack: original\n${thematics}area: { name: Testshire, facts: { toolInUse: true } }\nevidence: { E1.1: good }\ntargets: { T1.1: { value: 88 } }\nscores: { D1: 70 }\ncases:\n  - { id: c1, facts: { risk: low, age: 30 }, answers: { Q1.1: yes${answers} } }\n`,
  );
  return { dir, original, changed };
}

describe('criteria test scores the pack under test', () => {
  it('in the place of the methodology its tests name', async () => {
    const { dir, original, changed } = setUp('methodology');
    mkdirSync(join(changed, 'tests'));
    writeFileSync(join(changed, 'tests', 'basic.yaml'), TESTS(join(dir, 'inspection.yaml')));
    const run = await runCliAsync(['test', changed]);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('2 tests, each scoring this pack');
    expect(run.stdout.match(/scored with the pack under test in place of .*original/g)).toHaveLength(2);
    const json = await runCliAsync(['test', changed, '--format', 'json']);
    const report = JSON.parse(json.stdout) as { packs: Array<{ outcomes: Array<{ passed: boolean; substituted?: string }> }> };
    expect(report.packs[0]!.outcomes.map((o) => [o.passed, o.substituted?.endsWith('original')])).toEqual([
      [true, true],
      [true, true],
    ]);
    // The same tests, carried by the original, fail: Q1.3 is met there.
    mkdirSync(join(original, 'tests'));
    writeFileSync(join(original, 'tests', 'basic.yaml'), TESTS(join(dir, 'inspection.yaml')));
    const againstOriginal = await runCliAsync(['test', original]);
    expect(againstOriginal.status).toBe(1);
    expect(againstOriginal.stdout).toContain('Q1.3.met: expected 0, got 1');
    expect(againstOriginal.stdout).not.toContain('in place of');
  });

  it('in the place of the thematic of its id', async () => {
    const { dir } = setUp('thematic');
    const changedTheme = join(dir, 'changed-theme');
    mkdirSync(join(changedTheme, 'tests'), { recursive: true });
    const text = readFileSync(join(BASE_THEMATIC, 'pack.yaml'), 'utf8');
    writeFileSync(join(changedTheme, 'pack.yaml'), text.replace('path: ../base', 'path: ../original'));
    writeFileSync(
      join(changedTheme, 'tests', 'basic.yaml'),
      `tests:\n  - name: the thematic under test is the one scored\n    inspection: ${JSON.stringify(join(dir, 'inspection.yaml'))}\n    expect:\n      hostile-theme:H1.1: { met: 1 }\n`,
    );
    const run = await runCliAsync(['test', changedTheme]);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/scored with the pack under test in place of .*base-thematic/);
  });
});

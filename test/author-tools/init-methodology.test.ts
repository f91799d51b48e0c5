// `criteria init methodology`: each kind writes a pack, an example inspection and tests that
// validate, pass with full coverage and score; the ratings kind needs no cases, uses a limit and
// a band set that extends another; init never overwrites and refuses a bad name or kind.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPackTests } from '../../src/tester/run-pack-tests.js';
import { measureCoverage } from '../../src/tester/measure-coverage.js';
import { scoreInspectionFile } from '../../src/pipeline/score-file.js';

let root: string;

function cli(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { encoding: 'utf8', timeout: 60_000 });
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'criteria-init-methodology-'));
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe.each(['sample', 'ratings'] as const)('criteria init methodology --kind %s', (kind) => {
  const name = `demo-${kind}`;

  it('writes the pack, an example and tests, which validate', () => {
    const out = cli('init', 'methodology', name, '--kind', kind, '--dir', root, '--title', `A ${kind} demo`);
    expect(out.stderr).toBe('');
    expect(out.status).toBe(0);
    expect(out.stdout).toContain('pack.yaml');
    expect(readFileSync(join(root, name, 'pack.yaml'), 'utf8')).toMatch(/^# yaml-language-server: \$schema=.*pack\.schema\.json/);
    expect(readFileSync(join(root, name, 'pack.yaml'), 'utf8')).toContain(`title: A ${kind} demo`);
    const validate = cli('validate', join(root, name));
    expect(validate.stdout + validate.stderr).toContain(`ok ${join(root, name)}`);
    expect(validate.status).toBe(0);
  });

  it('has tests that pass, one expecting an error, with nothing left uncovered', async () => {
    const run = await runPackTests(join(root, name));
    if ('errors' in run) throw new Error(run.errors[0]!.message);
    expect(run.outcomes.length).toBeGreaterThanOrEqual(3);
    expect(run.outcomes.filter((o) => !o.passed).map((o) => o.name)).toEqual([]);
    expect(measureCoverage(run.pack, run.results).gaps).toEqual([]);
  });

  it('scores its example', async () => {
    const scored = await scoreInspectionFile(join(root, name, 'examples', 'example', 'inspection.yaml'));
    if ('errors' in scored) throw new Error(scored.errors[0]!.message);
    expect(scored.result.overall?.band).not.toBeNull();
    if (kind === 'ratings') {
      expect(scored.result.cases.read).toBe(0);
      expect(scored.result.sections.every((s) => s.items !== undefined && s.criteria.length === 0)).toBe(true);
      const sheet = cli('score', join(root, name, 'examples', 'example'));
      expect(sheet.stdout).not.toContain('cases:');
    }
  });

  it('never overwrites', () => {
    const again = cli('init', 'methodology', name, '--kind', kind, '--dir', root);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('already exists');
  });
});

describe('criteria init methodology refuses', () => {
  it('a name that cannot be an id, and an unknown kind', () => {
    expect(cli('init', 'methodology', 'no spaces', '--dir', root).status).toBe(2);
    const kind = cli('init', 'methodology', 'x', '--kind', 'survey', '--dir', root);
    expect(kind.status).toBe(2);
    expect(kind.stderr).toContain('sample, ratings');
  });
});

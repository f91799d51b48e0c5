/**
 * The contract of the command line, for every command: results on standard output, diagnostics on
 * standard error; usage errors exit 2, also as JSON under --format json; a closed pipe is a quiet
 * normal end; diff refuses two unrelated packs and fails when an inspection cannot be scored;
 * compare warns when one pack id and version has two contents; `in` with a fact is refused.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI, ensureBuilt, REPO, runCliAsync, STACK_TRACE } from './built-cli.js';
import { BASE, inspectionText, scratch, writeCsvInspection } from './workspace.js';

beforeAll(() => {
  ensureBuilt();
}, 180_000);

const VALID = 'test/hostile/corpus/inspections/valid.yaml';

describe('usage errors exit 2, as text or as JSON on standard error', () => {
  it.each([
    ['init without a subcommand', ['init']],
    ['schema without a subcommand', ['schema']],
    ['score without an inspection', ['score']],
    ['an unknown option', ['score', VALID, '--bogus']],
    ['--workers 0', ['score', VALID, '--workers', '0']],
    ['explain a result the inspection does not have', ['explain', VALID, 'NOPE']],
    ['explain a case the inspection does not have', ['explain', VALID, '--case', 'nope']],
    ['explain with neither a result nor a case', ['explain', VALID]],
    ['compare one inspection', ['compare', VALID]],
    ['diff of two unrelated packs', ['diff', BASE, 'rules/esi-2003']],
  ])('%s', async (_name, args) => {
    const text = await runCliAsync(args, 20_000);
    expect(text.status, text.stderr).toBe(2);
    expect(text.stdout).toBe('');
    expect(text.stderr).not.toMatch(STACK_TRACE);
    if (args[0] === 'init' || args[0] === 'schema') return;
    expect(text.stderr).toMatch(/error USAGE: /);
    const json = await runCliAsync([...args, '--format', 'json'], 20_000);
    expect(json.status).toBe(2);
    expect(json.stdout).toBe('');
    expect((JSON.parse(json.stderr) as { errors: Array<{ code: string }> }).errors[0]!.code).toBe('USAGE');
  });
});

describe('results on standard output, diagnostics on standard error', () => {
  it('for every command that meets an error', async () => {
    const dir = scratch();
    const inspection = writeCsvInspection(dir, ['c1,low,maybe,']);
    const runs = await Promise.all(
      [
        ['score', inspection],
        ['score', inspection, '--format', 'json'],
        ['explain', inspection, 'Q1'],
        ['compare', inspection, inspection, '--format', 'json'],
        ['validate', join(dir, 'no-such-pack')],
        ['schema', 'cases', join(dir, 'no-such-pack')],
      ].map((args) => runCliAsync(args, 20_000)),
    );
    for (const run of runs) {
      expect(run.status, run.stderr).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/error [A-Z_]+:|"code": "[A-Z_]+"/);
    }
    expect(JSON.parse(runs[1]!.stderr).errors[0].code).toBe('CASE_ANSWER_OFF_SCALE');
  });

  it('diff --cases with an inspection that cannot be scored exits 1', async () => {
    const dir = scratch();
    const changed = join(dir, 'changed');
    mkdirSync(changed);
    writeFileSync(join(changed, 'pack.yaml'), readFileSync(join(BASE, 'pack.yaml'), 'utf8').replace('version: 1.0.0', 'version: 1.0.1'));
    const run = await runCliAsync(['diff', BASE, changed, '--cases', join(dir, 'no-such-inspection.yaml')]);
    expect(run.status).toBe(1);
    expect(run.stdout + run.stderr).not.toMatch(/\.tmp\b|criteria-impact-/);
  });
});

describe('a closed pipe is a quiet normal end', () => {
  it('score … | head -c 10', () => {
    const dir = scratch();
    const inspection = writeCsvInspection(dir, ['c1,low,yes,', ...Array.from({ length: 10_000 }, (_, i) => `x${i},low,maybe,`)]);
    for (const format of ['table', 'json', 'markdown']) {
      const r = spawnSync(
        'bash',
        [
          '-c',
          `"${process.execPath}" "${CLI}" score "${inspection}" --exclude-invalid --format ${format} | head -c 10 > /dev/null; echo "status \${PIPESTATUS[0]}" >&2`,
        ],
        { cwd: REPO, encoding: 'utf8', timeout: 30_000 },
      );
      expect(r.stderr).not.toContain('internal error');
      expect(r.stderr).not.toContain('EPIPE');
      expect(r.stderr).toMatch(/status 0\n$/);
    }
  });
});

describe('packs and results that only look comparable', () => {
  it('compare warns when one pack id and version has two contents', async () => {
    const dir = scratch();
    const changed = join(dir, 'changed');
    mkdirSync(changed);
    writeFileSync(
      join(changed, 'pack.yaml'),
      readFileSync(join(BASE, 'pack.yaml'), 'utf8').replace('weightClasses: { heavy: 2,', 'weightClasses: { heavy: 3,'),
    );
    writeFileSync(join(dir, 'a.yaml'), inspectionText('[{ id: c1, facts: { risk: low }, answers: { Q1.1: yes } }]'));
    writeFileSync(join(dir, 'b.yaml'), inspectionText('[{ id: c1, facts: { risk: low }, answers: { Q1.1: yes } }]').replace(/^pack: .*$/m, 'pack: changed'));
    const run = await runCliAsync(['compare', join(dir, 'a.yaml'), join(dir, 'b.yaml')]);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/warning INSPECTION_PACK_VERSION: the inspections were scored with hostile-base 1\.0\.0 of 2 different contents/);
    expect(run.stdout).toMatch(/different content/);
  });

  it('in and notIn with another fact as the value are refused', async () => {
    const dir = scratch();
    for (const operator of ['in', 'notIn']) {
      const pack = join(dir, operator);
      mkdirSync(pack);
      writeFileSync(
        join(pack, 'pack.yaml'),
        readFileSync(join(BASE, 'pack.yaml'), 'utf8').replace(
          'appliesWhen: { fact: risk, operator: equal, value: high }',
          `appliesWhen: { fact: officer, operator: ${operator}, value: { fact: risk } }`,
        ),
      );
      const run = await runCliAsync(['validate', pack]);
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(
        new RegExp(`error VALUE_TYPE: ${operator} needs a list of values written in the pack, but officer in .* is compared with another fact`),
      );
    }
  });
});

/** The `criteria` command line, run as a subprocess: exit codes, text and JSON output, help and version. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const valid = 'test/fixtures/packs/valid/full';
const thematic = 'test/fixtures/packs/valid/thematic';
const invalid = 'test/fixtures/packs/invalid/unknown-weight-class';

function run(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { encoding: 'utf8', timeout: 20_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function expectNoStackTrace(text: string): void {
  expect(text).not.toMatch(/^\s+at .+\(.+:\d+:\d+\)$/m);
}

describe('criteria', () => {
  it('--help lists the commands and exits 0', () => {
    const { status, stdout } = run('--help');
    expect(status).toBe(0);
    expect(stdout).toContain('Usage: criteria');
    expect(stdout).toContain('validate');
  });

  it('validate --help describes the command', () => {
    const { status, stdout } = run('validate', '--help');
    expect(status).toBe(0);
    expect(stdout).toContain('--format <format>');
  });

  it('--version prints the version of package.json', () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    const { status, stdout } = run('--version');
    expect(status).toBe(0);
    expect(stdout.trim()).toBe(version);
  });

  it('validate prints ok for valid packs, a thematic checked with its methodology, and exits 0', () => {
    const { status, stdout } = run('validate', valid, thematic);
    expect(status).toBe(0);
    expect(stdout).toBe(`ok ${valid} (fixture-full 1.2.0): 4 criteria, 3 questions\nok ${thematic} (fixture-theme 0.3.0): 1 criterion, 1 question\n`);
  });

  it('validate prints every error with its source line, a caret and a hint, and exits 1', () => {
    const { status, stdout, stderr } = run('validate', valid, invalid);
    expect(status).toBe(1);
    // The result (ok lines) on standard output, the diagnostics on standard error.
    expect(stdout).toBe(`ok ${valid} (fixture-full 1.2.0): 4 criteria, 3 questions\n`);
    expect(stderr).toContain(`${invalid}/pack.yaml:35:13 error UNKNOWN_WEIGHT_CLASS: unknown weight class 'heavey' for criterion B1; did you mean 'heavy'?`);
    expect(stderr).toContain('35 |     weight: heavey\n   |             ^\n  hint: declare it under weightClasses');
    expect(stderr).toContain(`${invalid}: 1 error`);
    expectNoStackTrace(stdout + stderr);
  });

  it('validate --format json prints one report', () => {
    const { status, stdout } = run('validate', '--format', 'json', valid, invalid);
    expect(status).toBe(1);
    const report = JSON.parse(stdout) as { packs: Array<{ path: string; valid: boolean; errors: Array<Record<string, unknown>>; warnings: unknown[] }> };
    expect(report.packs.map((p) => [p.path, p.valid, p.errors.length, p.warnings.length])).toEqual([
      [valid, true, 0, 0],
      [invalid, false, 1, 0],
    ]);
    expect(report.packs[1]!.errors[0]).toMatchObject({
      code: 'UNKNOWN_WEIGHT_CLASS',
      severity: 'error',
      file: `${invalid}/pack.yaml`,
      line: 35,
      column: 13,
      pointer: '/criteria/0/weight',
    });
  });

  it('reports a path that does not exist as an invalid pack, not a crash', () => {
    const { status, stdout, stderr } = run('validate', 'no/such/pack');
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('error FILE_NOT_FOUND: no/such/pack does not exist');
    expectNoStackTrace(stdout + stderr);
  });

  const usage = (message: string) => `error USAGE: ${message}\n  hint: see criteria <command> --help\n\n1 error\n`;
  it.each([
    ['no paths', ['validate'], usage("missing required argument 'paths'")],
    [
      'an unknown format',
      ['validate', '--format', 'xml', valid],
      usage("option '--format <format>' argument 'xml' is invalid. Allowed choices are text, json."),
    ],
    ['an unknown option', ['validate', '--colour', valid], usage("unknown option '--colour'")],
    ['an unknown command (said once)', ['valdate', valid], usage("unknown command 'valdate'\n(Did you mean validate?)")],
  ])('exits 2 on a usage error: %s', (_note, args, message) => {
    const { status, stdout, stderr } = run(...args);
    expect(status).toBe(2);
    expect(stderr).toBe(message);
    expect(stdout).toBe('');
  });

  it('exits 2 with no command, printing the help on standard error', () => {
    const { status, stdout, stderr } = run();
    expect(status).toBe(2);
    expect(stderr).toMatch(/^Usage: criteria \[options\] \[command\]\n/);
    expect(stderr).toContain('  validate [options] <paths...>');
    expect(stdout).toBe('');
    expectNoStackTrace(stderr);
  });

  it('suggests the command meant', () => {
    expect(run('valdate', valid).stderr).toContain('validate');
  });
});

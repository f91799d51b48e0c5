/**
 * `--out` never loses data silently: it refuses the run's own inputs (the input stays
 * byte-identical), devices, FIFOs, folders and links to them; it keeps an existing file's mode
 * and a symbolic link to a regular file; it refuses read-only and hard-linked files.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, linkSync, lstatSync, mkdirSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCliAsync, STACK_TRACE, type Run } from './built-cli.js';
import { BASE, scratch, writeCsvInspection } from './workspace.js';

beforeAll(() => {
  ensureBuilt();
}, 180_000);

function refused(run: Run, code: string): void {
  expect(run.timedOut).toBe(false);
  expect(run.status, run.stderr).toBe(1);
  expect(run.stderr).toMatch(new RegExp(`^error ${code}: `, 'm'));
  expect(run.stderr).not.toMatch(STACK_TRACE);
  expect(run.stderr).not.toMatch(/\.tmp\b/);
  expect(run.stdout).toBe('');
}

function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (lstatSync(path).isFile()) files.set(name, readFileSync(path, 'latin1'));
  }
  return files;
}

describe("--out refuses the run's own inputs, and leaves them byte-identical", () => {
  it.each([
    ['the inspection', (dir: string) => join(dir, 'inspection.yaml')],
    ['its case file', (dir: string) => join(dir, 'cases.csv')],
    [
      'its case file through a symbolic link',
      (dir: string) => {
        symlinkSync(join(dir, 'cases.csv'), join(dir, 'link.csv'));
        return join(dir, 'link.csv');
      },
    ],
    [
      'its case file through a hard link',
      (dir: string) => {
        linkSync(join(dir, 'cases.csv'), join(dir, 'other.csv'));
        return join(dir, 'other.csv');
      },
    ],
    ['the pack file', () => join(BASE, 'pack.yaml')],
  ])('%s', async (_name, target) => {
    const dir = scratch();
    const inspection = writeCsvInspection(dir);
    const out = target(dir);
    const before = snapshot(dir);
    const pack = readFileSync(join(BASE, 'pack.yaml'), 'utf8');
    for (const format of ['table', 'json']) {
      const run = await runCliAsync(['score', inspection, '--format', format, '--out', out]);
      if (format === 'json') {
        expect(run.status).toBe(1);
        expect(JSON.parse(run.stderr).errors[0].code).toBe('OUTPUT_IS_INPUT');
      } else refused(run, 'OUTPUT_IS_INPUT');
    }
    expect(snapshot(dir)).toEqual(before);
    expect(readFileSync(join(BASE, 'pack.yaml'), 'utf8')).toBe(pack);
  });

  it('compare refuses one of its inspections', async () => {
    const dir = scratch();
    const inspection = writeCsvInspection(dir);
    const before = snapshot(dir);
    refused(await runCliAsync(['compare', inspection, inspection, '--out', inspection]), 'OUTPUT_IS_INPUT');
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('--out writes regular files only', () => {
  it.each([
    ['/dev/null', () => '/dev/null'],
    [
      'a symbolic link to /dev/null',
      (dir: string) => {
        symlinkSync('/dev/null', join(dir, 'null-link'));
        return join(dir, 'null-link');
      },
    ],
    [
      'a FIFO',
      (dir: string) => {
        execFileSync('mkfifo', [join(dir, 'fifo')]);
        return join(dir, 'fifo');
      },
    ],
    [
      'a symbolic link to a FIFO',
      (dir: string) => {
        execFileSync('mkfifo', [join(dir, 'fifo')]);
        symlinkSync(join(dir, 'fifo'), join(dir, 'fifo-link'));
        return join(dir, 'fifo-link');
      },
    ],
    [
      'a folder',
      (dir: string) => {
        mkdirSync(join(dir, 'folder'));
        return join(dir, 'folder');
      },
    ],
    [
      'a symbolic link to nothing',
      (dir: string) => {
        symlinkSync(join(dir, 'nothing'), join(dir, 'dangling'));
        return join(dir, 'dangling');
      },
    ],
  ])('%s is refused and left as it was', async (_name, target) => {
    const dir = scratch();
    const inspection = writeCsvInspection(dir);
    const out = target(dir);
    const before = lstatSync(out);
    refused(await runCliAsync(['score', inspection, '--out', out]), 'OUTPUT_NOT_FILE');
    const after = lstatSync(out);
    expect([after.mode, after.ino, after.isSymbolicLink()]).toEqual([before.mode, before.ino, before.isSymbolicLink()]);
  });
});

describe('--out over an existing regular file', () => {
  it("keeps the file's mode (0600 stays 0600)", async () => {
    const dir = scratch();
    const inspection = writeCsvInspection(dir);
    const out = join(dir, 'result.json');
    writeFileSync(out, 'old');
    chmodSync(out, 0o600);
    const run = await runCliAsync(['score', inspection, '--format', 'json', '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(out, 'utf8')).id).toBe('hostile-base');
  });

  it('writes through a symbolic link to a regular file, keeping the link', async () => {
    const dir = scratch();
    const inspection = writeCsvInspection(dir);
    mkdirSync(join(dir, 'reports'));
    writeFileSync(join(dir, 'reports', 'real.json'), 'old');
    symlinkSync(join(dir, 'reports', 'real.json'), join(dir, 'latest.json'));
    const run = await runCliAsync(['score', inspection, '--format', 'json', '--out', join(dir, 'latest.json')]);
    expect(run.status, run.stderr).toBe(0);
    expect(lstatSync(join(dir, 'latest.json')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'reports', 'real.json'), 'utf8')).id).toBe('hostile-base');
    expect(readdirSync(join(dir, 'reports'))).toEqual(['real.json']);
  });

  it('refuses a read-only file and leaves it as it was', async () => {
    const dir = scratch();
    const inspection = writeCsvInspection(dir);
    const out = join(dir, 'result.json');
    writeFileSync(out, 'kept');
    chmodSync(out, 0o444);
    refused(await runCliAsync(['score', inspection, '--out', out]), 'OUTPUT_READ_ONLY');
    expect(readFileSync(out, 'utf8')).toBe('kept');
    expect(statSync(out).mode & 0o777).toBe(0o444);
  });

  it('refuses a file with other hard links rather than cut them', async () => {
    const dir = scratch();
    const inspection = writeCsvInspection(dir);
    const out = join(dir, 'result.json');
    writeFileSync(out, 'kept');
    linkSync(out, join(dir, 'archive.json'));
    refused(await runCliAsync(['score', inspection, '--out', out]), 'OUTPUT_LINKED');
    expect(statSync(out).nlink).toBe(2);
    expect(readFileSync(join(dir, 'archive.json'), 'utf8')).toBe('kept');
  });

  it('names no temporary file when the folder does not exist', async () => {
    const dir = scratch();
    const inspection = writeCsvInspection(dir);
    const run = await runCliAsync(['score', inspection, '--out', join(dir, 'no-such-folder', 'r.json')]);
    refused(run, 'OUTPUT_WRITE');
    expect(run.stderr).toContain('its folder does not exist');
  });
});

describe('property: the input files are byte-identical after any run', () => {
  it('whatever --out names among the inputs and their links, with any format and command', async () => {
    const fc = (await import('fast-check')).default;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('inspection.yaml', 'cases.csv', 'link-to-cases', 'hard-link-to-inspection', 'pack'),
        fc.constantFrom('table', 'json', 'markdown', 'html'),
        fc.constantFrom('score', 'compare'),
        async (target, format, command) => {
          const dir = scratch();
          const inspection = writeCsvInspection(dir);
          symlinkSync(join(dir, 'cases.csv'), join(dir, 'link-to-cases'));
          linkSync(inspection, join(dir, 'hard-link-to-inspection'));
          const out = target === 'pack' ? join(BASE, 'pack.yaml') : join(dir, target);
          const before = snapshot(dir);
          const pack = readFileSync(join(BASE, 'pack.yaml'), 'latin1');
          const args = command === 'score' ? ['score', inspection] : ['compare', inspection, inspection];
          const run = await runCliAsync([...args, '--format', format, '--out', out], 20_000);
          expect(run.status).toBe(1);
          expect(snapshot(dir)).toEqual(before);
          expect(readFileSync(join(BASE, 'pack.yaml'), 'latin1')).toBe(pack);
        },
      ),
      { numRuns: 8 },
    );
  }, 240_000);
});

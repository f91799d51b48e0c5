// Output files are written atomically: a temporary file beside the target, then a rename. A
// failed write leaves the old file as it was (its content and its inode) and no temporary file behind.
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeFileAtomic, writeOutput } from '../../src/cli/write-output.js';

/** When set, the module's next write of data fails with ENOSPC after writing part of its text. */
const disk = vi.hoisted(() => ({ full: false }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const writeSync = ((fd: number, text: string) => {
    if (!disk.full) return fs.writeSync(fd, text);
    fs.writeSync(fd, text.slice(0, 3));
    throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
  }) as typeof fs.writeSync;
  return { ...fs, default: { ...fs, writeSync }, writeSync };
});

afterEach(() => {
  disk.full = false;
  vi.useRealTimers();
});

/** A folder holding `result.json` with an old result; its path and inode. */
function oldResult() {
  const folder = mkdtempSync(join(tmpdir(), 'criteria-out-'));
  const target = join(folder, 'result.json');
  writeFileSync(target, 'old result');
  return { folder, target, inode: statSync(target).ino };
}

describe('writeFileAtomic', () => {
  it('writes the whole text and leaves only the target', () => {
    const folder = mkdtempSync(join(tmpdir(), 'criteria-out-'));
    const target = join(folder, 'report.html');
    writeFileAtomic(target, 'x'.repeat(1_000_000));
    expect(readFileSync(target, 'utf8')).toHaveLength(1_000_000);
    expect(readdirSync(folder)).toEqual(['report.html']);
  });

  it('replaces an old file by a new one (a new inode), keeping its permission bits when given', () => {
    const { folder, target, inode } = oldResult();
    writeFileAtomic(target, 'new result', 0o640);
    expect(readFileSync(target, 'utf8')).toBe('new result');
    expect(statSync(target).ino).not.toBe(inode);
    expect(statSync(target).mode & 0o777).toBe(0o640);
    expect(readdirSync(folder)).toEqual(['result.json']);
  });

  it('a write to the same file that cannot make its temporary file keeps the old file, content and inode', () => {
    const { folder, target, inode } = oldResult();
    // The temporary file's name is the target's, the process id and the time: at a fixed time a
    // folder of that name stands where the temporary file would go.
    vi.useFakeTimers({ now: 1_700_000_000_000, toFake: ['Date'] });
    mkdirSync(join(folder, `.result.json.${process.pid}.1700000000000.tmp`));
    expect(() => writeFileAtomic(target, 'new result')).toThrow(expect.objectContaining({ code: 'EEXIST' }));
    expect(readFileSync(target, 'utf8')).toBe('old result');
    expect(statSync(target).ino).toBe(inode);
    expect(readdirSync(folder).sort()).toEqual(['.result.json.' + process.pid + '.1700000000000.tmp', 'result.json']);
  });

  it('a write to the same file that fails half-way (the disk full) keeps the old file and removes its temporary file', () => {
    const { folder, target, inode } = oldResult();
    disk.full = true;
    expect(() => writeFileAtomic(target, 'new result')).toThrow(expect.objectContaining({ code: 'ENOSPC' }));
    expect(readFileSync(target, 'utf8')).toBe('old result');
    expect(statSync(target).ino).toBe(inode);
    expect(readdirSync(folder)).toEqual(['result.json']);
  });

  it('writeOutput reports the failed write in words, and the old file stays', () => {
    const { folder, target, inode } = oldResult();
    disk.full = true;
    expect(writeOutput('new result', target)).toEqual({
      code: 'OUTPUT_WRITE',
      message: `cannot write ${target}: no space is left on the device`,
      hint: 'write to a folder that exists and that you may write to',
    });
    expect(readFileSync(target, 'utf8')).toBe('old result');
    expect(statSync(target).ino).toBe(inode);
    expect(readdirSync(folder)).toEqual(['result.json']);
    expect(writeOutput('text', join(folder, 'no-such-folder', 'x.json'))).toEqual({
      code: 'OUTPUT_WRITE',
      message: `cannot write ${join(folder, 'no-such-folder', 'x.json')}: its folder does not exist`,
      hint: 'write to a folder that exists and that you may write to',
    });
  });
});

// Output files are written atomically: a temporary file beside the target, then a rename. A
// failed write leaves the old file as it was and no temporary file behind.
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic, writeOutput } from '../../src/cli/write-output.js';

describe('writeFileAtomic', () => {
  it('writes the whole text and leaves only the target', () => {
    const folder = mkdtempSync(join(tmpdir(), 'criteria-out-'));
    const target = join(folder, 'report.html');
    writeFileAtomic(target, 'x'.repeat(1_000_000));
    expect(readFileSync(target, 'utf8')).toHaveLength(1_000_000);
    expect(readdirSync(folder)).toEqual(['report.html']);
  });

  it('a failed write keeps the old file and removes its temporary file', () => {
    const folder = mkdtempSync(join(tmpdir(), 'criteria-out-'));
    const target = join(folder, 'result.json');
    writeFileSync(target, 'old result');
    // The rename cannot replace a folder: the write fails after the temporary file is written.
    const blocked = join(folder, 'blocked');
    mkdirSync(join(blocked, 'inside'), { recursive: true });
    expect(() => writeFileAtomic(blocked, 'new')).toThrow();
    expect(readFileSync(target, 'utf8')).toBe('old result');
    expect(readdirSync(folder).sort()).toEqual(['blocked', 'result.json']);
    expect(writeOutput('text', join(folder, 'no-such-folder', 'x.json'))).toMatchObject({ code: 'OUTPUT_WRITE', message: expect.stringMatching(/^cannot write .*: its folder does not exist$/) });
  });
});

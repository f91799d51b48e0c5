/**
 * A case file that changes while it is read is an error (FILE_CHANGED), on one thread and on
 * several: the cases counted would not be the bytes hashed. A file left alone scores with every
 * case accounted for, read = scored + excluded, under every --workers.
 */
import { appendFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scoreInspectionFile } from '../../src/pipeline/score-file.js';
import { watchFile } from '../../src/load/watch-file.js';
import { createHash } from 'node:crypto';
import { scratch, writeCsvInspection } from './workspace.js';

const ROWS = 40_000;

function sample(): { dir: string; inspection: string; csv: string } {
  const dir = scratch();
  const rows = Array.from({ length: ROWS }, (_, i) => (i % 2 === 0 ? `c${i},low,yes,` : `c${i},high,no,yes`));
  const inspection = writeCsvInspection(dir, rows);
  return { dir, inspection, csv: join(dir, 'cases.csv') };
}

describe('a case file that grows while it is read', () => {
  it.each([1, 2, 3])('is FILE_CHANGED with --workers %i', async (workers) => {
    const { inspection, csv } = sample();
    let n = 0;
    // Append a row at every turn of the event loop while the run reads.
    const timer = setInterval(() => appendFileSync(csv, `g${n++},low,yes,\n`), 0);
    try {
      const scored = await scoreInspectionFile(inspection, { workers });
      expect(n).toBeGreaterThan(0);
      expect('errors' in scored && scored.errors.map((e) => e.code)).toEqual(['FILE_CHANGED']);
    } finally {
      clearInterval(timer);
    }
  });

  it.each([1, 2, 3])('left alone, accounts for every case with --workers %i', async (workers) => {
    const { inspection, csv } = sample();
    appendFileSync(csv, 'bad,low,maybe,\n');
    const scored = await scoreInspectionFile(inspection, { workers, excludeInvalid: true });
    if ('errors' in scored) throw new Error(scored.errors[0]!.message);
    const { read, scored: counted, excluded } = scored.result.cases;
    expect(read).toBe(ROWS + 1);
    expect(counted + excluded.length).toBe(read);
  });

  it('watchFile notices a change of size, a replacement, and a short read', () => {
    const dir = scratch();
    const file = join(dir, 'f.csv');
    writeFileSync(file, 'abc\n');
    const grown = watchFile(file);
    appendFileSync(file, 'more\n');
    expect(grown.check()?.code).toBe('FILE_CHANGED');
    const replaced = watchFile(file);
    writeFileSync(join(dir, 'g.csv'), 'abc\nmore\n');
    renameSync(join(dir, 'g.csv'), file);
    expect(replaced.check()?.message).toMatch(/replaced/);
    const short = watchFile(file);
    short.counting(createHash('sha256')).update('abc');
    expect(short.check()?.message).toMatch(/another number of bytes was read/);
    expect(short.check({ bytes: false })).toBeUndefined();
  });
});

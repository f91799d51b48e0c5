/**
 * The hostile corpus's packs loaded by the library in process: each must give the first error the
 * corpus names for it (code, file, line and column), or load cleanly where the corpus says it is
 * odd but valid. corpus.test.ts meets the same files through the built command line; this runs
 * them where mutation testing sees the loader and the checks (a child process never runs a mutant).
 */
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPack } from '../../src/index.js';
import { CORPUS } from './corpus.js';

const CORPUS_DIR = 'test/hostile/corpus';
// The validated packs; the large ones are written at test time by corpus.test.ts (its GENERATED list).
const rows = CORPUS.filter((row) => row.run === 'validate' && existsSync(join(CORPUS_DIR, row.file)));

describe('the hostile corpus, loaded in process', () => {
  it('has a file for every pack it validates but the generated ones', () => {
    expect(rows.length).toBe(CORPUS.filter((row) => row.run === 'validate').length);
    expect(rows.length).toBeGreaterThanOrEqual(40);
  });

  it.each(rows.map((row) => [row.file, row] as const))('%s', (_file, row) => {
    const loaded = loadPack(join(CORPUS_DIR, row.file));
    if (row.code === 'accepted') {
      expect('errors' in loaded ? loaded.errors : []).toEqual([]);
      return;
    }
    expect('errors' in loaded).toBe(true);
    const first = 'errors' in loaded ? loaded.errors[0]! : undefined;
    expect({ code: first?.code, file: first?.file && relative(CORPUS_DIR, first.file), line: first?.line, column: first?.column }).toEqual({
      code: row.code,
      file: row.at ?? (row.file.endsWith('.yaml') || row.file.endsWith('.json') ? row.file : join(row.file, 'pack.yaml')),
      line: row.line,
      column: row.column,
    });
  });
});

/**
 * The hostile corpus through the library in process: each pack, inspection and case file must give
 * the first error the corpus names for it (code, file, line and column), or load and score cleanly
 * where the corpus says it is odd but valid. corpus.test.ts meets the same files through the built
 * command line; this runs them where mutation testing sees the loaders, the checks and the case
 * checks (a child process never runs a mutant). The large generated inputs stay with corpus.test.ts.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPack, scoreInspectionFile } from '../../src/index.js';
import type { Diagnostic } from '../../src/model/errors.js';
import { CORPUS, type CorpusRow } from './corpus.js';

const CORPUS_DIR = 'test/hostile/corpus';

/** An inspection of corpus/base whose cases are read from the row's case file (as corpus.test.ts writes it), in `dir`. */
function inspectionAround(caseFile: string, dir: string): string {
  const file = join(dir, 'inspection.yaml');
  writeFileSync(
    file,
    [
      `pack: ${JSON.stringify(resolve(CORPUS_DIR, 'base'))}`,
      'area: { name: Testshire, facts: { toolInUse: true } }',
      'evidence: { E1.1: good }',
      'targets: { T1.1: { value: 88 } }',
      'scores: { D1: 70 }',
      `cases: { file: ${JSON.stringify(resolve(CORPUS_DIR, caseFile))} }`,
      '',
    ].join('\n'),
  );
  return file;
}

async function errorsOf(row: CorpusRow): Promise<Diagnostic[]> {
  if (row.run === 'validate') {
    const loaded = loadPack(join(CORPUS_DIR, row.file));
    return 'errors' in loaded ? loaded.errors : [];
  }
  const dir = mkdtempSync(join(tmpdir(), 'criteria-corpus-'));
  try {
    const scored = await scoreInspectionFile(row.run === 'cases' ? inspectionAround(row.file, dir) : join(CORPUS_DIR, row.file));
    return 'errors' in scored ? scored.errors : [];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The file a row's error is reported in: `at`, else the file itself (a pack folder's root file). */
function expectedFile(row: CorpusRow): string {
  if (row.at !== undefined) return row.at;
  return /\.[a-z]+$/.test(row.file) ? row.file : join(row.file, 'pack.yaml');
}

describe('the hostile corpus, in process', () => {
  it.each(CORPUS.map((row) => [`${row.run} ${row.file}`, row] as const))('%s', async (_name, row) => {
    const errors = await errorsOf(row);
    if (row.code === 'accepted') {
      expect(errors).toEqual([]);
      return;
    }
    const first = errors[0];
    expect({ code: first?.code, file: first?.file && relative(CORPUS_DIR, resolve(first.file)), line: first?.line, column: first?.column }).toEqual({
      code: row.code,
      file: expectedFile(row),
      line: row.line,
      column: row.column,
    });
  });
});

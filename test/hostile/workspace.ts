/**
 * A scratch inspection of the hostile corpus's base pack in a temporary folder, for tests that
 * run the command line on files they make (outputs, case files that change, leaks).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO } from './built-cli.js';

export const BASE = join(REPO, 'test/hostile/corpus/base');
export const BASE_THEMATIC = join(REPO, 'test/hostile/corpus/base-thematic');

/** A new temporary folder. */
export function scratch(name = 'criteria-hostile-'): string {
  return mkdtempSync(join(tmpdir(), name));
}

/** The lines of an inspection of the base pack; `cases` is the YAML of its cases entry. */
export function inspectionText(cases: string, extra: string[] = []): string {
  return [
    `pack: ${JSON.stringify(BASE)}`,
    'area: { name: Testshire, facts: { toolInUse: true } }',
    'evidence: { E1.1: good }',
    'targets: { T1.1: { value: 88 } }',
    'scores: { D1: 70 }',
    ...extra,
    `cases: ${cases}`,
    '',
  ].join('\n');
}

/** Writes an inspection reading `cases.csv` (with the rows given) into `dir`; returns its path. */
export function writeCsvInspection(dir: string, rows: string[] = ['c1,low,yes,', 'c2,high,no,yes'], header = 'id,risk,Q1.1,Q1.2'): string {
  writeFileSync(join(dir, 'cases.csv'), `${header}\n${rows.join('\n')}\n`);
  const file = join(dir, 'inspection.yaml');
  writeFileSync(file, inspectionText('{ file: cases.csv }'));
  return file;
}

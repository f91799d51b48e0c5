// The progress bar's total is the number of cases, so a finished run stands at 100%.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countRows } from '../../src/cli/show-progress.js';

const folder = mkdtempSync(join(tmpdir(), 'criteria-progress-'));
const fileWith = (name: string, text: string) => {
  const file = join(folder, name);
  writeFileSync(file, text);
  return file;
};

describe('countRows', () => {
  it.each([
    ['a CSV: the header is not a case', 'cases.csv', 'csv', 'id,q1\nA,yes\nB,no\nC,yes\n', 3],
    ['a CSV whose last row has no newline', 'last.csv', 'csv', 'id,q1\nA,yes\nB,no\nC,yes', 3],
    ['a CSV with CRLF line ends', 'crlf.csv', 'csv', 'id,q1\r\nA,yes\r\nB,no\r\n', 2],
    ['a CSV with a header only', 'header.csv', 'csv', 'id,q1\n', 0],
    ['NDJSON: every line a case', 'cases.ndjson', 'ndjson', '{"id":"A"}\n{"id":"B"}\n', 2],
    ['NDJSON whose last line has no newline', 'last.ndjson', 'ndjson', '{"id":"A"}\n{"id":"B"}', 2],
    ['an empty file', 'empty.ndjson', 'ndjson', '', 0],
  ])('%s', async (_what, name, format, text, rows) => {
    expect(await countRows(fileWith(name, text), format)).toBe(rows);
  });
});

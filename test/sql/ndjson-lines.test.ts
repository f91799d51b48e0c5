/**
 * The engine's own reading of an NDJSON file beside DuckDB: it counts the records (non-blank
 * lines) as the interpreter's reader does, keeps the lines asked for with their line numbers,
 * across chunk boundaries, and hands them to the interpreter's reader as it would read them.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_LINE_LENGTH } from '../../src/load/read-cases.js';
import { readNdjsonAt, scanNdjson, withinLineLimit } from '../../src/sql/ndjson-lines.js';
import { SourceNotVouched } from '../../src/sql/sql-engine.js';
import { tempFolder } from './sql-harness.js';

const folder = tempFolder();
afterAll(() => folder.remove());

function file(name: string, text: string): string {
  const path = join(folder.path, name);
  writeFileSync(path, text);
  return path;
}

describe('scanNdjson', () => {
  it('counts non-blank lines (blank: only spaces, tabs, CR, VT or FF), numbering every line', async () => {
    const path = file('blank.ndjson', '{"id":"a"}\r\n\n \t\r\n\u000b\n{"id":"b"}\n\f\n{"id":"c"}');
    const scan = await scanNdjson(path, { wanted: new Set([0, 1, 2]) });
    expect(scan.records).toBe(3);
    expect([...scan.lines].map(([position, line]) => [position, line.number, line.bytes.toString()])).toEqual([
      [0, 1, '{"id":"a"}\r'],
      [1, 5, '{"id":"b"}'],
      [2, 7, '{"id":"c"}'],
    ]);
    expect(scan.longest).toBe(11);
  });

  it('hashes the bytes as they are read', async () => {
    const text = '{"id":"a"}\n{"id":"b"}\n';
    const hash = createHash('sha256');
    await scanNdjson(file('hash.ndjson', text), { hash });
    expect(hash.digest('hex')).toBe(createHash('sha256').update(text).digest('hex'));
  });

  it('keeps a line that spans chunks whole, and measures it', async () => {
    const long = `{"id":"long","facts":{"note":"${'x'.repeat(3 << 20)}"}}`;
    const path = file('long.ndjson', `{"id":"a"}\n${long}\n{"id":"b"}\n`);
    const scan = await scanNdjson(path, { wanted: new Set([1]) });
    expect(scan.records).toBe(3);
    expect(scan.lines.get(1)!.bytes.toString()).toBe(long);
    expect(scan.lines.get(1)!.number).toBe(2);
    expect(scan.longest).toBe(long.length);
    expect(withinLineLimit(scan)).toBe(long.length <= MAX_LINE_LENGTH);
    expect(withinLineLimit({ ...scan, longest: MAX_LINE_LENGTH })).toBe(true);
    expect(withinLineLimit({ ...scan, longest: MAX_LINE_LENGTH + 1 })).toBe(false);
  });

  it('counts nothing in an empty file or one of blank lines', async () => {
    expect((await scanNdjson(file('empty.ndjson', ''))).records).toBe(0);
    expect((await scanNdjson(file('blanks.ndjson', '\n  \n\r\n'))).records).toBe(0);
  });
});

describe('readNdjsonAt', () => {
  it("reads the lines at the positions as the interpreter's reader does, with their line numbers", async () => {
    const path = file('read.ndjson', '{"id":"a"}\n\n[1]\n{"id":"é","facts":{}}\n{"id":\n');
    const read = await readNdjsonAt(path, [1, 2, 3]);
    expect(read.map((r) => r.position)).toEqual([1, 2, 3]);
    expect(read[0]!.input).toMatchObject({ problem: { code: 'CASE_MISSING_ID', file: path, line: 3, message: 'line is not a case record' } });
    expect('record' in read[1]!.input && read[1]!.input.record).toMatchObject({ id: 'é', facts: {} });
    expect(read[2]!.input).toMatchObject({ problem: { code: 'JSON_SYNTAX', file: path, line: 5 } });
    expect(readFileSync(path, 'utf8')).toContain('é');
  });

  it('cannot vouch for a position the file does not have', async () => {
    await expect(readNdjsonAt(file('short.ndjson', '{"id":"a"}\n'), [0, 1])).rejects.toThrow(SourceNotVouched);
  });
});

import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { splitCsvRows, type CsvRow } from '../../src/load/split-csv-rows.js';

async function* chunksOf(text: string, size: number): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

async function rowsOf(text: string, size: number, maxRowLength = 1000): Promise<CsvRow[]> {
  const rows: CsvRow[] = [];
  for await (const batch of splitCsvRows(chunksOf(text, size), 1, maxRowLength)) rows.push(...batch);
  return rows;
}

/** What csv-parse, reading the whole text strictly at once, gives: each record's cells and the line it starts on. */
function reference(text: string): Array<{ cells: string[]; line: number }> {
  const records = parse(text, { raw: true, relax_column_count: true, skip_empty_lines: true, info: true }) as unknown as Array<{
    record: string[];
    raw: string;
    info: { lines: number };
  }>;
  let line = 1;
  return records.map(({ record, raw }) => {
    const start = line + (/^\n*/.exec(raw)?.[0].length ?? 0);
    line += raw.split('\n').length - 1;
    return { cells: record, line: start };
  });
}

const valid = [
  { note: 'plain rows', text: 'id,a,b\nc1,x,y\nc2,,z\n' },
  { note: 'no final line break', text: 'id,a\nc1,x\nc2,y' },
  { note: 'empty lines between and after rows', text: 'id,a\n\nc1,x\n\n\nc2,y\n\n' },
  {
    note: 'quoted commas, doubled quotes and line breaks in cells',
    text: 'id,a,b\nc1,"x, y","say ""hi"""\nc2,"two\nlines",z\n\nc3,"three\n\nlines",w\nc4,p,q\n',
  },
  { note: 'a quoted cell at the very end', text: 'id,a\nc1,"x\ny"' },
  { note: 'ragged rows', text: 'id,a,b\nc1,x\nc2,x,y,z\n' },
  {
    note: 'many rows, some quoted',
    text: `id,a,b\n${Array.from({ length: 300 }, (_, i) => (i % 17 === 0 ? `c${i},"q\n${i}",x` : `c${i},${i},y`)).join('\n')}\n`,
  },
];

describe('splitting CSV text into rows', () => {
  for (const { note, text } of valid) {
    it(`${note}: the cells and lines csv-parse gives, however the text is cut`, async () => {
      const expected = reference(text);
      for (const size of [1, 2, 3, 7, 16, 64, 1000, text.length]) {
        expect(await rowsOf(text, size), `chunks of ${size}`).toEqual(expected);
      }
    });
  }

  const invalid = [
    { note: 'a quote never closed', text: 'id,a\nc1,x\n\nc2,"y\nc3,z\n', error: { line: 4, kind: 'unclosed' }, before: 2 },
    { note: 'a quote in the middle of a cell', text: 'id,a\nc1,x\nc2,y"z\nc3,w\n', error: { line: 3, kind: 'invalid' }, before: 2 },
    { note: 'text after a closing quote', text: 'id,a\nc1,"x"y\n', error: { line: 2, kind: 'invalid' }, before: 1 },
  ];
  for (const { note, text, error, before } of invalid) {
    it(`${note}: the rows before it, then the error at its line, however the text is cut`, async () => {
      for (const size of [1, 3, 16, text.length]) {
        const rows = await rowsOf(text, size);
        expect(rows.filter((r) => 'cells' in r).length, `chunks of ${size}`).toBe(before);
        const last = rows.at(-1)!;
        expect('error' in last && { line: last.error.line, kind: last.error.kind }, `chunks of ${size}`).toEqual(error);
      }
    });
  }

  it('takes a quoted cell that runs past the longest row for an unclosed quote, without reading on', async () => {
    const text = `id,a\nc1,x\nc2,"${'y\n'.repeat(600)}`;
    const rows = await rowsOf(text, 16, 100);
    const last = rows.at(-1)!;
    expect('error' in last && last.error).toMatchObject({ line: 3, kind: 'unclosed' });
  });
});

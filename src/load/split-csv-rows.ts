/**
 * The rows of a CSV text stream (line ends already LF), each with the line it starts on, in
 * batches as the text comes. Papa Parse finds where the complete rows of each chunk end and splits
 * text without quotes (most case files have none), which is several times faster than csv-parse;
 * text that holds a quote is read by csv-parse, strictly, so a stray or unclosed quote is an error
 * with its line, as before. Empty lines are skipped (and counted for the line numbers).
 */
import Papa from 'papaparse';
import { CsvError, parse as parseStrictly } from 'csv-parse/sync';

/** A row's cells and the line it starts on; or the reason the text cannot be read on from `line`. */
export type CsvRow = { cells: string[]; line: number } | { error: CsvSyntax };

export interface CsvSyntax {
  line: number;
  /** `unclosed`: a quoted cell runs to the end of the text, or past `maxRowLength` characters. */
  kind: 'unclosed' | 'invalid';
  message: string;
}

/** Papa Parse's parser of one text: the rows that end in it and where the last one ends (`cursor`). */
function rowsEnding(text: string, final: boolean): { rows: string[][]; cursor: number } {
  const parser = new Papa.Parser({ delimiter: ',', newline: '\n', quoteChar: '"' });
  const result = parser.parse(text, 0, !final) as { data: string[][]; meta: { cursor: number } };
  return { rows: result.data, cursor: final ? text.length : result.meta.cursor };
}

/**
 * Splits a CSV text stream into rows. `firstLine`: the line the text starts on. `maxRowLength`:
 * a row (a quoted cell may hold line breaks) longer than this is taken for an unclosed quote.
 */
export async function* splitCsvRows(texts: AsyncIterable<string>, firstLine: number, maxRowLength: number): AsyncGenerator<CsvRow[]> {
  let line = firstLine;
  let partial = '';
  const take = (text: string, final: boolean): { rows: CsvRow[]; stop: boolean } => {
    const rows: CsvRow[] = [];
    if (!text.includes('"')) {
      const { rows: cells, cursor } = rowsEnding(text, final);
      partial = text.slice(cursor);
      for (const row of cells) {
        // An empty line is a row of one empty cell: skipped, as csv-parse's skip_empty_lines does.
        if (!(row.length === 1 && row[0] === '')) rows.push({ cells: row, line });
        line++;
      }
      return { rows, stop: false };
    }
    // A quote: csv-parse reads the complete rows strictly (their raw text gives their lines).
    const cursor = final ? text.length : rowsEnding(text, false).cursor;
    partial = text.slice(cursor);
    if (partial.length > maxRowLength) {
      rows.push({ error: { line, kind: 'unclosed', message: `a row runs past ${maxRowLength.toLocaleString('en')} characters` } });
      return { rows, stop: true };
    }
    const complete = text.slice(0, cursor);
    let records: StrictRecord[];
    let failure: CsvError | null = null;
    try {
      records = readStrictly(complete);
    } catch (error) {
      if (!(error instanceof CsvError)) throw error;
      failure = error;
      // The rows before the one in error are rows all the same.
      const read = (error as CsvError & { records?: number }).records ?? 0;
      records = read > 0 ? readStrictly(complete, read) : [];
    }
    const lineBefore = line;
    for (const { record, raw } of records) {
      rows.push({ cells: record, line: line + leadingNewlines(raw) });
      line += countNewlines(raw);
    }
    if (failure) {
      const e = failure as CsvError & { lines?: number };
      const rest = complete.slice(records.reduce((n, r) => n + r.raw.length, 0));
      // csv-parse reports an unclosed quote at the end of the text: the row with it starts after the rows read and any empty lines.
      rows.push({
        error:
          e.code === 'CSV_QUOTE_NOT_CLOSED'
            ? { line: line + leadingNewlines(rest), kind: 'unclosed', message: e.message }
            : { line: lineBefore + (e.lines ?? 1) - 1, kind: 'invalid', message: e.message },
      });
      return { rows, stop: true };
    }
    // Empty lines after the last record are in no record's raw text.
    line += countNewlines(text.slice(0, cursor)) - records.reduce((n, r) => n + countNewlines(r.raw), 0);
    return { rows, stop: false };
  };
  for await (const chunk of texts) {
    const { rows, stop } = take(partial + chunk, false);
    if (rows.length > 0) yield rows;
    if (stop) return;
  }
  if (partial !== '') {
    const { rows } = take(partial, true);
    if (rows.length > 0) yield rows;
  }
}

type StrictRecord = { record: string[]; raw: string };

/** csv-parse's records of a text (the first `to` of them), each with its raw text. */
function readStrictly(text: string, to?: number): StrictRecord[] {
  return parseStrictly(text, {
    raw: true,
    relax_column_count: true,
    skip_empty_lines: true,
    trim: false,
    ...(to !== undefined ? { to } : {}),
  }) as unknown as StrictRecord[];
}

function leadingNewlines(text: string): number {
  let n = 0;
  while (text.charCodeAt(n) === 10) n++;
  return n;
}

export function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

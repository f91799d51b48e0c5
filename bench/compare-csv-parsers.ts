/**
 * npm run bench:csv: maintained CSV parsers side by side on the bench's generated case file, each
 * fed the same decoded text chunks and asked for every row as an array of cells (what the case
 * reader needs). Every parser must give the same row and cell counts and the same cells (a
 * checksum over them) before a figure is printed. BENCH_CSV_CASES sets the size (100,000).
 *
 * d3-dsv parses only a whole text, so it is timed on text already in memory: a reference for
 * speed, not a streaming reader.
 */
import { createReadStream, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as csvParse, type Options as CsvParseOptions } from 'csv-parse';
import { csvParseRows } from 'd3-dsv';
import Papa from 'papaparse';
import { inferSchema, initParser } from 'udsv';
import { splitCsvRows } from '../src/load/split-csv-rows.js';
import { caseModel, writeCaseFiles } from './generate-cases.js';
import { areaFactsOf, derbyshireHeader, loadPlan, SEED } from './setup.js';

const CASES = Number(process.env.BENCH_CSV_CASES ?? 100_000);
const RUNS = Number(process.env.BENCH_CSV_RUNS ?? 3);

/** What a parser saw: rows, cells, and a checksum of the cells' lengths and first characters. */
interface Seen {
  rows: number;
  cells: number;
  sum: number;
}

function tallyRow(seen: Seen, row: readonly string[]): void {
  seen.rows++;
  seen.cells += row.length;
  for (const cell of row) seen.sum = (seen.sum * 31 + cell.length + (cell.charCodeAt(0) || 0)) % 1_000_000_007;
}

async function* textChunks(file: string): AsyncGenerator<string> {
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 64 * 1024 })) yield chunk as string;
}

const parsers: Record<string, (file: string) => Promise<Seen>> = {
  /** As the reader uses it today: records with their raw text, for line numbers. */
  async 'csv-parse (raw: true)'(file) {
    const seen: Seen = { rows: 0, cells: 0, sum: 0 };
    const parser = parse({ raw: true, relax_column_count: true, skip_empty_lines: true, bom: true });
    const feeding = (async () => {
      for await (const text of textChunks(file)) if (!parser.write(text)) await new Promise((r) => parser.once('drain', r));
      parser.end();
    })();
    for await (const { record } of parser as AsyncIterable<{ record: string[] }>) tallyRow(seen, record);
    await feeding;
    return seen;
  },
  async 'csv-parse'(file) {
    const seen: Seen = { rows: 0, cells: 0, sum: 0 };
    const parser = parse({ relax_column_count: true, skip_empty_lines: true, bom: true });
    const feeding = (async () => {
      for await (const text of textChunks(file)) if (!parser.write(text)) await new Promise((r) => parser.once('drain', r));
      parser.end();
    })();
    for await (const record of parser as AsyncIterable<string[]>) tallyRow(seen, record);
    await feeding;
    return seen;
  },
  async papaparse(file) {
    const seen: Seen = { rows: 0, cells: 0, sum: 0 };
    await new Promise<void>((resolve, reject) => {
      const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: 64 * 1024 });
      Papa.parse<string[]>(stream as unknown as File, {
        skipEmptyLines: true,
        step: (result) => tallyRow(seen, result.data),
        complete: () => resolve(),
        error: (error: Error) => reject(error),
      });
    });
    return seen;
  },
  async udsv(file) {
    const seen: Seen = { rows: 0, cells: 0, sum: 0 };
    let parser: ReturnType<typeof initParser> | null = null;
    const onRow = (row: string[]) => tallyRow(seen, row);
    for await (const text of textChunks(file)) {
      if (!parser) {
        // uDSV takes the header row for its schema: count it as the others do.
        const schema = inferSchema(text, { col: ',', row: '\n', encl: '"' });
        tallyRow(
          seen,
          schema.cols.map((c) => c.name),
        );
        parser = initParser(schema);
      }
      parser.chunk<string[]>(text, parser.stringArrs, onRow);
    }
    parser?.end();
    return seen;
  },
  /** The engine's own splitter: Papa Parse's parser chunk by chunk, csv-parse for text holding a quote, each row with its line. */
  async 'criteria (Papa Parse, lines)'(file) {
    const seen: Seen = { rows: 0, cells: 0, sum: 0 };
    for await (const rows of splitCsvRows(textChunks(file), 1, 1024 * 1024)) for (const row of rows) if ('cells' in row) tallyRow(seen, row.cells);
    return seen;
  },
  async 'd3-dsv (whole text in memory)'(file) {
    const seen: Seen = { rows: 0, cells: 0, sum: 0 };
    for (const row of csvParseRows(readFileSync(file, 'utf8'))) tallyRow(seen, row);
    return seen;
  },
};

/** csv-parse's parse, named apart so the table's keys read as the packages' names. */
function parse(options: CsvParseOptions) {
  return csvParse(options);
}

async function main(): Promise<void> {
  const folder = join(tmpdir(), `criteria-bench-csv-${CASES}`);
  const csv = join(folder, 'cases.csv');
  if (!existsSync(csv)) {
    mkdirSync(folder, { recursive: true });
    const { plan } = loadPlan();
    const header = derbyshireHeader();
    writeCaseFiles(caseModel(plan, areaFactsOf(header)), header, CASES, SEED, folder);
  }
  const results: Array<{ name: string; ms: number; seen: Seen }> = [];
  for (const [name, run] of Object.entries(parsers)) {
    let best = Infinity;
    let seen: Seen | null = null;
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      seen = await run(csv);
      best = Math.min(best, performance.now() - started);
    }
    results.push({ name, ms: best, seen: seen! });
    process.stderr.write(`${name}: ${best.toFixed(0)} ms\n`);
  }
  const reference = results[0]!.seen;
  const differing = results.filter((r) => r.seen.rows !== reference.rows || r.seen.cells !== reference.cells || r.seen.sum !== reference.sum);
  if (differing.length > 0)
    throw new Error(
      `parsers disagree with csv-parse: ${differing.map((r) => `${r.name} ${JSON.stringify(r.seen)} vs ${JSON.stringify(reference)}`).join('; ')}`,
    );
  process.stdout.write(
    `${CASES.toLocaleString('en')} cases (${reference.rows.toLocaleString('en')} rows with the header, ${reference.cells.toLocaleString('en')} cells), best of ${RUNS}; every parser gave the same cells\n`,
  );
  for (const r of results)
    process.stdout.write(
      `${r.name.padEnd(32)} ${r.ms.toFixed(0).padStart(7)} ms ${Math.round((r.seen.rows * 1000) / r.ms)
        .toLocaleString('en')
        .padStart(10)} rows/s\n`,
    );
}

await main();

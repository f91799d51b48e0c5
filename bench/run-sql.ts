/**
 * npm run bench:sql: `criteria score --engine duckdb` on the bench's synthetic cases (CSV, its
 * Parquet copy and the same cases as NDJSON) beside DuckDB's bare scan of the same file with the
 * same threads. The engine runs must give the same result before any figure is printed. BENCH_SQL_CASES sets the size
 * (1,000,000 by default), BENCH_SQL_THREADS the threads (2), BENCH_SQL_RUNS the runs (3; the
 * best is kept, the machine being shared).
 *
 * Two references: the bare scan (`count(*)` and `count(column)` of every column, which on a Parquet
 * file reads no value, only the null counts), the issue's yardstick; and the reading-and-counting
 * query `npm run bench` holds the interpreter to (every column's non-empty count, every question's
 * "met" count, distinct ids), which reads every value as the engine must. An NDJSON file has the
 * second only (read_json with its columns given), and the interpreter's time on one thread.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDuckDb } from '../src/sql/run-duckdb.js';
import { fileRelation } from '../src/sql/file-relation.js';
import { duckdb } from '../src/sql/sql-dialect.js';
import { scoreInspectionWithSql } from '../src/sql/score-with-sql.js';
import { caseModel, writeCaseFiles } from './generate-cases.js';
import { bestOf, ndjsonReferenceQuery, referenceQuery } from './measure-duckdb-reference.js';
import { scoreInspectionFile } from '../src/pipeline/score-file.js';
import { areaFactsOf, derbyshireHeader, loadPlan, SEED } from './setup.js';
import { readFileSync, writeFileSync } from 'node:fs';

const CASES = Number(process.env.BENCH_SQL_CASES ?? 1_000_000);
const THREADS = Number(process.env.BENCH_SQL_THREADS ?? 2);
const RUNS = Number(process.env.BENCH_SQL_RUNS ?? 3);
const folder = join(tmpdir(), `criteria-bench-sql-${CASES}`);

const best = (run: () => Promise<unknown>) => bestOf(RUNS, run);

async function main(): Promise<void> {
  mkdirSync(folder, { recursive: true });
  const { plan } = loadPlan();
  const csv = join(folder, 'cases.csv');
  if (!existsSync(csv)) {
    const header = derbyshireHeader();
    writeCaseFiles(caseModel(plan, areaFactsOf(header)), header, CASES, SEED, folder);
  }
  const parquet = join(folder, 'cases.parquet');
  const engine = await openDuckDb(THREADS);
  if (!existsSync(parquet)) await engine.all(`COPY (SELECT * FROM read_csv(${duckdb.text(csv)})) TO ${duckdb.text(parquet)} (FORMAT parquet)`);
  const csvInspection = join(folder, 'inspection-csv.yaml');
  const parquetInspection = join(folder, 'inspection-parquet.yaml');
  writeFileSync(parquetInspection, readFileSync(csvInspection, 'utf8').replace('file: cases.csv', 'file: cases.parquet'));

  const results: string[] = [];
  const score = async (path: string) => {
    const scored = await scoreInspectionWithSql(path, { engine: 'duckdb', threads: THREADS });
    if ('errors' in scored) throw new Error(scored.errors.map((e) => e.message).join('\n'));
    const { provenance: _p, ...rest } = scored.result;
    results.push(JSON.stringify(rest));
  };
  const ndjsonInspection = join(folder, 'inspection-ndjson.yaml');
  await score(csvInspection);
  await score(parquetInspection);
  await score(ndjsonInspection);
  if (results[0] !== results[1] || results[0] !== results[2]) throw new Error('the CSV, Parquet and NDJSON results differ: no figure is printed');
  const interpret = async (path: string) => {
    const scored = await scoreInspectionFile(path);
    if ('errors' in scored) throw new Error(scored.errors.map((e) => e.message).join('\n'));
  };

  const columns = (await engine.describe(fileRelation(csv, 'csv', duckdb))).map((c) => duckdb.identifier(c.name));
  const bare = (from: string) => `SELECT count(*), ${columns.map((c) => `count(${c})`).join(', ')} FROM ${from}`;
  const counting = (from: string) => referenceQuery(plan, from, (_kind, name) => duckdb.identifier(name));
  const figures = {
    csvBareScanMs: await best(() => engine.all(bare(fileRelation(csv, 'csv', duckdb)))),
    csvReferenceMs: await best(() => engine.all(counting(fileRelation(csv, 'csv', duckdb)))),
    csvEngineMs: await best(() => score(csvInspection)),
    parquetBareScanMs: await best(() => engine.all(bare(fileRelation(parquet, 'parquet', duckdb)))),
    parquetReferenceMs: await best(() => engine.all(counting(fileRelation(parquet, 'parquet', duckdb)))),
    parquetEngineMs: await best(() => score(parquetInspection)),
    ndjsonReferenceMs: await best(() => engine.all(ndjsonReferenceQuery(plan, join(folder, 'cases.ndjson')))),
    ndjsonEngineMs: await best(() => score(ndjsonInspection)),
    ndjsonInterpreterMs: await bestOf(1, () => interpret(ndjsonInspection)),
  };
  await engine.close();
  const s = (ms: number) => `${(ms / 1000).toFixed(2).padStart(6)} s`;
  const line = (name: string, engineMs: number, bareMs: number, referenceMs: number) =>
    `${name.padEnd(8)} engine ${s(engineMs)}   bare scan ${s(bareMs)}   ratio ${(engineMs / bareMs).toFixed(2)} (goal ≤ 1.5)   reading and counting ${s(referenceMs)}   ratio ${(engineMs / referenceMs).toFixed(2)}`;
  process.stdout.write(`${CASES.toLocaleString('en')} cases, ${THREADS} threads, best of ${RUNS}\n`);
  process.stdout.write(
    `${line('CSV', figures.csvEngineMs, figures.csvBareScanMs, figures.csvReferenceMs)}\n${line('Parquet', figures.parquetEngineMs, figures.parquetBareScanMs, figures.parquetReferenceMs)}\n`,
  );
  process.stdout.write(`Parquet is ${(figures.csvEngineMs / figures.parquetEngineMs).toFixed(1)}× faster than CSV through the engine (goal ≥ 3)\n`);
  process.stdout.write(
    `NDJSON   engine ${s(figures.ndjsonEngineMs)}   reading and counting ${s(figures.ndjsonReferenceMs)}   ratio ${(figures.ndjsonEngineMs / figures.ndjsonReferenceMs).toFixed(2)}   interpreter, 1 thread ${s(figures.ndjsonInterpreterMs)}\n`,
  );
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

await main();

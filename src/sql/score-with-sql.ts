/**
 * Scores an inspection file with a SQL engine counting its cases where they live: a CSV, NDJSON
 * or Parquet file read in place by embedded DuckDB, or a PostgreSQL table or query. The packs,
 * the area-level data and the exact arithmetic are the interpreter's; only the counting moves.
 * The result is the interpreter's JSON, its provenance naming the engine and the source.
 */
import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';

import type { Diagnostic } from '../model/errors.js';
import type { CaseDatabase } from '../model/inspection.js';
import { compilePlan } from '../compile/compile-pack.js';
import type { CompiledPlan } from '../compile/compiled-plan.js';
import { ScoringSession, type ScoreOptions } from '../evaluate/score-inspection.js';
import { caseFileOf, openInspection, type OpenOptions, type OpenedInspection } from '../pipeline/load-inspection.js';
import type { ScoredFile } from '../pipeline/score-file.js';
import { readCsvHeader, readNdjsonCases } from '../load/read-cases.js';
import { feedCases } from '../pipeline/score-file.js';
import { caseColumnsOf } from '../compile/compiled-plan.js';
import { checkColumns } from './check-columns.js';
import { caseRelation } from './build-case-query.js';
import { countCasesWithSql } from './count-cases-with-sql.js';
import { fileRelation } from './file-relation.js';
import { countNdjsonWithSql } from './count-ndjson-with-sql.js';
import { SqlConditionError } from './compile-sql-condition.js';
import { SqlTextError, type SqlDialect } from './sql-dialect.js';
import { firstLine, SqlRunError, type SqlEngine } from './sql-engine.js';

export type EngineName = 'duckdb' | 'postgres';

export interface SqlScoreOptions extends ScoreOptions, OpenOptions {
  engine: EngineName;
  /** DuckDB's threads (by default, DuckDB's own choice: every core). */
  threads?: number;
  /** Where database URLs are looked up (by default process.env). */
  env?: Readonly<Record<string, string | undefined>>;
  /** Told, in a sentence, when the engine left the reading of the cases to the interpreter (and why). */
  onNote?: (text: string) => void;
}

/** Where the cases are, as a SQL engine reads them. */
type SqlSource = { kind: 'file'; file: string; written: string; format: 'csv' | 'ndjson' | 'parquet' } | { kind: 'database'; source: CaseDatabase };

const fail = (code: Diagnostic['code'], message: string, hint: string, where?: Partial<Diagnostic>): { errors: Diagnostic[] } => ({
  errors: [{ code, severity: 'error', message, hint, ...where }],
});

export async function scoreInspectionWithSql(path: string, options: SqlScoreOptions): Promise<ScoredFile | { errors: Diagnostic[] }> {
  const opened = openInspection(path, options);
  if ('errors' in opened) return opened;
  return scoreOpenedWithSql(opened, options);
}

export async function scoreOpenedWithSql(opened: OpenedInspection, options: SqlScoreOptions): Promise<ScoredFile | { errors: Diagnostic[] }> {
  const at = (pointer: string): Partial<Diagnostic> => ({ file: opened.file, ...(opened.doc.locate(pointer) ?? {}) });
  const source = sqlSource(opened);
  if ('errors' in source) return source;
  if (source.kind === 'database' && options.engine !== 'postgres') {
    return fail(
      'SQL_SOURCE',
      `the cases are in a database, which --engine ${options.engine} does not read`,
      'score with --engine postgres',
      at('/cases/database'),
    );
  }
  if (source.kind === 'file' && options.engine !== 'duckdb') {
    return fail(
      'SQL_SOURCE',
      `the case file '${source.written}' is read by --engine duckdb, not ${options.engine}`,
      'score with --engine duckdb (or load the file into a table)',
      at('/cases/file'),
    );
  }
  if (source.kind === 'file') {
    let isFile: boolean;
    try {
      isFile = statSync(source.file).isFile();
    } catch {
      return fail(
        'FILE_NOT_FOUND',
        `the case file '${source.written}' does not exist (looked for ${source.file})`,
        'check cases.file: the path is relative to the inspection file',
        at('/cases/file'),
      );
    }
    if (!isFile)
      return fail(
        'FILE_UNREADABLE',
        `the case file '${source.written}' is not a file (${source.file})`,
        'name a .csv, .ndjson or .parquet file of cases',
        at('/cases/file'),
      );
  }
  const plan = compilePlan(opened.methodology, opened.thematics);
  const started = ScoringSession.start(plan, opened.header, { ...options, requireCases: true });
  if ('errors' in started) return { errors: started.errors.map(opened.locate) };
  const { session } = started;

  let engine: SqlEngine;
  try {
    const connected =
      source.kind === 'file'
        ? await (await import('./run-duckdb.js')).openDuckDb(options.threads)
        : await openDatabase(source.source, options.env ?? process.env);
    if ('errors' in connected) return connected;
    engine = connected;
  } catch (error) {
    if (error instanceof SqlRunError)
      return fail(
        'SQL_CONNECTION',
        `cannot connect to the database: ${firstLine(error.message)}`,
        'check that the server is running and that the URL in the environment variable is right',
        source.kind === 'database' ? at('/cases/database') : {},
      );
    throw error;
  }
  const name = source.kind === 'file' ? source.written : describeDatabase(source.source);
  try {
    if (source.kind === 'file' && source.format === 'ndjson') {
      const counted = await countNdjsonWithSql(engine, plan, session, source.file, opened.doc.text);
      if ('notVouched' in counted) {
        options.onNote?.(`${engine.version} left the cases in '${source.written}' to the interpreter: ${counted.notVouched}`);
        const hash = createHash('sha256').update(opened.doc.text);
        await feedCases(session, readNdjsonCases(source.file, hash));
        return finish(session, opened, plan, name, 'interpreter', hash.digest('hex'));
      }
      return finish(session, opened, plan, name, engine.version, counted.inputSha256);
    }
    const csvFile = source.kind === 'file' && source.format === 'csv' ? source.file : null;
    const header = csvFile !== null ? await readCsvHeader(csvFile, caseColumnsOf(plan)) : null;
    if (header && header.problems.length > 0) return { errors: header.problems };
    const from = header && csvFile !== null ? fileRelation(csvFile, 'csv', engine.dialect, header.names) : relationOf(source, engine.dialect);
    const columns = header ? header.names.map((name) => ({ name, type: 'VARCHAR' })) : await engine.describe(from);
    const columnProblems = checkColumns(plan, columns, name);
    if (columnProblems.length > 0) return { errors: columnProblems.map((d) => ({ ...d, ...at('/cases') })) };
    const hashing = source.kind === 'file' ? hashFiles(opened.doc.text, source.file) : Promise.resolve(undefined);
    await countCasesWithSql(
      engine,
      plan,
      session.checked.area,
      caseRelation(from, columns, source.kind === 'file' && source.format === 'parquet'),
      session.tally,
    );
    return finish(session, opened, plan, name, engine.version, await hashing);
  } catch (error) {
    if (error instanceof SqlRunError) {
      const what = source.kind === 'file' ? `the case file '${source.written}'` : name;
      return fail(
        'SQL_SOURCE',
        `${engine.version} cannot read ${what}: ${firstLine(error.message)}`,
        source.kind === 'file'
          ? 'check that the file is a well-formed CSV, NDJSON or Parquet file of cases'
          : 'check that the table or view exists and that the query runs (criteria sql prints what is run)',
        at('/cases'),
      );
    }
    if (error instanceof SqlTextError || error instanceof SqlConditionError) {
      return fail(
        'SQL_UNSUPPORTED',
        `the packs cannot be compiled to SQL: ${error.message}`,
        'score with the interpreter (no --engine), or rename what the message names',
      );
    }
    throw error;
  } finally {
    await engine.close();
  }
}

function finish(
  session: ScoringSession,
  opened: OpenedInspection,
  plan: CompiledPlan,
  name: string,
  engine: string,
  inputSha256: string | undefined,
): ScoredFile | { errors: Diagnostic[] } {
  const finished = session.finish(inputSha256);
  if ('errors' in finished) {
    return {
      errors: finished.errors.map((e) => (e.code === 'NO_CASES' && e.file === undefined ? { ...e, message: `${e.message} (${name})` } : opened.locate(e))),
    };
  }
  finished.result.provenance.caseSource = { engine, source: name };
  return { result: finished.result, plan, opened, tally: session.tally };
}

function sqlSource(opened: OpenedInspection): SqlSource | { errors: Diagnostic[] } {
  const cases = opened.inspection.cases;
  if (cases !== undefined && !Array.isArray(cases) && 'database' in cases) {
    if ((cases.table === undefined) === (cases.query === undefined)) {
      return fail(
        'SQL_SOURCE',
        'a database source names either a table or a query',
        'give cases: { database: ENV_VAR, table: cases } or { database: ENV_VAR, query: SELECT … }',
        { file: opened.file, ...(opened.doc.locate('/cases') ?? {}) },
      );
    }
    return { kind: 'database', source: cases };
  }
  const file = caseFileOf(cases, opened.file);
  if (file === null || Array.isArray(cases)) {
    return fail(
      'SQL_SOURCE',
      'the cases are listed in the inspection file; a SQL engine reads a case file or a database table',
      'score without --engine, or point cases: at a file (cases: { file: cases.parquet })',
      { file: opened.file, ...(opened.doc.locate('/cases') ?? {}) },
    );
  }
  if (file.format !== 'csv' && file.format !== 'ndjson' && file.format !== 'parquet') {
    return fail('SQL_SOURCE', `a SQL engine does not read ${file.format} case files`, 'use CSV, NDJSON or Parquet, or score without --engine', {
      file: opened.file,
      ...(opened.doc.locate('/cases/file') ?? {}),
    });
  }
  return { kind: 'file', file: file.file, written: (cases as { file: string }).file, format: file.format };
}

/** What follows FROM for a source (file paths and table names quoted as SQL text and identifiers). */
export function relationOf(source: SqlSource, dialect: SqlDialect): string {
  if (source.kind === 'database') {
    const { table, schema, query } = source.source;
    if (query !== undefined) return `(${query}) AS cases`;
    return `${schema !== undefined ? `${dialect.identifier(schema)}.` : ''}${dialect.identifier(table!)}`;
  }
  if (source.format === 'ndjson') throw new SqlRunError('an NDJSON file is read by its own relation (ndjsonRelation)', 'describe');
  return fileRelation(source.file, source.format, dialect);
}

function describeDatabase(source: CaseDatabase): string {
  if (source.query !== undefined) return `a query on $${source.database}`;
  return `table ${source.schema !== undefined ? `${source.schema}.` : ''}${source.table} on $${source.database}`;
}

async function openDatabase(source: CaseDatabase, env: Readonly<Record<string, string | undefined>>): Promise<SqlEngine | { errors: Diagnostic[] }> {
  const url = env[source.database];
  if (url === undefined || url === '') {
    return fail(
      'SQL_CONNECTION',
      `the environment variable ${source.database} (the database's connection URL) is not set`,
      `set it, e.g. ${source.database}=postgres://user@host:5432/db`,
    );
  }
  return (await import('./run-postgres.js')).openPostgres(url);
}

/** The sha256 of the inspection file then its case file, as the interpreter stamps it. */
async function hashFiles(text: string, file: string): Promise<string> {
  const hash = createHash('sha256').update(text);
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

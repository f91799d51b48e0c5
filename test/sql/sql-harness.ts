/**
 * What the SQL tests share: writing case rows as CSV (and Parquet, through DuckDB), and scoring
 * the same file twice — by the interpreter's CSV reader and by a SQL engine — into results and
 * tallies that can be compared.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { caseColumnsOf, type CompiledPlan, type FactRecord } from '../../src/compile/compiled-plan.js';
import { ScoringSession } from '../../src/evaluate/score-inspection.js';
import { readCsvCases, readNdjsonCases } from '../../src/load/read-cases.js';
import type { Diagnostic } from '../../src/model/errors.js';
import type { InspectionResult } from '../../src/model/result.js';
import { feedCases } from '../../src/pipeline/score-file.js';
import { countCasesWithSql } from '../../src/sql/count-cases-with-sql.js';
import { countNdjsonWithSql } from '../../src/sql/count-ndjson-with-sql.js';
import { caseRelation } from '../../src/sql/build-case-query.js';
import type { SqlEngine } from '../../src/sql/sql-engine.js';

/** Ids the interpreter refuses (a space at an end, an invisible character, not NFC) or takes (composed, an inner space). */
export const ODD_IDS = [' c1', 'c1 ', 'c\u200B1', 'e\u0301', '\u00E9', 'c 1', 'c\t1', '\u00A0c'];

/** A CSV cell, quoted (so that any text survives). */
const cell = (text: string): string => `"${text.replaceAll('"', '""')}"`;

/** Writes rows of cells under a header as CSV, every cell quoted. */
export function csvText(header: string[], rows: string[][]): string {
  return [header, ...rows].map((r) => r.map(cell).join(',')).join('\n') + '\n';
}

export function tempFolder(): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), 'criteria-sql-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export function writeCsv(folder: string, name: string, header: string[], rows: string[][]): string {
  const file = join(folder, name);
  writeFileSync(file, csvText(header, rows));
  return file;
}

/** The CSV case format's header for a plan: id, its case facts, its question keys. */
export function headerOf(plan: CompiledPlan): string[] {
  return ['id', ...plan.caseFacts.keys(), ...plan.questionByKey.keys()];
}

export interface Scored {
  outcome: { result: InspectionResult } | { errors: Diagnostic[] };
  counts: { relevant: number[]; met: number[]; notApplicable: number[]; read: number; scored: number; relevantToNone: number; invalid: number };
}

function countsOf(session: ScoringSession): Scored['counts'] {
  const t = session.tally;
  return {
    relevant: [...t.relevant],
    met: [...t.met],
    notApplicable: [...t.notApplicable],
    read: t.read,
    scored: t.scored,
    relevantToNone: t.relevantToNone,
    invalid: t.invalid,
  };
}

function start(plan: CompiledPlan, area: FactRecord, excludeInvalid: boolean): ScoringSession {
  const started = ScoringSession.start(
    plan,
    { area: { name: 'Area', facts: area as Record<string, string | number | boolean> } },
    { excludeInvalid, requireCases: true },
  );
  if ('errors' in started) throw new Error(started.errors.map((e) => e.message).join('\n'));
  return started.session;
}

export async function scoreByInterpreter(plan: CompiledPlan, area: FactRecord, file: string, excludeInvalid: boolean): Promise<Scored> {
  const session = start(plan, area, excludeInvalid);
  await feedCases(session, readCsvCases(file, caseColumnsOf(plan)));
  return { outcome: session.finish(), counts: countsOf(session) };
}

/** `idsApart`: look for repeated ids by a query of their own (as for a Parquet file) rather than in the count's pass. */
export async function scoreBySql(
  engine: SqlEngine,
  plan: CompiledPlan,
  area: FactRecord,
  from: string,
  excludeInvalid: boolean,
  idsApart = false,
): Promise<Scored> {
  const session = start(plan, area, excludeInvalid);
  const columns = await engine.describe(from);
  await countCasesWithSql(engine, plan, session.checked.area, caseRelation(from, columns, idsApart), session.tally);
  return { outcome: session.finish(), counts: countsOf(session) };
}

export async function scoreNdjsonByInterpreter(plan: CompiledPlan, area: FactRecord, file: string, excludeInvalid: boolean): Promise<Scored> {
  const session = start(plan, area, excludeInvalid);
  await feedCases(session, readNdjsonCases(file));
  return { outcome: session.finish(), counts: countsOf(session) };
}

/** An NDJSON file scored as `criteria score --engine duckdb` scores it: by DuckDB, or by the interpreter when DuckDB cannot vouch for the file (`notVouched` says why). */
export async function scoreNdjsonBySql(
  engine: SqlEngine,
  plan: CompiledPlan,
  area: FactRecord,
  file: string,
  excludeInvalid: boolean,
): Promise<Scored & { notVouched?: string; checked?: number }> {
  const session = start(plan, area, excludeInvalid);
  const counted = await countNdjsonWithSql(engine, plan, session, file, '');
  if ('notVouched' in counted) await feedCases(session, readNdjsonCases(file));
  return {
    outcome: session.finish(),
    counts: countsOf(session),
    ...('notVouched' in counted ? { notVouched: counted.notVouched } : { checked: counted.report.checked }),
  };
}

/** Everything, where each case was read included: for sources whose lines both engines know. */
export function exactly(scored: Scored): unknown {
  return { counts: scored.counts, outcome: JSON.parse(JSON.stringify(scored.outcome)) as unknown };
}

/**
 * What must agree between the engines: every counter, and the outcome as JSON, except where a
 * case was read (the interpreter knows the file's line; a SQL engine knows no lines).
 */
export function comparable(scored: Scored): unknown {
  const { outcome } = scored;
  if ('errors' in outcome)
    return { counts: scored.counts, errors: outcome.errors.map((e) => ({ code: e.code, message: e.message, caseId: e.caseId, hint: e.hint })) };
  const result = JSON.parse(JSON.stringify(outcome.result)) as InspectionResult;
  for (const e of result.cases.excluded) delete e.location;
  return { counts: scored.counts, result: JSON.stringify(result) };
}

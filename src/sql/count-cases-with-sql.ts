/**
 * Counts an inspection's cases with a SQL engine into a tally: the aggregate query counts the
 * clean cases; the companion query fetches the others in source order and the interpreter
 * checks and counts each of them (reporting its problems with the case id, in its own words).
 * The tally then holds exactly what reading every case through the interpreter would give.
 */
import { Outcome, type CompiledPlan, type FactRecord } from '../compile/compiled-plan.js';
import type { CaseTally } from '../evaluate/tally-cases.js';
import { convertCell } from '../load/read-cases.js';
import { alias, CaseQuery, type CaseRelation } from './build-case-query.js';
import type { SqlEngine } from './sql-engine.js';

/** What the SQL engine did, for a caller that reports it. */
export interface SqlCountReport {
  /** Cases counted by the aggregate query. */
  clean: number;
  /** Cases handed to the interpreter. */
  checked: number;
  /** Whether some id is used more than once. */
  duplicates: boolean;
}

export async function countCasesWithSql(engine: SqlEngine, plan: CompiledPlan, area: FactRecord, relation: CaseRelation, tally: CaseTally): Promise<SqlCountReport> {
  const query = new CaseQuery(plan, area, engine.dialect, relation);
  const n = plan.questions.length;
  const counts = { relevant: new Array<number>(n).fill(0), met: new Array<number>(n).fill(0), notApplicable: new Array<number>(n).fill(0) };
  let read = 0;
  let extra = 0;
  let clean = 0;
  let relevantToNone = 0;
  for (const row of await engine.all(query.countQuery())) {
    const q = Number(row.q);
    const o = row.o === null ? null : Number(row.o);
    const cases = Number(row.n);
    if (q === 0) {
      read += Number(row.rows);
      extra += Number(row.extra);
    }
    if (row.clean !== true) continue;
    if (q === 0) {
      clean += cases;
      if (o === 0) relevantToNone += cases;
      continue;
    }
    if (o === Outcome.Met || o === Outcome.NotMet) counts.relevant[q - 1]! += cases;
    if (o === Outcome.Met) counts.met[q - 1]! += cases;
    if (o === Outcome.NotApplicable) counts.notApplicable[q - 1]! += cases;
  }
  const duplicates = extra > 0;
  let checked = 0;
  if (read > clean) {
    const rows = await engine.all(query.problemQuery({ excludeDuplicates: duplicates }));
    for (const r of rows) {
      tally.add(recordOf(query, r), false, Number(r.pos));
      checked++;
    }
  }
  tally.merge({ ...counts, read: clean, scored: clean, relevantToNone, invalid: 0, diagnosticCount: 0, diagnostics: [], excluded: [] });
  return { clean, checked, duplicates };
}

/** A fetched row as the case record the CSV reader would make of the same cells. */
function recordOf(query: CaseQuery, row: Record<string, unknown>): Record<string, unknown> {
  const facts = Object.create(null) as Record<string, unknown>;
  const answers = Object.create(null) as Record<string, unknown>;
  for (const f of query.facts) {
    const cell = row[alias.raw(f.slot)];
    if (typeof cell === 'string' && cell !== '') facts[f.name] = convertCell(cell, f.declaration);
  }
  for (const q of query.plan.questions) {
    const cell = row[alias.answer(q.index)];
    if (typeof cell === 'string' && cell !== '') answers[q.key] = cell;
  }
  const id = row[alias.id];
  return { id: typeof id === 'string' ? id : '', facts, answers };
}

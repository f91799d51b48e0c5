/**
 * Counts an inspection's cases with a SQL engine into a tally: the aggregate query counts the
 * clean cases; the companion query fetches the others in source order and the interpreter
 * checks and counts each of them (reporting its problems with the case id, in its own words).
 * The tally then holds exactly what reading every case through the interpreter would give.
 */
import type { CompiledPlan, FactRecord } from '../compile/compiled-plan.js';
import type { CaseTally, TallyCounts } from '../evaluate/tally-cases.js';
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
  let row = (await engine.all(query.countQuery()))[0]!;
  const duplicates = Number(row.ids) > Number(row.distinctIds);
  if (duplicates) row = (await engine.all(query.countQuery({ excludeDuplicates: true })))[0]!;
  const read = Number(row.read);
  const clean = Number(row.scored);
  let checked = 0;
  if (read > clean) {
    const rows = await engine.all(query.problemQuery({ excludeDuplicates: duplicates }));
    for (const r of rows) {
      tally.add(recordOf(query, r), false, Number(r.pos));
      checked++;
    }
  }
  const n = plan.questions.length;
  const counts: TallyCounts = {
    relevant: Array.from({ length: n }, (_, q) => Number(row[alias.relevant(q)])),
    met: Array.from({ length: n }, (_, q) => Number(row[alias.met(q)])),
    notApplicable: Array.from({ length: n }, (_, q) => Number(row[alias.notApplicable(q)])),
    read: clean,
    scored: clean,
    relevantToNone: Number(row.relevantToNone),
    invalid: 0,
    diagnosticCount: 0,
    diagnostics: [],
    excluded: [],
  };
  tally.merge(counts);
  return { clean, checked, duplicates };
}

/** A fetched row as the case record the CSV reader would make of the same cells. */
function recordOf(query: CaseQuery, row: Record<string, unknown>): Record<string, unknown> {
  const facts: Record<string, unknown> = Object.create(null);
  const answers: Record<string, unknown> = Object.create(null);
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

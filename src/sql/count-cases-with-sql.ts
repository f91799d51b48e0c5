/**
 * Counts an inspection's cases with a SQL engine into a tally: the aggregate query counts the
 * clean cases; the companion query fetches the others in source order and the interpreter
 * checks and counts each of them (reporting its problems with the case id, in its own words).
 * The tally then holds exactly what reading every case through the interpreter would give.
 */
import type { CompiledPlan, FactRecord } from '../compile/compiled-plan.js';
import type { CaseTally } from '../evaluate/tally-cases.js';
import { convertCell, type CaseInput } from '../load/read-cases.js';
import { alias, CaseQuery, type CaseQueryOptions, type CaseRelation } from './build-case-query.js';
import { SourceNotVouched, SqlRunError, type SqlEngine } from './sql-engine.js';

/** Where the cases the query does not count are read from when its rows cannot say it (an NDJSON file's lines, by the interpreter). */
export interface RecordSource {
  /** How many records the source holds as the interpreter reads it: the query must have read as many. */
  records(): Promise<number>;
  /** The case inputs at these positions (ascending), as the interpreter reads them. */
  at(positions: readonly number[]): Promise<Array<{ position: number; input: CaseInput }>>;
}

/** What the SQL engine did, for a caller that reports it. */
export interface SqlCountReport {
  /** Cases counted by the aggregate query. */
  clean: number;
  /** Cases handed to the interpreter. */
  checked: number;
  /** Whether some id is used more than once. */
  duplicates: boolean;
}

export async function countCasesWithSql(
  engine: SqlEngine,
  plan: CompiledPlan,
  area: FactRecord,
  relation: CaseRelation,
  tally: CaseTally,
  records?: RecordSource,
): Promise<SqlCountReport> {
  const query = new CaseQuery(plan, area, engine.dialect, relation);
  const n = plan.questions.length;
  let counts: SqlCounts;
  let duplicates: boolean;
  if (relation.idsApart) {
    duplicates = Number((await engine.all(query.repeatQuery()))[0]?.extra) > 0;
    counts = await runCountQuery(engine, query, n, { excludeDuplicates: duplicates, countRepeats: false });
  } else {
    counts = await runCountQuery(engine, query, n, {});
    duplicates = counts.extra > 0;
    // Cases under a repeated id are not clean: count again without them (rarely needed).
    if (duplicates) counts = await runCountQuery(engine, query, n, { excludeDuplicates: true, countRepeats: false });
  }
  const { read, clean, relevantToNone } = counts;
  // Nothing is counted until the counts are known to be whole.
  if (counts.unsure > 0) {
    const lines = counts.unsure === 1 ? '1 line holds' : `${counts.unsure} lines hold`;
    throw new SourceNotVouched(`${lines} an id the query may read otherwise (a number such as 1.0 or 1e3, or a key given twice)`);
  }
  if (records) {
    const expected = await records.records();
    if (expected !== read) throw new SourceNotVouched(`the query read ${read} records where the interpreter reads ${expected}`);
  }
  let checked = 0;
  if (read > clean) {
    const rows = await engine.all(query.problemQuery({ excludeDuplicates: duplicates }));
    if (records) {
      for (const { position, input } of await records.at(rows.map((r) => Number(r.pos)))) {
        if ('record' in input) tally.add(input.record, false, position);
        else tally.rejectProblem(input.problem, input.notACase === true, position);
      }
    } else {
      for (const r of rows) tally.add(recordOf(query, r), false, Number(r.pos));
    }
    checked = rows.length;
  }
  tally.merge({
    relevant: counts.relevant,
    met: counts.met,
    notApplicable: counts.notApplicable,
    read: clean,
    scored: clean,
    relevantToNone,
    invalid: 0,
    diagnosticCount: 0,
    diagnostics: [],
    excluded: [],
  });
  return { clean, checked, duplicates };
}

interface SqlCounts {
  read: number;
  /** The rows beyond the first under a repeated id (0 when the query did not count them). */
  extra: number;
  /** The rows that make the source unsure (0 when the relation has no such rows). */
  unsure: number;
  clean: number;
  relevantToNone: number;
  relevant: number[];
  met: number[];
  notApplicable: number[];
}

/** The count query's rows as counters: the totals are on every row, question i's counts on row q i + 1. */
async function runCountQuery(engine: SqlEngine, query: CaseQuery, n: number, options: CaseQueryOptions): Promise<SqlCounts> {
  const rows = await engine.all(query.countQuery(options));
  const first = rows[0];
  if (first === undefined || rows.length !== n + 1) throw new SqlRunError(`the count query gave ${rows.length} rows, not ${n + 1}`, 'query');
  const counts: SqlCounts = {
    read: Number(first.rows),
    extra: Number(first.extra ?? 0),
    unsure: Number(first.unsure ?? 0),
    clean: Number(first.counted),
    relevantToNone: Number(first.relevant_to_none),
    relevant: new Array<number>(n).fill(0),
    met: new Array<number>(n).fill(0),
    notApplicable: new Array<number>(n).fill(0),
  };
  for (const row of rows) {
    const q = Number(row.q);
    if (q === 0) continue;
    counts.relevant[q - 1] = Number(row.relevant);
    counts.met[q - 1] = Number(row.met);
    counts.notApplicable[q - 1] = Number(row.not_applicable);
  }
  return counts;
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

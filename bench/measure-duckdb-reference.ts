/**
 * The reference a streamed `criteria score` is held to: DuckDB reading the same case file and
 * doing at least the reading and counting the engine does — every column's non-empty count, every
 * question column's "met" count (its answer one of the levels its scale counts as met) and the
 * number of distinct ids — on one thread and on two. A CSV is read with every column as text (as
 * the engine's reader reads it); an NDJSON file with read_json, its facts and answers as structs.
 */
import type { CompiledPlan } from '../src/compile/compiled-plan.js';
import { Outcome } from '../src/compile/compiled-plan.js';
import { fileRelation } from '../src/sql/file-relation.js';
import { openDuckDb } from '../src/sql/run-duckdb.js';
import { duckdb } from '../src/sql/sql-dialect.js';

export interface DuckDbReference {
  /** DuckDB's version, as it reports it. */
  version: string;
  /** Best wall time of the reference query, per thread count, in milliseconds. */
  csvMs: Record<number, number>;
  ndjsonMs: Record<number, number>;
  /** Distinct ids DuckDB counted (the same as the cases scored, or the comparison is void). */
  distinctIds: { csv: number; ndjson: number };
}

/** The fastest of `runs` runs, in milliseconds (the machine may be shared: the best is the least disturbed). */
export async function bestOf(runs: number, run: () => Promise<unknown>): Promise<number> {
  let fastest = Infinity;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await run();
    fastest = Math.min(fastest, performance.now() - started);
  }
  return fastest;
}

/** The levels of each answered question that count as met, by the question's key. */
function metLevels(plan: CompiledPlan): Array<{ key: string; levels: string[] }> {
  return plan.questions
    .filter((q) => q.answers !== null)
    .map((q) => ({ key: q.key, levels: [...q.answers!].filter(([, outcome]) => outcome === Outcome.Met).map(([level]) => level) }));
}

/** The reference query over a relation whose columns are reached by `column(kind, name)`. */
export function referenceQuery(plan: CompiledPlan, from: string, column: (kind: 'id' | 'fact' | 'answer', name: string) => string): string {
  const items = [
    `count(DISTINCT ${column('id', 'id')}) AS distinct_ids`,
    `count(${column('id', 'id')})`,
    ...[...plan.caseFacts.keys()].map((name) => `count(${column('fact', name)})`),
    ...plan.questions.filter((q) => q.answers !== null).map((q) => `count(${column('answer', q.key)})`),
    ...metLevels(plan).map(({ key, levels }) => `count(*) FILTER (WHERE ${column('answer', key)} IN (${levels.map((l) => duckdb.text(l)).join(', ')}))`),
  ];
  return `SELECT ${items.join(', ')} FROM ${from}`;
}

/** The columns of an NDJSON case file, given rather than sampled (a question answered by none of the first rows would be missing). */
function ndjsonColumns(plan: CompiledPlan): string {
  const sqlType = (type: string) => (type === 'boolean' ? 'BOOLEAN' : type === 'number' ? 'DOUBLE' : 'VARCHAR');
  const struct = (fields: Array<[string, string]>) => `STRUCT(${fields.map(([name, type]) => `${duckdb.identifier(name)} ${type}`).join(', ')})`;
  const facts = struct([...plan.caseFacts].map(([name, declaration]) => [name, sqlType(declaration.type)]));
  const answers = struct(plan.questions.filter((q) => q.answers !== null).map((q) => [q.key, 'VARCHAR']));
  return `{id: 'VARCHAR', facts: ${duckdb.text(facts)}, answers: ${duckdb.text(answers)}}`;
}

/** The reference query over an NDJSON case file read by read_json, its facts and answers as structs. */
export function ndjsonReferenceQuery(plan: CompiledPlan, file: string): string {
  return referenceQuery(plan, `read_json(${duckdb.text(file)}, format = 'newline_delimited', columns = ${ndjsonColumns(plan)})`, (kind, name) =>
    kind === 'id' ? duckdb.identifier(name) : `${kind === 'fact' ? 'facts' : 'answers'}.${duckdb.identifier(name)}`,
  );
}

export async function measureDuckDbReference(
  plan: CompiledPlan,
  files: { csv: string; ndjson: string },
  options: { threads: number[]; runs: number },
): Promise<DuckDbReference> {
  const engine = await openDuckDb();
  try {
    const csvQuery = referenceQuery(plan, fileRelation(files.csv, 'csv', duckdb), (_kind, name) => duckdb.identifier(name));
    const ndjsonQuery = ndjsonReferenceQuery(plan, files.ndjson);
    const distinct = async (query: string) => Number((await engine.all(query))[0]!.distinct_ids);
    const distinctIds = { csv: await distinct(csvQuery), ndjson: await distinct(ndjsonQuery) };
    const csvMs: Record<number, number> = {};
    const ndjsonMs: Record<number, number> = {};
    for (const threads of options.threads) {
      await engine.all(`SET threads = ${threads}`);
      csvMs[threads] = await bestOf(options.runs, () => engine.all(csvQuery));
      ndjsonMs[threads] = await bestOf(options.runs, () => engine.all(ndjsonQuery));
    }
    return { version: engine.version, csvMs, ndjsonMs, distinctIds };
  } finally {
    await engine.close();
  }
}

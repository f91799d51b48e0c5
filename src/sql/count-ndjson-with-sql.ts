/**
 * Counts an NDJSON case file with DuckDB: the query counts the lines it can vouch for, the
 * interpreter reads the others from the file (by their positions) with their line numbers. The
 * file is read once more meanwhile, to hash it and to count its records as the interpreter does,
 * so that the two are known to have read the same lines.
 */
import { createHash } from 'node:crypto';

import type { CompiledPlan } from '../compile/compiled-plan.js';
import type { ScoringSession } from '../evaluate/score-inspection.js';
import { countCasesWithSql, type SqlCountReport } from './count-cases-with-sql.js';
import { readNdjsonAt, scanNdjson, withinLineLimit } from './ndjson-lines.js';
import { ndjsonRelation } from './ndjson-relation.js';
import { firstLine, SourceNotVouched, SqlRunError, type SqlEngine } from './sql-engine.js';

/**
 * Counts an NDJSON file's cases with DuckDB, the lines it cannot vouch for read by the
 * interpreter; or says why DuckDB cannot count the file at all (a line its reader refuses, an id
 * only the interpreter can spell), before anything is counted. The file is hashed (and its
 * records counted) while DuckDB reads it.
 */
export async function countNdjsonWithSql(
  engine: SqlEngine,
  plan: CompiledPlan,
  session: ScoringSession,
  file: string,
  inspectionText: string,
): Promise<{ inputSha256: string; report: SqlCountReport } | { notVouched: string }> {
  const hash = createHash('sha256').update(inspectionText);
  // The read stops when DuckDB gives up on the file: the interpreter then reads it anyway.
  const stop = new AbortController();
  const scanning = scanNdjson(file, { hash, signal: stop.signal });
  // Settled whatever happens, so that a failed or stopped read is never left unhandled.
  const scanned = scanning.then(
    (scan) => ({ scan }),
    (error: unknown) => ({ error }),
  );
  let report: SqlCountReport;
  try {
    report = await countCasesWithSql(engine, plan, session.checked.area, ndjsonRelation(file, plan, engine.dialect), session.tally, {
      async records() {
        const done = await scanned;
        if ('error' in done) throw new SourceNotVouched(`the file cannot be read whole (${(done.error as Error).message})`);
        if (!withinLineLimit(done.scan)) throw new SourceNotVouched('a line is longer than the reader reads');
        // The reader words a file of no cases its own way.
        if (done.scan.records === 0) throw new SourceNotVouched('the file holds no case');
        return done.scan.records;
      },
      at: (positions) => readNdjsonAt(file, positions),
    });
  } catch (error) {
    stop.abort();
    await scanned;
    if (error instanceof SourceNotVouched) return { notVouched: error.message };
    if (error instanceof SqlRunError) return { notVouched: `its JSON reader refused the file (${firstLine(error.message)})` };
    throw error;
  }
  return { inputSha256: hash.digest('hex'), report };
}

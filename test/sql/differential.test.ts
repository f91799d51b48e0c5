/**
 * Differential: random packs and random case files — valid cases and cases with every kind of
 * problem, ids repeated or missing, numbers and booleans spelt unusually — scored by the
 * interpreter's CSV reader and by DuckDB reading the same file in place (and its Parquet copy)
 * give identical counters, identical diagnostics and byte-identical results.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { buildCase, buildPack, compile, inspectionSeedArb, packSpecArb, runs, TIMEOUT, areaOf } from '../properties/arbitraries.js';
import type { CompiledPlan } from '../../src/compile/compiled-plan.js';
import type { Pack } from '../../src/model/pack.js';
import { openDuckDb } from '../../src/sql/run-duckdb.js';
import { duckdb } from '../../src/sql/sql-dialect.js';
import { fileRelation } from '../../src/sql/file-relation.js';
import type { SqlEngine } from '../../src/sql/sql-engine.js';
import { comparable, headerOf, ODD_IDS, scoreByInterpreter, scoreBySql, tempFolder, writeCsv } from './sql-harness.js';
import { scalarText } from '../../src/source/scalar-text.js';

let engine: SqlEngine;
const folder = tempFolder();
beforeAll(async () => {
  engine = await openDuckDb(2);
});
afterAll(async () => {
  await engine.close();
  folder.remove();
});

/** What may be done to one case's row. */
const MUTATIONS = [
  'none',
  'none',
  'none',
  'offScale',
  'answerAll',
  'dropAnswer',
  'badFact',
  'oddSpelling',
  'repeatId',
  'noId',
  'longId',
  'oddId',
  'lateDay',
] as const;
type Mutation = (typeof MUTATIONS)[number];

const mutationArb = fc.record({ kind: fc.constantFrom(...MUTATIONS), pick: fc.nat({ max: 1000 }) });

/** The row of cells for a case, then changed as the mutation says. */
function rowOf(
  plan: CompiledPlan,
  pack: Pack,
  header: string[],
  record: { id: string; facts?: Record<string, unknown>; answers?: Record<string, string> },
  mutation: { kind: Mutation; pick: number },
  earlierIds: string[],
): string[] {
  const cells = header.map((name) => {
    if (name === 'id') return record.id;
    if (plan.caseFacts.has(name)) return record.facts?.[name] === undefined ? '' : scalarText(record.facts[name]);
    return record.answers?.[name] ?? '';
  });
  const col = (name: string) => header.indexOf(name);
  const questions = plan.questions;
  const q = questions[mutation.pick % questions.length]!;
  const qi = col(q.key);
  const p = mutation.pick;
  switch (mutation.kind) {
    case 'offScale':
      cells[qi] = ['maybe', 'YES', ' yes', 'hi'][p % 4]!;
      break;
    case 'answerAll':
      for (const x of questions) if (cells[col(x.key)] === '') cells[col(x.key)] = x.answers ? [...x.answers.keys()][0]! : 'yes';
      break;
    case 'dropAnswer':
      cells[qi] = '';
      break;
    case 'badFact': {
      const bad: Array<[string, string]> = [
        ['risk', 'LOW'],
        ['risk', ' low'],
        ['n', 'eleven'],
        ['n', '11'],
        ['n', '-1'],
        ['flag', 'yes'],
        ['n', '1e400'],
        ['flag', '1'],
      ];
      const [fact, value] = bad[p % bad.length]!;
      cells[col(fact)] = value;
      break;
    }
    case 'oddSpelling': {
      const odd: Array<[string, string]> = [
        ['n', ' 5'],
        ['n', '5.0'],
        ['n', '05'],
        ['n', '+5'],
        ['n', '5e0'],
        ['n', '.5e1'],
        ['flag', 'TRUE'],
        ['flag', ' false '],
        ['flag', 'False'],
        ['n', '0x5'],
        ['n', '5.'],
      ];
      const [fact, value] = odd[p % odd.length]!;
      cells[col(fact)] = value;
      break;
    }
    case 'repeatId':
      if (earlierIds.length > 0) cells[0] = earlierIds[p % earlierIds.length]!;
      break;
    case 'noId':
      cells[0] = '';
      break;
    case 'longId':
      cells[0] = `${'x'.repeat(60 + (p % 80))}${p % 3 === 0 ? '😀'.repeat(5) : ''}`;
      break;
    case 'oddId':
      cells[0] = ODD_IDS[p % ODD_IDS.length]!;
      break;
    case 'lateDay':
      break;
  }
  void pack;
  return cells;
}

const scenarioArb = fc.record({
  spec: packSpecArb,
  seed: inspectionSeedArb,
  mutations: fc.array(mutationArb, { minLength: 25, maxLength: 25 }),
  exclude: fc.boolean(),
});

describe('DuckDB counts what the interpreter counts', () => {
  it(
    'on random packs and case files, valid or not',
    async () => {
      let n = 0;
      let typedRuns = 0;
      await fc.assert(
        fc.asyncProperty(scenarioArb, async ({ spec, seed, mutations, exclude }) => {
          const pack = buildPack(spec);
          const plan = compile(pack);
          const area = areaOf(seed);
          const header = headerOf(plan);
          const ids: string[] = [];
          const rows = seed.cases.map((c, i) => {
            const row = rowOf(plan, pack, header, buildCase(plan, pack, c, `case-${i}`, area), mutations[i]!, ids);
            ids.push(row[0]!);
            return row;
          });
          const file = writeCsv(folder.path, `cases-${n++}.csv`, header, rows);
          const expected = comparable(await scoreByInterpreter(plan, area, file, exclude));
          expect(comparable(await scoreBySql(engine, plan, area, fileRelation(file, 'csv', duckdb), exclude))).toEqual(expected);
          // The same cells as Parquet (every column text, as a CSV's), repeated ids looked for apart, as for a Parquet file.
          const parquet = join(folder.path, `cases-${n}.parquet`);
          await engine.all(`COPY (SELECT * FROM ${fileRelation(file, 'csv', duckdb)}) TO ${duckdb.text(parquet)} (FORMAT parquet)`);
          expect(comparable(await scoreBySql(engine, plan, area, fileRelation(parquet, 'parquet', duckdb), exclude, true))).toEqual(expected);
          // The same cases with the boolean fact in a BOOLEAN column, as a database holds it, when every cell
          // of it is a spelling both read alike (a typed column cannot hold 'yes' or ' false ').
          const flag = header.indexOf('flag');
          if (rows.every((row) => /^(|true|TRUE|True|false|FALSE|False)$/.test(row[flag]!))) {
            const typed = `(SELECT * REPLACE (CAST(NULLIF(flag, '') AS BOOLEAN) AS flag) FROM ${fileRelation(file, 'csv', duckdb)}) AS typed`;
            expect(comparable(await scoreBySql(engine, plan, area, typed, exclude))).toEqual(expected);
            typedRuns++;
          }
        }),
        { numRuns: runs(40) },
      );
      // Most scenarios spell every boolean plainly, so the typed column was compared.
      expect(typedRuns).toBeGreaterThan(0);
    },
    TIMEOUT * 4,
  );
});

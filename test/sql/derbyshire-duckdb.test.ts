/**
 * The Derbyshire example counted by DuckDB gives the published figures: from its CSV file in
 * place, from a Parquet copy whose columns DuckDB typed itself (BOOLEAN facts, text answers), and
 * from an NDJSON copy (typed facts; every question not answered written as null, as databases
 * export a missing value).
 * The figures are read from test/golden/derbyshire-2003-published.json, never restated here.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InspectionResult } from '../../src/model/result.js';
import { scoreInspectionFile } from '../../src/pipeline/score-file.js';
import { openInspection } from '../../src/pipeline/load-inspection.js';
import { compilePlan } from '../../src/compile/compile-pack.js';
import { caseColumnsOf } from '../../src/compile/compiled-plan.js';
import { readCsvCases } from '../../src/load/read-cases.js';
import { openDuckDb } from '../../src/sql/run-duckdb.js';
import { scoreInspectionWithSql } from '../../src/sql/score-with-sql.js';
import { duckdb } from '../../src/sql/sql-dialect.js';
import { criterion, section } from '../support/find-result.js';
import { tempFolder } from './sql-harness.js';

const EXAMPLE = 'rules/esi-2003/examples/derbyshire-2003';
const published = JSON.parse(readFileSync('test/golden/derbyshire-2003-published.json', 'utf8'));
const folder = tempFolder();
const results: Record<string, InspectionResult> = {};
let interpreted: InspectionResult;

beforeAll(async () => {
  // A copy of the inspection beside a typed Parquet copy of its cases.
  const inspection = readFileSync(join(EXAMPLE, 'inspection.yaml'), 'utf8');
  const absolute = (text: string) =>
    text
      .replace(/^pack: (.*)$/m, (_l, p: string) => `pack: ${join(process.cwd(), EXAMPLE, p)}`)
      .replace(/^(\s+- )(\.\.\/.*thematics.*)$/m, (_l, dash: string, p: string) => `${dash}${join(process.cwd(), EXAMPLE, p)}`);
  const parquet = join(folder.path, 'cases.parquet');
  const engine = await openDuckDb(2);
  await engine.all(`COPY (SELECT * FROM read_csv(${duckdb.text(join(EXAMPLE, 'cases.csv'))})) TO ${duckdb.text(parquet)} (FORMAT parquet)`);
  const types = await engine.describe(`read_parquet(${duckdb.text(parquet)})`);
  await engine.close();
  expect(types.find((c) => c.name === 'disability')?.type).toBe('BOOLEAN');
  writeFileSync(join(folder.path, 'inspection.yaml'), absolute(inspection).replace(/cases: \{ file: cases\.csv \}/, 'cases: { file: cases.parquet }'));
  copyFileSync(join(EXAMPLE, 'cases.csv'), join(folder.path, 'cases.csv'));
  writeFileSync(join(folder.path, 'inspection-csv.yaml'), absolute(inspection));
  await writeNdjsonCopy(join(EXAMPLE, 'inspection.yaml'), join(folder.path, 'cases.ndjson'));
  writeFileSync(join(folder.path, 'inspection-ndjson.yaml'), absolute(inspection).replace(/cases: \{ file: cases\.csv \}/, 'cases: { file: cases.ndjson }'));
  for (const [name, path] of [
    ['csv', join(folder.path, 'inspection-csv.yaml')],
    ['parquet', join(folder.path, 'inspection.yaml')],
    ['ndjson', join(folder.path, 'inspection-ndjson.yaml')],
  ] as const) {
    const scored = await scoreInspectionWithSql(path, { engine: 'duckdb', threads: 2 });
    if ('errors' in scored) throw new Error(scored.errors.map((e) => e.message).join('\n'));
    results[name] = scored.result;
  }
  const scored = await scoreInspectionFile(join(EXAMPLE, 'inspection.yaml'));
  if ('errors' in scored) throw new Error(scored.errors.map((e) => e.message).join('\n'));
  interpreted = scored.result;
}, 60_000);
afterAll(() => folder.remove());

/** The example's cases as NDJSON: each CSV row as the interpreter reads it, with null for every question it does not answer. */
async function writeNdjsonCopy(inspection: string, file: string): Promise<void> {
  const opened = openInspection(inspection);
  if ('errors' in opened) throw new Error(opened.errors.map((e) => e.message).join('\n'));
  const plan = compilePlan(opened.methodology, opened.thematics);
  const lines: string[] = [];
  for await (const input of readCsvCases(join(EXAMPLE, 'cases.csv'), caseColumnsOf(plan))) {
    if (!('record' in input)) throw new Error(input.problem.message);
    const { id, facts, answers } = input.record as { id: string; facts: Record<string, unknown>; answers: Record<string, unknown> };
    lines.push(JSON.stringify({ id, facts, answers: Object.fromEntries(plan.questions.map((q) => [q.key, answers[q.key] ?? null])) }));
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
}

describe.each(['csv', 'parquet', 'ndjson'])('Derbyshire 2003 counted by DuckDB from %s', (name) => {
  const result = () => results[name]!;

  it('scores the whole sample and names the engine and source', () => {
    expect(result().cases.read).toBe(published.sampleSize);
    expect(result().cases.scored).toBe(published.sampleSize);
    expect(result().provenance.caseSource).toEqual({
      engine: expect.stringMatching(/^duckdb v1\.5\./),
      source: `cases.${name}`,
    });
  });

  it('has the published criterion and section scores and bands', () => {
    for (const key of ['sectionB', 'sectionC', 'sectionD']) {
      for (const [cid, expected] of Object.entries(published[key].criteria)) {
        const e = expected as { score?: number; band?: string };
        if (e.score !== undefined) expect(criterion(result(), cid).score).toBe(e.score);
        if (e.band !== undefined) expect(criterion(result(), cid).band?.label).toBe(e.band);
      }
      expect(section(result(), key.slice('section'.length)).score).toBe(published[key].score);
    }
    expect(result().overall?.score).toBe(published.overall.score);
  });

  it('has the published EBS ratings', () => {
    const ebs = result().thematics.find((t) => t.id === 'ebs-2003')!;
    const { assessment, interventions, initialOutcomes } = published.ebsThematic.ratings;
    expect([section(ebs, 'B').score, section(ebs, 'C').score, section(ebs, 'D').score]).toEqual([assessment, interventions, initialOutcomes]);
  });

  it("is the interpreter's result byte for byte, but for the provenance of its cases", () => {
    const { caseSource, ...provenance } = result().provenance;
    expect(caseSource).toBeDefined();
    // The inspection file was copied with absolute pack paths, so its hash differs.
    expect(provenance.inputSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify({ ...result(), provenance: { ...provenance, inputSha256: interpreted.provenance.inputSha256 } })).toBe(JSON.stringify(interpreted));
  });
});

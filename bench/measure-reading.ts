/**
 * Reading alone: how fast the engine's own readers turn a file into case records (bytes hashed for
 * provenance, lines or rows parsed, cells typed), without checking or scoring them — the part of
 * a streamed run that is the reader's.
 */
import { createHash } from 'node:crypto';
import { caseColumnsOf, type CompiledPlan } from '../src/compile/compiled-plan.js';
import { readCsvCases, readNdjsonCases, type CaseInput } from '../src/load/read-cases.js';

export async function measureReading(
  plan: CompiledPlan,
  format: 'ndjson' | 'csv',
  file: string,
  limit: number,
): Promise<{ cases: number; ms: number; casesPerSecond: number }> {
  const hash = createHash('sha256');
  const columns = caseColumnsOf(plan);
  const inputs: AsyncIterable<CaseInput> = format === 'ndjson' ? readNdjsonCases(file, hash) : readCsvCases(file, columns, hash);
  let cases = 0;
  const started = performance.now();
  for await (const input of inputs) {
    if (!('record' in input)) throw new Error(`${file}: ${input.problem.message}`);
    if (++cases >= limit) break;
  }
  const ms = performance.now() - started;
  return { cases, ms, casesPerSecond: (cases * 1000) / ms };
}

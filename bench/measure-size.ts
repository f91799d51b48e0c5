/**
 * One scoring run in a process of its own, for its wall time and peak memory (maxRSS):
 *
 *   tsx bench/measure-size.ts memory <count>          generate <count> cases in memory, score them
 *   tsx bench/measure-size.ts stream <inspection.yaml> [workers]  scoreInspectionFile (cases streamed from CSV or NDJSON, on `workers` threads)
 *
 * Prints one JSON line: the figures (for bench/run.ts to compare with its own) and the memory.
 */
import { scoreInspectionFile } from '../src/pipeline/score-file.js';
import type { CountsByKey } from './compare-results.js';
import { figuresOfResult } from './compare-results.js';
import { caseModel, generateCaseList } from './generate-cases.js';
import { scoreWithEngine } from './run-engine.js';
import { areaFactsOf, derbyshireHeader, loadPlan, SEED } from './setup.js';

export interface SizeMeasurement {
  mode: 'memory' | 'stream';
  cases: number;
  /** Wall time of the scoring (for a stream: opening the inspection, loading the packs, reading and scoring). */
  wallMs: number;
  /** Resident memory once the modules are loaded, before any case exists (Node, tsx, the engine). */
  rssAtStartMB: number;
  /** Resident memory with the cases generated, before scoring (in-memory runs only). */
  rssWithCasesMB: number | null;
  /** The process's peak resident memory, read at its end. */
  peakRssMB: number;
  figures: Array<[string, number | string | null]>;
  counts: Array<[string, { relevant: number; met: number; notApplicable: number }]>;
}

const MB = 1024 * 1024;
const rssMB = () => process.memoryUsage().rss / MB;
/** maxRSS is in kilobytes. */
const peakMB = () => (process.resourceUsage().maxRSS * 1024) / MB;

async function main(): Promise<void> {
  const [mode, argument, workers] = process.argv.slice(2);
  const rssAtStartMB = rssMB();
  let measurement: Omit<SizeMeasurement, 'rssAtStartMB' | 'peakRssMB'>;
  if (mode === 'memory') {
    const { plan } = loadPlan();
    const header = derbyshireHeader();
    const cases = generateCaseList(caseModel(plan, areaFactsOf(header)), Number(argument), SEED);
    const rssWithCasesMB = rssMB();
    const started = performance.now();
    const scored = scoreWithEngine(plan, header, cases);
    const wallMs = performance.now() - started;
    if ('errors' in scored) throw new Error(scored.errors.slice(0, 5).join('\n'));
    measurement = { mode, cases: cases.length, wallMs, rssWithCasesMB, figures: [...figuresOfResult(scored.result)], counts: [...scored.counts] };
  } else if (mode === 'stream' && argument) {
    const started = performance.now();
    const scored = await scoreInspectionFile(argument, workers !== undefined ? { workers: Number(workers) } : {});
    const wallMs = performance.now() - started;
    if ('errors' in scored)
      throw new Error(
        scored.errors
          .slice(0, 5)
          .map((e) => `${e.file ?? ''}:${e.line ?? ''} ${e.message}`)
          .join('\n'),
      );
    const { relevant, met, notApplicable } = scored.tally;
    const counts: CountsByKey = new Map(
      scored.plan.questions.map((q) => [q.key, { relevant: relevant[q.index]!, met: met[q.index]!, notApplicable: notApplicable[q.index]! }]),
    );
    measurement = { mode, cases: scored.result.cases.read, wallMs, rssWithCasesMB: null, figures: [...figuresOfResult(scored.result)], counts: [...counts] };
  } else {
    throw new Error('usage: tsx bench/measure-size.ts memory <count> | stream <inspection.yaml> [workers]');
  }
  const result: SizeMeasurement = { ...measurement, rssAtStartMB, peakRssMB: peakMB() };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

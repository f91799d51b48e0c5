/**
 * npm run bench: the engine's throughput against json-rules-engine and a hand-written scorer on
 * synthetic ESI 2003 + EBS 2003 inspections of 1,000 to 1,000,000 cases, memory when streaming a
 * million cases from NDJSON and CSV, pack load/compile time and the command's cold start.
 *
 * The scoring service (criteria serve) under 200 concurrent requests, beside a bare HTTP server.
 *
 * Every scorer's results are checked against the others' before any figure is printed; a
 * difference stops the run. Progress goes to stderr; the table to stdout; every figure to
 * bench-results/latest.json.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { compilePlan } from '../src/compile/compile-pack.js';
import type { CaseRecord } from '../src/model/inspection.js';
import { checkRejections } from './check-rejections.js';
import { diffCounts, diffFigures, Disagreement, figuresOfResult, requireAgreement, type CountsByKey, type Figures } from './compare-results.js';
import { caseModel, generateCaseList, writeCaseFiles } from './generate-cases.js';
import { scoreByHand } from './hand-written-scorer.js';
import { coldStartGoals } from './cold-start-goals.js';
import { ensureBuilt, measureColdStarts } from './measure-cold-start.js';
import { measureDuckDbReference, type DuckDbReference } from './measure-duckdb-reference.js';
import { measureReading } from './measure-reading.js';
import { measureService, type ServiceResult } from './measure-service.js';
import type { SizeMeasurement } from './measure-size.js';
import { formatResults, type BenchResults, type Goal, type SizeResult, type StreamResult, type Throughput } from './print-table.js';
import { engineParts, scoreWithEngine } from './run-engine.js';
import { buildEngine, runJsonRulesEngine } from './run-json-rules-engine.js';
import { areaFactsOf, derbyshireHeader, loadPacks, loadPlan, RESULTS_PATH, ROOT, SEED } from './setup.js';
import { median, time, timeAfterFullCollection, type Timing } from './timing.js';

/** BENCH_QUICK=1 npm run bench: the two small sizes only, and 10,000 cases streamed (a minute, to try changes). */
const QUICK = process.env.BENCH_QUICK === '1';
/** The sizes, how many runs each gets (after one checked run that also warms up), and how many json-rules-engine gets. */
const SIZES = [
  { cases: 1_000, warmups: 20, runs: 21, jsonRulesEngineRuns: 5 },
  { cases: 10_000, warmups: 3, runs: 9, jsonRulesEngineRuns: 3 },
  { cases: 100_000, warmups: 0, runs: 5, jsonRulesEngineRuns: 0 },
  { cases: 1_000_000, warmups: 0, runs: 3, jsonRulesEngineRuns: 0 },
].filter((s) => !QUICK || s.cases <= 10_000);
/** The size at which the session is also timed with the input hash on. */
const PARTS_SIZE = QUICK ? 10_000 : 100_000;
const STREAM_SIZE = QUICK ? 10_000 : 1_000_000;
/** The size at which runs that follow a full garbage collection are timed. */
const AFTER_GC_SIZE = 1_000;
/** How many one-case inspections are timed together to find the fixed cost of an inspection. */
const FIXED_REPEATS = 100;
/** How many cases of each file are read without scoring, to show the reader's share of a streamed run. */
const READING_SIZE = QUICK ? 10_000 : 100_000;

const GOALS = { overJsonRulesEngine: 100, overHandWritten: 0.9, streamedRssMB: 300, overDuckDb: 2, hashing: 1.3 };
/** How many runs DuckDB's reference query gets per file and thread count (the best is kept). */
const DUCKDB_RUNS = QUICK ? 1 : 2;

const began = performance.now();
const loadAtStart = loadavg()[0]!;
const log = (message: string) => process.stderr.write(`[bench ${((performance.now() - began) / 1000).toFixed(0).padStart(3)} s] ${message}\n`);

function throughput(timing: Timing, cases: number, questions: number): Throughput {
  const casesPerSecond = (cases * 1000) / timing.median;
  return { medianMs: timing.median, runs: timing.runs, casesPerSecond, questionEvaluationsPerSecond: casesPerSecond * questions };
}

/** Milliseconds to sha256 a file's bytes as read, chunk by chunk. */
async function hashFileAlone(file: string): Promise<number> {
  const started = performance.now();
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  hash.digest();
  return performance.now() - started;
}

function measureInChild(...args: string[]): SizeMeasurement {
  const child = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench/measure-size.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`bench/measure-size.ts ${args.join(' ')} failed (${child.status ?? child.signal}):\n${child.stderr}`);
  return JSON.parse(child.stdout) as SizeMeasurement;
}

async function main(): Promise<void> {
  const checks: string[] = [];

  log('loading, validating and compiling the packs');
  const runs = { warmups: 5, runs: 15 };
  const both = await time(runs, () => loadPlan());
  const load = await time(runs, () => loadPacks());
  const packs = loadPacks();
  const compile = await time(runs, () => compilePlan(packs.methodology, [packs.thematic]));
  const { plan, methodology, thematic } = loadPlan();
  const header = derbyshireHeader();
  const area = areaFactsOf(header);
  const model = caseModel(plan, area);
  const questions = plan.questions.length;

  log('checking that the hand-written scorer refuses what the engine refuses');
  const [firstCase] = generateCaseList(model, 1, SEED);
  checkRejections(plan, header, firstCase!);
  checks.push(
    'a valid case is accepted, and a case with each kind of problem (unknown fact, fact off its values, boolean as text, missing required fact, unknown question, answer off the scale, missing answer, answer to a question that does not apply, no id, unknown record property, duplicate id) refused, by both our engine and the hand-written scorer',
  );

  const engine = buildEngine(plan, [methodology, thematic], area);
  const sizes: Array<Omit<SizeResult, 'memory'>> = [];
  const figuresBySize = new Map<number, { counts: CountsByKey; figures: Figures }>();
  let parts: BenchResults['engineParts'] | null = null;
  let afterFullCollection: BenchResults['afterFullCollection'] | null = null;
  let largestJsonRulesEngine: { cases: number; casesPerSecond: number } | null = null;

  for (const size of SIZES) {
    log(`generating ${size.cases.toLocaleString('en-GB')} cases`);
    let cases: CaseRecord[] | null = generateCaseList(model, size.cases, SEED);
    const n = cases.length;

    log(`${n.toLocaleString('en-GB')} cases: checking that the scorers agree`);
    const ours = scoreWithEngine(plan, header, cases);
    if ('errors' in ours) throw new Error(`our engine refuses the generated cases:\n${ours.errors.slice(0, 5).join('\n')}`);
    const hand = scoreByHand(header, cases);
    if ('errors' in hand.outcome) throw new Error(`the hand-written scorer refuses the generated cases:\n${hand.outcome.errors.slice(0, 5).join('\n')}`);
    const ourFigures = figuresOfResult(ours.result);
    requireAgreement(`${n} cases, per-question counts, ours and hand-written`, diffCounts('ours', ours.counts, 'hand-written', hand.scorer.counts()));
    requireAgreement(`${n} cases, scores, ours and hand-written`, diffFigures('ours', ourFigures, 'hand-written', hand.outcome.figures));
    checks.push(
      `${n.toLocaleString('en-GB')} cases: per-question relevant/met/N/A counts and all ${ourFigures.size} scores, bands and level counts identical, ours and hand-written`,
    );
    if (size.jsonRulesEngineRuns > 0) {
      const counts = await runJsonRulesEngine(engine, plan, cases);
      requireAgreement(`${n} cases, per-question counts, ours and json-rules-engine`, diffCounts('ours', ours.counts, 'json-rules-engine', counts));
      checks.push(`${n.toLocaleString('en-GB')} cases: per-question relevant/met/N/A counts identical, ours and json-rules-engine`);
    }
    figuresBySize.set(n, { counts: ours.counts, figures: ourFigures });

    log(`${n.toLocaleString('en-GB')} cases: timing`);
    const list = cases;
    const oursTiming = await time(size, () => scoreWithEngine(plan, header, list));
    const handTiming = await time(size, () => scoreByHand(header, list));
    let jsonRulesEngine: SizeResult['jsonRulesEngine'];
    if (size.jsonRulesEngineRuns > 0) {
      const t = throughput(await time({ warmups: 0, runs: size.jsonRulesEngineRuns }, () => runJsonRulesEngine(engine, plan, list)), n, questions);
      jsonRulesEngine = { ...t, measured: true };
      largestJsonRulesEngine = { cases: n, casesPerSecond: t.casesPerSecond };
    } else {
      if (!largestJsonRulesEngine) throw new Error('json-rules-engine must run at the smallest size');
      jsonRulesEngine = { measured: false, casesPerSecond: largestJsonRulesEngine.casesPerSecond, extrapolatedFrom: largestJsonRulesEngine.cases };
    }
    const oursThroughput = throughput(oursTiming, n, questions);
    const handThroughput = throughput(handTiming, n, questions);
    sizes.push({
      cases: n,
      ours: oursThroughput,
      handWritten: handThroughput,
      jsonRulesEngine,
      oursOverJsonRulesEngine: oursThroughput.casesPerSecond / jsonRulesEngine.casesPerSecond,
      oursOverHandWritten: oursThroughput.casesPerSecond / handThroughput.casesPerSecond,
    });
    if (n === AFTER_GC_SIZE) {
      log(`${n.toLocaleString('en-GB')} cases: timing runs that follow a full garbage collection`);
      const runs = { warmups: 5, runs: 11 };
      afterFullCollection = {
        cases: n,
        ours: throughput(await timeAfterFullCollection(runs, () => scoreWithEngine(plan, header, list)), n, questions),
        handWritten: throughput(await timeAfterFullCollection(runs, () => scoreByHand(header, list)), n, questions),
      };
    }
    if (n === PARTS_SIZE) {
      log(`${n.toLocaleString('en-GB')} cases: timing the parts of a session`);
      const one = list.slice(0, 1);
      const perInspection = async (score: () => unknown) =>
        (
          await time({ warmups: 20, runs: 5 }, () => {
            for (let i = 0; i < FIXED_REPEATS; i++) score();
          })
        ).median / FIXED_REPEATS;
      // Interleaved, so that whatever else the machine is doing falls on both alike; a first round warms up.
      const timings = { session: [] as number[], hashedSession: [] as number[] };
      const once = (run: () => unknown) => {
        const started = performance.now();
        run();
        return performance.now() - started;
      };
      for (let round = 0; round < 4; round++) {
        const session = once(() => scoreWithEngine(plan, header, list));
        const hashedSession = once(() => engineParts.hashedSession(plan, header, list));
        if (round === 0) continue;
        timings.session.push(session);
        timings.hashedSession.push(hashedSession);
      }
      const asTiming = (runs: number[]): Timing => ({ runs, median: median(runs) });
      parts = {
        cases: n,
        session: throughput(asTiming(timings.session), n, questions),
        hashedSession: throughput(asTiming(timings.hashedSession), n, questions),
        fixedMs: { ours: await perInspection(() => scoreWithEngine(plan, header, one)), handWritten: await perInspection(() => scoreByHand(header, one)) },
      };
    }
    // eslint-disable-next-line no-useless-assignment -- lets the cases be collected before the next size is generated
    cases = null;
  }

  const memory = new Map<number, SizeResult['memory']>();
  for (const size of SIZES) {
    log(`${size.cases.toLocaleString('en-GB')} cases: our engine alone in a child process, for its memory`);
    const m = measureInChild('memory', String(size.cases));
    const expected = figuresBySize.get(size.cases)!;
    requireAgreement(`${size.cases} cases in a child process`, [
      ...diffCounts('main', expected.counts, 'child', new Map(m.counts)),
      ...diffFigures('main', expected.figures, 'child', new Map(m.figures)),
    ]);
    memory.set(size.cases, { wallMs: m.wallMs, rssAtStartMB: m.rssAtStartMB, rssWithCasesMB: m.rssWithCasesMB, peakRssMB: m.peakRssMB });
  }
  checks.push('each size scored again in a child process: the same counts and scores');

  const folder = mkdtempSync(join(tmpdir(), 'criteria-bench-'));
  const streamed: StreamResult[] = [];
  let duckDb: DuckDbReference;
  try {
    log(`writing ${STREAM_SIZE.toLocaleString('en-GB')} cases to NDJSON and CSV in ${folder}`);
    const files = writeCaseFiles(model, header, STREAM_SIZE, SEED, folder);
    const expected = figuresBySize.get(STREAM_SIZE)!;
    for (const format of ['ndjson', 'csv'] as const) {
      log(`streaming ${STREAM_SIZE.toLocaleString('en-GB')} cases from ${format.toUpperCase()} (scoreInspectionFile in a child process)`);
      const inspection = format === 'ndjson' ? files.ndjsonInspection : files.csvInspection;
      const m = measureInChild('stream', inspection);
      requireAgreement(`${STREAM_SIZE} cases streamed from ${format}`, [
        ...diffCounts('in memory', expected.counts, format, new Map(m.counts)),
        ...diffFigures('in memory', expected.figures, format, new Map(m.figures)),
      ]);
      log(`streaming ${STREAM_SIZE.toLocaleString('en-GB')} cases from ${format.toUpperCase()} on 2 worker threads`);
      const two = measureInChild('stream', inspection, '2');
      requireAgreement(`${STREAM_SIZE} cases streamed from ${format} on 2 workers`, [
        ...diffCounts('in memory', expected.counts, format, new Map(two.counts)),
        ...diffFigures('in memory', expected.figures, format, new Map(two.figures)),
      ]);
      log(`hashing the ${format.toUpperCase()} file's bytes alone (sha256, as the reader hashes them for the result's inputSha256)`);
      const hashAloneMs = await hashFileAlone(format === 'ndjson' ? files.ndjson : files.csv);
      log(`reading the first ${READING_SIZE.toLocaleString('en-GB')} cases of the ${format.toUpperCase()} file alone`);
      const reading = await measureReading(plan, format, format === 'ndjson' ? files.ndjson : files.csv, READING_SIZE);
      streamed.push({
        format,
        readingAlone: reading,
        cases: m.cases,
        fileMB: (format === 'ndjson' ? files.ndjsonBytes : files.csvBytes) / (1024 * 1024),
        wallMs: m.wallMs,
        casesPerSecond: (m.cases * 1000) / m.wallMs,
        rssAtStartMB: m.rssAtStartMB,
        peakRssMB: m.peakRssMB,
        twoWorkers: { wallMs: two.wallMs, peakRssMB: two.peakRssMB },
        hashAloneMs,
      });
    }
    checks.push(
      `${STREAM_SIZE.toLocaleString('en-GB')} cases streamed from NDJSON and from CSV, on one thread and on two workers: the same counts and scores as in memory`,
    );
    log(`DuckDB's reference query on the same files, on 1 and 2 threads (best of ${DUCKDB_RUNS})`);
    duckDb = await measureDuckDbReference(plan, files, { threads: [1, 2], runs: DUCKDB_RUNS });
    if (duckDb.distinctIds.csv !== STREAM_SIZE || duckDb.distinctIds.ndjson !== STREAM_SIZE)
      throw new Error(`DuckDB counted ${duckDb.distinctIds.csv} (CSV) and ${duckDb.distinctIds.ndjson} (NDJSON) distinct ids, not ${STREAM_SIZE}`);
    checks.push(`DuckDB's reference query counted ${STREAM_SIZE.toLocaleString('en-GB')} distinct ids in each file`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }

  log('cold start of the command (building dist/ first if it is stale)');
  const build = ensureBuilt();
  const coldStarts = measureColdStarts();

  // A service that answers wrongly stops the run; one that cannot be reached (a refused or dropped
  // connection on a loaded machine) is reported, and the other figures are still printed and saved.
  let service: ServiceResult | { failed: string };
  try {
    const measured = await measureService(log);
    checks.push(
      `the scoring service: all ${measured.service.requests + measured.service.concurrency} answers to concurrent requests byte-identical to the library's result for the same body`,
    );
    service = measured;
  } catch (error) {
    if (error instanceof Disagreement) throw error;
    service = { failed: (error instanceof Error ? error.message : String(error)).split('\n')[0]! };
    log(`the scoring service could not be measured: ${service.failed}`);
  }

  const sizeResults: SizeResult[] = sizes.map((s) => ({ ...s, memory: memory.get(s.cases)! }));
  const worstOverJre = sizeResults.reduce((a, b) => (b.oursOverJsonRulesEngine < a.oursOverJsonRulesEngine ? b : a));
  const measuredJre = sizeResults.filter((s) => s.jsonRulesEngine.measured);
  const worstMeasuredOverJre = measuredJre.reduce((a, b) => (b.oursOverJsonRulesEngine < a.oursOverJsonRulesEngine ? b : a));
  const worstOverHand = sizeResults.reduce((a, b) => (b.oursOverHandWritten < a.oursOverHandWritten ? b : a));
  const worstStream = streamed.reduce((a, b) => (b.peakRssMB > a.peakRssMB ? b : a));
  const csvStream = streamed.find((s) => s.format === 'csv')!;
  const ndjsonStream = streamed.find((s) => s.format === 'ndjson')!;
  const overDuckDb = {
    csv: csvStream.wallMs / duckDb!.csvMs[1]!,
    ndjson: ndjsonStream.wallMs / duckDb!.ndjsonMs[1]!,
    csvTwoWorkers: csvStream.twoWorkers.wallMs / duckDb!.csvMs[2]!,
  };
  const hashing = parts!.hashedSession.medianMs / parts!.session.medianMs;
  /** A streamed run hashes the bytes as it reads them: its cost over the run without that hashing. */
  const fileHashing = (s: StreamResult) => s.wallMs / (s.wallMs - s.hashAloneMs);
  const worstFileHashing = Math.max(fileHashing(csvStream), fileHashing(ndjsonStream));
  const goals: Goal[] = [
    {
      goal: 'ours ÷ json-rules-engine, at every size',
      target: `≥ ${GOALS.overJsonRulesEngine}×`,
      actual: `lowest ${worstOverJre.oursOverJsonRulesEngine.toFixed(1)}× (${worstOverJre.cases.toLocaleString('en-GB')} cases${worstOverJre.jsonRulesEngine.measured ? '' : ', JRE extrapolated'}); lowest measured ${worstMeasuredOverJre.oursOverJsonRulesEngine.toFixed(1)}× (${worstMeasuredOverJre.cases.toLocaleString('en-GB')})`,
      met: worstOverJre.oursOverJsonRulesEngine >= GOALS.overJsonRulesEngine,
    },
    {
      goal: 'ours ÷ hand-written, at every size',
      target: `≥ ${100 * GOALS.overHandWritten}%`,
      actual: `lowest ${(100 * worstOverHand.oursOverHandWritten).toFixed(0)}% (${worstOverHand.cases.toLocaleString('en-GB')} cases)`,
      met: worstOverHand.oursOverHandWritten >= GOALS.overHandWritten,
    },
    {
      goal: `peak RSS streaming ${STREAM_SIZE.toLocaleString('en-GB')} cases`,
      target: `< ${GOALS.streamedRssMB} MB`,
      actual: streamed.map((s) => `${s.format.toUpperCase()} ${s.peakRssMB.toFixed(0)} MB`).join(', '),
      met: worstStream.peakRssMB < GOALS.streamedRssMB,
    },
    ...coldStartGoals(coldStarts),
    {
      goal: `streamed CSV, 1 thread ÷ DuckDB, 1 thread`,
      target: `≤ ${GOALS.overDuckDb}×`,
      actual: `${overDuckDb.csv.toFixed(2)}× (${(csvStream.wallMs / 1000).toFixed(1)} s ÷ ${(duckDb!.csvMs[1]! / 1000).toFixed(1)} s)`,
      met: overDuckDb.csv <= GOALS.overDuckDb,
    },
    {
      goal: `streamed NDJSON, 1 thread ÷ DuckDB read_json, 1 thread`,
      target: `≤ ${GOALS.overDuckDb}×`,
      actual: `${overDuckDb.ndjson.toFixed(2)}× (${(ndjsonStream.wallMs / 1000).toFixed(1)} s ÷ ${(duckDb!.ndjsonMs[1]! / 1000).toFixed(1)} s)`,
      met: overDuckDb.ndjson <= GOALS.overDuckDb,
    },
    {
      goal: `streamed CSV, 2 workers ÷ DuckDB, 2 threads`,
      target: `≤ ${GOALS.overDuckDb}×`,
      actual: `${overDuckDb.csvTwoWorkers.toFixed(2)}× (${(csvStream.twoWorkers.wallMs / 1000).toFixed(1)} s ÷ ${(duckDb!.csvMs[2]! / 1000).toFixed(1)} s)`,
      met: overDuckDb.csvTwoWorkers <= GOALS.overDuckDb,
    },
    {
      goal: 'streamed run ÷ the same without hashing its bytes (inputSha256)',
      target: `≤ ${GOALS.hashing}×`,
      actual: `CSV ${fileHashing(csvStream).toFixed(2)}×, NDJSON ${fileHashing(ndjsonStream).toFixed(2)}× (sha256 of the file alone: ${(csvStream.hashAloneMs / 1000).toFixed(1)} s, ${(ndjsonStream.hashAloneMs / 1000).toFixed(1)} s)`,
      met: worstFileHashing <= GOALS.hashing,
    },
    {
      goal: 'in-memory session with hashInput ÷ without',
      target: `≤ ${GOALS.hashing}×`,
      actual: `${hashing.toFixed(2)}× (${parts!.cases.toLocaleString('en-GB')} cases)`,
      met: hashing <= GOALS.hashing,
    },
  ];

  const cpuList = cpus();
  const results: BenchResults = {
    date: new Date().toISOString(),
    machine: {
      cpus: cpuList.length,
      cpuModel: cpuList[0]?.model ?? 'unknown',
      totalMemoryGB: Math.round(totalmem() / 1024 ** 3),
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
    },
    loadAverage: { start: loadAtStart, end: loadavg()[0]! },
    seed: SEED,
    packs: {
      methodology: `${methodology.id} ${methodology.version}`,
      thematics: [`${thematic.id} ${thematic.version}`],
      questions,
      caseFacts: plan.caseFacts.size,
    },
    records: 'JSON.parse of generated NDJSON lines (as a reader of NDJSON or a JSON body gives them); the same cases for every scorer',
    sizes: sizeResults,
    engineParts: parts!,
    afterFullCollection: afterFullCollection!,
    streamed,
    duckDb: { ...duckDb!, overDuckDb },
    loadCompile: { loadAndValidateMs: load.median, compileMs: compile.median, totalMs: both.median, runs: both.runs.length },
    service,
    coldStart: {
      build: build.state === 'fresh' ? 'fresh' : build.state === 'built' ? 'built by npm run build before measuring' : (build.note ?? 'stale'),
      bare: { command: coldStarts.bare.command, medianMs: coldStarts.bare.median, runs: coldStarts.bare.runs },
      validate: { command: coldStarts.validate.command, medianMs: coldStarts.validate.median, runs: coldStarts.validate.runs },
      score: { command: coldStarts.score.command, medianMs: coldStarts.score.median, runs: coldStarts.score.runs },
      validateUncached: { command: coldStarts.validateUncached.command, medianMs: coldStarts.validateUncached.median, runs: coldStarts.validateUncached.runs },
      scoreUncached: { command: coldStarts.scoreUncached.command, medianMs: coldStarts.scoreUncached.median, runs: coldStarts.scoreUncached.runs },
    },
    goals,
    checks,
    elapsedSeconds: (performance.now() - began) / 1000,
  };
  mkdirSync(dirname(RESULTS_PATH), { recursive: true });
  writeFileSync(RESULTS_PATH, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`${formatResults(results)}\nAll figures: ${RESULTS_PATH}\n`);
  // The workbench's keystroke latency: its own section and file (it also runs alone, npm run bench:workbench).
  const { measureWorkbench, writeWorkbench } = await import('./measure-workbench.js');
  process.stdout.write(`\n${writeWorkbench(await measureWorkbench({ log }))}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Disagreement ? 'bench: ' : ''}${error instanceof Error ? (error instanceof Disagreement ? error.message : error.stack) : String(error)}\n`,
  );
  process.exit(1);
});

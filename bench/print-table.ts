/**
 * The benchmark's figures: their shape (also written to bench-results/latest.json), the goals
 * they are judged against, and the table printed at the end of a run.
 */
import type { DuckDbReference } from './measure-duckdb-reference.js';
import { formatService, type ServiceResult } from './measure-service.js';

export interface Throughput {
  /** Median wall time of one pass over all the cases, in milliseconds. */
  medianMs: number;
  /** Every timed run, in milliseconds. */
  runs: number[];
  casesPerSecond: number;
  /** cases × questions per second. */
  questionEvaluationsPerSecond: number;
}

export interface SizeResult {
  cases: number;
  ours: Throughput;
  handWritten: Throughput;
  /** json-rules-engine: measured at this size, or extrapolated from its throughput at the largest size it ran. */
  jsonRulesEngine: (Throughput & { measured: true }) | { measured: false; casesPerSecond: number; extrapolatedFrom: number };
  oursOverJsonRulesEngine: number;
  oursOverHandWritten: number;
  /** Our engine scoring the cases in a process of its own. */
  memory: { wallMs: number; rssAtStartMB: number; rssWithCasesMB: number | null; peakRssMB: number };
}

export interface StreamResult {
  format: 'ndjson' | 'csv';
  cases: number;
  fileMB: number;
  wallMs: number;
  casesPerSecond: number;
  rssAtStartMB: number;
  peakRssMB: number;
  /** The engine's reader alone (bytes hashed, rows parsed into records, nothing checked or scored) over the file's first cases. */
  readingAlone: { cases: number; ms: number; casesPerSecond: number };
  /** The same file on two worker threads (scoreInspectionFile with workers: 2). */
  twoWorkers: { wallMs: number; peakRssMB: number };
  /** sha256 of the file's bytes alone, read as the reader reads them: the share of the wall time that gives the result's inputSha256. */
  hashAloneMs: number;
}

export interface Goal {
  goal: string;
  target: string;
  actual: string;
  met: boolean;
}

export interface ColdStartFigure {
  command: string;
  medianMs: number;
  runs: number[];
}

export interface BenchResults {
  date: string;
  machine: { cpus: number; cpuModel: string; totalMemoryGB: number; node: string; platform: string };
  /** The 1-minute load average when the run began and when it ended: above the CPU count, other work shared the machine. */
  loadAverage: { start: number; end: number };
  seed: number;
  packs: { methodology: string; thematics: string[]; questions: number; caseFacts: number };
  /** How the in-memory records were made. */
  records: string;
  sizes: SizeResult[];
  /** Where our engine's per-case time goes, at one size. */
  engineParts: {
    cases: number;
    session: Throughput;
    hashedSession: Throughput;
    /** Milliseconds to score an inspection of one case (start, add, finish): the cost that does not grow with the cases. */
    fixedMs: { ours: number; handWritten: number };
  };
  /** Runs timed each right after a full garbage collection, at one size. */
  afterFullCollection: { cases: number; ours: Throughput; handWritten: Throughput };
  streamed: StreamResult[];
  /** DuckDB's reference query on the streamed files, and our streamed wall times over it. */
  duckDb: DuckDbReference & { overDuckDb: { csv: number; ndjson: number; csvTwoWorkers: number } };
  loadCompile: { loadAndValidateMs: number; compileMs: number; totalMs: number; runs: number };
  /** The scoring service under concurrent requests, with its references. */
  service: ServiceResult | { failed: string };
  /** Wall times from spawn to exit, in rounds of one run each: a bare `node -e 0`, then the two commands. */
  coldStart: {
    build: string;
    bare: ColdStartFigure;
    validate: ColdStartFigure;
    score: ColdStartFigure;
    validateUncached: ColdStartFigure;
    scoreUncached: ColdStartFigure;
  };
  goals: Goal[];
  checks: string[];
  elapsedSeconds: number;
}

const integer = (n: number) => Math.round(n).toLocaleString('en-GB');
const ratio = (n: number) => (n >= 100 ? integer(n) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
const millions = (n: number) => `${(n / 1e6).toFixed(2)} M`;
const ms = (n: number) => (n >= 10_000 ? `${(n / 1000).toFixed(1)} s` : `${n.toFixed(n >= 100 ? 0 : 1)} ms`);
const mb = (n: number) => `${integer(n)} MB`;

/** Columns padded to their widest cell; numbers right-aligned. */
function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function formatResults(r: BenchResults): string {
  const out: string[] = [];
  out.push(
    `criteria benchmark — ${r.packs.methodology} + ${r.packs.thematics.join(', ')}: ${r.packs.questions} questions over ${r.packs.caseFacts} case facts; seed ${r.seed}`,
  );
  out.push(`${r.date} · ${r.machine.cpus} × ${r.machine.cpuModel} · ${r.machine.totalMemoryGB} GB · Node ${r.machine.node} (${r.machine.platform})`);
  const busy = Math.max(r.loadAverage.start, r.loadAverage.end) > r.machine.cpus * 0.75;
  out.push(
    `Load average (1 min) at start ${r.loadAverage.start.toFixed(2)}, at end ${r.loadAverage.end.toFixed(2)}${busy ? ' — other work was running on this machine: timings are noisier and slower than on an idle one' : ''}`,
  );
  out.push(`Records in memory: ${r.records}`);
  out.push('');
  out.push('Per-case evaluation, cases in memory (cases/s: median of the timed runs; peak RSS: our engine alone in a child process)');
  out.push(
    table(
      [
        'cases',
        'ours cases/s',
        'json-rules-engine cases/s',
        'hand-written cases/s',
        'ours ÷ JRE',
        'ours ÷ hand',
        'ours question evals/s',
        'hand question evals/s',
        'peak RSS (with cases)',
      ],
      r.sizes.map((s) => [
        integer(s.cases),
        integer(s.ours.casesPerSecond),
        `${integer(s.jsonRulesEngine.casesPerSecond)}${s.jsonRulesEngine.measured ? '' : ' (extrapolated)'}`,
        integer(s.handWritten.casesPerSecond),
        `${ratio(s.oursOverJsonRulesEngine)}×`,
        `${(100 * s.oursOverHandWritten).toFixed(0)}%`,
        millions(s.ours.questionEvaluationsPerSecond),
        millions(s.handWritten.questionEvaluationsPerSecond),
        `${mb(s.memory.peakRssMB)}${s.memory.rssWithCasesMB !== null ? ` (${mb(s.memory.rssWithCasesMB)})` : ''}`,
      ]),
    ),
  );
  const extrapolated = r.sizes.find((s) => !s.jsonRulesEngine.measured);
  if (extrapolated && !extrapolated.jsonRulesEngine.measured) {
    out.push(
      `json-rules-engine runs only up to ${integer(extrapolated.jsonRulesEngine.extrapolatedFrom)} cases (about ${integer(extrapolated.jsonRulesEngine.casesPerSecond)} cases/s); larger sizes are extrapolated from its throughput there.`,
    );
  }
  out.push(
    'Peak RSS is the whole child process (Node + tsx + the generated cases held in memory); the RSS once the cases exist, before scoring, is in brackets.',
  );
  out.push('');
  const p = r.engineParts;
  out.push(
    `Our engine with the input hash on (${integer(p.cases)} cases, median of ${p.session.runs.length} interleaved runs), its fixed cost, and after a full garbage collection`,
  );
  out.push(
    table(
      ['part', 'time', 'cases/s', 'time vs the session'],
      [
        ['ScoringSession (start, add each, finish)', ms(p.session.medianMs), integer(p.session.casesPerSecond), '100%'],
        [
          'ScoringSession with hashInput (content hash of every case)',
          ms(p.hashedSession.medianMs),
          integer(p.hashedSession.casesPerSecond),
          `${((100 * p.hashedSession.medianMs) / p.session.medianMs).toFixed(0)}%`,
        ],
      ],
    ),
  );
  out.push(`Fixed cost of an inspection (start + finish around one case): ours ${ms(p.fixedMs.ours)}, hand-written ${ms(p.fixedMs.handWritten)}.`);
  const g = r.afterFullCollection;
  const steady = r.sizes.find((s) => s.cases === g.cases);
  out.push(
    `Right after a full garbage collection (${integer(g.cases)} cases, median of ${g.ours.runs.length}): ours ${ms(g.ours.medianMs)} (${integer(g.ours.casesPerSecond)} cases/s${steady ? `, ${ms(steady.ours.medianMs)} in the table` : ''}), ` +
      `hand-written ${ms(g.handWritten.medianMs)}${steady ? ` (${ms(steady.handWritten.medianMs)} in the table)` : ''}.`,
  );
  out.push('');
  out.push('Streamed from a file (scoreInspectionFile: open the inspection, load and compile the packs, read, check and score every case; one run each)');
  out.push(
    table(
      ['file', 'cases', 'size', 'wall time', 'cases/s', 'RSS at start', 'peak RSS', 'reading alone, cases/s', '2 workers: wall', '2 workers: peak RSS'],
      r.streamed.map((s) => [
        s.format.toUpperCase(),
        integer(s.cases),
        mb(s.fileMB),
        ms(s.wallMs),
        integer(s.casesPerSecond),
        mb(s.rssAtStartMB),
        mb(s.peakRssMB),
        integer(s.readingAlone.casesPerSecond),
        ms(s.twoWorkers.wallMs),
        mb(s.twoWorkers.peakRssMB),
      ]),
    ),
  );
  const d = r.duckDb;
  out.push(
    `DuckDB (${d.version}), the same files: every column's non-empty count, every question's met count, distinct ids (CSV: read_csv, every column as text; NDJSON: read_json), best run`,
  );
  out.push(
    table(
      ['file', 'DuckDB 1 thread', 'DuckDB 2 threads', 'ours 1 thread ÷ DuckDB 1', 'ours 2 workers ÷ DuckDB 2'],
      r.streamed.map((s) => {
        const times = s.format === 'csv' ? d.csvMs : d.ndjsonMs;
        return [
          s.format.toUpperCase(),
          ms(times[1]!),
          ms(times[2]!),
          `${(s.wallMs / times[1]!).toFixed(2)}×`,
          `${(s.twoWorkers.wallMs / times[2]!).toFixed(2)}×`,
        ];
      }),
    ),
  );
  if (r.streamed.length > 0)
    out.push(
      `Reading alone: the engine's reader over the first ${integer(r.streamed[0]!.readingAlone.cases)} cases of the file (bytes hashed, rows parsed and typed), nothing checked or scored.`,
    );
  out.push('');
  out.push(`Packs and start-up (median)`);
  out.push(
    table(
      ['what', 'time'],
      [
        [`load + validate both packs (loadPack ×2), median of ${r.loadCompile.runs}`, ms(r.loadCompile.loadAndValidateMs)],
        ['compile (compilePlan)', ms(r.loadCompile.compileMs)],
        ['load + validate + compile', ms(r.loadCompile.totalMs)],
        ...[r.coldStart.bare, r.coldStart.validate, r.coldStart.score, r.coldStart.validateUncached, r.coldStart.scoreUncached].map((c) => [
          `cold start: ${c.command} (${c.runs.length} runs; fastest ${ms(Math.min(...c.runs))})${c === r.coldStart.bare ? '' : `, ${(c.medianMs / r.coldStart.bare.medianMs).toFixed(2)}× node -e 0`}`,
          ms(c.medianMs),
        ]),
      ],
    ),
  );
  if (r.coldStart.build !== 'fresh') out.push(`dist/: ${r.coldStart.build}`);
  out.push('');
  out.push(...('failed' in r.service ? [`The scoring service: not measured (${r.service.failed})`] : formatService(r.service)));
  out.push('');
  out.push('Goals');
  out.push(
    table(
      ['goal', 'target', 'actual', ''],
      r.goals.map((g) => [g.goal, g.target, g.actual, g.met ? 'MET' : 'MISSED']),
    ),
  );
  out.push('');
  out.push('Checked before any figure was printed:');
  for (const c of r.checks) out.push(`  - ${c}`);
  out.push('');
  out.push(`Whole run: ${integer(r.elapsedSeconds)} s.`);
  return out.join('\n');
}

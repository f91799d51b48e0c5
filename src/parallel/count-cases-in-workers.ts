/**
 * Counts a stream of cases on several worker threads. The main thread reads the input, checks
 * case ids across all of it (a duplicate is marked, as the single-threaded tally would find it),
 * and deals batches out to the workers; their counts are summed into the main tally and their
 * problems kept in input order, so the result is byte-identical to counting on one thread.
 */
import type { Diagnostic } from '../model/errors.js';
import type { ExcludedCase } from '../model/result.js';
import { caseLocation } from '../evaluate/case-location.js';
import { CompactIdSet } from '../evaluate/compact-id-set.js';
import { caseIdOf } from './case-id.js';
import type { CaseTally } from '../evaluate/tally-cases.js';
import type { CaseInput } from '../load/read-cases.js';
import type { BatchItem, FromWorker, WorkerSetup } from './worker-protocol.js';
import { startWorker } from './start-worker.js';

const BATCH_SIZE = 2000;
const IN_FLIGHT_PER_WORKER = 2;

export async function countCasesInWorkers(cases: AsyncIterable<CaseInput>, tally: CaseTally, setup: WorkerSetup, count: number, onProgress?: (read: number) => void): Promise<void> {
  const workers = Array.from({ length: count }, () => startWorker(setup));
  const batchProblems: Array<{ diagnostics: Diagnostic[]; excluded: ExcludedCase[] }> = [];
  const inFlight = new Array<number>(count).fill(0);
  let wake: (() => void) | null = null;
  let failure: Error | null = null;
  const finished: Array<Promise<void>> = workers.map(
    (worker, w) =>
      new Promise<void>((resolve, reject) => {
        worker.on('message', (message: FromWorker) => {
          if (message.type === 'batchDone') {
            batchProblems[message.index] = { diagnostics: message.diagnostics, excluded: message.excluded };
            inFlight[w]!--;
            wake?.();
          } else if (message.type === 'done') {
            tally.merge({ ...message.counts, diagnostics: [], excluded: [] });
            resolve();
          } else if (message.type === 'failed') {
            failure = new Error(`a scoring worker failed: ${message.message}`);
            wake?.();
            reject(failure);
          }
        });
        worker.on('error', (error) => {
          failure = error;
          wake?.();
          reject(error);
        });
      }),
  );
  finished.forEach((p) => p.catch(() => undefined));
  const ids = new CompactIdSet();
  let batch: BatchItem[] = [];
  let index = 0;
  let read = 0;
  const dispatch = async () => {
    if (batch.length === 0) return;
    // Wait for room: at most a few batches per worker at a time, so memory stays bounded.
    let w = inFlight.indexOf(Math.min(...inFlight));
    while (inFlight[w]! >= IN_FLIGHT_PER_WORKER && !failure) {
      await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
      w = inFlight.indexOf(Math.min(...inFlight));
    }
    if (failure) throw failure;
    inFlight[w]!++;
    workers[w]!.postMessage({ type: 'batch', index: index++, items: batch });
    batch = [];
  };
  try {
    for await (const input of cases) {
      if ('record' in input) {
        const id = caseIdOf(input.record);
        let duplicate = false;
        if (id !== undefined) {
          duplicate = !ids.add(id);
        }
        const location = caseLocation(input.record);
        batch.push({ record: input.record, duplicate, ...(location ? { location } : {}) });
      } else {
        batch.push({ problem: input.problem, notACase: input.notACase === true });
      }
      if (onProgress && ++read % 5000 === 0) onProgress(read);
      if (batch.length >= BATCH_SIZE) await dispatch();
    }
    await dispatch();
    for (const worker of workers) worker.postMessage({ type: 'end' });
    await Promise.all(finished);
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  // Problems in input order, as one thread would have listed them.
  const room = () => Math.max(0, tally.maxDiagnostics - tally.diagnostics.length);
  for (const problems of batchProblems) {
    if (!problems) continue;
    tally.diagnostics.push(...problems.diagnostics.slice(0, room()));
    tally.excluded.push(...problems.excluded);
  }
}

/**
 * Counts a CSV or NDJSON case file on several worker threads that each read, check and count
 * their own byte ranges, so that parsing — the slow part of a large file — runs in parallel too.
 *
 * This is a fast path for clean input. The workers send back every case id in order; the main
 * thread checks them for duplicates across the whole file. When any case had a problem, or an id
 * repeats, the counts are dropped and the caller counts the file on one thread instead, so the
 * errors (or exclusions) are exactly those one thread reports. Clean input gives counts that sum
 * to one thread's, hence a byte-identical result.
 */
import type { CaseTally } from '../evaluate/tally-cases.js';
import { CompactIdSet } from '../evaluate/compact-id-set.js';
import type { ByteRange } from '../load/read-cases.js';
import type { FromWorker, TallyCountsMessage, WorkerSetup } from './worker-protocol.js';
import { startWorker } from './start-worker.js';

/** True when the counts were merged into `tally`; false when the file must be counted on one thread. */
export async function countRangesInWorkers(
  file: string,
  format: 'csv' | 'ndjson',
  ranges: ByteRange[],
  tally: CaseTally,
  setup: WorkerSetup,
  count: number,
  onProgress?: (read: number) => void,
): Promise<boolean> {
  // A worker's live data is small (the plan, its counters, one range's ids): a modest heap makes
  // V8 collect the parsed lines' garbage early instead of growing every thread's heap.
  const workers = Array.from({ length: Math.min(count, ranges.length) }, () => startWorker(setup, { maxOldGenerationSizeMb: 96 }));
  const idsByRange: Array<string[] | undefined> = [];
  const ids = new CompactIdSet();
  let checkedRanges = 0;
  let duplicate = false;
  let problems = 0;
  let read = 0;
  const counts: TallyCountsMessage[] = [];
  /** Checks ids for repeats in file order as soon as the ranges before them are in, then lets them go. */
  const checkIds = () => {
    while (idsByRange[checkedRanges] !== undefined) {
      for (const id of idsByRange[checkedRanges]!) if (!ids.add(id)) duplicate = true;
      idsByRange[checkedRanges++] = undefined;
    }
  };
  try {
    await Promise.all(
      workers.map(
        (worker, w) =>
          new Promise<void>((resolve, reject) => {
            // Deal the ranges out in turn: worker w reads ranges w, w + n, w + 2n, …
            const mine = ranges.map((range, index) => ({ range, index })).filter(({ index }) => index % workers.length === w);
            let pending = mine.length;
            worker.on('message', (message: FromWorker) => {
              if (message.type === 'rangeDone') {
                idsByRange[message.index] = message.ids;
                checkIds();
                problems += message.problems;
                read += message.ids.length;
                onProgress?.(read);
                if (--pending === 0) worker.postMessage({ type: 'end' });
              } else if (message.type === 'done') {
                counts.push(message.counts);
                resolve();
              } else if (message.type === 'failed') reject(new Error(`a scoring worker failed: ${message.message}`));
            });
            worker.on('error', reject);
            for (const { range, index } of mine) worker.postMessage({ type: 'range', index, file, format, range });
            if (pending === 0) worker.postMessage({ type: 'end' });
          }),
      ),
    );
  } catch {
    // A worker that fails (out of memory, say) leaves the file to be read on one thread.
    return false;
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  if (problems > 0 || duplicate) return false;
  for (const c of counts) tally.merge({ ...c, diagnostics: [], excluded: [] });
  return true;
}

/**
 * Timing with performance.now(): warm-up runs (not counted), then timed runs with a full garbage
 * collection before each, and the median.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
/** A full collection between runs, so one run does not pay for the garbage of the one before. */
export const collectGarbage: () => void = runInNewContext('gc') as () => void;

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export interface Timing {
  /** Milliseconds of each timed run. */
  runs: number[];
  /** Their median. */
  median: number;
}

export async function time(options: { warmups: number; runs: number }, run: () => unknown): Promise<Timing> {
  for (let i = 0; i < options.warmups; i++) await run();
  const runs: number[] = [];
  for (let i = 0; i < options.runs; i++) {
    collectGarbage();
    const started = performance.now();
    await run();
    runs.push(performance.now() - started);
  }
  return { runs, median: median(runs) };
}

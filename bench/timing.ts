/**
 * Timing with performance.now(): a full garbage collection, warm-up runs (not counted), then the
 * timed runs back to back, and their median. The collection comes once, before the warm-ups, not
 * before every run: optimised code that embeds objects of the previous run is thrown away by a full
 * collection ("weak objects"), so forcing one before each run would time re-warming, not the
 * steady state. That cost is measured on its own (timeAfterFullCollection).
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
  collectGarbage();
  for (let i = 0; i < options.warmups; i++) await run();
  const runs: number[] = [];
  for (let i = 0; i < options.runs; i++) {
    const started = performance.now();
    await run();
    runs.push(performance.now() - started);
  }
  return { runs, median: median(runs) };
}

/** Each run right after a full garbage collection (after the warm-ups): what a run costs when the collector has just run. */
export async function timeAfterFullCollection(options: { warmups: number; runs: number }, run: () => unknown): Promise<Timing> {
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

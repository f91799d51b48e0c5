/**
 * The messages between the main thread and the scoring workers: the main thread deals out byte
 * ranges of the case file; a worker answers with each range's case ids and, at the end, its counts.
 */
import type { FactRecord } from '../compile/compiled-plan.js';
import type { TallyCounts } from '../evaluate/tally-cases.js';
import type { ByteRange } from '../load/read-cases.js';

/** What a worker needs to build the same plan and tally as the main thread. */
export interface WorkerSetup {
  methodology: string;
  thematics: string[];
  area: FactRecord;
}

/** A part of a case file for the worker to read, check and count itself. */
export interface RangeMessage {
  type: 'range';
  index: number;
  file: string;
  format: 'csv' | 'ndjson';
  range: ByteRange;
}

export interface EndMessage {
  type: 'end';
}

export type ToWorker = RangeMessage | EndMessage;

/** What a worker sends back for each range it read: the ids of its cases in order (for the duplicate check across ranges), and whether any of them had a problem. */
export interface RangeDone {
  type: 'rangeDone';
  index: number;
  ids: string[];
  problems: number;
}

/** What a worker sends back at the end: its counts (diagnostics and exclusions came with the batches). */
export interface WorkerDone {
  type: 'done';
  counts: Omit<TallyCounts, 'diagnostics' | 'excluded'>;
}

export interface WorkerFailed {
  type: 'failed';
  message: string;
}

/** The counts a worker ends with. */
export type TallyCountsMessage = WorkerDone['counts'];

export type FromWorker = RangeDone | WorkerDone | WorkerFailed;

/**
 * The messages between the main thread and the scoring workers. Records travel as plain data;
 * their locations travel beside them, since a symbol does not survive the copy between threads.
 */
import type { Diagnostic } from '../model/errors.js';
import type { ExcludedCase } from '../model/result.js';
import type { FactRecord } from '../compile/compiled-plan.js';
import type { CaseLocation } from '../evaluate/case-location.js';
import type { TallyCounts } from '../evaluate/tally-cases.js';
import type { ByteRange } from '../load/read-cases.js';

/** What a worker needs to build the same plan and tally as the main thread. */
export interface WorkerSetup {
  methodology: string;
  thematics: string[];
  area: FactRecord;
  excludeInvalid: boolean;
  maxDiagnostics: number;
}

/** One item of a batch: a record (with where it was read, and whether its id was used before), or a row that could not be read. */
export type BatchItem = { record: unknown; location?: CaseLocation; duplicate: boolean } | { problem: Diagnostic; notACase: boolean };

export interface BatchMessage {
  type: 'batch';
  index: number;
  items: BatchItem[];
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

export type ToWorker = BatchMessage | RangeMessage | EndMessage;

/** What a worker sends back for each batch: what went wrong in it, in order. */
export interface BatchDone {
  type: 'batchDone';
  index: number;
  diagnostics: Diagnostic[];
  excluded: ExcludedCase[];
}

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

export type FromWorker = BatchDone | RangeDone | WorkerDone | WorkerFailed;

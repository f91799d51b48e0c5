/**
 * The interpreter's side of an NDJSON file read by DuckDB. DuckDB numbers the records it reads
 * (the non-blank lines) but not the file's lines; this reads the file as bytes to count its
 * records as the interpreter's reader counts them (so the two can be checked to agree) and to
 * fetch the lines at given record positions, which the interpreter's reader then reads with
 * their line numbers, exactly as it reads them in a whole file.
 */
import type { Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';

import { MAX_LINE_LENGTH, readNdjsonLines, type CaseInput } from '../load/read-cases.js';
import { SourceNotVouched } from './sql-engine.js';

export interface NdjsonScan {
  /** The non-blank lines. */
  records: number;
  /** The longest line, in bytes (a line longer than the reader's limit in characters may be longer in bytes). */
  longest: number;
  /** The lines asked for, by record position (from 0): their line number (from 1) and bytes. */
  lines: Map<number, { number: number; bytes: Buffer }>;
}

/** A byte String.prototype.trim removes (its ASCII ones): a line of only these is blank to the reader. */
const isBlankByte = (b: number): boolean => b === 0x20 || b === 0x09 || b === 0x0d || b === 0x0b || b === 0x0c;

/** Reads the file once, feeding `hash` when given, keeping the lines at the `wanted` record positions; `signal` stops the read. */
export async function scanNdjson(file: string, options: { hash?: Hash; wanted?: ReadonlySet<number>; signal?: AbortSignal } = {}): Promise<NdjsonScan> {
  const { hash, wanted, signal } = options;
  const lines = new Map<number, { number: number; bytes: Buffer }>();
  let number = 0;
  let records = 0;
  let longest = 0;
  let length = 0;
  let blank = true;
  let pieces: Buffer[] = [];
  const endLine = () => {
    number++;
    if (!blank) {
      if (pieces.length > 0) lines.set(records, { number, bytes: Buffer.concat(pieces) });
      records++;
    }
    if (length > longest) longest = length;
    length = 0;
    blank = true;
    pieces = [];
  };
  for await (const data of createReadStream(file, { highWaterMark: 1 << 20, ...(signal ? { signal } : {}) })) {
    const chunk = data as Buffer;
    hash?.update(chunk);
    let start = 0;
    for (;;) {
      const end = chunk.indexOf(0x0a, start);
      const stop = end < 0 ? chunk.length : end;
      for (let i = start; blank && i < stop; i++) if (!isBlankByte(chunk[i]!)) blank = false;
      length += stop - start;
      if (wanted?.has(records) === true && stop > start) pieces.push(chunk.subarray(start, stop));
      if (end < 0) break;
      endLine();
      start = end + 1;
    }
  }
  if (length > 0) endLine();
  return { records, longest, lines };
}

/** Whether the reader takes every line of a file of this shape whole (no line beyond its limit). */
export function withinLineLimit(scan: NdjsonScan): boolean {
  return scan.longest <= MAX_LINE_LENGTH;
}

/** The case inputs at these record positions, each read from its line by the interpreter's NDJSON reader. */
export async function readNdjsonAt(file: string, positions: readonly number[]): Promise<Array<{ position: number; input: CaseInput }>> {
  const { lines } = await scanNdjson(file, { wanted: new Set(positions) });
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const out: Array<{ position: number; input: CaseInput }> = [];
  for (const position of positions) {
    const line = lines.get(position);
    if (line === undefined) throw new SourceNotVouched(`the file has no record at position ${position}`);
    for await (const input of readNdjsonLines(file, [decoder.decode(line.bytes)], line.number - 1)) out.push({ position, input });
  }
  return out;
}

/**
 * Splits a CSV or NDJSON case file into byte ranges that each begin at a record, so that worker
 * threads can read and parse their own parts. One pass over the bytes, which also feeds the
 * input's hash: it finds record boundaries (a line break outside a quoted CSV cell), counts lines
 * for the ranges' first line numbers, and takes the CSV header row aside.
 *
 * Returns null where splitting would change what a reader sees (a header row holding a line
 * break, or no line break at all): the caller then reads the file on one thread.
 */
import { createReadStream, statSync } from 'node:fs';
import type { Hash } from 'node:crypto';
import { MAX_LINE_LENGTH, type ByteRange } from '../load/read-cases.js';

const LF = 0x0a;
const QUOTE = 0x22;

export async function splitCaseFile(file: string, format: 'csv' | 'ndjson', parts: number, hash: Hash): Promise<ByteRange[] | null> {
  // A file that cannot be read whole is left to the one-thread reader, which says why.
  try {
    const stat = statSync(file);
    return stat.isFile() ? await findRanges(file, stat.size, format, parts, hash) : null;
  } catch {
    return null;
  }
}

async function findRanges(file: string, size: number, format: 'csv' | 'ndjson', parts: number, hash: Hash): Promise<ByteRange[] | null> {
  const csv = format === 'csv';
  const ranges: ByteRange[] = [];
  let offset = 0;
  let lines = 1;
  let quoted = false;
  /** Where the current range begins (after the header, for CSV), and its first line. */
  let start = -1;
  let startLine = 1;
  let header: string | undefined;
  let headerBytes: Buffer[] = [];
  const target = Math.max(1, Math.ceil(size / parts));
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    if (csv && header === undefined) {
      headerBytes.push(chunk);
      // A header row longer than any line the reader accepts: the one-thread reader says so.
      if (offset + chunk.length > MAX_LINE_LENGTH * 4) return null;
    }
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i]!;
      if (csv && byte === QUOTE) quoted = !quoted;
      if (byte !== LF) continue;
      lines++;
      if (quoted) {
        // A line break in the header row would make the header a different text in every worker.
        if (csv && header === undefined) return null;
        continue;
      }
      const boundary = offset + i + 1;
      if (start < 0) {
        if (csv) {
          header = Buffer.concat(headerBytes)
            .subarray(0, boundary)
            .toString('utf8')
            .replace(/^\uFEFF/, '')
            .replace(/\r?\n$/, '');
          headerBytes = [];
          start = boundary;
        } else start = 0;
        startLine = csv ? lines : 1;
        if (!csv) {
          // NDJSON has no header: the first range starts at the file's start; this boundary may close it.
          if (boundary - start >= target) {
            ranges.push({ start, end: boundary, firstLine: startLine });
            start = boundary;
            startLine = lines;
          }
        }
        continue;
      }
      if (boundary - start >= target) {
        ranges.push({ start, end: boundary, firstLine: startLine, ...(header !== undefined ? { header } : {}) });
        start = boundary;
        startLine = lines;
      }
    }
    offset += chunk.length;
  }
  if (start < 0) return null;
  if (start < size) ranges.push({ start, end: size, firstLine: startLine, ...(header !== undefined ? { header } : {}) });
  return ranges;
}

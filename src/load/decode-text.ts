/** Decodes a file's bytes as strict UTF-8, locating the first invalid byte. */
import type { Position } from '../source/make-diagnostic.js';

/** The decoded text (a leading byte order mark removed), or the position of the first invalid byte. */
export type DecodeResult = { text: string } | { invalidAt: Position; binary?: true };

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Decodes `bytes` as UTF-8; a leading BOM is dropped; invalid bytes give their line and column. */
export function decodeText(bytes: Uint8Array): DecodeResult {
  let text: string;
  try {
    // With ignoreBOM false the decoder strips a leading BOM itself.
    text = decoder.decode(bytes);
  } catch {
    return { invalidAt: locateInvalidByte(bytes) };
  }
  // A NUL byte: not a text file (an executable, /proc/self/environ); none of it is shown.
  const nul = text.indexOf('\0');
  if (nul >= 0) return { invalidAt: positionOf(text, nul), binary: true };
  return { text };
}

/** The line and column (from 1, in characters) of index `at` of a text. */
function positionOf(text: string, at: number): Position {
  const before = text.slice(0, at);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: [...before.slice(lineStart)].length + 1 };
}

/** The line and column (in characters) of the first byte that is not part of a valid UTF-8 sequence. */
function locateInvalidByte(bytes: Uint8Array): Position {
  const bad = firstInvalidByte(bytes);
  let lineStart = 0;
  let line = 1;
  for (let i = 0; i < bad; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const prefix = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, bad));
  return { line, column: [...prefix].length + 1 };
}

/** The index of the first byte that starts an invalid or truncated sequence (bytes.length if none). */
export function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    // Second-byte ranges that exclude overlong forms, surrogates and code points above U+10FFFF.
    let lo = 0x80;
    let hi = 0xbf;
    if (b === 0xe0) lo = 0xa0;
    else if (b === 0xed) hi = 0x9f;
    else if (b === 0xf0) lo = 0x90;
    else if (b === 0xf4) hi = 0x8f;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      if (k === 1 ? c < lo || c > hi : c < 0x80 || c > 0xbf) return i;
    }
    i += need + 1;
  }
  return bytes.length;
}

/** Invalid UTF-8 met while decoding a stream, at a line and column of the text. */
export class InvalidUtf8Error extends Error {
  /** `binary`: the bytes are valid UTF-8 but hold a NUL, so the file is not text. */
  constructor(
    readonly position: Position,
    readonly binary = false,
  ) {
    super(`${binary ? 'a NUL byte' : 'invalid UTF-8'} at line ${position.line}, column ${position.column}`);
  }
}

/** A line longer than the reader accepts (a file with no line breaks, say), at its line number. */
export class LineTooLongError extends Error {
  constructor(
    readonly line: number,
    readonly limit: number,
  ) {
    super(`line ${line} is longer than ${limit} characters`);
  }
}

const chunkDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Decodes a stream of byte chunks as strict UTF-8, chunk by chunk (a character split between two
 * chunks is carried over), dropping a leading byte order mark. Throws InvalidUtf8Error at the
 * first invalid or truncated sequence, with its line and column.
 */
export async function* decodeUtf8Chunks(
  chunks: AsyncIterable<Uint8Array>,
  options: { firstLine?: number; byteOrderMark?: boolean; maxLineLength?: number } = {},
): AsyncGenerator<string> {
  let carry: Uint8Array = new Uint8Array(0);
  let line = options.firstLine ?? 1;
  let lineTail = '';
  const maxLine = options.maxLineLength ?? Infinity;
  // A part of a file read from its middle has no byte order mark to drop.
  let first = options.byteOrderMark !== false;
  const fail = (bytes: Uint8Array, valid: number): never => {
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, valid));
    const text = lineTail + before;
    const newlines = before.split('\n').length - 1;
    throw new InvalidUtf8Error({ line: line + newlines, column: [...text.slice(text.lastIndexOf('\n') + 1)].length + 1 });
  };
  for await (const chunk of chunks) {
    let bytes = carry.length > 0 ? concat(carry, chunk) : chunk;
    if (first && bytes.length < 3 && isPrefixOfBom(bytes)) {
      carry = bytes;
      continue;
    }
    if (first) {
      first = false;
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
    }
    const cut = completeLength(bytes);
    let text: string;
    try {
      text = chunkDecoder.decode(bytes.subarray(0, cut));
    } catch {
      return fail(bytes, firstInvalidByte(bytes.subarray(0, cut)));
    }
    carry = bytes.slice(cut);
    const nul = text.indexOf('\0');
    if (nul >= 0) {
      const before = lineTail + text.slice(0, nul);
      const newlines = text.slice(0, nul).split('\n').length - 1;
      throw new InvalidUtf8Error({ line: line + newlines, column: [...before.slice(before.lastIndexOf('\n') + 1)].length + 1 }, true);
    }
    const last = text.lastIndexOf('\n');
    if (last < 0) {
      // A line that never ends is not held whole: it stops at the limit.
      if (lineTail.length + text.length > maxLine) throw new LineTooLongError(line, maxLine);
      lineTail += text;
    } else {
      let start = -1;
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
        if ((start < 0 ? lineTail.length : 0) + i - start - 1 > maxLine) throw new LineTooLongError(line, maxLine);
        line++;
        start = i;
      }
      lineTail = text.slice(last + 1);
      if (lineTail.length > maxLine) throw new LineTooLongError(line, maxLine);
    }
    if (text.length > 0) yield text;
  }
  if (carry.length > 0) {
    if (first && isPrefixOfBom(carry)) return;
    fail(carry, 0);
  }
}

function isPrefixOfBom(bytes: Uint8Array): boolean {
  return [0xef, 0xbb, 0xbf].slice(0, bytes.length).every((b, i) => bytes[i] === b);
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/** The length of `bytes` without a trailing sequence that the next chunk may complete. */
function completeLength(bytes: Uint8Array): number {
  // A sequence is at most 4 bytes: look back over the last 3 for the lead byte of an unfinished one.
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const b = bytes[bytes.length - back]!;
    if (b >= 0x80 && b <= 0xbf) continue; // a continuation byte: keep looking for its lead
    const need = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 1;
    return need > back ? bytes.length - back : bytes.length;
  }
  return bytes.length;
}

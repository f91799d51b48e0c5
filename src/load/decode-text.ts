/** Decodes a file's bytes as strict UTF-8, locating the first invalid byte. */
import type { Position } from './make-diagnostic.js';

/** The decoded text (a leading byte order mark removed), or the position of the first invalid byte. */
export type DecodeResult = { text: string } | { invalidAt: Position };

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Decodes `bytes` as UTF-8; a leading BOM is dropped; invalid bytes give their line and column. */
export function decodeText(bytes: Uint8Array): DecodeResult {
  try {
    // With ignoreBOM false the decoder strips a leading BOM itself.
    return { text: decoder.decode(bytes) };
  } catch {
    return { invalidAt: locateInvalidByte(bytes) };
  }
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

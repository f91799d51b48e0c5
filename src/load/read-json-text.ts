/**
 * Reads a JSON text (a request body) as readDocument would, in a fraction of the time: one scan
 * with jsonc-parser's visitor checks what JSON.parse lets through (duplicate keys, keys that reach
 * a prototype, nesting depth, numbers too large, syntax), then JSON.parse gives the value.
 * Positions are found only when a diagnostic needs one, and any problem at all is handed to
 * readDocument, so every diagnostic is exactly the one a file with that text gets.
 */
import { visit } from 'jsonc-parser';
import { readDocument, MAX_FILE_BYTES, type ReadResult } from './read-document.js';
import { MAX_DEPTH } from './measure-depth.js';
import { lazilyLocated } from '../source/source-document.js';
import { FORBIDDEN_KEYS } from './to-plain-value.js';

/** Reads `text` as the JSON file `file` (its name must end in .json). */
export function readJsonText(file: string, text: string): ReadResult {
  if (text.length > MAX_FILE_BYTES || !looksClean(text)) return readDocument(file, text);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return readDocument(file, text);
  }
  return {
    doc: lazilyLocated(file, text.startsWith('\uFEFF') ? text.slice(1) : text, value, () => {
      const read = readDocument(file, text);
      return 'doc' in read ? read.doc : undefined;
    }),
  };
}

/** Whether one scan finds nothing that JSON.parse would let through and readDocument would refuse. */
function looksClean(text: string): boolean {
  let clean = true;
  let depth = 0;
  const keys: Array<Set<string>> = [];
  visit(
    text,
    {
      onObjectBegin: () => {
        keys.push(new Set());
        if (++depth > MAX_DEPTH) clean = false;
        return clean;
      },
      onObjectEnd: () => {
        keys.pop();
        depth--;
      },
      onArrayBegin: () => {
        if (++depth > MAX_DEPTH) clean = false;
        return clean;
      },
      onArrayEnd: () => {
        depth--;
      },
      onObjectProperty: (property) => {
        const seen = keys.at(-1);
        if (FORBIDDEN_KEYS.has(property) || !seen || seen.has(property)) clean = false;
        else seen.add(property);
      },
      onLiteralValue: (value) => {
        if (typeof value === 'number' && !Number.isFinite(value)) clean = false;
      },
      onError: () => {
        clean = false;
      },
      onComment: () => {
        clean = false;
      },
    },
    { disallowComments: true, allowTrailingComma: false },
  );
  return clean;
}

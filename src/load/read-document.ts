/**
 * Reads a YAML or JSON file into a SourceDocument: strict UTF-8, one document, no unknown tags,
 * no alias bombs, bounded nesting, no keys that reach a prototype. Every failure is a Diagnostic;
 * nothing here throws for bad input.
 */
import { readFileSync, statSync } from 'node:fs';
import { Composer, LineCounter, Parser } from 'yaml';
import type { CST, Document, YAMLError } from 'yaml';
import type { Diagnostic, ErrorCode } from '../model/errors.js';
import { decodeText } from './decode-text.js';
import { compareDiagnostics, makeError } from '../source/make-diagnostic.js';
import { findTooDeep, MAX_DEPTH } from './measure-depth.js';
import { overlaidText, parseThroughCache } from './text-overlay.js';
import { createSourceDocument, lazilyLocated } from '../source/source-document.js';
import type { SourceDocument } from '../source/source-document.js';
import { toPlainValue } from './to-plain-value.js';
import { isJsonExact, valueCache, valueKey, type ValueCache } from './value-cache.js';
import { ENGINE_VERSION } from '../engine-version.js';

/** The largest file the loader reads, in bytes. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/**
 * The most separators (line breaks, commas, colons, brackets) a YAML or JSON file may hold: a
 * bound on how many values it can have, counted before parsing. The yaml parser takes about 6 s
 * for 10 MB of ordinary pack text and over 30 s for 10 MB of a dense flow list (`[1, 1, 1, …]`);
 * 300,000 separators keep any file under about 2.5 s. A pack is some hundreds of kilobytes; large
 * case samples belong in CSV or NDJSON files, which are streamed.
 */
export const MAX_SEPARATORS = 300_000;

/**
 * The parser options: plain data and positions through the line counter. Keys are checked for
 * uniqueness by toPlainValue (with a set per mapping) rather than by yaml's `uniqueKeys`, which
 * compares every key with every earlier one: a mapping of 20,000 keys took 3.9 s that way, 0.4 s
 * this way. toPlainValue also catches keys that differ in YAML but not in JSON (`1` and `"1"`).
 */
const PARSE_OPTIONS = { uniqueKeys: false, resolveKnownTags: false, maxAliasCount: 100, prettyErrors: false } as const;

export type ReadResult = { doc: SourceDocument } | { errors: Diagnostic[] };

/** Reads `file` (or parses `text`, or the text overlaid on the file, as if it were that file's content). */
export function readDocument(file: string, text?: string): ReadResult {
  const given = text ?? overlaidText(file);
  const source = given === undefined ? readText(file) : checkGivenText(file, given);
  if ('errors' in source) return source;
  const kept = valueCache();
  if (kept !== undefined) return readThroughValueCache(kept, file, source.text);
  return parseThroughCache(
    file,
    source.text,
    () => parseText(file, source.text),
    (read) => 'doc' in read,
  );
}

/** A document from the value cache when it holds the text's value (positions parsed when first asked for), else parsed and offered to it. */
function readThroughValueCache(cache: ValueCache, file: string, text: string): ReadResult {
  const key = valueKey(text, isJsonFile(file), ENGINE_VERSION);
  const value = cache.get(key);
  if (value !== undefined)
    return {
      doc: lazilyLocated(file, text, value, () => {
        const read = parseText(file, text);
        return 'doc' in read ? read.doc : undefined;
      }),
    };
  const read = parseText(file, text);
  if ('doc' in read && isJsonExact(read.doc.value)) cache.set(key, read.doc.value);
  return read;
}

const isJsonFile = (file: string) => /\.(json|ndjson|jsonl)$/i.test(file);

function readText(file: string): { text: string } | { errors: Diagnostic[] } {
  const at = { file };
  let bytes: Buffer;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) return { errors: [makeError('FILE_UNREADABLE', `${file} is a folder, not a file`, 'name a .yaml, .yml or .json file', at)] };
    // A device or a pipe (/dev/zero, a FIFO) may never end: only regular files are read.
    if (!stat.isFile())
      return { errors: [makeError('FILE_UNREADABLE', `${file} is not a regular file (a device, a pipe or a socket)`, 'name a .yaml, .yml or .json file', at)] };
    if (stat.size > MAX_FILE_BYTES) return { errors: [tooLarge(file, stat.size)] };
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR')
      return { errors: [makeError('FILE_NOT_FOUND', `${file} does not exist`, 'check the path and its spelling', at)] };
    return {
      errors: [
        makeError('FILE_UNREADABLE', `${file} cannot be read (${code ?? (error as Error).message})`, 'check that it is a file and that you may read it', at),
      ],
    };
  }
  if (bytes.length > MAX_FILE_BYTES) return { errors: [tooLarge(file, bytes.length)] };
  const decoded = decodeText(bytes);
  if ('invalidAt' in decoded) {
    if (decoded.binary)
      return {
        errors: [
          makeError('NOT_UTF8', `${file} is not a text file (it holds a NUL byte)`, 'name a YAML or JSON text file; none of this file is shown', {
            file,
            ...decoded.invalidAt,
          }),
        ],
      };
    return {
      errors: [
        makeError('NOT_UTF8', `${file} is not valid UTF-8 text`, 'save the file as UTF-8 (without another encoding such as Latin-1 or UTF-16)', {
          file,
          ...decoded.invalidAt,
        }),
      ],
    };
  }
  return decoded;
}

function checkGivenText(file: string, text: string): { text: string } | { errors: Diagnostic[] } {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_FILE_BYTES) return { errors: [tooLarge(file, bytes)] };
  return { text: text.startsWith('\uFEFF') ? text.slice(1) : text };
}

function tooLarge(file: string, bytes: number): Diagnostic {
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  return makeError(
    'FILE_TOO_LARGE',
    `${file} is ${mb(bytes)} MB, more than the ${mb(MAX_FILE_BYTES)} MB the loader reads`,
    'split the file (a pack can include further files; cases can come from a CSV or NDJSON file)',
    { file },
  );
}

function parseText(file: string, text: string): ReadResult {
  const isJson = isJsonFile(file);
  const separators = countSeparators(text);
  if (separators > MAX_SEPARATORS) {
    return {
      errors: [
        makeError(
          'FILE_TOO_LARGE',
          `${file} holds ${separators.toLocaleString('en')} line breaks, commas, colons and brackets: more values than the loader reads in one file (${MAX_SEPARATORS.toLocaleString('en')})`,
          'split the file (a pack can include further files; cases can come from a CSV or NDJSON file)',
          { file },
        ),
      ],
    };
  }
  const lineCounter = new LineCounter();
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line: Math.max(line, 1), column: Math.max(col, 1) };
  };
  const tokens: CST.Token[] = Array.from(new Parser(lineCounter.addNewLine).parse(text));
  const deep = findTooDeep(tokens);
  if (deep !== undefined) {
    return {
      errors: [
        makeError(
          'YAML_TOO_DEEP',
          `mappings and lists are nested more than ${MAX_DEPTH} levels deep`,
          'flatten the structure; no rule pack or inspection needs this depth',
          at(deep),
        ),
      ],
    };
  }
  const docs: Document.Parsed[] = Array.from(new Composer({ ...PARSE_OPTIONS, lineCounter }).compose(tokens));
  const first = docs[0];
  if (!first || isEmpty(first)) {
    return {
      errors: [
        makeError('EMPTY_FILE', `${file} holds no data`, isJson ? 'write a JSON object' : 'write a YAML mapping (key: value lines)', {
          file,
          line: 1,
          column: 1,
        }),
      ],
    };
  }
  const errors: Diagnostic[] = [];
  for (const e of [...first.errors, ...first.warnings]) errors.push(fromYamlError(e, text, isJson, at));
  // After the first syntax error the parser's further complaints are mostly echoes of it.
  const syntax = sortByPosition(errors.filter((e) => e.code === 'YAML_SYNTAX' || e.code === 'JSON_SYNTAX'));
  if (syntax.length > 1) errors.splice(0, errors.length, ...errors.filter((e) => !syntax.slice(1).includes(e)));
  const second = docs[1];
  if (second) {
    errors.push(
      makeError(
        'YAML_MULTIPLE_DOCUMENTS',
        `${file} holds more than one document`,
        "keep one document per file: remove the '---' line and what follows, or move it to its own file",
        at(second.range[0]),
      ),
    );
  }
  if (errors.length > 0) return { errors: sortByPosition(errors) };

  const { value, issues } = toPlainValue(first);
  if (issues.length > 0) return { errors: issues.map((i) => makeError(i.code, i.message, i.hint, at(i.offset))) };
  if (isJson) {
    const jsonError = checkStrictJson(text);
    if (jsonError)
      return {
        errors: [
          makeError(
            'JSON_SYNTAX',
            jsonError.message,
            'check the JSON: quotes around keys and strings, commas between entries and none after the last, no comments',
            at(jsonError.offset),
          ),
        ],
      };
  }
  return { doc: createSourceDocument(file, text, value, first, lineCounter) };
}

/** How many characters of `text` can separate values: line breaks, commas, colons and brackets. */
function countSeparators(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // \n , : [ ] { }
    if (c === 10 || c === 44 || c === 58 || c === 91 || c === 93 || c === 123 || c === 125) n++;
  }
  return n;
}

function isEmpty(doc: Document.Parsed): boolean {
  const contents = doc.contents as { value?: unknown; source?: string } | null;
  return contents === null || (contents.value === null && contents.source === '');
}

const YAML_HINTS: Partial<Record<string, string>> = {
  BAD_INDENT: 'indent with spaces so that the entries of one mapping or list start in the same column',
  TAB_AS_INDENT: 'indent with spaces, not tabs',
  MISSING_CHAR: 'add the missing closing character',
  MULTILINE_IMPLICIT_KEY: "put a key on one line and follow it with ': '",
  BLOCK_AS_IMPLICIT_KEY: "put a key on one line and follow it with ': '",
  BAD_DQ_ESCAPE: 'inside double quotes, write a backslash as \\\\ or use single quotes',
  UNEXPECTED_TOKEN: "check the characters here: a mapping entry is 'key: value', a list entry '- value'",
};

function fromYamlError(e: YAMLError, text: string, isJson: boolean, at: (offset: number) => { file: string; line: number; column: number }): Diagnostic {
  const [start, end] = e.pos;
  if (e.code === 'DUPLICATE_KEY') {
    const key = keyAt(text, start) ?? text.slice(start, end).trim();
    return makeError('YAML_DUPLICATE_KEY', `the key '${key}' appears twice in this mapping`, 'remove or rename one of the two entries', at(start));
  }
  if (e.code === 'TAG_RESOLVE_FAILED') {
    const tag = text.slice(start, end).trim() || e.message.replace(/^Unresolved tag: /, '');
    return makeError(
      'YAML_UNKNOWN_TAG',
      `the tag ${tag} is not allowed here`,
      'remove the tag: files hold plain strings, numbers, booleans, null, mappings and lists',
      at(start),
    );
  }
  const code: ErrorCode = isJson ? 'JSON_SYNTAX' : 'YAML_SYNTAX';
  const message = e.message.split('\n')[0]!.replace(/\.$/, '');
  const hint = isJson
    ? 'check the JSON: quotes around keys and strings, commas between entries and none after the last'
    : (YAML_HINTS[e.code] ?? "check the YAML around here: indentation, quotes, and a space after each ':'");
  return makeError(code, message.charAt(0).toLowerCase() + message.slice(1), hint, at(start));
}

/** The key written at `offset`: quoted, or plain up to its colon. */
function keyAt(text: string, offset: number): string | undefined {
  const match = /^(?:"((?:[^"\\\n]|\\.)*)"|'([^'\n]*)'|([^:,{}[\]\n]+?))\s*:/.exec(text.slice(offset, offset + 1100));
  return match ? (match[1] ?? match[2] ?? match[3]) : undefined;
}

/** JSON is YAML 1.2, but YAML accepts more (comments, unquoted strings): JSON files must also be strict JSON. */
function checkStrictJson(text: string): { message: string; offset: number } | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    const what = message.replace(/ in JSON at position \d+.*$/s, '').replace(/\.$/, '');
    return { message: `not valid JSON: ${what.charAt(0).toLowerCase()}${what.slice(1)}`, offset: position ? Number(position[1]) : 0 };
  }
}

function sortByPosition(list: Diagnostic[]): Diagnostic[] {
  return list.sort((a, b) => compareDiagnostics(a, b));
}

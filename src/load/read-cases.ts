/**
 * Reads case records from a CSV or NDJSON file as a stream, one record at a time, each carrying
 * where it was read. CSV cells are typed by the plan's fact declarations (a column per fact and
 * per question id); a value that does not convert is passed on as text so the case check reports
 * it with its location. Rows the reader cannot make into a record come out as diagnostics.
 */
import { createReadStream } from 'node:fs';
import type { Hash } from 'node:crypto';
import type { Diagnostic } from '../model/errors.js';
import type { FactDeclaration } from '../model/pack.js';
import { attachCaseLocation } from '../source/case-location.js';
import { didYouMean, listNames } from '../source/suggest-name.js';
import { quoteExcerpt } from '../source/quote-excerpt.js';
import { decodeUtf8Chunks, InvalidUtf8Error, LineTooLongError } from './decode-text.js';
import { splitCsvRows } from './split-csv-rows.js';

/** What the reader yields: a record, or a problem with a row it could not read. */
/** What the reader yields: a record; a problem with a row it could not read; or a problem with the whole input (`notACase`: a bad header, an empty or unreadable file), which counts no case. */
export type CaseInput = { record: Record<string, unknown> } | { problem: Diagnostic; caseId?: string; notACase?: true };

/** Which columns a CSV may have. */
export interface CaseColumns {
  caseFacts: ReadonlyMap<string, FactDeclaration>;
  questionKeys: ReadonlySet<string>;
}

/**
 * A part of a case file, for reading it on several threads: bytes [start, end) beginning at a
 * record, the line they begin on, and (for CSV) the header row's text to read them with.
 */
export interface ByteRange {
  start: number;
  end: number;
  firstLine: number;
  header?: string;
}

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** The longest line of a CSV or NDJSON case file, in characters: a case record is far shorter, and a file with no line breaks stops here. */
export const MAX_LINE_LENGTH = 1024 * 1024;

/** A file's bytes, each chunk fed to the hash when there is one (the input's hash for provenance). */
async function* hashedBytes(file: string, hash: Hash | undefined, range?: ByteRange): AsyncGenerator<Buffer> {
  const stream = range ? createReadStream(file, { start: range.start, end: range.end - 1 }) : createReadStream(file);
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      hash?.update(chunk);
      yield chunk;
    }
  } finally {
    // Stop reading (and hashing) when the caller stops early, e.g. at a bad header.
    stream.destroy();
  }
}

/** A file's text as a stream of strict UTF-8 (the errors of reading and decoding come out of it as exceptions). */
function textOf(file: string, hash: Hash | undefined, range?: ByteRange): AsyncGenerator<string> {
  const decoded = decodeUtf8Chunks(hashedBytes(file, hash, range), {
    ...(range ? { firstLine: range.firstLine, byteOrderMark: range.start === 0 } : {}),
    maxLineLength: MAX_LINE_LENGTH,
  });
  return range?.header !== undefined ? prefixed(`${range.header}\n`, decoded) : decoded;
}

async function* prefixed(first: string, rest: AsyncIterable<string>): AsyncGenerator<string> {
  yield first;
  yield* rest;
}

/**
 * Text with every line end (CRLF, or a lone CR) made LF. The CSV reader counts lines by LF: with
 * CRLF, csv-parse's own line count runs ahead after a quoted cell that holds a line break.
 */
async function* lfLineEnds(texts: AsyncIterable<string>): AsyncGenerator<string> {
  let carriedCr = false;
  for await (let text of texts) {
    if (carriedCr) text = '\r' + text;
    carriedCr = text.endsWith('\r');
    if (carriedCr) text = text.slice(0, -1);
    yield text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  }
  if (carriedCr) yield '\n';
}

/** The problem a failure to read or decode a case file makes. */
function readFailure(file: string, error: unknown): CaseInput {
  if (error instanceof LineTooLongError) {
    return {
      problem: {
        code: 'LINE_TOO_LONG',
        severity: 'error',
        message: `line ${error.line} of ${file} is longer than ${error.limit.toLocaleString('en')} characters; a case record is far shorter`,
        hint: 'check that the file is a CSV or NDJSON file of cases, one record per line (a file with no line breaks is not)',
        file,
        line: error.line,
      },
      notACase: true,
    };
  }
  if (error instanceof InvalidUtf8Error && error.binary) {
    return {
      problem: {
        code: 'NOT_UTF8',
        severity: 'error',
        message: `${file} is not a text file (it holds a NUL byte)`,
        hint: 'name a CSV, NDJSON, JSON or YAML text file of cases; none of this file is shown',
        file,
        line: error.position.line,
        column: error.position.column,
      },
      notACase: true,
    };
  }
  if (error instanceof InvalidUtf8Error) {
    return {
      problem: {
        code: 'NOT_UTF8',
        severity: 'error',
        message: `${file} is not valid UTF-8 text`,
        hint: 'save the file as UTF-8 (without another encoding such as Latin-1 or UTF-16)',
        file,
        line: error.position.line,
        column: error.position.column,
      },
      notACase: true,
    };
  }
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR')
    return {
      problem: {
        code: 'FILE_NOT_FOUND',
        severity: 'error',
        message: `${file} does not exist`,
        hint: 'check the path of cases.file, relative to the inspection file',
        file,
      },
      notACase: true,
    };
  return {
    problem: {
      code: 'FILE_UNREADABLE',
      severity: 'error',
      message: `${file} cannot be read (${code ?? (error as Error).message})`,
      hint: 'check that it is a file and that you may read it',
      file,
    },
    notACase: true,
  };
}

/** Converts a CSV cell by the fact's declared type; text that does not convert stays text. */
export function convertCell(text: string, declaration: FactDeclaration): unknown {
  switch (declaration.type) {
    case 'boolean': {
      const lower = text.trim().toLowerCase();
      return lower === 'true' ? true : lower === 'false' ? false : text;
    }
    case 'number':
      // A number too large for a double (1e309) stays text, so the case check reports it as written.
      if (!/^\s*-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(text)) return text;
      return Number.isFinite(Number(text)) ? Number(text) : text;
    default:
      return text;
  }
}

/** Marks a problem as one with the whole input, not with a case. */
export function wholeFile(input: CaseInput): CaseInput {
  return 'problem' in input ? { ...input, notACase: true } : input;
}

function problem(file: string, line: number, message: string, hint: string, code: Diagnostic['code'] = 'CSV_SYNTAX', caseId?: string): CaseInput {
  return { problem: { code, severity: 'error', message, hint, file, line, ...(caseId ? { caseId } : {}) }, ...(caseId ? { caseId } : {}) };
}

/** Reads a CSV file of cases: a header row with `id`, fact names and question ids. */
export async function* readCsvCases(file: string, columns: CaseColumns, hash?: Hash, range?: ByteRange): AsyncGenerator<CaseInput> {
  const text = lfLineEnds(textOf(file, hash, range));
  try {
    // A range is read after its header row, which stands on the line before the range's first.
    yield* readCsvRecords(file, text, columns, range ? range.firstLine - 1 : 1);
  } finally {
    await text.return(undefined);
  }
}

/**
 * A CSV file's header row as the reader reads it (each name trimmed), with the problems the reader
 * would find in it; null when the file cannot be read as far as a header row (the reader words
 * that problem when it reads the file).
 */
export async function readCsvHeader(file: string, columns: CaseColumns): Promise<{ names: string[]; problems: Diagnostic[] } | null> {
  const text = lfLineEnds(textOf(file, undefined));
  try {
    for await (const rows of splitCsvRows(text, 1, MAX_LINE_LENGTH)) {
      const row = rows[0];
      if (row === undefined) continue;
      if ('error' in row) return null;
      const names = row.cells.map((h) => h.trim());
      const problems = checkHeader(file, row.line, names, columns).flatMap((p) => ('problem' in p ? [p.problem] : []));
      return { names, problems };
    }
    return null;
  } catch {
    return null;
  } finally {
    await text.return(undefined);
  }
}

type Role = { kind: 'id' | 'answer'; name: string } | { kind: 'fact'; name: string; declaration: FactDeclaration };

async function* readCsvRecords(file: string, text: AsyncIterable<string>, columns: CaseColumns, headerLine: number): AsyncGenerator<CaseInput> {
  let header: string[] | null = null;
  let roles: Role[] = [];
  let idColumn = -1;
  try {
    for await (const rows of splitCsvRows(text, headerLine, MAX_LINE_LENGTH)) {
      for (const row of rows) {
        if ('error' in row) {
          const { line, kind, message } = row.error;
          if (kind === 'unclosed')
            yield problem(
              file,
              line,
              `a quoted cell in the row starting at line ${line} is never closed (${message.includes('runs past') ? message : 'the file ends inside the quotes'})`,
              'close the quoted cell with a " (write a quote inside a quoted cell as "")',
            );
          else yield problem(file, line, `the CSV cannot be read: ${message}`, 'close every quoted cell and use one delimiter (,) throughout');
          return;
        }
        const { cells, line } = row;
        if (!header) {
          header = cells.map((h) => h.trim());
          const bad = checkHeader(file, line, header, columns);
          if (bad.length > 0) {
            yield* bad;
            return;
          }
          roles = header.map((name): Role => {
            if (name === 'id') return { kind: 'id', name };
            const declaration = columns.caseFacts.get(name);
            return declaration ? { kind: 'fact', name, declaration } : { kind: 'answer', name };
          });
          idColumn = roles.findIndex((r) => r.kind === 'id');
          continue;
        }
        const idCell = cells[idColumn];
        if (cells.length !== header.length) {
          yield problem(
            file,
            line,
            `row has ${cells.length} cells but the header has ${header.length}`,
            'every row needs one cell per header column (quote cells that contain commas)',
            'CSV_SYNTAX',
            idCell,
          );
          continue;
        }
        const facts = Object.create(null) as Record<string, unknown>;
        const answers = Object.create(null) as Record<string, unknown>;
        for (let i = 0; i < cells.length; i++) {
          const cell = cells[i]!;
          const role = roles[i]!;
          if (role.kind === 'id' || cell === '') continue;
          if (role.kind === 'fact') facts[role.name] = convertCell(cell, role.declaration);
          else answers[role.name] = cell;
        }
        yield { record: attachCaseLocation({ id: idCell, facts, answers }, { file, line }) };
      }
    }
  } catch (error) {
    yield readFailure(file, error);
    return;
  }
  if (!header)
    yield wholeFile(problem(file, 1, 'the CSV file is empty', 'start with a header row: id, then a column per fact and per question id', 'CSV_HEADER'));
}

function checkHeader(file: string, line: number, header: string[], columns: CaseColumns): CaseInput[] {
  const problems: CaseInput[] = [];
  // Without an id column the file is likely no case file at all: its cells are not quoted one by one.
  if (!header.includes('id'))
    return [problem(file, line, "the header has no 'id' column", "name the first column 'id' and give each case a unique id", 'CSV_HEADER')].map(wholeFile);
  const seen = new Set<string>();
  for (const name of header) {
    if (seen.has(name))
      problems.push(problem(file, line, `column '${quoteExcerpt(name)}' appears twice in the header`, 'keep one column per fact or question', 'CSV_HEADER'));
    seen.add(name);
    if (FORBIDDEN.has(name)) problems.push(problem(file, line, `column '${name}' is not allowed`, 'rename the column', 'FORBIDDEN_KEY'));
    else if (name !== 'id' && !columns.caseFacts.has(name) && !columns.questionKeys.has(name)) {
      problems.push(
        problem(
          file,
          line,
          `column '${quoteExcerpt(name)}' is neither a declared case fact nor a question id${didYouMean(name, [...columns.caseFacts.keys(), ...columns.questionKeys])}`,
          `facts: ${listNames(columns.caseFacts.keys(), 30)}; questions: ${listNames(columns.questionKeys, 8)}`,
          'CSV_HEADER',
        ),
      );
    }
  }
  return problems.map(wholeFile);
}

/** Whether a JSON line could hold a forbidden key or a number too large for a double. */
function suspicious(line: string): boolean {
  return line.includes('__proto__') || line.includes('constructor') || line.includes('prototype') || /\d[eE]\+?\d{3}/.test(line);
}

/** Reads an NDJSON file of cases: one JSON case record ({ id, facts, answers }) per line. */
export async function* readNdjsonCases(file: string, hash?: Hash, range?: ByteRange): AsyncGenerator<CaseInput> {
  const bytes = hashedBytes(file, hash, range);
  try {
    const lines = splitLines(
      decodeUtf8Chunks(bytes, { ...(range ? { firstLine: range.firstLine, byteOrderMark: range.start === 0 } : {}), maxLineLength: MAX_LINE_LENGTH }),
    );
    yield* readNdjsonRecords(file, lines, range ? range.firstLine - 1 : 0, range !== undefined);
  } catch (error) {
    yield readFailure(file, error);
  } finally {
    await bytes.return(undefined);
  }
}

/**
 * Reads NDJSON case records from any stream of bytes (a request's body, say): strict UTF-8, one
 * record per line. `lines` lets a caller take lines before the cases (a header) from the same stream.
 */
export function ndjsonLinesOf(bytes: AsyncIterable<Buffer>): AsyncGenerator<string> {
  return splitLines(decodeUtf8Chunks(bytes, {}));
}

/** The case records of NDJSON lines, named `name` in diagnostics and numbered after `lineBefore`; no line at all is not an error here. */
export function readNdjsonLines(name: string, lines: AsyncIterable<string> | Iterable<string>, lineBefore: number): AsyncGenerator<CaseInput> {
  return readNdjsonRecords(name, lines, lineBefore, true);
}

/**
 * The lines of a text stream (LF or CRLF), pulled chunk by chunk as they are asked for — unlike
 * readline's iterator, which reads ahead and queues lines without bound while the cases are scored.
 */
async function* splitLines(texts: AsyncIterable<string>): AsyncGenerator<string> {
  // The start of an unfinished line, in pieces: joined once when its end comes, so a long line
  // costs time in proportion to its length (joining at every chunk would be quadratic).
  let pieces: string[] = [];
  const strip = (line: string) => (line.endsWith('\r') ? line.slice(0, -1) : line);
  for await (const text of texts) {
    let start = 0;
    for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
      const piece = text.slice(start, end);
      yield strip(pieces.length > 0 ? pieces.join('') + piece : piece);
      pieces = [];
      start = end + 1;
    }
    if (start < text.length) pieces.push(text.slice(start));
  }
  const rest = pieces.join('');
  if (rest !== '') yield strip(rest);
}

/** `partial`: the lines are a part of the file, so having none says nothing about the file. */
async function* readNdjsonRecords(
  file: string,
  lines: AsyncIterable<string> | Iterable<string>,
  lineBefore: number,
  partial: boolean,
): AsyncGenerator<CaseInput> {
  let number = lineBefore;
  let any = false;
  for await (const text of lines) {
    number++;
    const trimmed = number === 1 && !partial ? text.replace(/^\uFEFF/, '').trim() : text.trim();
    if (trimmed === '') continue;
    any = true;
    let forbidden = null as string | null;
    let infinite = false;
    let value: unknown;
    try {
      // A reviver halves JSON.parse's speed: use one only for the rare line that could need it
      // (a key that reaches a prototype, or a number with a three-digit exponent).
      value = suspicious(trimmed)
        ? (JSON.parse(trimmed, (key, v: unknown) => {
            if (FORBIDDEN.has(key)) forbidden = key;
            if (typeof v === 'number' && !Number.isFinite(v)) infinite = true;
            return v;
          }) as unknown)
        : (JSON.parse(trimmed) as unknown);
    } catch (error) {
      yield problem(file, number, `line is not valid JSON: ${(error as Error).message}`, 'write one JSON object per line', 'JSON_SYNTAX');
      continue;
    }
    if (forbidden !== null) {
      yield problem(file, number, `key '${forbidden}' is not allowed in case data`, 'rename the key', 'FORBIDDEN_KEY');
      continue;
    }
    if (infinite) {
      yield problem(
        file,
        number,
        'line holds a number too large to represent (it reads as Infinity)',
        'write a finite number (at most about 1.8e308 either way), or quote it if it is text',
        'SCHEMA_RANGE',
      );
      continue;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      yield problem(file, number, 'line is not a case record', 'write each case as {"id": …, "facts": {…}, "answers": {…}}', 'CASE_MISSING_ID');
      continue;
    }
    yield { record: attachCaseLocation(value as Record<string, unknown>, { file, line: number }) };
  }
  if (!any && !partial) yield wholeFile(problem(file, 1, 'the NDJSON file has no cases', 'write one JSON case record per line', 'NO_CASES'));
}

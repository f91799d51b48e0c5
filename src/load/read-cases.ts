/**
 * Reads case records from a CSV or NDJSON file as a stream, one record at a time, each carrying
 * where it was read. CSV cells are typed by the plan's fact declarations (a column per fact and
 * per question id); a value that does not convert is passed on as text so the case check reports
 * it with its location. Rows the reader cannot make into a record come out as diagnostics.
 */
import { createReadStream, type ReadStream } from 'node:fs';
import type { Hash } from 'node:crypto';
import { createInterface } from 'node:readline';
import { parse } from 'csv-parse';
import type { Diagnostic } from '../model/errors.js';
import type { FactDeclaration } from '../model/pack.js';
import { attachCaseLocation } from '../evaluate/case-location.js';

/** What the reader yields: a record, or a problem with a row it could not read. */
export type CaseInput = { record: Record<string, unknown> } | { problem: Diagnostic; caseId?: string };

/** Which columns a CSV may have. */
export interface CaseColumns {
  caseFacts: ReadonlyMap<string, FactDeclaration>;
  questionKeys: ReadonlySet<string>;
}

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** Feeds every chunk read to the hash, when there is one (the input's hash for provenance). */
function hashed(stream: ReadStream, hash: Hash | undefined): ReadStream {
  if (hash) stream.on('data', (chunk) => hash.update(chunk));
  return stream;
}

/** Converts a CSV cell by the fact's declared type; text that does not convert stays text. */
export function convertCell(text: string, declaration: FactDeclaration): unknown {
  switch (declaration.type) {
    case 'boolean': {
      const lower = text.trim().toLowerCase();
      return lower === 'true' ? true : lower === 'false' ? false : text;
    }
    case 'number':
      return /^\s*-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(text) ? Number(text) : text;
    default:
      return text;
  }
}

function problem(file: string, line: number, message: string, hint: string, code: Diagnostic['code'] = 'CSV_SYNTAX', caseId?: string): CaseInput {
  return { problem: { code, severity: 'error', message, hint, file, line, ...(caseId ? { caseId } : {}) }, ...(caseId ? { caseId } : {}) };
}

/** Reads a CSV file of cases: a header row with `id`, fact names and question ids. */
export async function* readCsvCases(file: string, columns: CaseColumns, hash?: Hash): AsyncGenerator<CaseInput> {
  const source = hashed(createReadStream(file), hash);
  try {
    yield* readCsvRecords(file, source, columns);
  } finally {
    // Stop reading (and hashing) when the caller stops early, e.g. at a bad header.
    source.destroy();
  }
}

async function* readCsvRecords(file: string, source: ReadStream, columns: CaseColumns): AsyncGenerator<CaseInput> {
  const parser = source.pipe(parse({ info: true, raw: true, relax_column_count: true, skip_empty_lines: true, bom: true, trim: false }));
  let header: string[] | null = null;
  let roles: Array<{ kind: 'id' | 'fact' | 'answer' | 'unknown'; name: string; declaration?: FactDeclaration }> = [];
  try {
    for await (const { record, info, raw } of parser as AsyncIterable<{ record: string[]; info: { lines: number }; raw: string }>) {
      const line = info.lines - (raw.replace(/\r?\n$/, '').match(/\n/g)?.length ?? 0);
      if (!header) {
        header = record.map((h) => h.trim());
        const bad = checkHeader(file, line, header, columns);
        if (bad.length > 0) {
          yield* bad;
          return;
        }
        roles = header.map((name) => {
          if (name === 'id') return { kind: 'id', name };
          const declaration = columns.caseFacts.get(name);
          if (declaration) return { kind: 'fact', name, declaration };
          return { kind: 'answer', name };
        });
        continue;
      }
      const idCell = record[roles.findIndex((r) => r.kind === 'id')];
      if (record.length !== header.length) {
        yield problem(file, line, `row has ${record.length} cells but the header has ${header.length}`, 'every row needs one cell per header column (quote cells that contain commas)', 'CSV_SYNTAX', idCell);
        continue;
      }
      const facts: Record<string, unknown> = Object.create(null);
      const answers: Record<string, unknown> = Object.create(null);
      const out: Record<string, unknown> = { id: idCell, facts, answers };
      record.forEach((cell, i) => {
        const role = roles[i]!;
        if (role.kind === 'id' || cell === '') return;
        if (role.kind === 'fact') facts[role.name] = convertCell(cell, role.declaration!);
        else answers[role.name] = cell;
      });
      yield { record: attachCaseLocation(out, { file, line }) };
    }
  } catch (error) {
    const e = error as { message?: string; lines?: number };
    yield problem(file, e.lines ?? 1, `the CSV cannot be read: ${e.message ?? String(error)}`, 'close every quoted cell and use one delimiter (,) throughout');
    return;
  }
  if (!header) yield problem(file, 1, 'the CSV file is empty', 'start with a header row: id, then a column per fact and per question id', 'CSV_HEADER');
}

function checkHeader(file: string, line: number, header: string[], columns: CaseColumns): CaseInput[] {
  const problems: CaseInput[] = [];
  if (!header.includes('id')) problems.push(problem(file, line, "the header has no 'id' column", "name the first column 'id' and give each case a unique id", 'CSV_HEADER'));
  const seen = new Set<string>();
  for (const name of header) {
    if (seen.has(name)) problems.push(problem(file, line, `column '${name}' appears twice in the header`, 'keep one column per fact or question', 'CSV_HEADER'));
    seen.add(name);
    if (FORBIDDEN.has(name)) problems.push(problem(file, line, `column '${name}' is not allowed`, 'rename the column', 'FORBIDDEN_KEY'));
    else if (name !== 'id' && !columns.caseFacts.has(name) && !columns.questionKeys.has(name)) {
      problems.push(problem(file, line, `column '${name}' is neither a declared case fact nor a question id`, `facts: ${[...columns.caseFacts.keys()].join(', ')}; questions start ${[...columns.questionKeys].slice(0, 6).join(', ')}, …`, 'CSV_HEADER'));
    }
  }
  return problems;
}

/** Reads an NDJSON file of cases: one JSON case record ({ id, facts, answers }) per line. */
export async function* readNdjsonCases(file: string, hash?: Hash): AsyncGenerator<CaseInput> {
  const source = hashed(createReadStream(file), hash);
  try {
    yield* readNdjsonRecords(file, source);
  } finally {
    source.destroy();
  }
}

async function* readNdjsonRecords(file: string, source: ReadStream): AsyncGenerator<CaseInput> {
  const lines = createInterface({ input: source.setEncoding('utf8'), crlfDelay: Infinity });
  let number = 0;
  let any = false;
  for await (const text of lines) {
    number++;
    const trimmed = number === 1 ? text.replace(/^\uFEFF/, '').trim() : text.trim();
    if (trimmed === '') continue;
    any = true;
    let forbidden: string | null = null;
    let value: unknown;
    try {
      value = JSON.parse(trimmed, (key, v) => {
        if (FORBIDDEN.has(key)) forbidden = key;
        return v;
      });
    } catch (error) {
      yield problem(file, number, `line is not valid JSON: ${(error as Error).message}`, 'write one JSON object per line', 'JSON_SYNTAX');
      continue;
    }
    if (forbidden !== null) {
      yield problem(file, number, `key '${forbidden}' is not allowed in case data`, 'rename the key', 'FORBIDDEN_KEY');
      continue;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      yield problem(file, number, 'line is not a case record', 'write each case as {"id": …, "facts": {…}, "answers": {…}}', 'CASE_MISSING_ID');
      continue;
    }
    yield { record: attachCaseLocation(value as Record<string, unknown>, { file, line: number }) };
  }
  if (!any) yield problem(file, 1, 'the NDJSON file has no cases', 'write one JSON case record per line', 'NO_CASES');
}

/**
 * Reads request bodies with the loader's own limits and diagnostics: a JSON body is parsed like a
 * file (strict JSON, bounded nesting and size, no prototype keys, every problem at its line and
 * column), then checked against its generated schema. An NDJSON body is pulled chunk by chunk
 * as its cases are scored, never held whole, within a byte budget and a deadline.
 */
import type { Hash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { validateDocument, type SchemaName } from '../check/validate-schema.js';
import { readJsonText } from '../load/read-json-text.js';
import type { SourceDocument } from '../source/source-document.js';
import { diagnosticsProblem, problem } from './problems.js';

/** The name request bodies go by in diagnostics (`request.json:3:7`). */
export const JSON_BODY = 'request.json';
export const NDJSON_BODY = 'request.ndjson';

/** A JSON body read and checked against `schema`; throws a RequestProblem when it is not. */
export function readJsonBody(body: unknown, schema: SchemaName): SourceDocument {
  if (typeof body !== 'string' || body.trim() === '')
    throw problem(400, 'BAD_REQUEST', 'the request has no body', 'send a JSON object with Content-Type: application/json');
  const read = readJsonText(JSON_BODY, body);
  if ('errors' in read) throw diagnosticsProblem(read.errors);
  if (read.doc.value === null || typeof read.doc.value !== 'object' || Array.isArray(read.doc.value)) {
    throw diagnosticsProblem([
      { code: 'SCHEMA_TYPE', severity: 'error', message: 'the body is not a JSON object', hint: 'send a JSON object', file: JSON_BODY, line: 1, column: 1 },
    ]);
  }
  const errors = validateDocument(schema, read.doc);
  if (errors.length > 0) throw diagnosticsProblem(errors, 422);
  return read.doc;
}

/** The part of a document beneath `pointer`, located in the same text. */
export function subDocument(doc: SourceDocument, pointer: string): SourceDocument {
  const value = pointer
    .split('/')
    .slice(1)
    .reduce<unknown>((v, key) => (v as Record<string, unknown> | undefined)?.[key], doc.value);
  return { file: doc.file, text: doc.text, value, locate: (p, onKey) => doc.locate(pointer + p, onKey) };
}

export interface BodyLimits {
  /** The most bytes the body may have. */
  maxBytes: number;
  /** When the request must be done (a time from Date.now()). */
  deadline: number;
}

/**
 * A streamed body: first its header line, then its remaining bytes, each chunk counted against
 * the limits (and fed to a hash, for the result's provenance).
 */
export class StreamedBody {
  private readonly chunks: AsyncIterator<Buffer, unknown>;
  private left: Buffer | undefined;
  private received = 0;

  constructor(
    stream: Readable,
    private readonly limits: BodyLimits,
  ) {
    this.chunks = (stream as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  }

  /** The text of the first line, with its line break; undefined when the body is empty. */
  async headerLine(): Promise<string | undefined> {
    const parts: Buffer[] = [];
    for (;;) {
      const chunk = await this.next();
      if (chunk === undefined) break;
      const end = chunk.indexOf(0x0a);
      if (end >= 0) {
        parts.push(chunk.subarray(0, end + 1));
        if (end + 1 < chunk.length) this.left = chunk.subarray(end + 1);
        break;
      }
      parts.push(chunk);
    }
    if (parts.length === 0) return undefined;
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(parts));
    } catch {
      throw diagnosticsProblem([
        {
          code: 'NOT_UTF8',
          severity: 'error',
          message: 'the first line of the body is not valid UTF-8 text',
          hint: 'send UTF-8 text',
          file: NDJSON_BODY,
          line: 1,
        },
      ]);
    }
  }

  /** The bytes after the header line, fed to `hash` as they pass. */
  async *rest(hash?: Hash): AsyncGenerator<Buffer> {
    if (this.left) {
      const chunk = this.left;
      this.left = undefined;
      hash?.update(chunk);
      yield chunk;
    }
    for (let chunk = await this.next(); chunk !== undefined; chunk = await this.next()) {
      hash?.update(chunk);
      yield chunk;
    }
  }

  /** Ends reading early (the request failed before its cases were read). */
  async close(): Promise<void> {
    await this.chunks.return?.();
  }

  private async next(): Promise<Buffer | undefined> {
    if (Date.now() > this.limits.deadline) throw timeUp();
    const { value, done } = await this.chunks.next();
    if (done) return undefined;
    const chunk = typeof value === 'string' ? Buffer.from(value) : value;
    this.received += chunk.length;
    if (this.received > this.limits.maxBytes)
      throw problem(
        413,
        'TOO_LARGE',
        `the body is larger than the ${this.limits.maxBytes} bytes this server accepts`,
        'send fewer cases per request, or start the server with a larger --max-body',
      );
    return chunk;
  }
}

export function timeUp() {
  return problem(
    503,
    'TIMEOUT',
    'the request took longer than this server allows',
    'send fewer cases per request, or start the server with a longer --timeout',
  );
}

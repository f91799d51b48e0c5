/**
 * `POST /v1/score`: an inspection scored with the workspace's packs. Its cases are listed in a
 * JSON body, or streamed as NDJSON (the first line the inspection, then one case per line) into a
 * scoring session as they arrive. The answer is the result JSON of `criteria score --format json`.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import { readDocument } from '../../load/read-document.js';
import { validateDocument } from '../../check/validate-schema.js';
import { ndjsonLinesOf, readNdjsonLines, type CaseInput } from '../../load/read-cases.js';
import { formatJson } from '../../report/format-json.js';
import { scoreOpenedInspection, type ScoredFile } from '../../pipeline/score-file.js';
import { openRequest, type OpenedRequest } from '../open-request.js';
import { diagnosticsProblem, problem } from '../problems.js';
import { JSON_BODY, NDJSON_BODY, readJsonBody, StreamedBody, timeUp } from '../read-request.js';
import type { SourceDocument } from '../../source/source-document.js';
import type { ServiceContext } from '../service-context.js';

export function registerScore(app: FastifyInstance, ctx: ServiceContext): void {
  app.post('/v1/score', async (request, reply) => {
    const scored = isNdjson(request) ? await scoreStream(request, ctx) : await scoreJson(readJsonBody(request.body, 'score-request'), ctx);
    request.casesRead = scored.result.cases.read;
    return reply.type('application/json; charset=utf-8').send(formatJson(scored.result));
  });
}

export function isNdjson(request: FastifyRequest): boolean {
  return (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase() === 'application/x-ndjson';
}

/** An inspection read from a JSON body (at `pointer` in it), scored; `trace` keeps each case's outcomes, for explain. */
export async function scoreJson(inspectionDoc: SourceDocument, ctx: ServiceContext, pointer = '', trace = false): Promise<ScoredFile> {
  const cases = (inspectionDoc.value as { cases?: unknown }).cases;
  if (!Array.isArray(cases)) {
    throw diagnosticsProblem(
      [
        {
          code: 'SCHEMA_REQUIRED',
          severity: 'error',
          message: 'the inspection lists no cases',
          hint: 'give cases: [ { id, facts, answers }, … ] (an empty list if it has none), or stream them as application/x-ndjson',
          file: JSON_BODY,
          line: 1,
          column: 1,
          pointer: `${pointer}/cases`,
        },
      ],
      422,
    );
  }
  if (cases.length > ctx.options.maxCases) throw tooManyCases(ctx);
  const opened = openRequest(inspectionDoc, ctx.workspace);
  return score(opened, ctx, { trace });
}

/** An NDJSON body: its first line the inspection (without cases), then one case per line. */
async function scoreStream(request: FastifyRequest, ctx: ServiceContext): Promise<ScoredFile> {
  const body = new StreamedBody(request.body as Readable, { maxBytes: ctx.options.maxBodyBytes, deadline: request.deadline });
  try {
    const header = await body.headerLine();
    if (header === undefined || header.trim() === '')
      throw problem(
        400,
        'BAD_REQUEST',
        'the NDJSON body has no first line',
        'send the inspection (without cases) as the first line, then one case record per line',
      );
    const read = readDocument(NDJSON_BODY, header);
    if ('errors' in read) throw diagnosticsProblem(read.errors);
    const errors = validateDocument('score-request', read.doc);
    if (errors.length > 0) throw diagnosticsProblem(errors, 422);
    if ((read.doc.value as { cases?: unknown }).cases !== undefined) {
      throw diagnosticsProblem(
        [
          {
            code: 'SCHEMA_UNKNOWN_PROPERTY',
            severity: 'error',
            message: 'the first line of an NDJSON body lists cases',
            hint: 'send the cases on the lines after the inspection, one per line',
            file: NDJSON_BODY,
            line: 1,
            pointer: '/cases',
          },
        ],
        422,
      );
    }
    const opened = openRequest(read.doc, ctx.workspace);
    const maxCases = ctx.options.maxCases;
    const deadline = request.deadline;
    const streamed: OpenedRequest = {
      ...opened,
      opened: {
        ...opened.opened,
        readCases: (_columns, hash) => bounded(readNdjsonLines(NDJSON_BODY, ndjsonLinesOf(body.rest(hash)), 1), maxCases, deadline, ctx),
      },
    };
    return await score(streamed, ctx, { requireCases: true });
  } finally {
    await body.close();
  }
}

/** The cases of a stream, stopped with 413 past the most a request may have, and 503 past its deadline. */
async function* bounded(cases: AsyncIterable<CaseInput>, max: number, deadline: number, ctx: ServiceContext): AsyncGenerator<CaseInput> {
  let n = 0;
  for await (const input of cases) {
    if (++n > max) throw tooManyCases(ctx);
    if ((n & 1023) === 0 && Date.now() > deadline) throw timeUp();
    yield input;
  }
}

async function score(request: OpenedRequest, ctx: ServiceContext, options: { trace?: boolean; requireCases?: boolean }): Promise<ScoredFile> {
  const scored = await scoreOpenedInspection(request.opened, { excludeInvalid: request.excludeInvalid, ...options }, request.plan);
  if ('errors' in scored) throw diagnosticsProblem(scored.errors, 422);
  return scored;
}

function tooManyCases(ctx: ServiceContext) {
  return problem(
    413,
    'TOO_LARGE',
    `the request has more than the ${ctx.options.maxCases} cases this server scores at once`,
    'send the cases in several inspections, or start the server with a larger --max-cases',
  );
}

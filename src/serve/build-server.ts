/**
 * The scoring service: a Fastify app over the library. Every answer is JSON, never a stack trace
 * or a path of this machine; every request has an id, a body limit, a deadline and an access-log
 * line; with a token, every /v1 route needs it; CORS is off unless one origin is named.
 */
import { randomUUID, timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { ENGINE_VERSION } from '../engine-version.js';
import type { ErrorResponse, Health } from '../model/service.js';
import { buildOpenApi } from './openapi.js';
import { problem, RequestProblem } from './problems.js';
import { publicDiagnostic } from './public-diagnostic.js';
import { registerExplain } from './routes/explain.js';
import { registerPacks } from './routes/packs.js';
import { registerScore } from './routes/score.js';
import { registerValidate } from './routes/validate.js';
import type { ServeOptions } from './serve-options.js';
import type { ServiceContext } from './service-context.js';
import { Workspace } from './workspace.js';

export interface Service {
  app: FastifyInstance;
  /** Stops taking requests (they get 503), lets those in flight finish, then closes. */
  shutDown(): Promise<void>;
}

export async function buildServer(options: ServeOptions): Promise<Service> {
  const ctx: ServiceContext = { options, workspace: new Workspace(options.workspace) };
  // Load and check every pack now, so the first request does not wait for it.
  ctx.workspace.list();
  const log = options.log ?? ((line: string) => process.stderr.write(line + '\n'));
  let closing = false;
  const app = Fastify({
    logger: false,
    bodyLimit: options.maxBodyBytes,
    // Receiving a request (headers and body) is bounded by the same deadline as handling it.
    requestTimeout: options.timeoutMs,
    genReqId: () => randomUUID(),
    return503OnClosing: false,
    routerOptions: { maxParamLength: 200 },
  });

  // Bodies reach the handlers as text (JSON, parsed with the loader's limits) or as a stream (NDJSON).
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => done(null, body));
  app.addContentTypeParser('application/x-ndjson', (request, payload, done) => {
    if (request.routeOptions.url !== '/v1/score')
      return done(problem(415, 'MEDIA_TYPE', 'only POST /v1/score takes an NDJSON stream', 'send Content-Type: application/json'), undefined);
    done(null, payload);
  });

  if (options.cors !== undefined) {
    const { default: cors } = await import('@fastify/cors');
    await app.register(cors, { origin: options.cors, methods: ['GET', 'POST', 'PUT'], allowedHeaders: ['Authorization', 'Content-Type'], maxAge: 600 });
  }

  app.addHook('onRequest', async (request, reply) => {
    request.deadline = Date.now() + options.timeoutMs;
    reply.header('cache-control', 'no-store').header('x-request-id', request.id).header('x-content-type-options', 'nosniff');
    if (closing) throw problem(503, 'SHUTTING_DOWN', 'the server is shutting down', 'send the request again once it is back');
    if (
      options.token !== undefined &&
      request.url.startsWith('/v1/') &&
      request.method !== 'OPTIONS' &&
      !hasToken(request.headers.authorization, options.token)
    ) {
      reply.header('www-authenticate', 'Bearer');
      throw problem(
        401,
        'UNAUTHORIZED',
        request.headers.authorization === undefined ? 'the request carries no token' : 'the token is wrong',
        'send Authorization: Bearer <the token the server was started with>',
      );
    }
  });

  // While shutting down, each answer closes its connection, so the server is not kept waiting for idle clients.
  app.addHook('onSend', async (_request, reply, payload) => {
    if (closing) reply.header('connection', 'close');
    return payload;
  });

  app.addHook('onResponse', async (request, reply) => {
    log(
      JSON.stringify({
        time: new Date().toISOString(),
        id: request.id,
        method: request.method,
        route: request.routeOptions.url ?? request.url.split('?')[0]!.slice(0, 200),
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
        ...(request.casesRead !== undefined ? { cases: request.casesRead } : {}),
      }),
    );
  });

  app.setErrorHandler(async (error: FastifyError | RequestProblem, request, reply) => {
    const { status, body } = answerFor(error, request.id, ctx.workspace.root);
    // A body left unread (refused over a limit, or before its cases) ends the connection with the answer.
    if (!request.raw.complete) reply.header('connection', 'close');
    if (status >= 500 && !(error instanceof RequestProblem))
      log(JSON.stringify({ time: new Date().toISOString(), id: request.id, internalError: error.message }));
    return reply.code(status).type('application/json; charset=utf-8').send(body);
  });

  app.setNotFoundHandler(async (request, reply) => {
    const body: ErrorResponse = {
      errors: [
        {
          code: 'NOT_FOUND',
          severity: 'error',
          message: `no route ${request.method} ${request.url.split('?')[0]!.slice(0, 200)}`,
          hint: 'GET /openapi.json describes the routes',
        },
      ],
    };
    return reply.code(404).send(body);
  });

  app.get('/healthz', async (): Promise<Health> => ({ status: closing ? 'shutting down' : 'ok', engine: ENGINE_VERSION }));
  const openapi = buildOpenApi();
  app.get('/openapi.json', async () => openapi);
  registerPacks(app, ctx);
  registerValidate(app, ctx);
  registerScore(app, ctx);
  registerExplain(app, ctx);
  await registerWorkbenchIfBuilt(app, ctx);

  return {
    app,
    async shutDown() {
      closing = true;
      await app.close();
    },
  };
}

/** The author workbench, when this build has it (it lives in its own folder and is loaded only here). */
async function registerWorkbenchIfBuilt(app: FastifyInstance, ctx: ServiceContext): Promise<void> {
  const extension = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  const module = new URL(`../workbench/server/register-workbench${extension}`, import.meta.url);
  if (!existsSync(module)) return;
  const { registerWorkbench } = (await import(module.href)) as { registerWorkbench: (app: FastifyInstance, context: { workspace: string }) => Promise<void> };
  await registerWorkbench(app, { workspace: ctx.workspace.root });
}

function hasToken(header: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  if (!match) return false;
  const given = Buffer.from(match[1]!);
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Fastify's own errors (body too large, wrong media type…) in the service's words. */
const FASTIFY_ERRORS: Record<string, { status: number; code: 'TOO_LARGE' | 'MEDIA_TYPE' | 'BAD_REQUEST' | 'TIMEOUT'; message: string; hint: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    code: 'TOO_LARGE',
    message: 'the body is larger than this server accepts',
    hint: 'send fewer cases per request (or stream them as NDJSON), or start the server with a larger --max-body',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'MEDIA_TYPE',
    message: 'the body is not of a type this route takes',
    hint: 'send Content-Type: application/json (or application/x-ndjson to POST /v1/score)',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'BAD_REQUEST', message: 'the Content-Length does not match the body', hint: 'send the body whole' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'BAD_REQUEST', message: 'the request has no body', hint: 'send a JSON object' },
};

function answerFor(error: FastifyError | RequestProblem, requestId: string, root: string): { status: number; body: ErrorResponse } {
  if (error instanceof RequestProblem) {
    return { status: error.status, body: { errors: error.problems.map((p) => publicDiagnostic(p, root)) } };
  }
  const known = FASTIFY_ERRORS[error.code];
  if (known) return { status: known.status, body: { errors: [{ code: known.code, severity: 'error', message: known.message, hint: known.hint }] } };
  if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
    return {
      status: error.statusCode,
      body: { errors: [{ code: 'BAD_REQUEST', severity: 'error', message: 'the request cannot be handled', hint: 'check it against /openapi.json' }] },
    };
  }
  return {
    status: 500,
    body: {
      errors: [
        { code: 'INTERNAL', severity: 'error', message: `an internal error (request ${requestId})`, hint: 'the server logged it under this request id' },
      ],
    },
  };
}

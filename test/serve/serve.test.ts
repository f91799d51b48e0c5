/**
 * The scoring service over real HTTP on a free localhost port: every endpoint, the Derbyshire
 * example giving the command line's result, every error status, and every answer checked
 * against the OpenAPI document the service publishes.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { inject } from 'light-my-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, REPO, runCli } from '../hostile/built-cli.js';
import { checkAgainstOpenApi, derbyshireRequest, startService, type Running } from './service-client.js';
import type { ScoreRequest } from '../../src/model/service.js';

let service: Running;
let request: ScoreRequest;
let cliResult: Record<string, unknown>;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const withoutInputHash = (text: string) => {
  const value = JSON.parse(text) as { provenance: Record<string, unknown> };
  delete value.provenance.inputSha256;
  return JSON.stringify(value, null, 2);
};
const ndjsonOf = (r: ScoreRequest) => {
  const { cases, ...header } = r;
  return [JSON.stringify(header), ...(cases ?? []).map((c) => JSON.stringify(c))].join('\n') + '\n';
};

beforeAll(async () => {
  ensureBuilt();
  service = await startService();
  request = (await derbyshireRequest()).request;
  const cli = runCli(['score', 'rules/esi-2003/examples/derbyshire-2003', '--format', 'json'], 20_000);
  expect(cli.status).toBe(0);
  cliResult = JSON.parse(cli.stdout) as Record<string, unknown>;
  cliResult.text = cli.stdout;
}, 60_000);

afterAll(async () => {
  // Every answer of this file is what the OpenAPI document says it is.
  const document = (await service.call('GET', '/openapi.json')).json as Record<string, unknown>;
  expect(checkAgainstOpenApi(document, service.answers)).toEqual([]);
  await service.close();
});

describe('the endpoints', () => {
  it('GET /healthz and a valid OpenAPI 3.1 document', async () => {
    const health = await service.call('GET', '/healthz');
    expect(health.status).toBe(200);
    expect(health.json).toEqual({ status: 'ok', engine: expect.stringMatching(/^\d+\.\d+\.\d+$/) });
    const openapi = await service.call('GET', '/openapi.json');
    const validation = await new Validator().validate(openapi.json as Record<string, unknown>);
    expect(validation.errors).toBeUndefined();
    expect(validation.valid).toBe(true);
    expect((openapi.json as { openapi: string }).openapi).toBe('3.1.0');
  });

  it('GET /v1/packs lists every pack with the content hash results carry', async () => {
    const list = await service.call('GET', '/v1/packs');
    expect(list.status).toBe(200);
    const packs = (list.json as { packs: Array<{ id: string; kind: string; sha256: string; folder: string; valid: boolean }> }).packs;
    expect(packs.map((p) => `${p.kind} ${p.id} ${p.folder}`)).toEqual([
      'methodology cqc-asc-2022 rules/cqc-asc-2022',
      'methodology esi-2003 rules/esi-2003',
      'methodology probation-2018 rules/probation-2018',
      'thematic ebs-2003 thematics/ebs-2003',
      'thematic victims-2003 thematics/victims-2003',
    ]);
    expect(packs.every((p) => p.valid)).toBe(true);
    const provenance = cliResult.provenance as { sha256: string; thematics: Array<{ sha256: string }> };
    expect(packs.find((p) => p.id === 'esi-2003')!.sha256).toBe(provenance.sha256);
    expect(packs.find((p) => p.id === 'ebs-2003')!.sha256).toBe(provenance.thematics[0]!.sha256);
  });

  it('GET /v1/packs/{id} gives the newest version in a range, 404 outside it or for an unknown id', async () => {
    const one = await service.call('GET', '/v1/packs/esi-2003?version=^1.0.0', { route: '/v1/packs/{id}' });
    expect(one.status).toBe(200);
    expect(one.json).toMatchObject({ id: 'esi-2003', version: '1.0.0', kind: 'methodology', status: 'published' });
    const wrongVersion = await service.call('GET', '/v1/packs/esi-2003?version=^2.0.0', { route: '/v1/packs/{id}' });
    expect(wrongVersion.status).toBe(404);
    expect(wrongVersion.json).toMatchObject({ errors: [{ code: 'UNKNOWN_PACK', message: 'the workspace has esi-2003 1.0.0, none in the range ^2.0.0' }] });
    const unknown = await service.call('GET', '/v1/packs/esi-2004', { route: '/v1/packs/{id}' });
    expect(unknown.status).toBe(404);
    expect(unknown.json).toMatchObject({ errors: [{ code: 'UNKNOWN_PACK', message: "the workspace has no pack 'esi-2004'; did you mean 'esi-2003'?" }] });
  });

  it('GET /v1/packs/{id}/schema/cases is the schema `criteria schema cases` prints', async () => {
    const answer = await service.call('GET', '/v1/packs/esi-2003/schema/cases?thematics=ebs-2003', { route: '/v1/packs/{id}/schema/cases' });
    expect(answer.status).toBe(200);
    const cli = runCli(['schema', 'cases', 'rules/esi-2003', '--thematic', 'thematics/ebs-2003'], 20_000);
    expect(answer.json).toEqual(JSON.parse(cli.stdout));
  });

  it('POST /v1/validate checks pack files from the body as `criteria validate` checks the folder', async () => {
    const folder = join(REPO, 'rules/esi-2003');
    const files: Record<string, string> = {};
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) {
          if (name !== 'examples' && name !== 'tests') walk(path);
        } else if (/\.ya?ml$/.test(name)) files[relative(folder, path)] = readFileSync(path, 'utf8');
      }
    };
    walk(folder);
    const valid = await service.call('POST', '/v1/validate', { body: JSON.stringify({ files }) });
    expect(valid.status).toBe(200);
    expect(valid.json).toMatchObject({ valid: true, pack: { id: 'esi-2003', version: '1.0.0', kind: 'methodology' }, errors: [] });
    // A misspelt weight class: the same diagnostic, file, line and column as the command line's.
    const part = 'section-c.yaml';
    const broken = { ...files, [part]: files[part]!.replace('weight: critical', 'weight: critcal') };
    expect(broken[part]).not.toBe(files[part]);
    const invalid = await service.call('POST', '/v1/validate', { body: JSON.stringify({ files: broken }) });
    expect(invalid.status).toBe(200);
    const body = invalid.json as { valid: boolean; errors: Array<{ code: string; file: string; line: number; column: number; message: string; hint: string }> };
    expect(body.valid).toBe(false);
    expect(body.errors).toHaveLength(1);
    const lines = broken[part].split('\n');
    const line = lines.findIndex((l) => l.includes('critcal')) + 1;
    expect(body.errors[0]).toMatchObject({ code: 'UNKNOWN_WEIGHT_CLASS', file: part, line, column: lines[line - 1]!.indexOf('critcal') + 1 });
    expect(`${body.errors[0]!.message} ${body.errors[0]!.hint}`).toContain("'critical'");
  });

  it('POST /v1/validate refuses file names that are paths out of the pack', async () => {
    const answer = await service.call('POST', '/v1/validate', {
      body: JSON.stringify({ files: { '../../etc/passwd': 'x', '/etc/shadow': 'y', 'pack.yaml': 'kind: methodology' } }),
    });
    expect(answer.status).toBe(422);
    const errors = (answer.json as { errors: Array<{ code: string; message: string }> }).errors;
    expect(errors.map((e) => e.code)).toEqual(['SCHEMA_PATTERN', 'SCHEMA_PATTERN']);
    expect(answer.text).not.toContain('root:');
  });
});

describe('scoring the Derbyshire example over HTTP', () => {
  it('gives the result JSON of `criteria score --format json` (the input hash is of the body received)', async () => {
    const body = JSON.stringify(request);
    const answer = await service.call('POST', '/v1/score', { body });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    expect(withoutInputHash(answer.text)).toBe(withoutInputHash(cliResult.text as string));
    expect(answer.text.endsWith('}\n')).toBe(true);
    expect((answer.json as { provenance: { inputSha256: string } }).provenance.inputSha256).toBe(sha256(body));
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(answer.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const line = JSON.parse(service.log.at(-1)!) as Record<string, unknown>;
    expect(line).toMatchObject({ method: 'POST', route: '/v1/score', status: 200, cases: 100 });
  });

  it('gives the same result from an NDJSON stream, sent in small chunks', async () => {
    const text = ndjsonOf(request);
    const bytes = Buffer.from(text);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 997) controller.enqueue(bytes.subarray(i, i + 997));
        controller.close();
      },
    });
    const answer = await service.call('POST', '/v1/score', { body: stream, type: 'application/x-ndjson' });
    expect(answer.status).toBe(200);
    expect(withoutInputHash(answer.text)).toBe(withoutInputHash(cliResult.text as string));
    expect((answer.json as { provenance: { inputSha256: string } }).provenance.inputSha256).toBe(sha256(text));
  });

  it('POST /v1/explain gives the trace of `criteria explain --format json`, for a result and for a case', async () => {
    for (const [target, args] of [
      [{ id: 'C1' }, ['C1']],
      [{ case: 'D004' }, ['--case', 'D004']],
    ] as const) {
      const answer = await service.call('POST', '/v1/explain', { body: JSON.stringify({ inspection: request, ...target }) });
      expect(answer.status).toBe(200);
      const cli = runCli(['explain', 'rules/esi-2003/examples/derbyshire-2003', ...args, '--format', 'json'], 20_000);
      expect(cli.status).toBe(0);
      const strip = (trace: { provenance?: Record<string, unknown> }) => {
        delete trace.provenance?.inputSha256;
        return trace;
      };
      expect(strip((answer.json as { trace: { provenance?: Record<string, unknown> } }).trace)).toEqual(
        strip(JSON.parse(cli.stdout) as { provenance?: Record<string, unknown> }),
      );
    }
    const unknown = await service.call('POST', '/v1/explain', { body: JSON.stringify({ inspection: request, id: 'C99' }) });
    expect(unknown.status).toBe(404);
    expect(unknown.json).toMatchObject({ errors: [{ code: 'USAGE', message: "the inspection has no result 'C99'" }] });
  });
});

describe('errors', () => {
  it('400 for a body that is not JSON, with its line and column', async () => {
    const answer = await service.call('POST', '/v1/score', { body: '{\n  "pack": "esi-2003",\n  "area": { "name": "x" },\n}' });
    expect(answer.status).toBe(400);
    // At the closing brace after the trailing comma, as `criteria validate` places it in a file.
    expect(answer.json).toMatchObject({ errors: [{ code: 'JSON_SYNTAX', file: 'request.json', line: 4, column: 1 }] });
  });

  it('404 for an unknown pack or version, and for a path given as a pack', async () => {
    for (const pack of ['../../etc/passwd', '/etc/passwd', 'rules/esi-2003', 'esi-2004']) {
      const answer = await service.call('POST', '/v1/score', { body: JSON.stringify({ ...request, pack }) });
      expect(answer.status, pack).toBe(404);
      expect(answer.json, pack).toMatchObject({ errors: [{ code: 'UNKNOWN_PACK', pointer: '/pack', line: 1 }] });
      expect(answer.text).not.toMatch(/root:|\/home\/|\/tmp\//);
    }
    const version = await service.call('POST', '/v1/score', { body: JSON.stringify({ ...request, packVersion: '^3.0.0' }) });
    expect(version.status).toBe(404);
    expect(version.json).toMatchObject({ errors: [{ code: 'UNKNOWN_PACK', pointer: '/packVersion' }] });
    const thematic = await service.call('POST', '/v1/score', { body: JSON.stringify({ ...request, thematics: ['../ebs-2003'] }) });
    expect(thematic.status).toBe(404);
  });

  it('422 for a case file named in the body: the service reads no files', async () => {
    const answer = await service.call('POST', '/v1/score', { body: JSON.stringify({ ...request, cases: { file: '/etc/passwd' } }) });
    expect(answer.status).toBe(422);
    expect(answer.json).toMatchObject({ errors: [{ code: 'SCHEMA_TYPE', pointer: '/cases' }] });
    expect(answer.text).not.toContain('root:');
  });

  it('422 listing every case problem, located in the body, as on the command line', async () => {
    const cases = request.cases!.map((c, i) =>
      i === 3 ? { ...c, answers: { ...c.answers, 'C1.1': 'maybe' } } : i === 7 ? { ...c, facts: { ...c.facts, nonsense: 1 } } : c,
    );
    const answer = await service.call('POST', '/v1/score', { body: JSON.stringify({ ...request, cases }, null, 1) });
    expect(answer.status).toBe(422);
    const errors = (answer.json as { errors: Array<{ code: string; caseId?: string; file?: string; line?: number }> }).errors;
    expect(errors.filter((e) => e.caseId !== undefined).map((e) => [e.code, e.caseId])).toEqual([
      ['CASE_ANSWER_OFF_SCALE', request.cases![3]!.id],
      ['CASE_UNKNOWN_FACT', request.cases![7]!.id],
    ]);
    expect(errors.every((e) => e.file === undefined || e.file === 'request.json')).toBe(true);
    expect(errors.filter((e) => e.caseId !== undefined).every((e) => typeof e.line === 'number' && e.line > 1)).toBe(true);
    const excluded = await service.call('POST', '/v1/score', { body: JSON.stringify({ ...request, cases, excludeInvalid: true }) });
    expect(excluded.status).toBe(200);
    expect((excluded.json as { cases: { excluded: Array<{ id: string }> } }).cases.excluded.map((e) => e.id)).toEqual(
      [request.cases![3]!.id, request.cases![7]!.id].sort(),
    );
  });

  it('415 for a body of another type', async () => {
    const answer = await service.call('POST', '/v1/score', { body: 'pack: esi-2003', type: 'application/yaml' });
    expect(answer.status).toBe(415);
    expect(answer.json).toMatchObject({ errors: [{ code: 'MEDIA_TYPE' }] });
    const ndjsonElsewhere = await service.call('POST', '/v1/validate', { body: '{}\n', type: 'application/x-ndjson' });
    expect(ndjsonElsewhere.status).toBe(415);
  });

  it('413 for a body nested 1,000 levels deep, without a stack overflow', async () => {
    const deep = '{"pack":"esi-2003","area":{"name":"x"},"cases":[],"evidence":' + '{"a":'.repeat(1000) + '1' + '}'.repeat(1000) + '}';
    const answer = await service.call('POST', '/v1/score', { body: deep });
    expect(answer.status).toBe(413);
    expect(answer.json).toMatchObject({ errors: [{ code: 'YAML_TOO_DEEP' }] });
    expect((await service.call('GET', '/healthz')).status).toBe(200);
  });

  it('a client that disconnects mid-stream leaves the server up, and the next request succeeds', async () => {
    const text = ndjsonOf(request);
    const controller = new AbortController();
    let pushed = 0;
    const stream = new ReadableStream<Uint8Array>({
      async pull(c) {
        if (pushed === 0) {
          c.enqueue(Buffer.from(text.slice(0, text.length / 2)));
          pushed++;
          await new Promise((r) => setTimeout(r, 100));
          controller.abort();
        }
      },
    });
    await expect(
      fetch(`${service.url}/v1/score`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-ndjson' },
        body: stream,
        duplex: 'half',
        signal: controller.signal,
      } as RequestInit),
    ).rejects.toThrow();
    await new Promise((r) => setTimeout(r, 100));
    const next = await service.call('POST', '/v1/score', { body: JSON.stringify(request) });
    expect(next.status).toBe(200);
  });
});

describe('limits and the token', () => {
  it('413 for a body or a case count over the limits', async () => {
    const small = await startService({ maxBodyBytes: 20_000, maxCases: 50 });
    try {
      const big = await small.call('POST', '/v1/score', { body: JSON.stringify(request) });
      expect(big.status).toBe(413);
      expect(big.json).toMatchObject({ errors: [{ code: 'TOO_LARGE' }] });
      const stream = await small.call('POST', '/v1/score', { body: ndjsonOf(request), type: 'application/x-ndjson' });
      expect(stream.status).toBe(413);
      const few = { ...request, cases: request.cases!.slice(0, 60) };
      const many = await startService({ maxCases: 50 });
      try {
        const tooMany = await many.call('POST', '/v1/score', { body: JSON.stringify(few) });
        expect(tooMany.status).toBe(413);
        expect(tooMany.json).toMatchObject({ errors: [{ code: 'TOO_LARGE', message: 'the request has more than the 50 cases this server scores at once' }] });
        const tooManyStreamed = await many.call('POST', '/v1/score', { body: ndjsonOf(few), type: 'application/x-ndjson' });
        expect(tooManyStreamed.status).toBe(413);
      } finally {
        await many.close();
      }
    } finally {
      await small.close();
    }
  });

  it('401 without the token or with a wrong one, on every /v1 route; /healthz stays open', async () => {
    const guarded = await startService({ token: 'correct-horse-battery' });
    try {
      for (const [method, path] of [
        ['GET', '/v1/packs'],
        ['POST', '/v1/score'],
        ['POST', '/v1/validate'],
        ['POST', '/v1/explain'],
      ] as const) {
        const body = method === 'POST' ? JSON.stringify(request) : undefined;
        const none = await guarded.call(method, path, body !== undefined ? { body } : {});
        expect(none.status, path).toBe(401);
        expect(none.headers.get('www-authenticate')).toBe('Bearer');
        const wrong = await guarded.call(method, path, { ...(body !== undefined ? { body } : {}), token: 'correct-horse-batteryX' });
        expect(wrong.status, path).toBe(401);
        expect(wrong.json).toMatchObject({ errors: [{ code: 'UNAUTHORIZED', message: 'the token is wrong' }] });
      }
      expect((await guarded.call('GET', '/v1/packs', { token: 'correct-horse-battery' })).status).toBe(200);
      expect((await guarded.call('GET', '/healthz')).status).toBe(200);
    } finally {
      await guarded.close();
    }
  });

  it('no CORS headers unless an origin is named, and then only for it', async () => {
    const plain = await service.call('GET', '/v1/packs', { headers: { origin: 'https://elsewhere.example' } });
    expect(plain.headers.get('access-control-allow-origin')).toBeNull();
    const withCors = await startService({ cors: 'https://tools.example' });
    try {
      const allowed = await withCors.call('GET', '/v1/packs', { headers: { origin: 'https://tools.example' } });
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://tools.example');
    } finally {
      await withCors.close();
    }
  });

  it('503 once shutting down, while a request in flight still finishes', async () => {
    const closing = await startService();
    const text = ndjsonOf(request);
    const half = text.indexOf('\n', text.length / 2) + 1;
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let step = 0;
    const stream = new ReadableStream<Uint8Array>({
      async pull(c) {
        if (step === 0) c.enqueue(Buffer.from(text.slice(0, half)));
        else if (step === 1) {
          await released;
          c.enqueue(Buffer.from(text.slice(half)));
        } else c.close();
        step++;
      },
    });
    const seen = new Promise((r) => closing.service.app.server.once('request', r));
    const inFlight = closing.call('POST', '/v1/score', { body: stream, type: 'application/x-ndjson' });
    await seen;
    await new Promise((r) => setTimeout(r, 50));
    const shutDown = closing.service.shutDown();
    // The port is closed to new connections; a request that still reaches the app is refused.
    await expect(closing.call('GET', '/healthz')).rejects.toThrow();
    // A request on a connection opened before (handed to the app's router as the HTTP server would):
    const late = await inject((req, res) => closing.service.app.routing(req, res), { method: 'GET', url: '/v1/packs' });
    expect(late.statusCode).toBe(503);
    expect(late.json()).toMatchObject({ errors: [{ code: 'SHUTTING_DOWN' }] });
    release();
    const finished = await inFlight;
    expect(finished.status).toBe(200);
    expect(withoutInputHash(finished.text)).toBe(withoutInputHash(cliResult.text as string));
    await shutDown;
  });
});

describe('under load', () => {
  it('200 concurrent score requests all succeed with identical results', async () => {
    const body = JSON.stringify(request);
    const answers = await Promise.all(
      Array.from({ length: 200 }, () =>
        fetch(`${service.url}/v1/score`, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).then(async (r) => ({
          status: r.status,
          text: await r.text(),
        })),
      ),
    );
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
  }, 60_000);
});

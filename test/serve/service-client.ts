/**
 * A service on a free localhost port for tests, a client that records every answer, and a check
 * of each recorded answer against the OpenAPI document the service publishes.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { resolve } from 'node:path';
import { buildServer, type Service } from '../../src/serve/build-server.js';
import type { ServeOptions } from '../../src/serve/serve-options.js';
import { REPO } from '../hostile/built-cli.js';
import type { ScoreRequest } from '../../src/model/service.js';
import { inspectionAsRequest } from '../../src/serve/inspection-request.js';

export interface Answer {
  method: string;
  route: string;
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

export interface Running {
  url: string;
  service: Service;
  log: string[];
  answers: Answer[];
  call(
    method: string,
    path: string,
    init?: { body?: string | Uint8Array | ReadableStream; type?: string; token?: string; route?: string; headers?: Record<string, string> },
  ): Promise<Answer>;
  close(): Promise<void>;
}

/** Starts the service on 127.0.0.1 with a free port over the repository's packs (or another workspace). */
export async function startService(options: Partial<ServeOptions> = {}): Promise<Running> {
  const log: string[] = [];
  const service = await buildServer({
    workspace: REPO,
    host: '127.0.0.1',
    port: 0,
    maxBodyBytes: 10 * 1024 * 1024,
    maxCases: 1_000_000,
    timeoutMs: 30_000,
    log: (line) => log.push(line),
    ...options,
  });
  await service.app.listen({ host: '127.0.0.1', port: 0 });
  const address = service.app.server.address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  const answers: Answer[] = [];
  return {
    url,
    service,
    log,
    answers,
    async call(method, path, init = {}) {
      const headers: Record<string, string> = { ...(init.headers ?? {}) };
      if (init.body !== undefined) headers['content-type'] = init.type ?? 'application/json';
      if (init.token !== undefined) headers.authorization = `Bearer ${init.token}`;
      const response = await fetch(url + path, { method, headers, ...(init.body !== undefined ? { body: init.body, duplex: 'half' } : {}) } as RequestInit);
      const text = await response.text();
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
      const answer = { method, route: init.route ?? path.split('?')[0]!, status: response.status, headers: response.headers, text, json };
      answers.push(answer);
      return answer;
    },
    close: () => service.app.close(),
  };
}

/** The Derbyshire example as a request to the service: the same inspection, its packs by id, its cases listed. */
export async function derbyshireRequest(): Promise<{ request: ScoreRequest }> {
  const made = await inspectionAsRequest(resolve(REPO, 'rules/esi-2003/examples/derbyshire-2003/inspection.yaml'));
  if ('errors' in made) throw new Error(made.errors[0]!.message);
  return made;
}

/** The problems of each answer against the OpenAPI document's schema for its route, method and status. */
export function checkAgainstOpenApi(document: Record<string, unknown>, answers: readonly Answer[]): string[] {
  const ajv = new Ajv2020({ strict: false, allErrors: true, allowUnionTypes: true });
  ajv.addSchema({ ...document, $id: 'openapi.json' });
  const paths = document.paths as Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>>;
  const problems: string[] = [];
  for (const answer of answers) {
    const operation = paths[answer.route]?.[answer.method.toLowerCase()];
    if (!operation) {
      if (answer.status !== 404) problems.push(`${answer.method} ${answer.route}: not in the document`);
      continue;
    }
    const response = operation.responses[String(answer.status)];
    if (!response) {
      problems.push(`${answer.method} ${answer.route}: status ${answer.status} not in the document`);
      continue;
    }
    const ref = (response.content?.['application/json']?.schema as { $ref?: string } | undefined)?.$ref;
    if (ref === undefined) continue;
    const id = `openapi.json${ref}`;
    const validate = ajv.getSchema(id);
    if (!validate) {
      problems.push(`${answer.method} ${answer.route}: no schema ${ref}`);
      continue;
    }
    if (!validate(answer.json)) problems.push(`${answer.method} ${answer.route} ${answer.status}: ${ajv.errorsText(validate.errors)}`);
  }
  return problems;
}

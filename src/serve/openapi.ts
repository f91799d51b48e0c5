/**
 * The service's OpenAPI 3.1 document. Its schemas are the generated ones under schemas/ (from
 * src/model, never written twice): their definitions become components, their references
 * follow. Only the paths, statuses and words around them are written here.
 */
import { readFileSync } from 'node:fs';
import { ENGINE_VERSION } from '../engine-version.js';

type Json = Record<string, unknown>;

function readSchema(name: string): Json {
  return JSON.parse(readFileSync(new URL(`../../schemas/${name}.schema.json`, import.meta.url), 'utf8')) as Json;
}

/** `value` with every `#/definitions/X` reference pointed at `#/components/schemas/X`. */
function retarget(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(retarget);
  if (value === null || typeof value !== 'object') return value;
  const out: Json = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] = key === '$ref' && typeof v === 'string' ? v.replace('#/definitions/', '#/components/schemas/') : retarget(v);
  }
  return out;
}

/** The components: every definition of the service's and the result's schemas. */
function components(): Record<string, unknown> {
  const service = readSchema('service');
  const result = readSchema('result');
  const all: Json = { ...(service.definitions as Json), ...(result.definitions as Json) };
  return retarget(all) as Record<string, unknown>;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: string) => ({ 'application/json': { schema: ref(name) } });

/** The error answers a route can give, by status. */
function errors(...statuses: number[]): Record<string, unknown> {
  const words: Record<number, string> = {
    400: 'The body cannot be read (not JSON, not UTF-8, empty).',
    401: 'The server has a token and the request does not carry it as `Authorization: Bearer`.',
    404: 'No such route, pack or version, or the inspection has no such result or case.',
    413: "The body, its nesting or its cases are over the server's limits.",
    415: 'The body is not `application/json` (or, for /v1/score, `application/x-ndjson`).',
    422: 'The inspection or its cases are invalid: every problem listed, with line and column in the body.',
    503: 'The server is shutting down, or the request took longer than it allows.',
  };
  const out: Json = {};
  for (const status of [...new Set([401, 503, ...statuses])].sort()) out[status] = { description: words[status], content: json('ErrorResponse') };
  return out;
}

export function buildOpenApi(): Json {
  const version = {
    name: 'version',
    in: 'query',
    required: false,
    description: 'A semver range; the newest version of the pack in it is used.',
    schema: { type: 'string' },
  };
  const id = { name: 'id', in: 'path', required: true, description: "The pack's id.", schema: { type: 'string' } };
  return {
    openapi: '3.1.0',
    info: {
      title: 'criteria scoring service',
      version: ENGINE_VERSION,
      description:
        'Scores inspections with the rule packs of a workspace, found by id and version range. Every result carries its provenance (packs, their content hashes, the engine, the sha256 of the request body).',
    },
    components: {
      schemas: components(),
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'Needed on every /v1 route when the server was started with --token.' } },
    },
    security: [{ bearer: [] }, {}],
    paths: {
      '/healthz': {
        get: { summary: 'Whether the server is up', security: [], responses: { 200: { description: 'Up.', content: json('Health') }, 503: errors()[503] } },
      },
      '/openapi.json': {
        get: {
          summary: 'This document',
          security: [],
          responses: { 200: { description: 'The OpenAPI document.', content: { 'application/json': { schema: { type: 'object' } } } } },
        },
      },
      '/v1/packs': {
        get: {
          summary: 'The packs of the workspace',
          responses: { 200: { description: 'Every pack, methodologies first.', content: json('PackList') }, ...errors() },
        },
      },
      '/v1/packs/{id}': {
        get: {
          summary: "A pack's summary",
          parameters: [id, version],
          responses: { 200: { description: 'The newest version in the range.', content: json('PackSummary') }, ...errors(404) },
        },
      },
      '/v1/packs/{id}/schema/cases': {
        get: {
          summary: 'The JSON Schema of case records for a methodology',
          parameters: [
            id,
            version,
            { name: 'thematics', in: 'query', required: false, description: 'Thematic ids to include, comma-separated.', schema: { type: 'string' } },
          ],
          responses: {
            200: { description: 'A JSON Schema (draft-07).', content: { 'application/json': { schema: { type: 'object' } } } },
            ...errors(404, 422),
          },
        },
      },
      '/v1/validate': {
        post: {
          summary: 'Check pack files',
          requestBody: { required: true, content: json('ValidateRequest') },
          responses: { 200: { description: 'The diagnostics of `criteria validate`.', content: json('ValidateResponse') }, ...errors(400, 413, 415, 422) },
        },
      },
      '/v1/score': {
        post: {
          summary: 'Score an inspection',
          description:
            'JSON: the inspection with its cases listed. NDJSON: the inspection (without cases) on the first line, then one case record per line, scored as it arrives.',
          requestBody: { required: true, content: { ...json('ScoreRequest'), 'application/x-ndjson': { schema: { type: 'string' } } } },
          responses: {
            200: { description: 'The result, as `criteria score --format json` prints it.', content: json('InspectionResult') },
            ...errors(400, 404, 413, 415, 422),
          },
        },
      },
      '/v1/explain': {
        post: {
          summary: 'Explain a result or follow a case',
          requestBody: { required: true, content: json('ExplainRequest') },
          responses: {
            200: { description: 'The trace `criteria explain --format json` prints.', content: json('ExplainResponse') },
            ...errors(400, 404, 413, 415, 422),
          },
        },
      },
    },
  };
}

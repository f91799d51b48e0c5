/**
 * The author workbench on a scoring server: the page at `/` with its assets, and its JSON API
 * under `/v1/workbench/`: the workspace's packs and files, reading and saving a file (with
 * conflict detection), the live check of unsaved texts (diagnostics and the scoring sheet), the
 * pack's tests with coverage, the explain trace of a figure, and the impact of the edits against
 * an earlier version. Every path a request names is resolved strictly inside the workspace;
 * unsaved texts are read through the load overlay, never written to disk for a check.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { readWorkspaceFile, saveWorkspaceFile } from './access-workspace-file.js';
import { PackDocumentCache } from './cache-pack-documents.js';
import { checkEditedPacks } from './check-edited-packs.js';
import { findOutsideReference } from './check-references.js';
import { explainEditedResult } from './explain-edited-result.js';
import { listWorkspacePacks } from './list-workspace-files.js';
import { measureEditedImpact, type Against } from './measure-edited-impact.js';
import { overlayRequestFiles } from './overlay-request-files.js';
import { findRepository, listVersions } from './read-git-version.js';
import { realWorkspace, resolveWorkspacePath } from './resolve-workspace-path.js';
import { runEditedTests } from './run-edited-tests.js';
import { serveWorkbenchAssets } from './serve-workbench-assets.js';

export interface WorkbenchContext {
  /** The absolute path of the workspace folder. */
  workspace: string;
  /** Where the built page and bundle are (default: dist/workbench of this package). */
  assets?: string;
}

const PATH = { type: 'string', minLength: 1, maxLength: 1024 } as const;
const FILES = { type: 'object', additionalProperties: { type: 'string' }, maxProperties: 200 } as const;

/** The workbench's own problem codes, beside the service's (BAD_REQUEST, NOT_FOUND, TOO_LARGE) and the engine's. */
export type WorkbenchErrorCode = 'BAD_REQUEST' | 'NOT_FOUND' | 'TOO_LARGE' | 'NOT_UTF8' | 'CONFLICT' | 'OUTSIDE_WORKSPACE' | 'NO_GIT';

/** Answers with the service's error shape: `{ errors: [{ code, severity, message, hint }] }`. */
function fail(reply: FastifyReply, status: number, code: WorkbenchErrorCode, message: string, hint?: string, extra: object = {}): FastifyReply {
  return reply.code(status).send({ errors: [{ code, severity: 'error', message, ...(hint !== undefined ? { hint } : {}) }], ...extra });
}

export async function registerWorkbench(server: FastifyInstance, context: WorkbenchContext): Promise<void> {
  serveWorkbenchAssets(server, context.assets);
  // The workbench's routes parse their own JSON bodies (the server may hand bodies on as text).
  await server.register(async (app) => {
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('application/json', { parseAs: 'string' }, app.getDefaultJsonParser('error', 'error'));
    registerRoutes(app, realWorkspace(context.workspace));
  });
}

function registerRoutes(app: FastifyInstance, workspace: string): void {
  const cache = new PackDocumentCache();
  const overlay = (reply: FastifyReply, files: unknown) => {
    const made = overlayRequestFiles(workspace, files);
    if ('problem' in made) {
      fail(reply, 400, 'BAD_REQUEST', made.problem, 'name files by their paths in the workspace, e.g. rules/my-pack/pack.yaml');
      return undefined;
    }
    return made.texts;
  };
  /** Refuses a request whose files name, directly or through others, a path outside the workspace. */
  const staysInside = (
    reply: FastifyReply,
    start: { inspections?: string[]; packs?: string[]; tests?: boolean },
    texts: ReadonlyMap<string, string>,
  ): boolean => {
    const absolute = (paths: string[] | undefined) =>
      (paths ?? []).map((p) => resolveWorkspacePath(workspace, p)).flatMap((r) => ('absolute' in r ? [r.absolute] : []));
    const outside = findOutsideReference(
      workspace,
      { inspections: absolute(start.inspections), packs: absolute(start.packs), tests: start.tests === true },
      texts,
    );
    if (outside === undefined) return true;
    fail(
      reply,
      400,
      'OUTSIDE_WORKSPACE',
      'a file names a path outside the workspace; the workbench reads only files inside it',
      'keep packs, inspections, case files and tests inside the workspace and name them by relative paths',
    );
    return false;
  };

  app.get('/v1/workbench/packs', async () => ({
    packs: listWorkspacePacks(workspace),
    git: (await findRepository(workspace)) !== undefined,
  }));

  /** Only the files of the workspace's packs are opened or saved (not, say, a build script beside them). */
  const editable = (reply: FastifyReply, path: string): boolean => {
    const resolved = resolveWorkspacePath(workspace, path);
    if ('problem' in resolved) {
      fail(reply, 400, 'BAD_REQUEST', resolved.problem);
      return false;
    }
    if (listWorkspacePacks(workspace).some((p) => p.files.some((f) => f.path === resolved.relative))) return true;
    fail(reply, 404, 'NOT_FOUND', `${resolved.relative} is not a file of a pack in the workspace`, 'open the files listed under the packs');
    return false;
  };

  app.get<{ Querystring: { path: string } }>(
    '/v1/workbench/file',
    {
      schema: { querystring: { type: 'object', required: ['path'], properties: { path: PATH } } },
    },
    async (request, reply) => {
      if (!editable(reply, request.query.path)) return reply;
      const read = readWorkspaceFile(workspace, request.query.path);
      if ('problem' in read) return fail(reply, read.problem.status, read.problem.code, read.problem.message);
      return read;
    },
  );

  app.put<{ Body: { path: string; text: string; baseHash: string; force?: boolean } }>(
    '/v1/workbench/file',
    {
      schema: {
        body: {
          type: 'object',
          required: ['path', 'text', 'baseHash'],
          additionalProperties: false,
          properties: { path: PATH, text: { type: 'string' }, baseHash: { type: 'string', maxLength: 128 }, force: { type: 'boolean' } },
        },
      },
    },
    async (request, reply) => {
      const { path, text, baseHash, force } = request.body;
      if (!editable(reply, path)) return reply;
      const saved = saveWorkspaceFile(workspace, path, text, baseHash, force === true);
      if ('problem' in saved) return fail(reply, saved.problem.status, saved.problem.code, saved.problem.message);
      if ('conflict' in saved) {
        return fail(
          reply,
          409,
          'CONFLICT',
          `${saved.conflict.disk.path} changed on disk since it was opened`,
          'choose which version to keep: save again with the hash of the version on disk, or with force',
          { disk: saved.conflict.disk, yours: saved.conflict.yours },
        );
      }
      return saved.saved;
    },
  );

  app.post<{ Body: { packs: string[]; inspection?: string; files?: Record<string, string> } }>(
    '/v1/workbench/check',
    {
      schema: {
        body: {
          type: 'object',
          required: ['packs'],
          additionalProperties: false,
          properties: { packs: { type: 'array', items: PATH, maxItems: 20 }, inspection: PATH, files: FILES },
        },
      },
    },
    async (request, reply) => {
      const texts = overlay(reply, request.body.files);
      if (!texts) return reply;
      const { packs, inspection } = request.body;
      if (!staysInside(reply, { packs, inspections: inspection !== undefined ? [inspection] : [] }, texts)) return reply;
      const checked = await checkEditedPacks(workspace, { packs, ...(inspection !== undefined ? { inspection } : {}) }, texts, cache);
      if ('problem' in checked) return fail(reply, 400, 'BAD_REQUEST', checked.problem);
      return checked;
    },
  );

  app.post<{ Body: { pack: string; files?: Record<string, string> } }>(
    '/v1/workbench/tests',
    {
      schema: { body: { type: 'object', required: ['pack'], additionalProperties: false, properties: { pack: PATH, files: FILES } } },
    },
    async (request, reply) => {
      const texts = overlay(reply, request.body.files);
      if (!texts) return reply;
      if (!staysInside(reply, { packs: [request.body.pack], tests: true }, texts)) return reply;
      const run = await runEditedTests(workspace, request.body.pack, texts, cache);
      if ('problem' in run) return fail(reply, 400, 'BAD_REQUEST', run.problem);
      return run;
    },
  );

  app.post<{ Body: { inspection: string; id?: string; caseId?: string; files?: Record<string, string> } }>(
    '/v1/workbench/explain',
    {
      schema: {
        body: {
          type: 'object',
          required: ['inspection'],
          additionalProperties: false,
          properties: {
            inspection: PATH,
            id: { type: 'string', minLength: 1, maxLength: 200 },
            caseId: { type: 'string', minLength: 1, maxLength: 200 },
            files: FILES,
          },
        },
      },
    },
    async (request, reply) => {
      const texts = overlay(reply, request.body.files);
      if (!texts) return reply;
      const { inspection, id, caseId } = request.body;
      if (!staysInside(reply, { inspections: [inspection] }, texts)) return reply;
      const explained = await explainEditedResult(
        workspace,
        { inspection, ...(id !== undefined ? { id } : {}), ...(caseId !== undefined ? { caseId } : {}) },
        texts,
        cache,
      );
      if ('problem' in explained) return fail(reply, 400, 'BAD_REQUEST', explained.problem);
      return explained;
    },
  );

  app.post<{ Body: { pack: string; against?: { ref?: string; pack?: string }; files?: Record<string, string> } }>(
    '/v1/workbench/impact',
    {
      schema: {
        body: {
          type: 'object',
          required: ['pack'],
          additionalProperties: false,
          properties: {
            pack: PATH,
            against: { type: 'object', additionalProperties: false, properties: { ref: { type: 'string', minLength: 1, maxLength: 100 }, pack: PATH } },
            files: FILES,
          },
        },
      },
    },
    async (request, reply) => {
      const texts = overlay(reply, request.body.files);
      if (!texts) return reply;
      const given = request.body.against ?? {};
      if (given.ref !== undefined && given.pack !== undefined) return fail(reply, 400, 'BAD_REQUEST', 'compare against a git ref or a pack folder, not both');
      const inspections = listWorkspacePacks(workspace).find((p) => p.path === request.body.pack)?.inspections ?? [];
      if (!staysInside(reply, { packs: [request.body.pack, ...(given.pack !== undefined ? [given.pack] : [])], inspections }, texts)) return reply;
      const against: Against = given.pack !== undefined ? { pack: given.pack } : { ref: given.ref ?? 'HEAD' };
      const impact = await measureEditedImpact(workspace, request.body.pack, against, texts, cache);
      if ('problem' in impact)
        return fail(reply, impact.status ?? 400, impact.status === 404 ? 'NOT_FOUND' : impact.status === 409 ? 'NO_GIT' : 'BAD_REQUEST', impact.problem);
      return impact;
    },
  );

  app.get<{ Querystring: { pack: string } }>(
    '/v1/workbench/versions',
    {
      schema: { querystring: { type: 'object', required: ['pack'], properties: { pack: PATH } } },
    },
    async (request, reply) => {
      const resolved = resolveWorkspacePath(workspace, request.query.pack);
      if ('problem' in resolved) return fail(reply, 400, 'BAD_REQUEST', resolved.problem);
      const repository = await findRepository(workspace);
      if (!repository) return { git: false, commits: [], tags: [] };
      return { git: true, ...(await listVersions(repository, resolved.absolute)) };
    },
  );
}

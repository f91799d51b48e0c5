/**
 * `GET /v1/packs`, `GET /v1/packs/{id}` and `GET /v1/packs/{id}/schema/cases`: the workspace's
 * packs, one pack's summary (the newest in `?version=`), and the JSON Schema of the case records
 * a methodology (with `?thematics=a,b`) reads.
 */
import type { FastifyInstance } from 'fastify';
import type { Pack } from '../../model/pack.js';
import type { PackList, PackSummary } from '../../model/service.js';
import { buildCaseSchema } from '../../compile/build-case-schema.js';
import { didYouMean } from '../../source/suggest-name.js';
import { problem } from '../problems.js';
import type { ServiceContext } from '../service-context.js';
import type { WorkspacePack } from '../workspace.js';

interface PackParams {
  id: string;
}
interface PackQuery {
  version?: string;
  thematics?: string;
}

export function registerPacks(app: FastifyInstance, ctx: ServiceContext): void {
  app.get('/v1/packs', async (): Promise<PackList> => ({ packs: ctx.workspace.list().map((p) => p.summary) }));

  app.get<{ Params: PackParams; Querystring: PackQuery }>('/v1/packs/:id', async (request): Promise<PackSummary> => {
    return findOrThrow(ctx, request.params.id, request.query.version).summary;
  });

  app.get<{ Params: PackParams; Querystring: PackQuery }>('/v1/packs/:id/schema/cases', async (request) => {
    const methodology = usable(findOrThrow(ctx, request.params.id, request.query.version));
    if (methodology.kind !== 'methodology')
      throw problem(422, 'BAD_REQUEST', `${methodology.id} is a thematic`, "ask for its methodology's schema with ?thematics=" + methodology.id);
    const ids = (request.query.thematics ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    const thematics = ids.map((id) => usable(findOrThrow(ctx, id, undefined)));
    return buildCaseSchema(ctx.workspace.plan(methodology, thematics));
  });
}

function findOrThrow(ctx: ServiceContext, id: string, range: string | undefined): WorkspacePack {
  const found = ctx.workspace.find(id, range);
  if ('pack' in found) return found.pack;
  if (found.missing === 'id')
    throw problem(404, 'UNKNOWN_PACK', `the workspace has no pack '${id}'${didYouMean(id, ctx.workspace.ids())}`, 'GET /v1/packs lists the packs');
  throw problem(
    404,
    'UNKNOWN_PACK',
    `the workspace has ${id} ${found.versions.join(', ')}, none in the range ${range}`,
    'ask for a range that one of those versions satisfies',
  );
}

function usable(found: WorkspacePack): Pack {
  if (!found.pack)
    throw problem(422, 'UNKNOWN_PACK', `${found.summary.id} ${found.summary.version} fails its checks`, `GET /v1/packs/${found.summary.id} lists its problems`);
  return found.pack;
}

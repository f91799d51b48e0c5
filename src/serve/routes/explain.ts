/**
 * `POST /v1/explain`: the explain trace of one result, or of one case through every question, of
 * an inspection sent as for `POST /v1/score` — the tree `criteria explain --format json` prints.
 */
import type { FastifyInstance } from 'fastify';
import type { ExplainRequest, ExplainResponse } from '../../model/service.js';
import { explainScored } from '../../explain/explain-inspection.js';
import { diagnosticsProblem } from '../problems.js';
import { readJsonBody, subDocument } from '../read-request.js';
import type { ServiceContext } from '../service-context.js';
import { scoreJson } from './score.js';

export function registerExplain(app: FastifyInstance, ctx: ServiceContext): void {
  app.post('/v1/explain', async (request): Promise<ExplainResponse> => {
    const doc = readJsonBody(request.body, 'explain-request');
    const target = doc.value as ExplainRequest;
    if ((target.id === undefined) === (target.case === undefined)) {
      throw diagnosticsProblem(
        [
          {
            code: 'SCHEMA_REQUIRED',
            severity: 'error',
            message: target.id === undefined ? 'name a result id or a case to explain' : 'give id or case, not both',
            hint: 'send { inspection, id: "C1" } or { inspection, case: "D004" }',
            file: 'request.json',
            line: 1,
            column: 1,
          },
        ],
        422,
      );
    }
    const scored = await scoreJson(subDocument(doc, '/inspection'), ctx, '/inspection', true);
    request.casesRead = scored.result.cases.read;
    const explained = await explainScored(scored, target.case !== undefined ? { caseId: target.case } : { id: target.id! });
    if ('errors' in explained) throw diagnosticsProblem(explained.errors, 404);
    return { trace: explained.trace };
  });
}

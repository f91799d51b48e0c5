/**
 * The explain trace of one result (or one case) of an inspection scored on the editor's texts:
 * the same tree and text as `criteria explain`.
 */
import { explainInspection } from '../../explain/explain-inspection.js';
import { renderTraceText } from '../../explain/render-trace.js';
import type { TraceNode } from '../../explain/trace-node.js';
import { withTextOverlay, type ParsedCache } from '../../load/text-overlay.js';
import { relativizeDiagnostics, type WorkbenchDiagnostic } from './relativize-diagnostic.js';
import { resolveWorkspacePath } from './resolve-workspace-path.js';

export type ExplainRequest = { inspection: string; id?: string; caseId?: string };
export type ExplainOutcome = { trace: TraceNode; text: string } | { errors: WorkbenchDiagnostic[] };

export async function explainEditedResult(
  workspace: string,
  request: ExplainRequest,
  texts: ReadonlyMap<string, string>,
  cache?: ParsedCache,
): Promise<ExplainOutcome | { problem: string }> {
  const inspection = resolveWorkspacePath(workspace, request.inspection);
  if ('problem' in inspection) return { problem: `${request.inspection}: ${inspection.problem}` };
  if ((request.id === undefined) === (request.caseId === undefined)) return { problem: 'name a result id or a case id, not both' };
  return withTextOverlay(
    texts,
    async () => {
      const target = request.caseId !== undefined ? { caseId: request.caseId } : { id: request.id! };
      const explained = await explainInspection(inspection.absolute, target);
      if ('errors' in explained) return { errors: relativizeDiagnostics(workspace, explained.errors) };
      return { trace: explained.trace, text: renderTraceText(explained.trace, request.caseId !== undefined ? 2 : undefined) };
    },
    cache,
  );
}

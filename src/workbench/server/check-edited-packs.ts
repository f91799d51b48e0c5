/**
 * The live check of unsaved edits: each pack named is loaded and checked as `criteria validate`
 * does (a thematic with its methodology), and the chosen inspection is scored and rendered as
 * `criteria score --format html` renders it — all with the editor's texts in place of the files.
 */
import { dirname, join } from 'node:path';
import { loadPack, loadPackFiles } from '../../pipeline/load-pack.js';
import { withTextOverlay, type ParsedCache } from '../../load/text-overlay.js';
import { formatHtml } from '../../report/format-html.js';
import { scoreInspectionFile } from '../../pipeline/score-file.js';
import { describeResults, type ResultEntry } from './describe-results.js';
import { listPackNames, type PackNames } from './list-pack-names.js';
import { relativizeDiagnostics, type WorkbenchDiagnostic } from './relativize-diagnostic.js';
import { resolveWorkspacePath } from './resolve-workspace-path.js';

export interface PackCheck {
  path: string;
  id?: string;
  version?: string;
  kind?: string;
  valid: boolean;
  diagnostics: WorkbenchDiagnostic[];
  /** What the pack declares (when it is valid), for completion. */
  names?: PackNames;
}

export type SheetOutcome = { inspection: string; html: string; results: ResultEntry[] } | { inspection: string; errors: WorkbenchDiagnostic[] };

export interface CheckOutcome {
  packs: PackCheck[];
  sheet?: SheetOutcome;
  /** Milliseconds spent checking the packs and scoring the inspection. */
  timings: { checkMs: number; scoreMs: number };
}

export type CheckRequest = { packs: string[]; inspection?: string };

export async function checkEditedPacks(
  workspace: string,
  request: CheckRequest,
  texts: ReadonlyMap<string, string>,
  cache?: ParsedCache,
): Promise<CheckOutcome | { problem: string }> {
  const packPaths: Array<{ absolute: string; relative: string }> = [];
  for (const p of request.packs) {
    const resolved = resolveWorkspacePath(workspace, p);
    if ('problem' in resolved) return { problem: `${p}: ${resolved.problem}` };
    packPaths.push(resolved);
  }
  const inspection = request.inspection === undefined ? undefined : resolveWorkspacePath(workspace, request.inspection);
  if (inspection && 'problem' in inspection) return { problem: `${request.inspection}: ${inspection.problem}` };
  return withTextOverlay(
    texts,
    async () => {
      const began = performance.now();
      const packs = packPaths.map((p) => checkPack(workspace, p));
      const checked = performance.now();
      const sheet = inspection ? await renderSheet(workspace, inspection) : undefined;
      return { packs, ...(sheet ? { sheet } : {}), timings: { checkMs: checked - began, scoreMs: performance.now() - checked } };
    },
    cache,
  );
}

function checkPack(workspace: string, path: { absolute: string; relative: string }): PackCheck {
  const loaded = loadPack(path.absolute);
  if ('errors' in loaded) return { path: path.relative, valid: false, diagnostics: relativizeDiagnostics(workspace, loaded.errors) };
  const { pack, warnings } = loaded;
  const methodology =
    pack.kind === 'thematic' && pack.attachesTo?.path !== undefined && pack.files?.[0]
      ? loadPackFiles(join(dirname(pack.files[0]), pack.attachesTo.path))
      : undefined;
  const names = listPackNames(pack, methodology && 'pack' in methodology ? methodology.pack : undefined);
  return {
    path: path.relative,
    id: pack.id,
    version: pack.version,
    kind: pack.kind,
    valid: true,
    diagnostics: relativizeDiagnostics(workspace, warnings),
    names,
  };
}

async function renderSheet(workspace: string, inspection: { absolute: string; relative: string }): Promise<SheetOutcome> {
  const scored = await scoreInspectionFile(inspection.absolute);
  if ('errors' in scored) return { inspection: inspection.relative, errors: relativizeDiagnostics(workspace, scored.errors) };
  return { inspection: inspection.relative, html: formatHtml(scored.result), results: describeResults(scored.result) };
}

/**
 * An inspection sent to the service, made ready to score: its packs found in the workspace by id
 * and version range (never by path), its thematics checked against its methodology, and its
 * cases listed in the body or streamed after it.
 */
import semver from 'semver';
import type { Diagnostic } from '../model/errors.js';
import type { InspectionFile } from '../model/inspection.js';
import type { Pack } from '../model/pack.js';
import type { ScoreRequest, ThematicReference } from '../model/service.js';
import type { CompiledPlan } from '../compile/compiled-plan.js';
import { didYouMean, listNames } from '../source/suggest-name.js';
import { assembleInspection, type OpenedInspection } from '../pipeline/load-inspection.js';
import type { SourceDocument } from '../source/source-document.js';
import { diagnosticsProblem, RequestProblem } from './problems.js';
import type { Workspace } from './workspace.js';

export interface OpenedRequest {
  opened: OpenedInspection;
  plan: CompiledPlan;
  /** Whether bad cases are left out (and listed) instead of failing the request. */
  excludeInvalid: boolean;
}

/** Finds the request's packs and assembles the inspection; throws a RequestProblem when it cannot. */
export function openRequest(doc: SourceDocument, workspace: Workspace): OpenedRequest {
  const request = doc.value as ScoreRequest;
  const at = (pointer: string) => ({ file: doc.file, ...doc.locate(pointer), pointer });
  const methodology = findPack(
    workspace,
    request.pack,
    request.packVersion,
    'methodology',
    () => at('/pack'),
    () => at('/packVersion'),
  );
  const thematics: Pack[] = [];
  const errors: Diagnostic[] = [];
  (request.thematics ?? []).forEach((reference, i) => {
    const { id, version } = typeof reference === 'string' ? ({ id: reference } as ThematicReference) : reference;
    const thematic = findPack(
      workspace,
      id,
      version,
      'thematic',
      () => at(`/thematics/${i}`),
      () => at(`/thematics/${i}`),
    );
    const attaches = thematic.attachesTo;
    if (attaches?.methodology !== methodology.id || !semver.satisfies(methodology.version, attaches.versions)) {
      errors.push({
        code: 'THEMATIC_INCOMPATIBLE',
        severity: 'error',
        message: `thematic ${thematic.id} ${thematic.version} attaches to ${attaches?.methodology} ${attaches?.versions}, not to ${methodology.id} ${methodology.version}`,
        hint: 'list only thematics written for this methodology version',
        ...at(`/thematics/${i}`),
      });
    } else if (thematics.some((t) => t.id === thematic.id)) {
      errors.push({
        code: 'DUPLICATE_ID',
        severity: 'error',
        message: `thematic ${thematic.id} is listed twice`,
        hint: 'list each thematic once',
        ...at(`/thematics/${i}`),
      });
    } else thematics.push(thematic);
  });
  if (errors.length > 0) throw diagnosticsProblem(errors, 422);
  const { excludeInvalid, pack: _pack, packVersion: _version, thematics: _thematics, cases, ...rest } = request;
  const inspection: InspectionFile = { ...rest, pack: methodology.id, thematics: thematics.map((t) => t.id), cases: cases ?? [] };
  return {
    opened: assembleInspection(doc.file, doc, inspection, methodology, thematics),
    plan: workspace.plan(methodology, thematics),
    excludeInvalid: excludeInvalid === true,
  };
}

type Place = Pick<Diagnostic, 'file' | 'line' | 'column' | 'pointer'>;

/** A valid pack of the workspace with this id, kind and version range; throws 404 or 422 when there is none. */
/** `idAt` and `rangeAt` find where the id and range are written, only when a problem needs it. */
function findPack(workspace: Workspace, id: string, range: string | undefined, kind: Pack['kind'], idAt: () => Place, rangeAt: () => Place): Pack {
  if (range !== undefined && semver.validRange(range) === null) {
    throw diagnosticsProblem(
      [{ code: 'BAD_VERSION_RANGE', severity: 'error', message: `'${range}' is not a semver range`, hint: 'write a semver range, e.g. ^1.0.0', ...rangeAt() }],
      422,
    );
  }
  const found = workspace.find(id, range);
  if ('missing' in found) {
    const known = workspace
      .list()
      .filter((p) => p.summary.kind === kind)
      .map((p) => p.summary.id);
    if (found.missing === 'id') {
      const names = [...new Set(known)];
      throw new RequestProblem(404, [
        {
          code: 'UNKNOWN_PACK',
          severity: 'error',
          message: `the workspace has no ${kind} '${id}'${didYouMean(id, names)}`,
          hint: `name one of: ${listNames(names)} (GET /v1/packs lists them)`,
          ...idAt(),
        },
      ]);
    }
    throw new RequestProblem(404, [
      {
        code: 'UNKNOWN_PACK',
        severity: 'error',
        message: `the workspace has ${id} ${found.versions.join(', ')}, none in the range ${range}`,
        hint: 'ask for a range that one of those versions satisfies',
        ...rangeAt(),
      },
    ]);
  }
  const { pack, summary } = found.pack;
  if (!pack) {
    throw new RequestProblem(422, [
      {
        code: 'UNKNOWN_PACK',
        severity: 'error',
        message: `${id} ${summary.version} in the workspace fails its checks (${summary.diagnostics.length} problems; GET /v1/packs/${id} lists them)`,
        hint: 'mend the pack in the workspace, then send the request again',
        ...idAt(),
      },
    ]);
  }
  if (pack.kind !== kind) {
    throw new RequestProblem(422, [
      {
        code: 'THEMATIC_ONLY',
        severity: 'error',
        message: `${id} is a ${pack.kind}, not a ${kind}`,
        hint: kind === 'methodology' ? 'name the methodology in pack and list thematics under thematics' : 'list only thematic packs under thematics',
        ...idAt(),
      },
    ]);
  }
  return pack;
}

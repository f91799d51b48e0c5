/**
 * The scoring service's requests and responses (`criteria serve`). Its JSON Schemas
 * (schemas/service.schema.json) and the OpenAPI document are generated from these types.
 */
import type { Diagnostic, ErrorCode } from './errors.js';
import type { Adjustment, Area, CaseRecord, ItemRating, TargetFigure } from './inspection.js';
import type { TraceNode } from './trace.js';

/** A thematic of the workspace by id, with the versions accepted (any, when none is given). */
export interface ThematicReference {
  /**
   * The thematic's pack id.
   * @minLength 1
   * @maxLength 128
   */
  id: string;
  /** The versions accepted, as a semver range. */
  version?: string;
}

/**
 * An inspection sent to the service. Packs are named by id and version range from the server's
 * workspace, never by path; cases are listed here, or streamed as NDJSON after this object.
 */
export interface ScoreRequest {
  /**
   * The methodology pack's id in the workspace.
   * @minLength 1
   * @maxLength 128
   */
  pack: string;
  /** The methodology versions accepted, as a semver range; the newest in the range is used. */
  packVersion?: string;
  /** The thematics the inspection includes: ids (any version) or ids with a version range. */
  thematics?: Array<string | ThematicReference>;
  /** The inspected area. */
  area: Area;
  /** Ratings of evidence items, by item id (a thematic's prefixed with its id and a colon). */
  evidence?: Record<string, string | ItemRating>;
  /** Figures for target measures, by measure id. */
  targets?: Record<string, TargetFigure>;
  /** Scores of `direct` criteria, by criterion id. */
  scores?: Record<string, number>;
  /** Results an inspector adjusted. */
  adjustments?: Adjustment[];
  /** The case sample (required in a JSON body; in an NDJSON stream the cases follow this line). */
  cases?: CaseRecord[];
  /** Leave out cases whose data is wrong, listing them in the result, instead of failing. */
  excludeInvalid?: boolean;
}

/** What `POST /v1/explain` explains: one result by id, or one case through every question. */
export interface ExplainRequest {
  /** The inspection, as for `POST /v1/score`. */
  inspection: ScoreRequest;
  /**
   * A criterion, section, question, item or measure id, or `overall` (a thematic's prefixed `id:`).
   * @minLength 1
   */
  id?: string;
  /**
   * A case id, to follow that case through every question.
   * @minLength 1
   */
  case?: string;
}

/** Pack files to check, as `criteria validate` checks a pack folder. */
export interface ValidateRequest {
  /**
   * The pack's files by path relative to the pack folder (`pack.yaml`, `sections/s1.yaml`), as text.
   * A thematic is checked with the workspace's methodology of the id it attaches to.
   */
  files: Record<string, string>;
}

/** A pack of the workspace. */
export interface PackSummary {
  /** The pack's id. */
  id: string;
  /** Its semver version. */
  version: string;
  kind: 'methodology' | 'thematic';
  title: string;
  status: string;
  /** The sha256 of its content, as results' provenance gives it. */
  sha256: string;
  /** Its folder, relative to the workspace. */
  folder: string;
  /** For a thematic: the methodology it attaches to and the versions it requires. */
  attachesTo?: { methodology: string; versions: string };
  /** Whether it passed its checks; an invalid pack cannot score. */
  valid: boolean;
  /** Its errors (when invalid) and warnings, with files relative to the workspace. */
  diagnostics: Diagnostic[];
}

/** `GET /v1/packs`. */
export interface PackList {
  packs: PackSummary[];
}

/** `POST /v1/validate`. */
export interface ValidateResponse {
  /** Whether the pack passed every check. */
  valid: boolean;
  /** The pack's id and version, when its root file could be read. */
  pack?: { id: string; version: string; kind: 'methodology' | 'thematic' };
  errors: Diagnostic[];
  warnings: Diagnostic[];
}

/** `POST /v1/explain`. */
export interface ExplainResponse {
  trace: TraceNode;
}

/** `GET /healthz`. */
export interface Health {
  status: 'ok' | 'shutting down';
  /** The engine's version. */
  engine: string;
}

/** Problems of a request itself, beside the engine's codes. */
export type ServiceErrorCode =
  'UNAUTHORIZED' | 'NOT_FOUND' | 'UNKNOWN_PACK' | 'METHOD_NOT_ALLOWED' | 'BAD_REQUEST' | 'TOO_LARGE' | 'MEDIA_TYPE' | 'TIMEOUT' | 'SHUTTING_DOWN' | 'INTERNAL';

/** A problem with a request: the engine's diagnostic, or one of the service's own codes. */
export interface ServiceProblem extends Omit<Diagnostic, 'code'> {
  code: ErrorCode | ServiceErrorCode;
}

/** Every error response: the problems, each with its code, message and how to mend it. */
export interface ErrorResponse {
  errors: ServiceProblem[];
}

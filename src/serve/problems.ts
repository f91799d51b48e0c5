/**
 * How the service answers a problem: one JSON shape, `{ errors: [{ code, severity, message, hint, … }] }`,
 * with the HTTP status the problem calls for. Engine diagnostics keep their codes, files, lines
 * and columns (in the request's body); the service's own codes say what is wrong with the request.
 */
import type { Diagnostic } from '../model/errors.js';
import type { ServiceErrorCode, ServiceProblem } from '../model/service.js';

/** A problem that ends a request with a status. Thrown inside handlers; the error handler answers it. */
export class RequestProblem extends Error {
  constructor(
    readonly status: number,
    readonly problems: ServiceProblem[],
  ) {
    super(problems[0]?.message ?? `status ${status}`);
  }
}

/** One problem of the service's own. */
export function problem(status: number, code: ServiceErrorCode, message: string, hint?: string): RequestProblem {
  return new RequestProblem(status, [{ code, severity: 'error', message, ...(hint !== undefined ? { hint } : {}) }]);
}

/** Engine codes that say the body could not be read as a document at all. */
const UNREADABLE = new Set([
  'JSON_SYNTAX',
  'YAML_SYNTAX',
  'NOT_UTF8',
  'EMPTY_FILE',
  'FORBIDDEN_KEY',
  'YAML_DUPLICATE_KEY',
  'YAML_UNKNOWN_TAG',
  'YAML_MULTIPLE_DOCUMENTS',
  'YAML_KEY_NOT_TEXT',
  'YAML_ALIAS_LIMIT',
]);
/** Engine codes that say the body is over a limit. */
const OVER_LIMIT = new Set(['FILE_TOO_LARGE', 'YAML_TOO_DEEP']);

/** The status for engine diagnostics about a request: 400 unreadable, 413 over a limit, 422 otherwise. */
export function statusFor(errors: readonly Diagnostic[]): number {
  if (errors.some((e) => OVER_LIMIT.has(e.code))) return 413;
  if (errors.some((e) => UNREADABLE.has(e.code))) return 400;
  return 422;
}

/** The engine's diagnostics about a request, as a problem with the status they call for. */
export function diagnosticsProblem(errors: Diagnostic[], status = statusFor(errors)): RequestProblem {
  return new RequestProblem(status, errors);
}

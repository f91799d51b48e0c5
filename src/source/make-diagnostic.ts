/** Small constructors for diagnostics, shared by the loader and the checker. */
import type { Diagnostic, ErrorCode } from '../model/errors.js';

/** A position in a file, 1-based. */
export interface Position {
  line: number;
  column: number;
}

/** Where a diagnostic points: a file and, when known, a position and a JSON pointer. */
export interface Place {
  file?: string;
  line?: number;
  column?: number;
  pointer?: string;
}

/** An error diagnostic at `place` (any missing part of the place is left out). */
export function makeError(code: ErrorCode, message: string, hint: string, place: Place = {}): Diagnostic {
  return makeDiagnostic('error', code, message, hint, place);
}

/** A warning diagnostic at `place`. */
export function makeWarning(code: ErrorCode, message: string, hint: string, place: Place = {}): Diagnostic {
  return makeDiagnostic('warning', code, message, hint, place);
}

function makeDiagnostic(severity: Diagnostic['severity'], code: ErrorCode, message: string, hint: string, place: Place): Diagnostic {
  const d: Diagnostic = { code, severity, message, hint };
  if (place.file !== undefined) d.file = place.file;
  if (place.line !== undefined) d.line = place.line;
  if (place.column !== undefined) d.column = place.column;
  if (place.pointer !== undefined) d.pointer = place.pointer;
  return d;
}

/** Orders diagnostics by file (in `fileOrder`, then by name), line and column. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic, fileOrder: readonly string[] = []): number {
  const rank = (d: Diagnostic) => {
    const i = d.file === undefined ? -1 : fileOrder.indexOf(d.file);
    return i < 0 ? fileOrder.length : i;
  };
  // Diagnostics without a file (summaries, command-line problems) come after the located ones.
  const unlocated = (d: Diagnostic) => (d.file === undefined ? 1 : 0);
  return (
    unlocated(a) - unlocated(b) ||
    rank(a) - rank(b) ||
    (a.file ?? '').localeCompare(b.file ?? '') ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0)
  );
}

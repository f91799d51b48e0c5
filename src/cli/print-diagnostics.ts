/**
 * Prints diagnostics for a person (with source lines and carets) or as JSON for tools. Either
 * way they go to standard error: standard output carries a command's result only.
 */
import type { Diagnostic, ErrorCode } from '../model/errors.js';

export async function printDiagnostics(errors: Diagnostic[], format: string): Promise<void> {
  if (format === 'json') {
    process.stderr.write(JSON.stringify({ errors }, null, 2) + '\n');
    return;
  }
  const { formatDiagnostics } = await import('../check/format-diagnostic.js');
  process.stderr.write(formatDiagnostics(errors) + '\n');
}

/** Prints one error that has no place in a file (a usage error, an output that cannot be written). */
export async function printError(code: ErrorCode, message: string, hint: string | undefined, format: string): Promise<void> {
  await printDiagnostics([{ code, severity: 'error', message, ...(hint !== undefined ? { hint } : {}) }], format);
}

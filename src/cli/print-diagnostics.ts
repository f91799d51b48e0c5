/**
 * Prints diagnostics for a person (with source lines and carets) or as JSON for tools.
 */
import type { Diagnostic } from '../model/errors.js';

export async function printDiagnostics(errors: Diagnostic[], format: string): Promise<void> {
  if (format === 'json') {
    process.stdout.write(JSON.stringify({ errors }, null, 2) + '\n');
    return;
  }
  const { formatDiagnostics } = await import('../check/format-diagnostic.js');
  process.stderr.write(formatDiagnostics(errors) + '\n');
}

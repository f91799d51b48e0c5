/**
 * Prints diagnostics for a person (with source lines and carets) or as JSON for tools. Either
 * way they go to standard error: standard output carries a command's result only.
 */
import type { Diagnostic, ErrorCode } from '../model/errors.js';

export async function printDiagnostics(errors: Diagnostic[], format: string): Promise<void> {
  const { formatDiagnostics, shorten } = await import('../check/format-diagnostic.js');
  const { printJson, printText } = await import('./print-text.js');
  const { quoteExcerpt } = await import('../source/quote-excerpt.js');
  if (format === 'json') {
    // The same cut as in text: a value quoted from a file comes back as a short excerpt, never whole.
    printJson(
      {
        errors: errors.map((d) => ({
          ...d,
          message: shorten(d.message),
          ...(d.hint !== undefined ? { hint: shorten(d.hint) } : {}),
          ...(d.caseId !== undefined ? { caseId: shorten(d.caseId) } : {}),
          ...(d.pointer !== undefined
            ? {
                pointer: d.pointer
                  .split('/')
                  .map((k) => quoteExcerpt(k))
                  .join('/'),
              }
            : {}),
        })),
      },
      'stderr',
    );
    return;
  }
  printText(formatDiagnostics(errors) + '\n', { stream: 'stderr' });
}

/** Prints one error that has no place in a file (a usage error, an output that cannot be written). */
export async function printError(code: ErrorCode, message: string, hint: string | undefined, format: string): Promise<void> {
  await printDiagnostics([{ code, severity: 'error', message, ...(hint !== undefined ? { hint } : {}) }], format);
}

/**
 * Every command prints through these: results to standard output, diagnostics to standard error,
 * each made safe for a terminal (sanitize-text.ts). A closed pipe (`criteria score … | head`) ends
 * the output quietly: the reader has what it wanted.
 */
import { sanitizeJson, sanitizeText } from './sanitize-text.js';

type Stream = 'stdout' | 'stderr';

function write(stream: Stream, text: string): void {
  process[stream].write(text);
}

/** Prints text (a sheet, a table, a message); `color` keeps the tool's own colour codes. */
export function printText(text: string, options: { stream?: Stream; color?: boolean } = {}): void {
  write(options.stream ?? 'stdout', sanitizeText(text, { keepStyles: options.color === true }));
}

/** Prints a value as indented JSON. */
export function printJson(value: unknown, stream: Stream = 'stdout'): void {
  write(stream, sanitizeJson(JSON.stringify(value, null, 2)) + '\n');
}

/** Text of a format made safe: JSON escaped, anything else with visible stand-ins. */
export function safeOutput(text: string, format: string, color = false): string {
  return format === 'json' ? sanitizeJson(text) : sanitizeText(text, { keepStyles: color });
}

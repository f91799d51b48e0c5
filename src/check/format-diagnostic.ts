/**
 * Prints diagnostics the way compilers do: `file:line:col error CODE: message`, the offending
 * line with a caret under the column, then the hint.
 */
import { readFileSync, statSync } from 'node:fs';
import type { Diagnostic } from '../model/errors.js';
import { compareDiagnostics } from '../load/make-diagnostic.js';

/** One diagnostic; `text` is the file's content (read from disk when not given and the file exists). */
export function formatDiagnostic(d: Diagnostic, text?: string): string {
  const place = d.file === undefined ? '' : `${d.file}${d.line !== undefined ? `:${d.line}${d.column !== undefined ? `:${d.column}` : ''}` : ''} `;
  const lines = [`${place}${d.severity} ${d.code}: ${shorten(d.message)}`];
  const source = d.line !== undefined ? sourceLine(text ?? readQuietly(d.file), d.line) : undefined;
  if (source !== undefined) {
    const gutter = String(d.line);
    const shown = source.replace(/\t/g, ' ');
    lines.push(`${' '.repeat(gutter.length)} |`);
    lines.push(`${gutter} | ${shown}`);
    if (d.column !== undefined) lines.push(`${' '.repeat(gutter.length)} | ${' '.repeat(Math.max(0, d.column - 1))}^`);
  }
  if (d.hint) lines.push(`  hint: ${shorten(d.hint)}`);
  return lines.join('\n');
}

/** The longest word (a run without spaces) and the longest text printed whole. */
const LONGEST_WORD = 200;
const LONGEST_TEXT = 2000;

/**
 * A message or hint with any very long word (an id or value of 100,000 characters, say) cut to
 * its start and its length, so one bad value cannot flood the terminal.
 */
export function shorten(text: string): string {
  const words = text.length <= LONGEST_WORD ? text : text.replace(new RegExp(`\\S{${LONGEST_WORD + 1},}`, 'g'), (w) => `${w.slice(0, 60)}… (${w.length} characters)`);
  return words.length <= LONGEST_TEXT ? words : `${words.slice(0, LONGEST_TEXT - 100)}… (${words.length - LONGEST_TEXT + 100} more characters)`;
}

/** Options of formatDiagnostics. */
export interface FormatOptions {
  /** The files' contents by path, for files not to be read from disk. */
  texts?: ReadonlyMap<string, string>;
  /** What the closing count is about, e.g. the pack's path: `rules/x: 2 errors`. */
  label?: string;
}

/** Many diagnostics, grouped by file and in order of position, with a closing count. */
export function formatDiagnostics(list: readonly Diagnostic[], options: FormatOptions = {}): string {
  const cache = new Map(options.texts ?? []);
  const sorted = [...list].sort((a, b) => compareDiagnostics(a, b));
  const blocks = sorted.map((d) => {
    if (d.file !== undefined && d.line !== undefined && !cache.has(d.file)) cache.set(d.file, readQuietly(d.file) ?? '');
    return formatDiagnostic(d, d.file === undefined ? undefined : cache.get(d.file));
  });
  const errors = list.filter((d) => d.severity === 'error').length;
  const warnings = list.length - errors;
  blocks.push(`${options.label ? `${options.label}: ` : ''}${plural(errors, 'error')}${warnings > 0 ? `, ${plural(warnings, 'warning')}` : ''}`);
  return blocks.join('\n\n');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function sourceLine(text: string | undefined, line: number): string | undefined {
  if (!text) return undefined;
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const found = lines[line - 1];
  return found === undefined || found.length > 400 ? undefined : found;
}

/** The largest file read to show a source line (the loader reads no larger file). */
const LARGEST_SHOWN = 10 * 1024 * 1024;

function readQuietly(file: string | undefined): string | undefined {
  if (file === undefined) return undefined;
  try {
    // Only regular files of a size the loader reads: a device or a pipe (/dev/zero) may never end.
    const stat = statSync(file);
    if (!stat.isFile() || stat.size > LARGEST_SHOWN) return undefined;
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

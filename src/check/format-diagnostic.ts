/**
 * Prints diagnostics the way compilers do: `file:line:col error CODE: message`, the offending
 * line with a caret under the column, then the hint.
 */
import { readFileSync, statSync } from 'node:fs';
import type { Diagnostic } from '../model/errors.js';
import { compareDiagnostics } from '../source/make-diagnostic.js';

/** One diagnostic; `text` is the file's content (read from disk when not given and the file exists). */
export function formatDiagnostic(d: Diagnostic, text?: string): string {
  const place = d.file === undefined ? '' : `${d.file}${d.line !== undefined ? `:${d.line}${d.column !== undefined ? `:${d.column}` : ''}` : ''} `;
  const lines = [`${place}${d.severity} ${d.code}: ${shorten(d.message)}`];
  const source = d.line !== undefined ? sourceLine(text ?? readQuietly(d.file), d.line) : undefined;
  if (source !== undefined) {
    const gutter = String(d.line);
    // A short window of the line around the column: a file named by an inspection may be any file.
    const { text: shown, column } = excerptAround(source.replace(/\t/g, ' '), d.column);
    lines.push(`${' '.repeat(gutter.length)} |`);
    lines.push(`${gutter} | ${shown}`);
    if (column !== undefined) lines.push(`${' '.repeat(gutter.length)} | ${' '.repeat(Math.max(0, column - 1))}^`);
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
  if (text.length <= LONGEST_WORD) return text;
  // One pass over maximal runs of non-space (each character is looked at once, whatever the words'
  // lengths), stopping once the text shown is long enough.
  const word = /\S+/g;
  let out = '';
  let from = 0;
  for (let m = word.exec(text); m !== null; m = word.exec(text)) {
    out += text.slice(from, m.index);
    const w = m[0];
    out += w.length > LONGEST_WORD ? `${cutAt(w, 60)}… (${w.length} characters)` : w;
    from = m.index + w.length;
    if (out.length > LONGEST_TEXT) break;
  }
  if (from < text.length && out.length <= LONGEST_TEXT) {
    out += text.slice(from, from + LONGEST_TEXT);
    from = Math.min(text.length, from + LONGEST_TEXT);
  }
  if (out.length <= LONGEST_TEXT && from === text.length) return out;
  const kept = cutAt(out, LONGEST_TEXT - 100);
  return `${kept}… (${out.length - kept.length + text.length - from} more characters)`;
}

/** The first `n` UTF-16 units of a text, one fewer when the cut would split a surrogate pair. */
function cutAt(text: string, n: number): string {
  const code = text.charCodeAt(n - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? n - 1 : n);
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

/** The widest part of a source line shown. */
const LINE_WINDOW = 80;

/** At most LINE_WINDOW characters of `line` around `column` (from 1), with … where it was cut, and the column within them. */
export function excerptAround(line: string, column: number | undefined): { text: string; column?: number } {
  if (line.length <= LINE_WINDOW) return { text: line, ...(column !== undefined ? { column } : {}) };
  const at = Math.min(Math.max(0, (column ?? 1) - 1), line.length);
  const start = Math.max(0, Math.min(at - LINE_WINDOW / 2, line.length - LINE_WINDOW));
  const end = Math.min(line.length, start + LINE_WINDOW);
  const before = start > 0 ? '…' : '';
  const text = `${before}${line.slice(start, end)}${end < line.length ? '…' : ''}`;
  return { text, ...(column !== undefined ? { column: at - start + 1 + before.length } : {}) };
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
    const text = readFileSync(file, 'utf8');
    // Not a text file: no line of it is shown.
    return text.includes('\0') ? undefined : text;
  } catch {
    return undefined;
  }
}

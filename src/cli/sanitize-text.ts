/**
 * Makes text safe to print to a terminal. Data — pack titles, area names, case ids, CSV header
 * cells, file content quoted in a diagnostic — may hold control characters: an escape sequence
 * can clear the screen, set the window title or open a link; a lone carriage return overwrites a
 * line; direction overrides reorder what is shown. In text, each becomes a visible stand-in (␛ for
 * ESC, ␍ for CR, `\u{202E}` for an override); in JSON, a `\u` escape, so the data is unchanged.
 * Line feeds and tabs stay; the colour codes the tool itself writes stay when asked for.
 */

/** C0 controls but tab and line feed, DEL, C1 controls, and the bidirectional formatting characters. */
const UNSAFE = /[\x00-\x08\x0B-\x1F\x7F-\x9F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
/** The colour and weight codes (SGR) the report styles write, e.g. ESC[1m and ESC[22m. */
const STYLE = /(\x1B\[[0-9;]*m)/;

function visible(c: string): string {
  const code = c.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  return `\\u{${code.toString(16).toUpperCase().padStart(4, '0')}}`;
}

/** Text with every unsafe character shown as a visible stand-in; with `keepStyles`, SGR codes are kept. */
export function sanitizeText(text: string, options: { keepStyles?: boolean } = {}): string {
  if (!options.keepStyles) return text.replace(UNSAFE, visible);
  return text
    .split(STYLE)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(UNSAFE, visible)))
    .join('');
}

/** JSON text (from JSON.stringify) with every unsafe character written as a `\u` escape: the same data, safe to print. */
export function sanitizeJson(json: string): string {
  return json.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A value read from a file, as a diagnostic quotes it: at most a short excerpt. An inspection may
 * name any file as its case file or pack, and what a message quotes from it is shown to whoever
 * ran the command (or called the service): a CSV header cell of 40 characters says enough.
 */
export const EXCERPT_LENGTH = 40;

export function quoteExcerpt(text: string, max = EXCERPT_LENGTH): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  return `${text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max)}… (${text.length} characters)`;
}

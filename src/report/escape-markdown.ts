/** Escapes a text for a GitHub-flavoured Markdown table cell: punctuation that Markdown reads, line breaks. */
export function escapeMarkdown(text: string): string {
  // A lone carriage return is a line break too (some renderers split the table row on it).
  return text.replace(/[\\`*_[\]<>|#&~]/g, (c) => `\\${c}`).replace(/\r\n?|\n/g, ' ');
}

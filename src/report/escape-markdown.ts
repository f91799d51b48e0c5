/** Escapes a text for a GitHub-flavoured Markdown table cell: punctuation that Markdown reads, line breaks. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|#&~]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

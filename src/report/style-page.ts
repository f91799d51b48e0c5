import { REPORT_STYLE } from './templates/report-style.js';

/** A text as a CSS string literal: quotes, backslashes, line breaks and `<` escaped. */
function cssString(text: string): string {
  return `"${text.replace(/[\\"<>\n\r]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}

/**
 * The stylesheet of one page: the report style, and a footer on every printed page with the page
 * number of the total and what the figures come from (`footer`).
 */
export function stylePage(footer: string): string {
  return (
    REPORT_STYLE +
    `@page { @bottom-left { content: ${cssString(footer)}; font: 7.5pt system-ui, sans-serif; color: #444; }\n` +
    `  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 7.5pt system-ui, sans-serif; color: #444; } }\n`
  );
}

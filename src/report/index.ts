import type { InspectionResult } from '../model/result.js';
import { formatHtml } from './format-html.js';
import { formatJson } from './format-json.js';
import { formatMarkdown } from './format-markdown.js';
import { formatSheet } from './format-sheet.js';
import type { HtmlOptions, ReportFormat, SheetOptions } from './options.js';

export { formatComparison } from './format-comparison.js';
export { formatHtml } from './format-html.js';
export { formatJson } from './format-json.js';
export { formatMarkdown } from './format-markdown.js';
export { formatSheet } from './format-sheet.js';
export type { HtmlOptions, ReportFormat, SheetOptions } from './options.js';

/** Prints a result in a format; the sheet options apply to the plain-text table, the HTML options to the page. */
export function formatResult(result: InspectionResult, format: ReportFormat, options: SheetOptions & HtmlOptions = {}): string {
  switch (format) {
    case 'table':
      return formatSheet(result, options);
    case 'markdown':
      return formatMarkdown(result);
    case 'json':
      return formatJson(result);
    case 'html':
      return formatHtml(result, options);
  }
}

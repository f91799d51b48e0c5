import type { InspectionResult } from '../model/result.js';
import { formatHtml } from './format-html.js';
import { formatJson } from './format-json.js';
import { formatMarkdown } from './format-markdown.js';
import { formatSheet } from './format-sheet.js';
import type { ReportFormat, SheetOptions } from './options.js';

export { formatComparison } from './format-comparison.js';
export { formatHtml } from './format-html.js';
export { formatJson } from './format-json.js';
export { formatMarkdown } from './format-markdown.js';
export { formatSheet } from './format-sheet.js';
export type { ReportFormat, SheetOptions } from './options.js';

/** Prints a result in a format; the options apply to the plain-text table only. */
export function formatResult(result: InspectionResult, format: ReportFormat, options: SheetOptions = {}): string {
  switch (format) {
    case 'table':
      return formatSheet(result, options);
    case 'markdown':
      return formatMarkdown(result);
    case 'json':
      return formatJson(result);
    case 'html':
      return formatHtml(result);
  }
}

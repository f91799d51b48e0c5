import type { InspectionResult } from '../model/result.js';

/** The result as JSON, two-space indented with a final newline; keys in the order the engine built them. */
export function formatJson(result: InspectionResult): string {
  return JSON.stringify(result, null, 2) + '\n';
}

/**
 * The results of a scored inspection as the workbench needs them to make the sheet clickable:
 * each id (a thematic's prefixed) with its kind, title and the pack it belongs to.
 */
import type { InspectionResult } from '../../model/result.js';
import { indexResults } from '../../tester/index-results.js';

export interface ResultEntry {
  id: string;
  kind: 'criterion' | 'section' | 'question' | 'item' | 'measure' | 'overall';
  title: string;
  /** The pack's id: the methodology's, or the thematic's the result belongs to. */
  pack: string;
}

export function describeResults(result: InspectionResult): ResultEntry[] {
  const entries: ResultEntry[] = [];
  for (const [id, entry] of indexResults(result)) {
    const prefix = result.thematics.find((t) => id.startsWith(`${t.id}:`));
    const title = entry.kind === 'question' || entry.kind === 'item' ? entry.node.text : entry.kind === 'measure' ? entry.node.measure : entry.node.title;
    entries.push({ id, kind: entry.kind, title, pack: prefix ? prefix.id : result.id });
  }
  return entries;
}

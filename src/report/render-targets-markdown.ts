import type { PackResult } from '../model/result.js';
import { escapeMarkdown } from './escape-markdown.js';
import { groupTargets, targetGroupHeading, targetRow } from './group-targets.js';
import { renderMarkdownTable } from './render-markdown-table.js';

/** The judged measures in Markdown: a heading and a table per targets table. */
export function renderTargetsMarkdown(pack: PackResult, level: number): string[] {
  const hashes = '#'.repeat(level);
  const lines: string[] = [];
  for (const group of groupTargets(pack)) {
    lines.push(`${hashes} ${escapeMarkdown(targetGroupHeading(group))}`, '');
    const table = renderMarkdownTable(
      [
        { header: 'Measure' },
        { header: 'Target', align: 'right' },
        { header: 'Value', align: 'right' },
        { header: 'Comparator', align: 'right' },
        { header: 'Status' },
        { header: 'Notes', optional: true },
      ],
      group.targets.map(targetRow).map((r) => ({ cells: [r.measure, r.target, r.value, r.comparator, r.status, r.note] })),
    );
    lines.push(...table, '');
  }
  return lines;
}

import type { PackResult } from '../model/result.js';
import { describeTargetNote } from './describe-notes.js';
import { describeHeading } from './describe-score.js';
import { escapeMarkdown } from './escape-markdown.js';
import { formatFigure } from './format-figure.js';
import { NO_VALUE } from './format-percent.js';
import { groupTargets } from './group-targets.js';
import { renderMarkdownTable } from './render-markdown-table.js';

/** The judged measures in Markdown: a heading and a table per targets table. */
export function renderTargetsMarkdown(pack: PackResult, level: number): string[] {
  const hashes = '#'.repeat(level);
  const lines: string[] = [];
  for (const group of groupTargets(pack)) {
    const c = group.criterion;
    const heading = c === undefined ? `Targets ${group.criterionId}` : describeHeading(c);
    lines.push(`${hashes} ${escapeMarkdown(heading)}`, '');
    const table = renderMarkdownTable(
      [
        { header: 'Measure' },
        { header: 'Target', align: 'right' },
        { header: 'Value', align: 'right' },
        { header: 'Comparator', align: 'right' },
        { header: 'Status' },
        { header: 'Notes', optional: true },
      ],
      group.targets.map((t) => ({
        cells: [
          t.measure,
          formatFigure(t.target, t.unit),
          formatFigure(t.value, t.unit),
          formatFigure(t.comparator, t.unit),
          t.status?.label ?? NO_VALUE,
          describeTargetNote(t),
        ],
      })),
    );
    lines.push(...table, '');
  }
  return lines;
}

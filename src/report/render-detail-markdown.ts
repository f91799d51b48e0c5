import { listDetailParts } from './list-detail-parts.js';
import type { CriterionResult, PackResult } from '../model/result.js';
import { describeItemNote, describeNotApplicable } from './describe-notes.js';
import { describeHeading } from './describe-score.js';
import { escapeMarkdown } from './escape-markdown.js';
import { formatPercent } from './format-percent.js';
import { renderMarkdownTable } from './render-markdown-table.js';

function renderQuestions(criterion: CriterionResult): string[] {
  return renderMarkdownTable(
    [
      { header: 'Id' },
      { header: 'Question' },
      { header: 'Relevant', align: 'right' },
      { header: 'Met', align: 'right' },
      { header: 'Percent', align: 'right' },
      { header: 'Notes', optional: true },
    ],
    criterion.questions.map((q) => ({
      cells: [q.id, q.text, String(q.relevant), String(q.met), formatPercent(q.percent), describeNotApplicable(q)],
    })),
  );
}

function renderItems(criterion: CriterionResult): string[] {
  return renderMarkdownTable(
    [{ header: 'Id' }, { header: 'Evidence' }, { header: 'Rating' }, { header: 'Notes', optional: true }],
    criterion.items.map((item) => ({ cells: [item.id, item.text, item.label, describeItemNote(item)] })),
  );
}

/** Per criterion with questions or evidence items, a heading and a table of them. */
export function renderDetailMarkdown(pack: PackResult, level: number): string[] {
  const hashes = '#'.repeat(level);
  const lines: string[] = [];
  for (const criterion of listDetailParts(pack)) {
    if (criterion.questions.length === 0 && criterion.items.length === 0) continue;
    lines.push(`${hashes} ${escapeMarkdown(describeHeading(criterion))}`, '');
    if (criterion.questions.length > 0) lines.push(...renderQuestions(criterion), '');
    if (criterion.items.length > 0) lines.push(...renderItems(criterion), '');
  }
  return lines;
}

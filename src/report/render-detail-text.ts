import { listDetailParts } from './list-detail-parts.js';
import type { CriterionResult, PackResult } from '../model/result.js';
import { describeItemNote, describeNotApplicable } from './describe-notes.js';
import { describeHeading } from './describe-score.js';
import { wrapText } from './wrap-text.js';
import { formatPercent } from './format-percent.js';
import { renderTextTable, type TextColumn, type TextRow } from './render-text-table.js';
import type { TextStyle } from './pick-style.js';

const INDENT = '  ';

function renderQuestions(criterion: CriterionResult, width: number, style: TextStyle): string[] {
  const notes = criterion.questions.map(describeNotApplicable);
  const withNotes = notes.some((n) => n !== '');
  const columns: TextColumn[] = [
    { header: 'id' },
    { header: 'question', flex: true },
    { header: 'relevant', align: 'right' },
    { header: 'met', align: 'right' },
    { header: 'percent', align: 'right' },
    ...(withNotes ? [{ header: 'notes' }] : []),
  ];
  const rows: TextRow[] = criterion.questions.map((q, i) => ({
    cells: [q.id, q.text, String(q.relevant), String(q.met), formatPercent(q.percent), ...(withNotes ? [notes[i] ?? ''] : [])],
  }));
  return renderTextTable(columns, rows, { width, indent: INDENT, style });
}

function renderItems(criterion: CriterionResult, width: number, style: TextStyle): string[] {
  const columns: TextColumn[] = [{ header: 'id' }, { header: 'evidence', flex: true }, { header: 'rating' }];
  const rows: TextRow[] = criterion.items.map((item) => ({
    cells: [item.id, item.text, item.label],
    note: describeItemNote(item),
  }));
  return renderTextTable(columns, rows, { width, indent: INDENT, style });
}

/** Prints, per criterion with questions or evidence items, a compact table of them. */
export function renderDetailText(pack: PackResult, width: number, style: TextStyle): string[] {
  const lines: string[] = [];
  for (const criterion of listDetailParts(pack)) {
    if (criterion.questions.length === 0 && criterion.items.length === 0) continue;
    lines.push(...wrapText(describeHeading(criterion), width).map((line) => style.bold(line)));
    if (criterion.questions.length > 0) lines.push(...renderQuestions(criterion, width, style));
    if (criterion.items.length > 0) lines.push(...renderItems(criterion, width, style));
    lines.push('');
  }
  return lines;
}

import type { PackResult } from '../model/result.js';
import type { SheetModel } from './build-sheet.js';
import { NO_VALUE } from './format-percent.js';

/**
 * The key to a pack's sheet and tables: what `—` and `n/a (k)` mean and what each weight class
 * counts, only for what the pack's results print.
 */
export function describeKey(pack: PackResult, sheet: SheetModel): Array<[symbol: string, meaning: string]> {
  const key: Array<[string, string]> = [];
  const criteria = pack.sections.flatMap((s) => s.criteria);
  const rows = sheet.sections.flatMap((s) => (s.total === null ? s.criteria : [...s.criteria, s.total]));
  const questions = criteria.flatMap((c) => c.questions);
  const noResult = rows.some((r) => r.value === NO_VALUE);
  const noCases = questions.some((q) => q.percent === null);
  if (noResult || noCases) {
    const meanings = [noResult ? 'on the sheet, no score or rating of its own' : '', noCases ? 'for a question, no relevant cases' : ''];
    key.push([NO_VALUE, meanings.filter((m) => m !== '').join('; ')]);
  }
  if (questions.some((q) => q.notApplicable > 0)) {
    key.push(['n/a (k)', 'k cases were answered "not applicable": they are not counted as relevant']);
  }
  const classes = new Map<string, number>();
  for (const c of criteria) {
    if (typeof c.weight === 'string' && c.weightValue !== null) classes.set(c.weight, c.weightValue);
  }
  if (classes.size > 0) {
    const list = [...classes].sort((a, b) => b[1] - a[1]).map(([name, value]) => `${name} counts ×${value}`);
    key.push(['Weight', `in the weighted score: ${list.join(', ')}`]);
  }
  return key;
}

/**
 * The figures the three scorers are compared on, and the comparison. Every figure is keyed by a
 * readable name ("esi-2003 B1 score", "ebs-2003 section B score", "esi-2003 B1.3 counts") so a
 * difference says at once where it is.
 */
import type { InspectionResult, PackResult } from '../src/model/result.js';

/** Per question key: cases relevant (applies, not answered N/A), met, and answered N/A. */
export interface QuestionCounts {
  relevant: number;
  met: number;
  notApplicable: number;
}

export type CountsByKey = Map<string, QuestionCounts>;

/** Scores, bands and level counts by name; null where there is none (not rated, no band). */
export type Figures = Map<string, number | string | null>;

/** The counts and the scores, bands and level counts of our engine's result. */
export function figuresOfResult(result: InspectionResult): Figures {
  const figures: Figures = new Map();
  const modules: PackResult[] = [result, ...result.thematics];
  for (const m of modules) {
    for (const section of m.sections) {
      figures.set(`${m.id} section ${section.id} score`, section.score);
      figures.set(`${m.id} section ${section.id} band`, section.band?.id ?? null);
      figures.set(`${m.id} section ${section.id} levels`, levelText(section.levelCounts));
      for (const c of section.criteria) addCriterion(figures, m.id, c);
    }
    for (const c of m.supporting) addCriterion(figures, m.id, c);
    if (m.overall) {
      figures.set(`${m.id} overall score`, m.overall.score);
      figures.set(`${m.id} overall band`, m.overall.band?.id ?? null);
    }
  }
  figures.set('cases scored', result.cases.scored);
  figures.set('cases relevant to no question', result.cases.relevantToNone);
  return figures;
}

function addCriterion(figures: Figures, pack: string, c: PackResult['sections'][number]['criteria'][number]): void {
  figures.set(`${pack} ${c.id} score`, c.score);
  figures.set(`${pack} ${c.id} band`, c.band?.id ?? null);
  for (const q of c.questions) figures.set(`${pack} ${q.id} percent`, q.percent);
}

/** Level counts as comparable text: "partlyMet=1 wellMet=3", or null when there are none. */
export function levelText(counts: Record<string, number> | undefined): string | null {
  if (!counts || Object.keys(counts).length === 0) return null;
  return Object.keys(counts)
    .sort()
    .map((k) => `${k}=${counts[k]}`)
    .join(' ');
}

/** Differences between two sets of counts, as lines; empty when they agree on every question. */
export function diffCounts(leftName: string, left: CountsByKey, rightName: string, right: CountsByKey): string[] {
  const lines: string[] = [];
  for (const key of new Set([...left.keys(), ...right.keys()])) {
    const a = left.get(key);
    const b = right.get(key);
    if (!a || !b) {
      lines.push(`${key}: ${a ? 'missing' : 'present'} in ${rightName}, ${a ? 'present' : 'missing'} in ${leftName}`);
    } else if (a.relevant !== b.relevant || a.met !== b.met || a.notApplicable !== b.notApplicable) {
      lines.push(`${key}: ${leftName} relevant/met/N/A ${a.relevant}/${a.met}/${a.notApplicable}, ${rightName} ${b.relevant}/${b.met}/${b.notApplicable}`);
    }
  }
  return lines;
}

/** Differences between two sets of figures, as lines. */
export function diffFigures(leftName: string, left: Figures, rightName: string, right: Figures): string[] {
  const lines: string[] = [];
  for (const key of new Set([...left.keys(), ...right.keys()])) {
    if (!left.has(key) || !right.has(key)) {
      lines.push(`${key}: only in ${left.has(key) ? leftName : rightName}`);
    } else if (left.get(key) !== right.get(key)) {
      lines.push(`${key}: ${leftName} ${String(left.get(key))}, ${rightName} ${String(right.get(key))}`);
    }
  }
  return lines;
}

/** Stops the benchmark, before any figure is printed, when two scorers disagree. */
export class Disagreement extends Error {}

export function requireAgreement(what: string, differences: string[]): void {
  if (differences.length === 0) return;
  const shown = differences.slice(0, 25);
  throw new Disagreement(
    `${what}: the results differ, so no figure is printed.\n  ${shown.join('\n  ')}${differences.length > shown.length ? `\n  … and ${differences.length - shown.length} more` : ''}`,
  );
}

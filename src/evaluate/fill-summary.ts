/**
 * Fills a summary sentence: the placeholders of SUMMARY_PLACEHOLDERS, and `{count:LEVEL}` (how
 * many of the counted levels are at that level).
 */
import type { RankedScale } from '../compile/compiled-plan.js';
import type { Fraction } from '../compile/exact-number.js';
import { toNumber } from './round-value.js';
import { SUMMARY_PLACEHOLDERS } from '../model/summary.js';

const PLACEHOLDER = new RegExp(`\\{(${Object.keys(SUMMARY_PLACEHOLDERS).join('|')}|count:[^{}]+)\\}`, 'g');

export interface SummaryValues {
  value: ReadonlyArray<{ id: string; weight: Fraction }>;
  scale: RankedScale | null;
  score: number | null;
  band: string | null;
  points: Fraction | null;
}

export function fillSummary(template: string, values: SummaryValues): string {
  const total = (filter: (id: string) => boolean) => values.value.filter((l) => filter(l.id)).reduce((sum, l) => sum + toNumber(l.weight), 0);
  return template.replace(PLACEHOLDER, (_match, name: string) => {
    if (name === 'rated') return String(total(() => true));
    if (name === 'score') return values.score === null ? 'not rated' : String(values.score);
    if (name === 'percent') return values.score === null ? 'not rated' : `${values.score}%`;
    if (name === 'band') return values.band ?? 'not rated';
    if (name === 'points') return values.points === null ? '0' : String(toNumber(values.points));
    const level = name.slice('count:'.length);
    return String(total((id) => id === level));
  });
}

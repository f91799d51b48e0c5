/**
 * Fills a summary sentence: `{rated}` (how many levels were counted), `{count:LEVEL}` (how many
 * at that level), `{score}`, `{band}` (its label) and `{points}`.
 */
import type { RankedScale } from '../compile/compiled-plan.js';
import type { Fraction } from '../compile/exact-number.js';
import { toNumber } from './round-value.js';

export const SUMMARY_PLACEHOLDER = /\{(rated|score|band|points|count:[^{}]+)\}/g;

export interface SummaryValues {
  value: ReadonlyArray<{ id: string; weight: Fraction }>;
  scale: RankedScale | null;
  score: number | null;
  band: string | null;
  points: Fraction | null;
}

export function fillSummary(template: string, values: SummaryValues): string {
  const total = (filter: (id: string) => boolean) => values.value.filter((l) => filter(l.id)).reduce((sum, l) => sum + toNumber(l.weight), 0);
  return template.replace(SUMMARY_PLACEHOLDER, (_match, name: string) => {
    if (name === 'rated') return String(total(() => true));
    if (name === 'score') return values.score === null ? 'not rated' : String(values.score);
    if (name === 'band') return values.band ?? 'not rated';
    if (name === 'points') return values.points === null ? '0' : String(toNumber(values.points));
    const level = name.slice('count:'.length);
    return String(total((id) => id === level));
  });
}

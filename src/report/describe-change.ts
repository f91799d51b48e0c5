import type { ComparisonValue } from './build-comparison.js';

/** How a result moved from one area (or inspection) to another. */
export interface Change {
  /** `+8`, `−3`, `same`, `changed`, `+8, band changed`, or empty when one side has no result. */
  text: string;
  changed: boolean;
}

/** The change from `from` to `to`: the difference in points between scores, and whether the band or rating changed. */
export function describeChange(from: ComparisonValue | null, to: ComparisonValue | null): Change {
  if (from === null || to === null) return { text: '', changed: false };
  const band = from.band !== to.band || from.notRated !== to.notRated;
  if (from.score !== null && to.score !== null) {
    const d = Math.round((to.score - from.score) * 100) / 100;
    const points = d === 0 ? '' : `${d > 0 ? '+' : '−'}${Math.abs(d)}`;
    if (points === '' && !band) return { text: 'same', changed: false };
    return { text: [points, band ? 'band changed' : ''].filter((t) => t !== '').join(', '), changed: true };
  }
  return from.text === to.text ? { text: 'same', changed: false } : { text: 'changed', changed: true };
}

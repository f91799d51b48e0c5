/** A level of a scale (or its not-applicable value) as a result reports it: its id and label. */
import type { LevelResult } from '../model/result.js';
import type { RankedScale } from '../compile/compiled-plan.js';

export function levelResult(scale: RankedScale | null, id: string | null): LevelResult | null {
  if (id === null) return null;
  const level = scale?.levels.find((l) => l.id === id) ?? (scale?.notApplicable?.id === id ? scale.notApplicable : undefined);
  return { id, label: level?.label ?? id };
}

/** The levels a result counts: a rank on its scale (0 is best), a weight, and the level's id. */
export type CountedLevel = { rank: number; weight: import('../compile/exact-number.js').Fraction; id: string };

/** A criterion's, section's or the overall result's value while a module is scored, before it is reported. */
import type { Adjustment } from '../model/inspection.js';
import type { ScoredResult } from '../model/result.js';
import type { RankedScale } from '../compile/compiled-plan.js';
import type { Fraction } from '../compile/exact-number.js';
import type { AppliedLimit } from './apply-limits.js';

/** A node's value while scoring: exact, with what band rules and parents need. */
export interface NodeValue {
  /** The score as combined, before any rounding. */
  exactScore: Fraction | null;
  score: Fraction | null;
  computedScore: Fraction | null;
  band: string | null;
  computedBand: string | null;
  bandRule?: ScoredResult['bandRule'];
  /** The limits that moved the computed band. */
  limits: AppliedLimit[];
  notRated?: string;
  adjustment: Adjustment | null;
  /** The levels this node counts (items, measures or children's bands), for band rules and summaries. */
  levels: Array<{ rank: number; weight: Fraction; id: string }>;
  inputScale: RankedScale | null;
  points: Fraction | null;
  maxPoints: Fraction | null;
}

/** A node's value before anything is known of it. */
export function emptyNodeValue(): NodeValue {
  return {
    exactScore: null,
    score: null,
    computedScore: null,
    band: null,
    computedBand: null,
    limits: [],
    adjustment: null,
    levels: [],
    inputScale: null,
    points: null,
    maxPoints: null,
  };
}

export interface Scored<R> {
  value: NodeValue;
  result: R;
}

/**
 * The cold-start goals: each command's median wall time as a multiple of a bare `node -e 0`
 * measured in the same rounds (what Node itself costs to start is not the command's to save).
 */
import type { ColdStarts } from './measure-cold-start.js';
import type { Goal } from './print-table.js';

/** At most these multiples of `node -e 0`. */
export const COLD_START_GOALS = { validateOverBare: 2, scoreOverBare: 3 };

export function coldStartGoals(c: ColdStarts): Goal[] {
  const ratio = (ms: number) => ms / c.bare.median;
  const judge = (goal: string, ms: number, most: number): Goal => ({
    goal,
    target: `≤ ${most}× node -e 0`,
    actual: `${ratio(ms).toFixed(2)}× (${ms.toFixed(0)} ms ÷ ${c.bare.median.toFixed(0)} ms)`,
    met: ratio(ms) <= most,
  });
  return [
    judge('cold start: criteria validate', c.validate.median, COLD_START_GOALS.validateOverBare),
    judge('cold start: criteria score (Derbyshire)', c.score.median, COLD_START_GOALS.scoreOverBare),
    // The first run after an edit parses every file: judged against the same goals, so a miss shows.
    judge('cold start: criteria validate, no value cache', c.validateUncached.median, COLD_START_GOALS.validateOverBare),
    judge('cold start: criteria score, no value cache', c.scoreUncached.median, COLD_START_GOALS.scoreOverBare),
  ];
}

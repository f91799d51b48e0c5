/**
 * The derived quantities band rules are written over: `score`, `count`, `share`, `rated`,
 * `points`, `maxPoints`, `meanPoints`. Counts and shares take params `atLeast`, `atMost` or `is`
 * (a level of the inputs' scale; levels are ranked best first). All values are exact Fractions.
 */
import type { FactParams } from '../model/condition.js';
import { Fraction } from './exact-number.js';
import type { BandInputs, FactRecord } from './compiled-plan.js';
import type { FactGetter } from './compile-condition.js';

export const BAND_FACTS = ['score', 'count', 'share', 'rated', 'points', 'maxPoints', 'meanPoints'] as const;

type LevelTest = (rank: number) => boolean;

function levelTest(params: FactParams | undefined, inputs: BandInputs): LevelTest {
  if (!params) return () => true;
  const rankOf = (level: unknown): number => {
    const rank = inputs.inputScale?.rank.get(String(level));
    if (rank === undefined) throw new Error(`'${String(level)}' is not a level of the inputs' scale`);
    return rank;
  };
  if (params.atLeast !== undefined) {
    const r = rankOf(params.atLeast);
    return (rank) => rank <= r;
  }
  if (params.atMost !== undefined) {
    const r = rankOf(params.atMost);
    return (rank) => rank >= r;
  }
  if (params.is !== undefined) {
    const r = rankOf(params.is);
    return (rank) => rank === r;
  }
  return () => true;
}

/** The weight of the counted levels that pass a test. */
export function countLevels(inputs: BandInputs, test: LevelTest): Fraction {
  let total = new Fraction(0);
  for (const level of inputs.levels) if (test(level.rank)) total = total.add(level.weight);
  return total;
}

export function bandFact(name: string, params: FactParams | undefined): FactGetter<BandInputs, FactRecord> {
  switch (name) {
    case 'score':
      return (inputs) => inputs.score;
    case 'count':
      return (inputs) => countLevels(inputs, levelTest(params, inputs));
    case 'rated':
      return (inputs) => countLevels(inputs, () => true);
    case 'share':
      return (inputs) => {
        const rated = countLevels(inputs, () => true);
        return rated.equals(0) ? null : countLevels(inputs, levelTest(params, inputs)).div(rated);
      };
    case 'points':
      return (inputs) => inputs.points;
    case 'maxPoints':
      return (inputs) => inputs.maxPoints;
    case 'meanPoints':
      return (inputs) => {
        const rated = inputs.levels.length;
        return inputs.points === null || rated === 0 ? null : inputs.points.div(rated);
      };
    default:
      throw new Error(`'${name}' is not a quantity band rules can use (${BAND_FACTS.join(', ')})`);
  }
}

/**
 * The quantities band rules are written over, on inputs built by hand: counts and shares of
 * levels at least, at most or exactly a level (levels ranked best first, each with its weight),
 * the rated count, points and their mean, the score; and the errors for a level or a quantity
 * that does not exist.
 */
import { describe, expect, it } from 'vitest';
import { bandFact, BAND_FACTS } from '../../src/compile/band-facts.js';
import type { BandInputs, RankedScale } from '../../src/compile/compiled-plan.js';
import { Fraction } from '../../src/compile/exact-number.js';

const scale: RankedScale = {
  id: 'rating',
  scale: { levels: [] },
  rank: new Map([
    ['excellent', 0],
    ['good', 1],
    ['fair', 2],
    ['poor', 3],
  ]),
  levels: [],
  notApplicable: null,
};

/** Inputs rated at these ranks (weight 1 unless given), with points when given. */
function inputs(levels: Array<number | [number, number]>, extra: Partial<BandInputs> = {}): BandInputs {
  return {
    score: null,
    levels: levels.map((l) => (Array.isArray(l) ? { rank: l[0], weight: new Fraction(l[1]) } : { rank: l, weight: new Fraction(1) })),
    inputScale: scale,
    points: null,
    maxPoints: null,
    ...extra,
  };
}

const value = (name: string, params: Record<string, string> | undefined, at: BandInputs) => {
  const v = bandFact(name, params)(at, {});
  return v instanceof Fraction ? v.toFraction() : v;
};

describe('band facts', () => {
  // excellent, good, good (weight 2), fair, poor
  const rated = inputs([0, 1, [1, 2], 2, 3]);

  it.each([
    ['count', undefined, '6'],
    ['count', { atLeast: 'good' }, '4'],
    ['count', { atLeast: 'excellent' }, '1'],
    ['count', { atMost: 'good' }, '5'],
    ['count', { atMost: 'poor' }, '1'],
    ['count', { is: 'good' }, '3'],
    ['count', { is: 'fair' }, '1'],
    ['rated', undefined, '6'],
    ['share', { atLeast: 'good' }, '2/3'],
    ['share', { atMost: 'fair' }, '1/3'],
    ['share', { is: 'excellent' }, '1/6'],
    ['share', undefined, '1'],
  ])('%s %j', (name, params, expected) => {
    expect(value(name, params, rated)).toBe(expected);
  });

  it('counts nothing and has no share when nothing is rated', () => {
    expect(value('count', { atLeast: 'good' }, inputs([]))).toBe('0');
    expect(value('rated', undefined, inputs([]))).toBe('0');
    expect(value('share', { atLeast: 'good' }, inputs([]))).toBeNull();
  });

  it('gives the score, the points, the most points and their mean over the rated levels', () => {
    const at = inputs([0, 1, 3], { score: new Fraction(149, 2), points: new Fraction(7), maxPoints: new Fraction(9) });
    expect(value('score', undefined, at)).toBe('149/2');
    expect(value('points', undefined, at)).toBe('7');
    expect(value('maxPoints', undefined, at)).toBe('9');
    expect(value('meanPoints', undefined, at)).toBe('7/3');
    expect(value('meanPoints', undefined, inputs([0], { points: null }))).toBeNull();
    expect(value('meanPoints', undefined, inputs([], { points: new Fraction(0) }))).toBeNull();
    expect(value('score', undefined, inputs([]))).toBeNull();
  });

  it('refuses a level not on the inputs’ scale, or inputs with no scale, when it is asked for', () => {
    expect(() => value('count', { atLeast: 'superb' }, rated)).toThrow("'superb' is not a level of the inputs' scale");
    expect(() => value('count', { is: 'good' }, { ...rated, inputScale: null })).toThrow("'good' is not a level of the inputs' scale");
  });

  it('refuses a quantity band rules cannot use, naming those they can', () => {
    expect(() => bandFact('median', undefined)).toThrow(`'median' is not a quantity band rules can use (${BAND_FACTS.join(', ')})`);
    expect(BAND_FACTS).toEqual(['score', 'count', 'share', 'rated', 'points', 'maxPoints', 'meanPoints']);
  });
});

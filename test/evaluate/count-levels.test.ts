/**
 * The counting every band rule and share reads: parts' bands as levels, the weight at or above a
 * level, and the count per level, on hand-made levels whose answers are known.
 */
import { describe, expect, it } from 'vitest';
import { Fraction } from '../../src/compile/exact-number.js';
import type { RankedScale } from '../../src/compile/compiled-plan.js';
import { bandLevels, countByLevel, weightAtLeast } from '../../src/evaluate/count-levels.js';

function ranked(...ids: string[]): RankedScale {
  const levels = ids.map((id) => ({ id, label: id.toUpperCase() }));
  return { id: 's', scale: { levels }, rank: new Map(ids.map((id, i) => [id, i])), levels, notApplicable: null };
}

const level = (id: string, rank: number, weight: Fraction = new Fraction(1)) => ({ id, rank, weight });

describe('bandLevels', () => {
  it('ranks each band on the shared scale, leaving out parts with no band or a band of another scale', () => {
    const levels = bandLevels(['b', null, 'x', 'a', 'b'], ranked('a', 'b', 'c'));
    expect(levels.map((l) => [l.id, l.rank, l.weight.toFraction()])).toEqual([
      ['b', 1, '1'],
      ['a', 0, '1'],
      ['b', 1, '1'],
    ]);
  });

  it('counts nothing when the parts share no scale', () => {
    expect(bandLevels(['a', 'b'], null)).toEqual([]);
  });
});

describe('weightAtLeast', () => {
  const levels = [level('a', 0, new Fraction(2)), level('b', 1), level('c', 2, new Fraction(1, 2))];

  it('adds up the weight rated and the weight at or above the level, the level itself included', () => {
    const at = (rank: number) => {
      const { rated, atLeast } = weightAtLeast(levels, rank);
      return [rated.toFraction(), atLeast.toFraction()];
    };
    expect(at(0)).toEqual(['7/2', '2']);
    expect(at(1)).toEqual(['7/2', '3']);
    expect(at(2)).toEqual(['7/2', '7/2']);
  });

  it('finds nothing at or above a level the scale does not have', () => {
    const { rated, atLeast } = weightAtLeast(levels, undefined);
    expect([rated.toFraction(), atLeast.toFraction()]).toEqual(['7/2', '0']);
  });
});

describe('countByLevel', () => {
  it('adds up the weight at each level', () => {
    expect(countByLevel([level('a', 0, new Fraction(2)), level('b', 1), level('a', 0), level('c', 2, new Fraction(1, 2))])).toEqual({ a: 3, b: 1, c: 0.5 });
    expect(countByLevel([])).toEqual({});
  });
});

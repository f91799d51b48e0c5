// Rounding at exact boundaries, with expectations worked out by hand.
import { describe, expect, it } from 'vitest';
import Fraction from 'fraction.js';
import { roundFraction, toNumber } from '../../src/evaluate/round-value.js';
import { exact } from '../../src/compile/exact-number.js';
import type { RoundingMode } from '../../src/model/pack.js';

const round = (value: Fraction, digits: number, mode: RoundingMode) => toNumber(roundFraction(value, digits, mode));

describe('roundFraction', () => {
  it.each([
    // value, digits, mode, expected
    [new Fraction(149, 2), 0, 'halfUp', 75], // 74.5
    [new Fraction(149, 2), 0, 'halfDown', 74],
    [new Fraction(149, 2), 0, 'halfEven', 74],
    [new Fraction(151, 2), 0, 'halfEven', 76], // 75.5
    [new Fraction(1489999, 20000), 0, 'halfUp', 74], // 74.49995: just under the half
    [new Fraction(1490001, 20000), 0, 'halfDown', 75], // 74.50005: just over the half
    [new Fraction(200, 3), 0, 'halfUp', 67], // 66.666…
    [new Fraction(100, 3), 0, 'halfUp', 33], // 33.333…
    [new Fraction(7400001, 100000), 0, 'up', 75], // 74.00001 goes up
    [new Fraction(7499999, 100000), 0, 'down', 74], // 74.99999 goes down
    [new Fraction(76), 0, 'up', 76], // whole numbers stay
    [new Fraction(1, 20), 1, 'halfUp', 0.1], // 0.05
    [new Fraction(1, 20), 1, 'halfEven', 0], // 0.05 to the even neighbour 0.0
    [new Fraction(3, 20), 1, 'halfEven', 0.2], // 0.15 to 0.2
    [new Fraction(5383, 70), 2, 'halfUp', 76.9], // 76.9
    [new Fraction(-149, 2), 0, 'halfUp', -74], // -74.5 half up (towards +∞)
    [new Fraction(-149, 2), 0, 'halfDown', -75],
    [new Fraction(-1, 3), 0, 'down', -1], // floor
    [new Fraction(-1, 3), 0, 'up', 0], // ceiling, and never -0
  ] as Array<[Fraction, number, RoundingMode, number]>)('%s to %i places, %s → %s', (value, digits, mode, expected) => {
    expect(round(value, digits, mode)).toBe(expected);
  });

  it('29 met of 200 is exactly 14.5%, which half up makes 15 (floating point says 14.499…)', () => {
    expect((29 / 200) * 100).toBeLessThan(14.5);
    expect(round(new Fraction(29, 200).mul(100), 0, 'halfUp')).toBe(15);
  });
});

describe('exact', () => {
  it.each([
    [0.1, '1/10'],
    [74.5, '149/2'],
    [2.6, '13/5'],
    [1e-20, '1/100000000000000000000'],
    [2.5e3, '2500'],
    [-0.75, '-3/4'],
    [123456789.125, '987654313/8'],
  ])('%s is %s', (x, text) => {
    expect(exact(x).toFraction()).toBe(text);
  });
  it('refuses non-finite numbers', () => {
    expect(() => exact(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

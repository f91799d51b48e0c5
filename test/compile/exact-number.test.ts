/**
 * Numbers enter the arithmetic through their shortest decimal form, exactly; fractions are
 * written `n/d` (or `n`), with a sign only when they are below zero.
 */
import { describe, expect, it } from 'vitest';
import { exact, Fraction, fractionText, percent } from '../../src/compile/exact-number.js';

describe('exact', () => {
  it.each([
    [0, '0'],
    [7, '7'],
    [-7, '-7'],
    [0.1, '1/10'],
    [74.5, '149/2'],
    [-2.5e-3, '-1/400'],
    [1e-7, '1/10000000'],
    [1.5e-20, '3/200000000000000000000'],
    [1e21, '1000000000000000000000'],
    [1.25e22, '12500000000000000000000'],
    [Number.MAX_SAFE_INTEGER, '9007199254740991'],
    // Past 2^53 a number is what its shortest decimal form says, not its binary value.
    [Number.MAX_SAFE_INTEGER + 2, '9007199254740992'],
    [-(2 ** 60), '-1152921504606847000'],
    [0.30000000000000004, '7500000000000001/25000000000000000'],
  ])('%d is %s', (x, text) => {
    expect(fractionText(exact(x))).toBe(text);
  });

  it.each([NaN, Infinity, -Infinity])('refuses %d', (x) => {
    expect(() => exact(x)).toThrow(new RangeError(`not a finite number: ${x}`));
  });
});

describe('fractionText', () => {
  it.each([
    [new Fraction(3, 4), '3/4'],
    [new Fraction(-3, 4), '-3/4'],
    [new Fraction(8, 2), '4'],
    [new Fraction(-8, 2), '-4'],
    [new Fraction(0), '0'],
    [new Fraction(0).neg(), '0'],
  ])('%s', (f, text) => {
    expect(fractionText(f)).toBe(text);
  });
});

it('percent is numerator / denominator × 100, exactly', () => {
  expect(fractionText(percent(1, 3))).toBe('100/3');
  expect(fractionText(percent(new Fraction(1, 2), 4n))).toBe('25/2');
});

/**
 * Exact rationals. Every count, weight and share is a Fraction; a JavaScript number enters only
 * through its shortest decimal form (what the author wrote), never through binary approximation.
 */
import Fraction from 'fraction.js';

export { Fraction };

/** The exact value of a finite number's shortest decimal form: 0.1 is 1/10, 74.5 is 149/2, 1e-20 is 1/10^20. */
export function exact(x: number): Fraction {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  if (Number.isInteger(x) && Math.abs(x) <= Number.MAX_SAFE_INTEGER) return new Fraction(x);
  const [mantissa = '0', exponentText = '0'] = String(x).toLowerCase().split('e');
  const negative = mantissa.startsWith('-');
  const [whole = '0', decimals = ''] = mantissa.replace('-', '').split('.');
  const digits = BigInt(whole + decimals);
  const exponent = Number(exponentText) - decimals.length;
  const numerator = exponent >= 0 ? digits * 10n ** BigInt(exponent) : digits;
  const denominator = exponent >= 0 ? 1n : 10n ** BigInt(-exponent);
  const value = new Fraction(numerator, denominator);
  return negative ? value.neg() : value;
}

/** A fraction as `n/d` (or `n` when whole), the form results carry beside rounded numbers. */
export function fractionText(f: Fraction): string {
  const sign = f.s < 0n && f.n !== 0n ? '-' : '';
  return f.d === 1n ? `${sign}${f.n}` : `${sign}${f.n}/${f.d}`;
}

export const ZERO = new Fraction(0);
export const HUNDRED = new Fraction(100);

/** numerator / denominator × 100, exactly. */
export function percent(numerator: number | bigint | Fraction, denominator: number | bigint | Fraction): Fraction {
  return new Fraction(numerator).div(denominator as never).mul(100);
}

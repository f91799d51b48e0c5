/**
 * Rounding exact rationals to a number of decimal places, in the mode a pack declares. Works on
 * the integers of the fraction, so 74.5 is exactly halfway and 74.4999… never becomes 75.
 */
import type { RoundingMode } from '../model/pack.js';
import { Fraction } from '../compile/exact-number.js';

/** Rounds to `digits` decimal places. */
export function roundFraction(value: Fraction, digits: number, mode: RoundingMode): Fraction {
  const scale = 10n ** BigInt(digits);
  const negative = value.s < 0n && value.n !== 0n;
  const n = value.n * scale;
  const d = value.d;
  const floor = n / d;
  const remainder = n % d;
  let magnitude = floor;
  if (remainder !== 0n) {
    const twice = remainder * 2n;
    // Modes are defined on the signed value: `up` is the ceiling, `halfUp` sends .5 towards +∞.
    const towardsInfinity = !negative;
    switch (mode) {
      case 'up':
        magnitude = towardsInfinity ? floor + 1n : floor;
        break;
      case 'down':
        magnitude = towardsInfinity ? floor : floor + 1n;
        break;
      case 'halfUp':
        magnitude = twice > d || (twice === d && towardsInfinity) ? floor + 1n : floor;
        break;
      case 'halfDown':
        magnitude = twice > d || (twice === d && !towardsInfinity) ? floor + 1n : floor;
        break;
      case 'halfEven':
        magnitude = twice > d || (twice === d && floor % 2n === 1n) ? floor + 1n : floor;
        break;
    }
  }
  const rounded = new Fraction(magnitude, scale);
  return negative ? rounded.neg() : rounded;
}

/** A fraction already rounded to few decimal places, as the nearest JavaScript number (76, 75.5, 0.1). */
export function toNumber(value: Fraction): number {
  const magnitude = Number(value.n) / Number(value.d);
  return value.s < 0n ? -magnitude : magnitude;
}

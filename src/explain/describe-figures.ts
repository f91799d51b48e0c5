/**
 * Figures in an explanation's sentences: exact values with the decimals the pack displays,
 * rounding as the pack rounds (`≈ 92.91% → 93 (half up)`), weights, lists of case ids.
 */
import type { RoundingMode, RoundingStage } from '../model/pack.js';
import type { CompiledModule } from '../compile/compiled-plan.js';
import { Fraction } from '../compile/exact-number.js';
import { roundFraction } from '../evaluate/round-value.js';
import { decimalText, renderFraction } from './render-condition.js';

export const MODE_WORDS: Record<RoundingMode, string> = {
  halfUp: 'half up',
  halfDown: 'half down',
  halfEven: 'half to even',
  up: 'up',
  down: 'down',
};

/** `= 83` or `≈ 92.91`: the value to `digits` places, with `=` only when that is exact. */
export function approximately(value: Fraction, digits: number): string {
  const negative = value.s < 0n && value.n !== 0n;
  const text = (negative ? '-' : '') + decimalText(value.n, value.d, digits);
  const scale = 10n ** BigInt(digits);
  const isExact = (value.n * scale) % value.d === 0n;
  return `${isExact ? '=' : '≈'} ${text}`;
}

/** A whole or short number as written: 2, 0.5, 13/5 ≈ 2.6. */
export function figure(value: Fraction): string {
  return renderFraction(value);
}

/** How an exact percentage becomes the reported one at a stage: `≈ 92.91% → 93 (half up)`. */
export function settle(module: CompiledModule, stage: RoundingStage, value: Fraction): string {
  const r = module.rounding;
  const shown = `${approximately(value, r.display ?? 2)}%`;
  if (!r.at.includes(stage)) return `${shown} (not rounded at this stage)`;
  const rounded = roundFraction(value, r.digits, r.mode);
  if (rounded.equals(value)) return shown;
  return `${shown} → ${decimalText(rounded.abs().n, rounded.abs().d, r.digits)} (${MODE_WORDS[r.mode]}${r.digits > 0 ? ` to ${r.digits} places` : ''})`;
}

/** Up to `limit` ids, then `and N more`. */
export function listIds(ids: readonly string[], limit = 10): string {
  if (ids.length <= limit) return ids.join(', ');
  return `${ids.slice(0, limit).join(', ')} and ${ids.length - limit} more`;
}

/** `1 case`, `36 cases`. */
export function plural(n: number | string, one: string, many: string): string {
  return `${n} ${Number(n) === 1 ? one : many}`;
}

/** A weight as written in a formula: a whole number, or a short decimal. */
export function weightText(weight: Fraction): string {
  return renderFraction(weight);
}

export { Fraction };

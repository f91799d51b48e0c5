/** The printed form of a missing number. */
export const NO_VALUE = '—';

/** A percentage as the engine rounded it, e.g. `70%`; `—` when there is none. Never re-rounds. */
export function formatPercent(value: number | null | undefined): string {
  return value === null || value === undefined ? NO_VALUE : `${value}%`;
}

import { NO_VALUE } from './format-percent.js';

/** A target figure with its unit, e.g. `90%` or `9.1 days`; `—` when there is none. */
export function formatFigure(value: number | null, unit?: string): string {
  if (value === null) return NO_VALUE;
  if (unit === undefined || unit === '') return String(value);
  return unit === '%' ? `${value}%` : `${value} ${unit}`;
}

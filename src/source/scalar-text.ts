/**
 * A value as text in a message or a key: strings as they are, numbers and booleans as JavaScript
 * writes them, anything else (a mapping, a list) as JSON rather than "[object Object]".
 */
export function scalarText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return value.toString();
  if (value === null || value === undefined) return String(value);
  if (typeof value === 'symbol' || typeof value === 'function') return typeof value;
  return JSON.stringify(value) ?? typeof value;
}

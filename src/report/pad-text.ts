import { measureText } from './measure-text.js';

/** Pads a text on the right with spaces (or `fill`) to `width`; a longer text is left as it is. */
export function padEnd(text: string, width: number, fill = ' '): string {
  const missing = width - measureText(text);
  return missing > 0 ? text + fill.repeat(missing) : text;
}

/** Pads a text on the left with spaces to `width`, so that it ends in the same column as others. */
export function padStart(text: string, width: number): string {
  const missing = width - measureText(text);
  return missing > 0 ? ' '.repeat(missing) + text : text;
}

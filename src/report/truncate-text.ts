import { measureText } from './measure-text.js';

const ELLIPSIS = '…';

/** Cuts a text to at most `width` characters, ending it with an ellipsis when it was cut. */
export function truncateText(text: string, width: number): string {
  if (measureText(text) <= width) return text;
  if (width <= 0) return '';
  const kept = [...text]
    .slice(0, width - 1)
    .join('')
    .trimEnd();
  return kept + ELLIPSIS;
}

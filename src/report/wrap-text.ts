import { measureText } from './measure-text.js';
import { truncateText } from './truncate-text.js';

/** Breaks a text into lines of at most `width` characters at spaces; a word longer than a line is cut. */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    const fitted = truncateText(word, width);
    if (line === '') line = fitted;
    else if (measureText(line) + 1 + measureText(fitted) <= width) line += ' ' + fitted;
    else {
      lines.push(line);
      line = fitted;
    }
  }
  lines.push(line);
  return lines;
}

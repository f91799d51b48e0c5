/** A path as printed: relative to the working folder when it is inside it, else as it is. */
import { isAbsolute, relative } from 'node:path';

export function showPath(path: string): string {
  const shown = relative(process.cwd(), path);
  return shown === '' ? '.' : shown.startsWith('..') || isAbsolute(shown) ? path : shown;
}

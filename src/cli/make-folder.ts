/**
 * Creates a folder and the folders above it that are missing, one at a time. `mkdirSync(path,
 * { recursive: true })` loops for ever where mkdir says a folder's parent is missing while it is
 * there (under /proc, say); this stops at the first folder that cannot be made, with its error.
 */
import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export function makeFolder(path: string): void {
  const missing: string[] = [];
  for (let at = resolve(path); ; at = dirname(at)) {
    let exists = false;
    try {
      exists = statSync(at).isDirectory();
      if (!exists) {
        const error: NodeJS.ErrnoException = new Error(`${at} is not a folder`);
        error.code = 'ENOTDIR';
        throw error;
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    if (exists || dirname(at) === at) break;
    missing.push(at);
  }
  for (const folder of missing.reverse()) mkdirSync(folder);
}

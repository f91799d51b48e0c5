/**
 * Parsed values of pack and inspection files kept from one run to the next: parsing YAML is most
 * of a short command's own work, and a pack's files rarely change between two runs. Keyed by a
 * hash of the text (and of the loader's version, whose parse may differ), so a changed file is
 * simply a new key. Only a file that parsed with no problem is kept, and only as plain JSON data;
 * its positions are not kept: a document read from the cache parses its text again the first time
 * a diagnostic needs a line and column. The library keeps nothing unless given a cache (the
 * command line gives one on disk, see src/cli/disk-value-cache.ts).
 */
import { createHash } from 'node:crypto';

export interface ValueCache {
  /** The value kept under `key`, or undefined. */
  get(key: string): unknown;
  /** Keeps `value` (plain JSON data) under `key`; a cache may refuse, silently. */
  set(key: string, value: unknown): void;
}

let current: ValueCache | undefined;

/** Sets (or, with undefined, removes) the cache readDocument uses. */
export function useValueCache(cache: ValueCache | undefined): void {
  current = cache;
}

export function valueCache(): ValueCache | undefined {
  return current;
}

/** The key of a file's text, read as JSON (`json`) or as YAML, by loader `version`. */
export function valueKey(text: string, json: boolean, version: string): string {
  return createHash('sha256')
    .update(`${version}\0${json ? 'json' : 'yaml'}\0`)
    .update(text)
    .digest('hex');
}

/**
 * Whether JSON holds `value` exactly: plain objects, arrays, strings, booleans, null and finite
 * numbers other than -0 (which JSON writes as 0). Iterative: a value may be deeply nested.
 */
export function isJsonExact(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v === 'string' || typeof v === 'boolean') continue;
    if (typeof v === 'number') {
      if (!Number.isFinite(v) || Object.is(v, -0)) return false;
      continue;
    }
    if (Array.isArray(v)) {
      for (const item of v) stack.push(item);
      continue;
    }
    if (typeof v !== 'object' || Object.getPrototypeOf(v) !== Object.prototype) return false;
    for (const item of Object.values(v)) stack.push(item);
  }
  return true;
}

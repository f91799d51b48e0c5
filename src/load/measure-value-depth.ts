/**
 * Finds the first place where a value built in code (a pack or an inspection handed to the
 * library, with no YAML file to measure) nests objects or lists deeper than the loader allows a
 * file to. Iterative, so any depth is measured without growing the call stack; each object is
 * visited once, so a value that contains itself ends too.
 */
import { MAX_DEPTH } from './measure-depth.js';

/** The JSON pointer of the first object or list deeper than `limit`, or undefined. */
export function findValueTooDeep(value: unknown, limit = MAX_DEPTH): string | undefined {
  const seen = new Set<object>();
  const stack: Array<{ value: unknown; depth: number; pointer: string }> = [{ value, depth: 0, pointer: '' }];
  while (stack.length > 0) {
    const { value: v, depth, pointer } = stack.pop()!;
    if (v === null || typeof v !== 'object' || seen.has(v)) continue;
    seen.add(v);
    const inner = depth + 1;
    if (inner > limit) return pointer;
    const entries: Array<[string, unknown]> = Array.isArray(v) ? v.map((item, i) => [String(i), item]) : Object.entries(v);
    for (const [key, child] of entries) {
      if (child !== null && typeof child === 'object')
        stack.push({ value: child, depth: inner, pointer: `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}` });
    }
  }
  return undefined;
}

/**
 * Keys that reach a prototype (`__proto__`, `constructor`, `prototype`) in a value built in code.
 * The loader refuses them in files; a pack built by a caller (JSON.parse makes `__proto__` an own
 * key) is walked here before its checks. Iterative, and each object visited once.
 */
import type { Diagnostic } from '../model/errors.js';
import { joinPointer } from '../source/source-document.js';
import { makeError } from '../source/make-diagnostic.js';
import { describeForbiddenKey, FORBIDDEN_KEYS } from '../load/to-plain-value.js';

/** FORBIDDEN_KEY for each own key of `value` (at any depth) that could reach a prototype, in document order. */
export function findForbiddenKeys(value: unknown): Diagnostic[] {
  const found: Diagnostic[] = [];
  const seen = new Set<object>();
  const stack: Array<{ value: unknown; pointer: string }> = [{ value, pointer: '' }];
  while (stack.length > 0) {
    const { value: v, pointer } = stack.pop()!;
    if (v === null || typeof v !== 'object' || seen.has(v)) continue;
    seen.add(v);
    const entries: Array<[string, unknown]> = Array.isArray(v) ? v.map((item, i) => [String(i), item]) : Object.entries(v);
    const children: Array<{ value: unknown; pointer: string }> = [];
    for (const [key, child] of entries) {
      const at = joinPointer(pointer, key);
      if (!Array.isArray(v) && FORBIDDEN_KEYS.has(key)) {
        const { message, hint } = describeForbiddenKey(key);
        found.push(makeError('FORBIDDEN_KEY', message, hint, { pointer: at }));
      } else {
        children.push({ value: child, pointer: at });
      }
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return found;
}

// The compact id set behaves as a Set of strings under any sequence of adds and deletes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CompactIdSet } from '../../src/evaluate/compact-id-set.js';

describe('CompactIdSet', () => {
  it('agrees with a Set of strings', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('a', 'b', 'é', '𝟘', ''))), { maxLength: 300 }),
        (ops) => {
          const compact = new CompactIdSet();
          const plain = new Set<string>();
          for (const [add, id] of ops) {
            if (add) expect(compact.add(id)).toBe(!plain.has(id) && (plain.add(id), true));
            else expect(compact.delete(id)).toBe(plain.delete(id));
            expect(compact.size).toBe(plain.size);
          }
          for (const [, id] of ops) expect(compact.has(id)).toBe(plain.has(id));
        },
      ),
      { seed: 11, numRuns: 200 },
    );
  });

  it('holds a million ids exactly, growing as it goes', () => {
    const ids = new CompactIdSet();
    for (let i = 0; i < 1_000_000; i++) expect(ids.add(`S${i}`)).toBe(true);
    expect(ids.size).toBe(1_000_000);
    expect(ids.add('S999999')).toBe(false);
    expect(ids.has('S1000000')).toBe(false);
  });
});

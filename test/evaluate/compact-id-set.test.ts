// The compact id set behaves as a Set of strings under any sequence of adds and deletes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CompactIdSet } from '../../src/evaluate/compact-id-set.js';

describe('CompactIdSet', () => {
  it('agrees with a Set of strings', () => {
    fc.assert(
      fc.property(
        // size 'max': long sequences too, which grow the table (fast-check's default keeps arrays short).
        fc.array(fc.tuple(fc.boolean(), fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('a', 'b', 'é', '𝟘', ''))), { maxLength: 300, size: 'max' }),
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

  // A million ids; 100,000 under mutation testing (vitest.mutate.config.ts), where each run of this test is
  // repeated for every mutant and a million instrumented adds outlast the mutant's time limit.
  const many = process.env.MUTATION_RUN === '1' ? 100_000 : 1_000_000;
  it(`holds ${many.toLocaleString('en')} ids exactly, growing as it goes`, () => {
    const ids = new CompactIdSet();
    for (let i = 0; i < many; i++) expect(ids.add(`S${i}`)).toBe(true);
    expect(ids.size).toBe(many);
    expect(ids.add(`S${many - 1}`)).toBe(false);
    expect(ids.has(`S${many}`)).toBe(false);
    // Every id added before the table last grew is still found.
    for (let i = 0; i < many; i += 997) expect(ids.has(`S${i}`)).toBe(true);
  });

  it('keeps its ids through growth after deletes, reusing deleted slots', () => {
    const compact = new CompactIdSet();
    const plain = new Set<string>();
    const add = (id: string) => expect(compact.add(id)).toBe(!plain.has(id) && (plain.add(id), true));
    for (let i = 0; i < 5000; i++) add(`a${i}`);
    for (let i = 0; i < 5000; i += 2) expect(compact.delete(`a${i}`)).toBe(plain.delete(`a${i}`));
    for (let i = 0; i < 5000; i += 3) add(`a${i}`);
    for (let i = 0; i < 20000; i++) add(`b${i}`);
    expect(compact.size).toBe(plain.size);
    for (let i = 0; i < 5000; i++) expect(compact.has(`a${i}`)).toBe(plain.has(`a${i}`));
    for (let i = 0; i < 20000; i++) expect(compact.has(`b${i}`)).toBe(true);
    expect(compact.has('b20000')).toBe(false);
    // Ids that differ only in length or in a late character are told apart.
    expect(compact.add('b1999')).toBe(false);
    expect(compact.has('b19990')).toBe(true);
    expect(compact.has('b1999a')).toBe(false);
  });
});

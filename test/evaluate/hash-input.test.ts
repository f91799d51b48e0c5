import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, sha256 } from '../../src/compile/hash-pack.js';
import { InputHash } from '../../src/evaluate/hash-input.js';

/** The input hash as documented: sha256 of the header's canonical JSON's digest, the case count and the sum of the cases' digests modulo 2^256. */
function byDefinition(header: Record<string, unknown>, cases: unknown[]): string {
  let sum = 0n;
  for (const c of cases) sum = (sum + BigInt(`0x${createHash('sha256').update(canonicalJson(c)).digest('hex')}`)) % (1n << 256n);
  return sha256(`${sha256(canonicalJson(header))}:${cases.length}:${sum.toString(16)}`);
}

const header = { area: { name: 'Test', facts: { region: 'north' } } };
const cases = Array.from({ length: 200 }, (_, i) => ({
  id: `c${i}`,
  facts: { risk: i % 3 === 0 ? 'high' : 'low', age: i, flagged: i % 2 === 0, note: i % 7 === 0 ? 'say "hi"\n\u00e9' : null },
  answers: Object.fromEntries(Array.from({ length: i % 5 }, (_, k) => [`Q${(i + k) % 9}.${k}`, k % 2 === 0 ? 'yes' : 'no'])),
  ...(i % 11 === 0 ? { extra: [1, 'two', { b: 2, a: [true] }] } : {}),
}));

describe('the input hash of cases held in memory', () => {
  it('is the documented sum of case digests, carries and the modulus included', () => {
    const hash = new InputHash(header);
    for (const c of cases) hash.addCase(c);
    expect(hash.digest()).toBe(byDefinition(header, cases));
  });

  it('does not change with the order of cases or keys, and changes with any value', () => {
    const reordered = [...cases].reverse().map((c) => Object.fromEntries(Object.entries(c).reverse()));
    const a = new InputHash(header);
    const b = new InputHash(header);
    cases.forEach((c) => a.addCase(c));
    reordered.forEach((c) => b.addCase(c));
    expect(b.digest()).toBe(a.digest());
    const changed = new InputHash(header);
    cases.forEach((c, i) => changed.addCase(i === 57 ? { ...c, facts: { ...c.facts, age: 58 } } : c));
    expect(changed.digest()).not.toBe(a.digest());
  });

  it('merges another hash’s share into the same sum', () => {
    const whole = new InputHash(header);
    const first = new InputHash(header);
    const second = new InputHash(header);
    cases.forEach((c, i) => {
      whole.addCase(c);
      (i < 90 ? first : second).addCase(c);
    });
    first.merge(second.state.sum, second.state.count);
    expect(first.digest()).toBe(whole.digest());
  });

  it('carries out of a 32-bit part that reaches exactly 2^32, and takes a small sum', () => {
    const hash = new InputHash(header);
    hash.merge(0x1_ffff_ffffn, 0);
    hash.merge(1n, 0);
    expect(hash.state.sum).toBe(0x2_0000_0000n);
    // The sum is modulo 2^256.
    hash.merge((1n << 256n) - 0x2_0000_0000n, 0);
    expect(hash.state.sum).toBe(0n);
  });

  it('hashes a record with many shapes of keys alike, whichever order came first', () => {
    // More key orders than the writer keeps sorted orders for: each record still hashes by its content.
    const shapes = Array.from({ length: 40 }, (_, i) => Object.fromEntries(Array.from({ length: 5 }, (_, k) => [`k${(i * 7 + k * 3) % 11}`, k])));
    const forward = new InputHash(header);
    const backward = new InputHash(header);
    shapes.forEach((c) => forward.addCase(c));
    [...shapes].reverse().forEach((c) => backward.addCase(c));
    expect(forward.digest()).toBe(byDefinition(header, shapes));
    expect(backward.digest()).toBe(forward.digest());
    // Texts longer than the writer keeps quoted, and many of them.
    const long = Array.from({ length: 30 }, (_, i) => ({ id: `${'x'.repeat(70)}${i}`, facts: { note: `"${'y'.repeat(i)}"` } }));
    const h = new InputHash(header);
    long.forEach((c) => h.addCase(c));
    h.addCase(long[0]);
    expect(h.digest()).toBe(byDefinition(header, [...long, long[0]]));
  });
});

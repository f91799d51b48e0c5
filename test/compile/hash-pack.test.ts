/**
 * A pack's content hash ignores what does not change its meaning — key order, the order its
 * criteria are listed in, the files it was read from, its schema line and includes — and changes
 * with anything that does.
 */
import { describe, expect, it } from 'vitest';
import { canonicalJson, hashPack, sha256 } from '../../src/compile/hash-pack.js';
import type { Pack } from '../../src/model/pack.js';

const pack = (criteria: Array<{ id: string; title: string }>, extra: Partial<Pack> = {}): Pack =>
  ({ kind: 'methodology', id: 'p', version: '1.0.0', title: 'P', criteria: criteria.map((c) => ({ ...c, kind: 'sample', questions: [] })), ...extra }) as Pack;

describe('hashPack', () => {
  const a = { id: 'A1', title: 'First' };
  const b = { id: 'B1', title: 'Second' };
  const c = { id: 'A2', title: 'Third' };

  it('is the sha256 of the canonical JSON, criteria sorted by id', () => {
    const p = pack([b, c, a]);
    const sorted = { ...p, criteria: [p.criteria![2], p.criteria![1], p.criteria![0]] };
    expect(hashPack(p)).toBe(sha256(canonicalJson(sorted)));
  });

  it('is the same whatever order the criteria and keys are listed in', () => {
    expect(hashPack(pack([a, b, c]))).toBe(hashPack(pack([c, b, a])));
    expect(hashPack(pack([a, b, c]))).toBe(hashPack(pack([b, a, c])));
    const reordered = Object.fromEntries(Object.entries(pack([a, b])).reverse()) as Pack;
    expect(hashPack(reordered)).toBe(hashPack(pack([a, b])));
  });

  it('leaves out the files, the schema line and the includes', () => {
    const p = pack([a]);
    expect(hashPack({ ...p, files: ['x.yaml'], $schema: 'x.json', include: ['y.yaml'] })).toBe(hashPack(p));
  });

  it('changes with a criterion, a title, or a pack with no criteria at all', () => {
    const base = hashPack(pack([a, b]));
    expect(hashPack(pack([a, { ...b, title: 'Other' }]))).not.toBe(base);
    expect(hashPack(pack([a]))).not.toBe(base);
    expect(hashPack(pack([a, b], { title: 'Q' }))).not.toBe(base);
    const none = { kind: 'methodology', id: 'p', version: '1.0.0', title: 'P' } as Pack;
    expect(hashPack(none)).toBe(sha256(canonicalJson({ ...none, criteria: [] })));
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every depth and writes what JSON cannot hold as null', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 'x' }] })).toBe('{"a":[{"c":"x","d":2}],"b":1}');
    expect(canonicalJson(undefined)).toBe('null');
    expect(canonicalJson([1, 'two', null, true])).toBe('[1,"two",null,true]');
  });
});

/**
 * The value cache: a file read a second time gives the same value and the same positions (parsed
 * only when first asked for); only files that parse with no problem, into data JSON holds exactly,
 * are kept; YAML and JSON readings of one text are kept apart.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readDocument } from '../../src/load/read-document.js';
import { isJsonExact, useValueCache, type ValueCache } from '../../src/load/value-cache.js';

/** A cache in memory that hands out copies, as the disk cache does. */
function memoryCache(): ValueCache & { entries: Map<string, string>; hits: number } {
  const entries = new Map<string, string>();
  const cache = {
    entries,
    hits: 0,
    get(key: string) {
      const text = entries.get(key);
      if (text === undefined) return undefined;
      cache.hits++;
      return JSON.parse(text) as unknown;
    },
    set(key: string, value: unknown) {
      entries.set(key, JSON.stringify(value));
    },
  };
  return cache;
}

afterEach(() => useValueCache(undefined));

const PACK = `id: demo
title: "A pack"
criteria:
  - id: C1
    weight: 2
    questions: [{ id: C1.1, text: Was it done? }]
`;

describe('readDocument with a value cache', () => {
  it('gives the same value and the same positions from the cache as from a parse', () => {
    const parsed = readDocument('pack.yaml', PACK);
    if (!('doc' in parsed)) throw new Error('the pack does not parse');
    const cache = memoryCache();
    useValueCache(cache);
    readDocument('pack.yaml', PACK);
    expect(cache.entries.size).toBe(1);
    const cached = readDocument('pack.yaml', PACK);
    if (!('doc' in cached)) throw new Error('the pack does not read from the cache');
    expect(cache.hits).toBe(1);
    expect(cached.doc.value).toEqual(parsed.doc.value);
    for (const [pointer, onKey] of [
      ['/criteria/0/weight', false],
      ['/criteria/0/questions/0/text', false],
      ['/title', true],
      ['/nothing', false],
    ] as const) {
      expect(cached.doc.locate(pointer, onKey)).toEqual(parsed.doc.locate(pointer, onKey));
    }
    expect(cached.doc.locate('/criteria/0/weight')).toEqual({ line: 5, column: 13 });
  });

  it('keeps a changed text under a new key', () => {
    const cache = memoryCache();
    useValueCache(cache);
    readDocument('pack.yaml', PACK);
    const changed = readDocument('pack.yaml', PACK.replace('weight: 2', 'weight: 3'));
    expect(cache.hits).toBe(0);
    expect(cache.entries.size).toBe(2);
    expect(changed).toMatchObject({ doc: { value: { criteria: [{ weight: 3 }] } } });
  });

  it('keeps nothing for a file with a problem, and reports it on every read', () => {
    const cache = memoryCache();
    useValueCache(cache);
    const bad = 'id: demo\nid: again\n';
    const first = readDocument('pack.yaml', bad);
    const second = readDocument('pack.yaml', bad);
    expect(cache.entries.size).toBe(0);
    expect(first).toMatchObject({ errors: [{ code: 'YAML_DUPLICATE_KEY', line: 2 }] });
    expect(second).toEqual(first);
  });

  it('keeps a YAML reading and a JSON reading of one text apart', () => {
    const cache = memoryCache();
    useValueCache(cache);
    readDocument('a.yaml', '{"n": 1}');
    readDocument('a.json', '{"n": 1}');
    expect(cache.entries.size).toBe(2);
  });

  it('does not keep -0, which JSON would give back as 0', () => {
    const cache = memoryCache();
    useValueCache(cache);
    const read = readDocument('a.yaml', 'n: -0\n');
    expect(Object.is((read as { doc: { value: { n: number } } }).doc.value.n, -0)).toBe(true);
    expect(cache.entries.size).toBe(0);
  });
});

describe('isJsonExact', () => {
  it.each([
    [{ a: [1, 'x', true, null, { b: 2.5 }] }, true],
    [[], true],
    [{ n: -0 }, false],
    [{ n: Number.POSITIVE_INFINITY }, false],
    [{ n: Number.NaN }, false],
    [{ u: undefined }, false],
    [Object.create(null) as object, false],
    [{ d: new Date(0) }, false],
  ])('%j → %s', (value, exact) => {
    expect(isJsonExact(value)).toBe(exact);
  });
});

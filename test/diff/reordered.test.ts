// What a pack diff calls a change of order: the ids both versions hold, in another order; ids
// added or removed alone are no change of order.
import { describe, expect, it } from 'vitest';
import { reordered } from '../../src/diff/show-changed-value.js';

describe('reordered', () => {
  it.each([
    [['a', 'b', 'c'], ['a', 'b', 'c'], false],
    [['a', 'b', 'c'], ['b', 'a', 'c'], true],
    [['a', 'b', 'c'], ['a', 'x', 'b', 'c'], false],
    [['a', 'b', 'c'], ['a', 'c'], false],
    [['a', 'b', 'c'], ['c', 'x', 'a'], true],
    [[], ['a'], false],
    // A repeated id is kept apart from one that is not repeated.
    [['a', 'a', 'b'], ['a', 'b'], true],
  ])('%j → %j: %s', (before, after, expected) => {
    expect(reordered(before, after)).toBe(expected);
  });
});

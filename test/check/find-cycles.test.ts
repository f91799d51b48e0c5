/**
 * findCycles: the circles of a directed graph of names, each once, as the nodes from where the
 * search entered the circle back to that node. The graphs are small maps written by hand; the
 * expected cycles follow the depth-first order of the keys and of each node's targets.
 */
import { describe, expect, it } from 'vitest';
import { findCycles } from '../../src/check/find-cycles.js';

const graph = (edges: Record<string, string[]>) => new Map(Object.entries(edges));

describe('findCycles', () => {
  it.each<{ note: string; edges: Record<string, string[]>; cycles: string[][] }>([
    { note: 'no edges', edges: {}, cycles: [] },
    { note: 'a chain without a circle', edges: { a: ['b'], b: ['c'], c: [] }, cycles: [] },
    { note: 'a diamond without a circle', edges: { a: ['b', 'c'], b: ['d'], c: ['d'], d: [] }, cycles: [] },
    { note: 'a self-loop', edges: { a: ['a'] }, cycles: [['a', 'a']] },
    { note: 'a circle back to the start', edges: { a: ['b'], b: ['c'], c: ['a'] }, cycles: [['a', 'b', 'c', 'a']] },
    { note: 'a circle entered from outside it, without the way in', edges: { a: ['b'], b: ['c'], c: ['b'] }, cycles: [['b', 'c', 'b']] },
    { note: 'a circle reached twice is found once', edges: { a: ['b', 'c'], b: ['c'], c: ['b'] }, cycles: [['b', 'c', 'b']] },
    { note: 'a self-loop first reached from another start is found once', edges: { b: ['a'], a: ['a'] }, cycles: [['a', 'a']] },
    {
      note: 'two separate circles',
      edges: { a: ['b'], b: ['a'], c: ['d'], d: ['c'] },
      cycles: [
        ['a', 'b', 'a'],
        ['c', 'd', 'c'],
      ],
    },
    { note: 'targets that are not keys', edges: { a: ['x', 'b'], b: ['a', 'y'] }, cycles: [['a', 'b', 'a']] },
  ])('$note', ({ edges, cycles }) => {
    expect(findCycles(graph(edges))).toEqual(cycles);
  });
});

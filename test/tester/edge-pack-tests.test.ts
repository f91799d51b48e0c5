// Runs the tests of the edges fixture pack (test/fixtures/packs/edges/tests): cases exactly on the
// edge of each ordering comparison of a numeric case fact, against a number and against another
// fact, with the same runner `criteria test` uses. An inclusive comparison read as a strict one
// (or the reverse) fails one of them; elsewhere only the random differential tests reach these edges.
import { describe, expect, it } from 'vitest';
import { runPackTests } from '../../src/tester/run-pack-tests.js';

const run = await runPackTests('test/fixtures/packs/edges');
const outcomes = 'errors' in run ? [] : run.outcomes;

describe('the edges fixture pack', () => {
  it('loads its three tests', () => {
    expect('errors' in run ? run.errors : []).toEqual([]);
    expect(outcomes.map((o) => o.name)).toEqual([
      'Each comparison counts the case on its edge as its operator says, and a missing fact as not met',
      'A score of exactly 50 is in the band that starts at 50',
      "A number below the fact's minimum is refused",
    ]);
  });

  it.each(outcomes.map((o) => [o.name, o] as const))('%s', (_name, outcome) => {
    const detail = [
      outcome.problem ?? '',
      ...outcome.mismatches.map((m) => `${m.id}.${m.property}: expected ${JSON.stringify(m.expected)}, got ${JSON.stringify(m.actual)}`),
    ].filter(Boolean);
    expect(detail).toEqual([]);
    expect(outcome.passed).toBe(true);
  });
});

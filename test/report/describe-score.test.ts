import { describe, expect, it } from 'vitest';
import type { ScoredResult } from '../../src/model/result.js';
import { describeComputed, describeHeading, describeScore } from '../../src/report/describe-score.js';

const NONE: ScoredResult = { score: null, exact: null, computedScore: null, band: null, computedBand: null, adjustment: null };
const band = (label: string) => ({ id: label.toLowerCase(), label });

describe('describeScore', () => {
  it.each<[string, ScoredResult, string]>([
    ['a score as the engine rounded it', { ...NONE, score: 66.7 }, '66.7%'],
    ['a band', { ...NONE, band: band('Good') }, 'Good'],
    ['a score and a band', { ...NONE, score: 70, band: band('Good') }, '70% (Good)'],
    ['not rated, with the reason', { ...NONE, notRated: { reason: 'no relevant cases' } }, 'not rated (no relevant cases)'],
    ['nothing', NONE, '—'],
  ])('prints %s', (_note, result, expected) => {
    expect(describeScore(result)).toBe(expected);
  });

  it('prints the computed result before an adjustment', () => {
    const adjusted = { ...NONE, band: band('Fair'), computedBand: band('Poor'), adjustment: { reason: 'r' } };
    expect(describeComputed(adjusted)).toBe('Poor');
  });

  it('heads a criterion with its result only when it has one', () => {
    expect(describeHeading({ ...NONE, id: 'X1', title: 'T' })).toBe('X1: T');
    expect(describeHeading({ ...NONE, id: 'X1', title: 'T', score: 5 })).toBe('X1: T — 5%');
  });
});

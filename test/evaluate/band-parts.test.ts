// The small parts a result's band and summary are made of, each alone and table-driven: caps and
// floors on a band, a level as a result reports it, and the summary sentence's placeholders.
import { describe, expect, it } from 'vitest';
import { rankScale } from '../../src/compile/compile-pack.js';
import type { CompiledLimit } from '../../src/compile/compiled-plan.js';
import { Fraction } from '../../src/compile/exact-number.js';
import { applyLimits } from '../../src/evaluate/apply-limits.js';
import { assignBand } from '../../src/evaluate/assign-band.js';
import { emptyNodeValue } from '../../src/evaluate/node-value.js';
import { fillSummary } from '../../src/evaluate/fill-summary.js';
import { levelResult } from '../../src/evaluate/level-result.js';

const rating = rankScale('rating', {
  levels: [
    { id: 'top', label: 'Top' },
    { id: 'mid', label: 'Middle' },
    { id: 'low', label: 'Low' },
  ],
  notApplicable: { id: 'na', label: 'Not applicable' },
});

/** A limit whose condition holds or not, whatever it is given. */
const limit = (kind: 'cap' | 'floor', level: string, holds = true): CompiledLimit => ({
  def: { id: `${kind}-${level}` } as CompiledLimit['def'],
  kind,
  level,
  when: () => holds,
});
const inputs = {} as Parameters<typeof applyLimits>[3];

describe('applyLimits', () => {
  it.each([
    ['a cap lowers a better band to its level', 'top', [limit('cap', 'mid')], 'mid', [['top', 'mid']]],
    ['a cap leaves a band at its level', 'mid', [limit('cap', 'mid')], 'mid', []],
    ['a cap leaves a worse band', 'low', [limit('cap', 'mid')], 'low', []],
    ['a floor raises a worse band to its level', 'low', [limit('floor', 'mid')], 'mid', [['low', 'mid']]],
    ['a floor leaves a band at its level', 'mid', [limit('floor', 'mid')], 'mid', []],
    ['a floor leaves a better band', 'top', [limit('floor', 'mid')], 'top', []],
    ['a limit whose condition does not hold moves nothing', 'top', [limit('cap', 'low', false)], 'top', []],
    [
      'limits apply in order, each to the band the one before left',
      'top',
      [limit('cap', 'mid'), limit('cap', 'low'), limit('floor', 'mid')],
      'mid',
      [
        ['top', 'mid'],
        ['mid', 'low'],
        ['low', 'mid'],
      ],
    ],
    ['a limit on a level the scale does not have is skipped', 'top', [limit('cap', 'nowhere'), limit('cap', 'mid')], 'mid', [['top', 'mid']]],
  ] as const)('%s', (_note, band, limits, expected, moves) => {
    const result = applyLimits(band, limits, rating, inputs, {});
    expect(result.band).toBe(expected);
    expect(result.applied.map((a) => [a.from, a.to])).toEqual(moves);
    expect(result.applied.map((a) => a.limit)).toEqual(limits.filter((l) => result.applied.some((a) => a.limit === l)));
  });

  it('moves nothing without a scale, or from a band the scale does not have', () => {
    expect(applyLimits('top', [limit('cap', 'mid')], null, inputs, {})).toEqual({ band: 'top', applied: [] });
    expect(applyLimits('elsewhere', [limit('cap', 'mid')], rating, inputs, {})).toEqual({ band: 'elsewhere', applied: [] });
  });

  it('asks the condition only of a limit that would move the band, with the inputs and the area', () => {
    const asked: unknown[] = [];
    const area = { manager: false };
    const watched: CompiledLimit = { ...limit('cap', 'mid'), when: (i, a) => (asked.push([i, a]), true) };
    applyLimits('low', [watched], rating, inputs, area);
    expect(asked).toEqual([]);
    applyLimits('top', [watched], rating, inputs, area);
    expect(asked).toEqual([[inputs, area]]);
  });
});

describe('levelResult', () => {
  it.each([
    ['a level', 'mid', { id: 'mid', label: 'Middle' }],
    ['the not-applicable value', 'na', { id: 'na', label: 'Not applicable' }],
    ['an id the scale does not have, labelled by itself', 'other', { id: 'other', label: 'other' }],
    ['no level', null, null],
  ] as const)('%s', (_note, id, expected) => {
    expect(levelResult(rating, id)).toEqual(expected);
  });

  it('labels a level by its id when there is no scale', () => {
    expect(levelResult(null, 'mid')).toEqual({ id: 'mid', label: 'mid' });
    expect(levelResult(rankScale('plain', { levels: [{ id: 'a', label: 'A' }] }), 'na')).toEqual({ id: 'na', label: 'na' });
  });
});

describe('fillSummary', () => {
  const value = [
    { id: 'top', weight: new Fraction(2) },
    { id: 'mid', weight: new Fraction(1) },
    { id: 'top', weight: new Fraction(1, 2) },
  ];
  const values = { value, scale: rating, score: 67, band: 'Middle', points: new Fraction(7, 2) };
  it.each([
    ['{rated} rated', values, '3.5 rated'],
    ['{count:top} top, {count:mid} middle, {count:low} low', values, '2.5 top, 1 middle, 0 low'],
    ['score {score}, {percent}', values, 'score 67, 67%'],
    ['score {score}, {percent}', { ...values, score: null }, 'score not rated, not rated'],
    ['band {band}', values, 'band Middle'],
    ['band {band}', { ...values, band: null }, 'band not rated'],
    ['{points} points', values, '3.5 points'],
    ['{points} points', { ...values, points: null }, '0 points'],
    ['{unknown} and {count:} stay as written', values, '{unknown} and {count:} stay as written'],
    ['{rated} of nothing', { ...values, value: [] }, '0 of nothing'],
  ] as const)('%j', (template, given, expected) => {
    expect(fillSummary(template, given)).toBe(expected);
  });
});

describe('assignBand, combining its parts’ bands', () => {
  const node = emptyNodeValue;
  const combine = (mode: 'lowest' | 'highest', limits: CompiledLimit[] = []) => ({ kind: 'combine' as const, mode, scale: rating, limits });

  it.each([
    ['lowest', ['top', 'low', 'mid'], 'low'],
    ['highest', ['low', 'top', 'mid'], 'top'],
    ['lowest', ['mid', 'mid'], 'mid'],
    ['highest', ['low'], 'low'],
    // Parts not rated, not applicable or of another scale take no part.
    ['lowest', [null, 'na', 'elsewhere', 'mid'], 'mid'],
    ['highest', ['na', null, 'low', 'elsewhere'], 'low'],
  ] as const)('%s of %j is %s', (mode, parts, expected) => {
    const value = node();
    assignBand(combine(mode), value, [...parts], {});
    expect(value.computedBand).toBe(expected);
    expect(value.bandRule).toBe(mode);
    expect(value.notRated).toBeUndefined();
  });

  it('is not rated when no part has a band of its scale', () => {
    const value = node();
    assignBand(combine('lowest'), value, [null, 'na', 'elsewhere'], {});
    expect(value).toMatchObject({ computedBand: null, notRated: 'no rated parts', limits: [] });
  });

  it("applies the band's limits to the band combined, and none to a node not rated", () => {
    const value = node();
    assignBand(combine('highest', [limit('cap', 'mid')]), value, ['top', 'low'], {});
    expect(value.computedBand).toBe('mid');
    expect(value.limits.map((l) => [l.from, l.to])).toEqual([['top', 'mid']]);
    const unrated = { ...node(), notRated: 'no rated items' };
    assignBand(combine('highest', [limit('cap', 'mid')]), unrated, ['top'], {});
    expect(unrated.computedBand).toBeNull();
  });
});

/**
 * Limits, band sets that extend others and sections rated from their own items, scored: each
 * expectation worked out by hand beside it.
 */
import { describe, expect, it } from 'vitest';
import { compilePack, score } from '../../src/index.js';
import type { Pack } from '../../src/model/pack.js';
import type { InspectionResult } from '../../src/model/result.js';

const pack: Pack = {
  kind: 'methodology',
  id: 'limits',
  version: '1.0.0',
  title: 'Limits',
  status: 'draft',
  facts: { area: { concern: { type: 'boolean' }, commended: { type: 'boolean' } } },
  scales: {
    rating: {
      levels: [
        { id: 'a', label: 'A' },
        { id: 'b', label: 'B' },
        { id: 'c', label: 'C' },
        { id: 'd', label: 'D' },
      ],
    },
  },
  conditions: {
    // A named condition over a derived quantity, used by band rules and by a limit.
    anyD: { all: [{ fact: 'count', params: { is: 'd' }, operator: 'greaterThanInclusive', value: 1 }] },
  },
  bandSets: {
    byShare: {
      title: 'By share',
      scale: 'rating',
      inputScale: 'rating',
      rules: [
        { level: 'a', when: { fact: 'share', params: { atLeast: 'a' }, operator: 'equal', value: 1 }, note: 'all A' },
        { level: 'b', when: { fact: 'share', params: { atLeast: 'b' }, operator: 'equal', value: 1 }, note: 'all B or better' },
      ],
      otherwise: 'c',
    },
    // Its own rule first, then byShare's; a floor after.
    strict: {
      extends: 'byShare',
      rules: [{ level: 'd', when: { condition: 'anyD' }, note: 'any D' }],
      limits: [{ id: 'commended', floor: 'b', when: { fact: 'commended', operator: 'equal', value: true }, note: 'commended' }],
    },
  },
  sections: [
    {
      id: 'one',
      title: 'One',
      itemScale: 'rating',
      band: 'byShare',
      items: [
        { id: 'i1', text: 'x' },
        { id: 'i2', text: 'y' },
      ],
    },
    {
      id: 'two',
      title: 'Two',
      itemScale: 'rating',
      band: 'strict',
      items: [
        { id: 'j1', text: 'x' },
        { id: 'j2', text: 'y' },
      ],
    },
    {
      id: 'three',
      title: 'Three',
      criteria: ['K'],
      band: { combine: 'lowest' },
      limits: [{ id: 'concern', cap: 'c', when: { fact: 'concern', operator: 'equal', value: true }, note: 'a concern' }],
    },
  ],
  criteria: [
    {
      id: 'K',
      title: 'K',
      kind: 'evidence',
      itemScale: 'rating',
      band: 'byShare',
      items: [{ id: 'k1', text: 'x' }],
      limits: [{ id: 'noD', cap: 'b', when: { condition: 'anyD' }, note: 'never holds here: K has no D to count' }],
    },
  ],
  overall: {
    title: 'Overall',
    band: 'byShare',
    adjustable: ['band'],
    limits: [
      { id: 'concern', cap: 'b', when: { fact: 'concern', operator: 'equal', value: true }, note: 'a concern' },
      { id: 'worse', cap: 'c', when: { fact: 'concern', operator: 'equal', value: true }, note: 'a concern, again' },
    ],
  },
  rounding: { mode: 'halfUp', digits: 0, at: [] },
};

function run(
  evidence: Record<string, string>,
  facts: Record<string, boolean> = {},
  adjustments: Array<{ id: string; band: string; reason: string }> = [],
): InspectionResult {
  const compiled = compilePack(pack);
  if ('errors' in compiled) throw new Error(compiled.errors.map((e) => e.message).join('\n'));
  const outcome = score(compiled.plan, { area: { name: 'Test', facts }, evidence, adjustments, cases: [] });
  if ('errors' in outcome) throw new Error(outcome.errors.map((e) => e.message).join('\n'));
  return outcome.result;
}

const ALL_A = { i1: 'a', i2: 'a', j1: 'a', j2: 'a', k1: 'a' };
const section = (r: InspectionResult, id: string) => r.sections.find((s) => s.id === id)!;

describe('limits', () => {
  it('leave every result alone when no condition holds, and rule numbers count from 1', () => {
    const r = run(ALL_A);
    expect(section(r, 'one')).toMatchObject({ band: { id: 'a' }, bandRule: 1, items: [{ id: 'i1' }, { id: 'i2' }] });
    // strict tries its own rule (any D) first, then byShare's: all A is its rule 2.
    expect(section(r, 'two')).toMatchObject({ band: { id: 'a' }, bandRule: 2 });
    expect(r.overall).toMatchObject({ band: { id: 'a' }, bandRule: 1 });
    expect(r.overall!.limits).toBeUndefined();
  });

  it('cap a section banded by lowest and the overall result, in order, naming each that moved the band', () => {
    const r = run(ALL_A, { concern: true });
    // three: the lowest of K (A) is A, capped at C by 'concern'.
    expect(section(r, 'three')).toMatchObject({
      band: { id: 'c' },
      computedBand: { id: 'c' },
      bandRule: 'lowest',
      limits: [{ id: 'concern', kind: 'cap', from: { id: 'a' }, band: { id: 'c' }, note: 'a concern' }],
    });
    // overall: sections A, A, C → share at least B is 2/3, so rule 1 and 2 fail → otherwise C; both caps already met.
    expect(r.overall).toMatchObject({ band: { id: 'c' }, bandRule: 'otherwise' });
    expect(r.overall!.limits).toBeUndefined();
  });

  it('apply a second cap after the first, each recorded with the band it moved from', () => {
    // Without section three's own cap the overall rating would be A; remove it by rating k1 so that three is A and
    // move the overall cap check onto all-A sections: concern caps A → B, then 'worse' caps B → C.
    const edited: Pack = { ...pack, sections: pack.sections.map((s) => (s.id === 'three' ? { ...s, limits: [] } : s)) };
    const compiled = compilePack(edited);
    if ('errors' in compiled) throw new Error(compiled.errors[0]!.message);
    const outcome = score(compiled.plan, { area: { name: 'Test', facts: { concern: true } }, evidence: ALL_A, cases: [] });
    if ('errors' in outcome) throw new Error(outcome.errors[0]!.message);
    expect(outcome.result.overall).toMatchObject({
      band: { id: 'c' },
      computedBand: { id: 'c' },
      bandRule: 1,
      limits: [
        { id: 'concern', from: { id: 'a' }, band: { id: 'b' } },
        { id: 'worse', from: { id: 'b' }, band: { id: 'c' } },
      ],
    });
  });

  it('raise a band with a floor, after the rules of the set it extends', () => {
    // two: j2 is D → strict's own rule 1 (any D) gives D; commended floors it at B.
    const r = run({ ...ALL_A, j2: 'd' }, { commended: true });
    expect(section(r, 'two')).toMatchObject({
      band: { id: 'b' },
      bandRule: 1,
      limits: [{ id: 'commended', kind: 'floor', from: { id: 'd' }, band: { id: 'b' } }],
    });
    // Without the commendation the floor does not hold.
    expect(section(run({ ...ALL_A, j2: 'd' }), 'two')).toMatchObject({ band: { id: 'd' } });
  });

  it('feed the limited band to the parent, and an adjustment still comes last', () => {
    const r = run(ALL_A, { concern: true }, [{ id: 'overall', band: 'a', reason: 'The concern was resolved on the day' }]);
    expect(r.overall).toMatchObject({
      band: { id: 'a' },
      computedBand: { id: 'c' },
      adjustment: { band: { id: 'a' }, reason: 'The concern was resolved on the day' },
    });
  });

  it('read derived quantities of the result they limit (K has no D, so its cap never holds)', () => {
    const r = run({ ...ALL_A, j1: 'd' });
    const k = section(r, 'three').criteria[0]!;
    expect(k).toMatchObject({ band: { id: 'a' } });
    expect(k.limits).toBeUndefined();
  });
});

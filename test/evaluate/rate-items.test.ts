// An evidence criterion's items: rated by the inspectors or taken from another criterion's band,
// labelled (with a count when the rating carries one), and counted unless excluded, not applicable
// or not rated.
import { describe, expect, it } from 'vitest';
import { rankScale } from '../../src/compile/compile-pack.js';
import type { CompiledCriterion, CompiledItem } from '../../src/compile/compiled-plan.js';
import { Fraction } from '../../src/compile/exact-number.js';
import { rateItems } from '../../src/evaluate/rate-items.js';
import type { ItemRating } from '../../src/model/inspection.js';
import type { Scale } from '../../src/model/pack.js';

const levels = [
  { id: 'strong', label: 'Strong' },
  { id: 'weak', label: 'Weak' },
];
const source = { def: { id: 'B1' } } as CompiledCriterion;

function criterion(scale: Scale): CompiledCriterion {
  const item = (id: string, more: Partial<CompiledItem> = {}, excluded?: string): CompiledItem => ({
    def: { id, text: `Item ${id}`, ...(excluded ? { excluded } : {}) },
    key: id,
    weight: new Fraction(1),
    counted: excluded === undefined,
    from: null,
    ...more,
  });
  return {
    itemScale: rankScale('perf', scale),
    items: [
      item('E1.1'),
      item('E1.2', { weight: new Fraction(3, 2) }),
      item('E1.3'),
      item('E1.4'),
      item('E1.5', {}, 'relates to another body'),
      item('E1.6', { from: source }),
    ],
  } as unknown as CompiledCriterion;
}

const evidence = new Map<string, ItemRating>([
  ['E1.1', { level: 'strong' }],
  ['E1.2', { level: 'weak', achieved: 1, of: 3 }],
  ['E1.3', { level: 'na' }],
  ['E1.5', { level: 'strong' }],
  ['E1.6', { level: 'weak' }],
]);

describe('rateItems', () => {
  it('rates, labels and counts each item', () => {
    const { items, levels: counted } = rateItems(criterion({ levels, notApplicable: { id: 'na', label: 'N/A' } }), evidence, (c) =>
      c === source ? 'strong' : null,
    );
    expect(items).toEqual([
      { id: 'E1.1', text: 'Item E1.1', level: { id: 'strong', label: 'Strong' }, label: 'Strong', counted: true, weight: 1 },
      { id: 'E1.2', text: 'Item E1.2', level: { id: 'weak', label: 'Weak' }, label: 'Weak (1 of 3)', counted: true, weight: 1.5 },
      { id: 'E1.3', text: 'Item E1.3', level: null, label: 'N/A', counted: false, weight: 1 },
      { id: 'E1.4', text: 'Item E1.4', level: null, label: 'not rated', counted: false, weight: 1 },
      {
        id: 'E1.5',
        text: 'Item E1.5',
        level: { id: 'strong', label: 'Strong' },
        label: 'Strong',
        counted: false,
        excludedBecause: 'relates to another body',
        weight: 1,
      },
      // Taken from B1's band; a rating given for it in the inspection is not read.
      { id: 'E1.6', text: 'Item E1.6', level: { id: 'strong', label: 'Strong' }, label: 'Strong', counted: true, weight: 1, from: 'B1' },
    ]);
    expect(counted.map((l) => [l.id, l.rank, l.weight.toString()])).toEqual([
      ['strong', 0, '1'],
      ['weak', 1, '1.5'],
      ['strong', 0, '1'],
    ]);
  });

  it("writes a count with the scale's countLabel", () => {
    const { items } = rateItems(criterion({ levels, countLabel: '{label}: {achieved}/{of} ({label})' }), evidence, () => null);
    expect(items[1]!.label).toBe('Weak: 1/3 (Weak)');
    // Without a not-applicable value on the scale, 'na' is no level: reported by its id, not counted.
    expect(items[2]).toMatchObject({ level: { id: 'na', label: 'na' }, label: 'na', counted: false });
    expect(items[5]).toMatchObject({ level: null, label: 'not rated', counted: false });
  });
});

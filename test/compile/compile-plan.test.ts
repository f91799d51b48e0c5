/**
 * What compilePlan builds from a methodology and a thematic: keys prefixed with the thematic's
 * id, a section rated from its own items (an excluded item not counted, weights as given), the
 * criteria in no section (supporting ones) in id order, and the band scale children share.
 */
import { describe, expect, it } from 'vitest';
import { childBandScale, compilePlan } from '../../src/compile/compile-pack.js';
import type { RankedScale } from '../../src/compile/compiled-plan.js';
import type { Pack } from '../../src/model/pack.js';
import { SMALL_SCALES } from './small-scales.js';

const scales = SMALL_SCALES;

const methodology = {
  kind: 'methodology',
  id: 'base',
  version: '1.0.0',
  title: 'Base',
  scales,
  criteria: [
    { id: 'C3', title: 'Three', kind: 'evidence', itemScale: 'rating', items: [{ id: 'I3', text: 'Item' }] },
    { id: 'C1', title: 'One', kind: 'sample', questions: [{ id: 'Q1', text: 'Asked?', scale: 'yn' }] },
    { id: 'C2', title: 'Two', kind: 'evidence', itemScale: 'rating', items: [{ id: 'I2', text: 'Item' }] },
  ],
  sections: [{ id: 'S1', title: 'Section', criteria: ['C1'] }],
} as unknown as Pack;

const thematic = {
  kind: 'thematic',
  id: 'theme',
  version: '1.0.0',
  title: 'Theme',
  scales,
  criteria: [{ id: 'H1', title: 'Theme', kind: 'sample', questions: [{ id: 'H1.1', text: 'Addressed?', scale: 'yn' }] }],
  sections: [
    { id: 'H', title: 'Theme', criteria: ['H1'] },
    {
      id: 'R',
      title: 'Rated',
      itemScale: 'rating',
      items: [
        { id: 'R1', text: 'First' },
        { id: 'R2', text: 'Second', weight: 2 },
        { id: 'R3', text: 'Third', excluded: 'not inspected' },
      ],
    },
  ],
} as unknown as Pack;

// Compiled inside each test: mutation testing ignores code run while tests are only being collected.
const compiled = () => {
  const plan = compilePlan(methodology, [thematic]);
  return { plan, theme: plan.thematics[0]! };
};

describe('compilePlan', () => {
  it("prefixes a thematic's keys with its id", () => {
    const { plan, theme } = compiled();
    expect(plan.questions.map((q) => q.key)).toEqual(['Q1', 'theme:H1.1']);
    expect(theme.criteria.map((c) => c.key)).toEqual(['theme:H1']);
    expect(theme.sections.map((s) => s.key)).toEqual(['theme:H', 'theme:R']);
  });

  it('rates a section from its own items, as an evidence criterion of its own', () => {
    const { theme } = compiled();
    const own = theme.sections[1]!.own!;
    expect(own.key).toBe('theme:R');
    expect(own.def).toEqual({ id: 'R', title: 'Rated', kind: 'evidence', itemScale: 'rating', items: (thematic.sections[1] as { items: unknown[] }).items });
    expect(own.items.map((i) => [i.key, i.weight.toFraction(), i.counted])).toEqual([
      ['theme:R1', '1', true],
      ['theme:R2', '2', true],
      ['theme:R3', '1', false],
    ]);
    expect(own.questions).toEqual([]);
    expect(own.measures).toEqual([]);
    expect(theme.sections[0]!.own).toBeNull();
  });

  it('keeps the criteria in no section as supporting, in id order', () => {
    const { plan, theme } = compiled();
    expect(plan.methodology.supporting.map((c) => c.def.id)).toEqual(['C2', 'C3']);
    expect(plan.methodology.sections[0]!.criteria.map((c) => c.def.id)).toEqual(['C1']);
    expect(theme.supporting).toEqual([]);
  });
});

describe('childBandScale', () => {
  const scale = (id: string) => ({ id }) as RankedScale;
  const a = scale('a');
  const b = scale('b');

  it('is the scale every child with a band shares, or null', () => {
    expect(childBandScale([{ bandScale: a }, { bandScale: null }, { bandScale: a }])).toBe(a);
    expect(childBandScale([{ bandScale: a }, { bandScale: b }])).toBeNull();
    expect(childBandScale([{ bandScale: null }])).toBeNull();
    expect(childBandScale([])).toBeNull();
  });
});

describe('conditions over case records', () => {
  // Facts named like members of every object's prototype: a record without them does not have them.
  const pack = {
    ...methodology,
    facts: { case: { toString: { type: 'string' }, n: { type: 'number' } }, area: { valueOf: { type: 'number' } } },
    criteria: [
      {
        id: 'C1',
        title: 'One',
        kind: 'sample',
        questions: [
          { id: 'Q1', text: 'Asked?', scale: 'yn', appliesWhen: { fact: 'toString', operator: 'equal', value: null } },
          { id: 'Q2', text: 'Asked?', scale: 'yn', appliesWhen: { fact: 'valueOf', operator: 'equal', value: null } },
          { id: 'Q3', text: 'Asked?', scale: 'yn', appliesWhen: { fact: 'n', operator: 'equal', value: null } },
        ],
      },
    ],
    sections: [{ id: 'S1', title: 'Section', criteria: ['C1'] }],
  } as unknown as Pack;

  it('read a missing fact as null, a fact named like a prototype member included, and an own value as it is', () => {
    const [q1, q2, q3] = compilePlan(pack).questions;
    expect(q1!.applies!({}, {})).toBe(true);
    expect(q2!.applies!({}, {})).toBe(true);
    expect(q3!.applies!({}, {})).toBe(true);
    expect(q1!.applies!({ toString: 'text' }, {})).toBe(false);
    expect(q2!.applies!({}, { valueOf: 3 })).toBe(false);
    expect(q3!.applies!({ n: 0 }, {})).toBe(false);
  });
});

/**
 * compilePlan trusts a checked pack, but a pack built in code may reach it unchecked: each
 * dangling name it meets is a CompileError naming what is missing, never a crash further on.
 */
import { describe, expect, it } from 'vitest';
import { CompileError, compilePlan } from '../../src/compile/compile-pack.js';
import type { Pack } from '../../src/model/pack.js';
import { SMALL_SCALES } from './small-scales.js';

/** A small valid pack: one sample criterion rated on a band set, one evidence criterion, one section. */
function base(): Record<string, unknown> {
  return {
    kind: 'methodology',
    id: 'small',
    version: '1.0.0',
    title: 'Small',
    facts: { case: { n: { type: 'number' } } },
    scales: structuredClone(SMALL_SCALES),
    weightClasses: { heavy: 2 },
    bandSets: {
      bands: { scale: 'rating', rules: [{ level: 'good', when: { fact: 'score', operator: 'greaterThanInclusive', value: 50 } }], otherwise: 'poor' },
    },
    criteria: [
      { id: 'C1', title: 'One', kind: 'sample', weight: 'heavy', band: 'bands', questions: [{ id: 'Q1', text: 'Asked?', scale: 'yn' }] },
      { id: 'C2', title: 'Two', kind: 'evidence', itemScale: 'rating', items: [{ id: 'I1', text: 'Item' }] },
    ],
    sections: [{ id: 'S1', title: 'Section', criteria: ['C1', 'C2'] }],
  };
}

type Change = (pack: Record<string, unknown>) => void;
const criterion = (pack: Record<string, unknown>, i: number) => (pack.criteria as Array<Record<string, unknown>>)[i]!;

describe('compilePlan on an unchecked pack', () => {
  it('compiles the pack these cases start from', () => {
    expect(compilePlan(base() as unknown as Pack).questions.map((q) => q.key)).toEqual(['Q1']);
  });

  it.each<[string, Change, string]>([
    ['a weight class', (p) => (criterion(p, 0).weight = 'light'), "weight class 'light' is not declared (check the pack first)"],
    ['a band set', (p) => (criterion(p, 0).band = 'nobands'), "band set 'nobands' is not declared (check the pack first)"],
    [
      'a band set’s scale',
      (p) => ((p.bandSets as Record<string, Record<string, unknown>>).bands!.scale = 'grades'),
      "scale 'grades' is not declared (check the pack first)",
    ],
    [
      'a band set with no scale',
      (p) => delete (p.bandSets as Record<string, Record<string, unknown>>).bands!.scale,
      "the scale of band set 'bands' is not declared (check the pack first)",
    ],
    [
      'a band set’s input scale',
      (p) => ((p.bandSets as Record<string, Record<string, unknown>>).bands!.inputScale = 'marks'),
      "scale 'marks' is not declared (check the pack first)",
    ],
    [
      'a band set extending itself',
      (p) => ((p.bandSets as Record<string, Record<string, unknown>>).bands!.extends = 'bands'),
      "band set 'bands' extends itself in a circle (check the pack first)",
    ],
    [
      'a band set extending a set not declared',
      (p) => ((p.bandSets as Record<string, Record<string, unknown>>).bands!.extends = 'older'),
      "band set 'bands' extends an undeclared set 'older' (check the pack first)",
    ],
    [
      'a question’s scale',
      (p) => ((criterion(p, 0).questions as Array<Record<string, unknown>>)[0]!.scale = 'grade'),
      "scale 'grade' is not declared (check the pack first)",
    ],
    [
      'a fact in a condition',
      (p) => ((criterion(p, 0).questions as Array<Record<string, unknown>>)[0]!.appliesWhen = { fact: 'm', operator: 'equal', value: 1 }),
      "fact 'm' is not declared (check the pack first)",
    ],
    ['an item scale', (p) => (criterion(p, 1).itemScale = 'marks'), "scale 'marks' is not declared (check the pack first)"],
    [
      'a criterion of a section',
      (p) => ((p.sections as Array<Record<string, unknown>>)[0]!.criteria = ['C1', 'C9']),
      "criterion 'C9' is not declared (check the pack first)",
    ],
    [
      'an item taken from a criterion',
      (p) => ((criterion(p, 1).items as Array<Record<string, unknown>>)[0]!.from = 'C7'),
      "criterion 'C7' is not declared (check the pack first)",
    ],
    [
      'items taking levels from each other',
      (p) => {
        p.criteria = [
          ...(p.criteria as unknown[]),
          { id: 'C3', title: 'Three', kind: 'evidence', itemScale: 'rating', items: [{ id: 'I3', text: 'Item', from: 'C2' }] },
        ];
        (criterion(p, 1).items as Array<Record<string, unknown>>)[0]!.from = 'C3';
      },
      'criteria take item levels from each other in a circle: C2 → C3 → C2',
    ],
    [
      'a section’s own item scale',
      (p) => (p.sections = [{ id: 'S2', title: 'Rated', items: [{ id: 'X1', text: 'Item' }] }]),
      "the item scale of section 'S2' is not declared (check the pack first)",
    ],
  ])('names %s that is not declared', (_what, change, message) => {
    const pack = base();
    change(pack);
    let thrown: unknown;
    try {
      compilePlan(pack as unknown as Pack);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CompileError);
    expect((thrown as Error).message).toBe(message);
  });
});

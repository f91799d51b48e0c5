// A targets criterion's measures judged at the edges of their target and tolerance, in both
// directions, exactly: on the target is met, on the tolerance's edge nearly met, past it not met.
import { describe, expect, it } from 'vitest';
import { rankScale } from '../../src/compile/compile-pack.js';
import type { CompiledCriterion, CompiledMeasure } from '../../src/compile/compiled-plan.js';
import { judgeMeasures } from '../../src/evaluate/judge-measures.js';
import type { TargetFigure } from '../../src/model/inspection.js';
import type { TargetMeasure } from '../../src/model/pack.js';

const status = rankScale('status', {
  levels: [
    { id: 'met', label: 'Met' },
    { id: 'nearly', label: 'Nearly met' },
    { id: 'not', label: 'Not met' },
  ],
});

/** A targets criterion T1 of the given measures (each counted unless said). */
function criterion(measures: Array<Partial<TargetMeasure> & { counted?: boolean }>): CompiledCriterion {
  return {
    def: { id: 'T1', title: 'Targets', kind: 'targets', statuses: { scale: 'status', met: 'met', nearlyMet: 'nearly', notMet: 'not' } },
    statusScale: status,
    measures: measures.map(({ counted, ...def }, i): CompiledMeasure => ({
      def: { id: `M${i}`, measure: `Measure ${i}`, direction: 'higher', ...def },
      key: `M${i}`,
      counted: counted ?? true,
    })),
  } as unknown as CompiledCriterion;
}

const judge = (measure: Partial<TargetMeasure>, figure: TargetFigure | undefined) =>
  judgeMeasures(criterion([measure]), new Map(figure ? [['M0', figure]] : [])).targets[0]!.status?.id ?? null;

describe('judgeMeasures', () => {
  it.each([
    ['higher, above the target', { direction: 'higher', target: 90, tolerance: 10 }, 95, 'met'],
    ['higher, on the target', { direction: 'higher', target: 90, tolerance: 10 }, 90, 'met'],
    ['higher, just below the target', { direction: 'higher', target: 90, tolerance: 10 }, 89.9, 'nearly'],
    ['higher, on the tolerance edge', { direction: 'higher', target: 90, tolerance: 10 }, 80, 'nearly'],
    ['higher, past the tolerance', { direction: 'higher', target: 90, tolerance: 10 }, 79.99, 'not'],
    ['higher, no tolerance, just below', { direction: 'higher', target: 0.3 }, 0.29, 'not'],
    [
      'higher, on a decimal tolerance edge (1.1 − 0.2 is 0.9 exactly, not 0.9000000000000001)',
      { direction: 'higher', target: 1.1, tolerance: 0.2 },
      0.9,
      'nearly',
    ],
    ['lower, below the target', { direction: 'lower', target: 10, tolerance: 2 }, 9, 'met'],
    ['lower, on the target', { direction: 'lower', target: 10, tolerance: 2 }, 10, 'met'],
    ['lower, on the tolerance edge', { direction: 'lower', target: 10, tolerance: 2 }, 12, 'nearly'],
    ['lower, past the tolerance', { direction: 'lower', target: 10, tolerance: 2 }, 12.01, 'not'],
    ['lower, no tolerance, just above', { direction: 'lower', target: 10 }, 10.5, 'not'],
  ] as const)('%s', (_note, measure, value, expected) => {
    expect(judge(measure, { value })).toBe(expected);
  });

  it("takes the inspection's target over the pack's, and judges nothing without a target or a figure", () => {
    expect(judge({ target: 90 }, { value: 85, target: 80 })).toBe('met');
    expect(judge({}, { value: 85, target: 90 })).toBe('not');
    expect(judge({}, { value: 85 })).toBe(null);
    expect(judge({ target: 90 }, undefined)).toBe(null);
  });

  it('reports each measure with its figures, and counts the judged and counted ones', () => {
    const c = criterion([{ direction: 'lower', target: 10, tolerance: 2, unit: 'days' }, { target: 90, counted: false }, { target: 50 }]);
    const figures = new Map<string, TargetFigure>([
      ['M0', { value: 11, comparator: 14, note: 'late spring' }],
      ['M1', { value: 95 }],
    ]);
    const { targets, levels } = judgeMeasures(c, figures);
    expect(targets).toEqual([
      {
        id: 'M0',
        criterion: 'T1',
        measure: 'Measure 0',
        unit: 'days',
        direction: 'lower',
        target: 10,
        value: 11,
        comparator: 14,
        tolerance: 2,
        status: { id: 'nearly', label: 'Nearly met' },
        counted: true,
        note: 'late spring',
      },
      {
        id: 'M1',
        criterion: 'T1',
        measure: 'Measure 1',
        direction: 'higher',
        target: 90,
        value: 95,
        comparator: null,
        tolerance: 0,
        status: { id: 'met', label: 'Met' },
        counted: false,
      },
      {
        id: 'M2',
        criterion: 'T1',
        measure: 'Measure 2',
        direction: 'higher',
        target: 50,
        value: null,
        comparator: null,
        tolerance: 0,
        status: null,
        counted: true,
      },
    ]);
    expect(levels.map((l) => [l.id, l.rank, l.weight.toString()])).toEqual([['nearly', 1, '1']]);
  });
});

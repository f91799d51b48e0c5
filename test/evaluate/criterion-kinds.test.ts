/**
 * Every kind of criterion scored and rolled up in one small pack: a score the inspection gives
 * (`direct`), a targets table, evidence items, and sample questions averaged by weight; a section
 * counting its criteria's items, points for bands, adjustments of a score, and an overall score
 * over sections or over every question beneath. Each expectation is worked out by hand beside it.
 */
import { describe, expect, it } from 'vitest';
import { compilePack, score } from '../../src/index.js';
import type { Pack } from '../../src/model/pack.js';
import type { Inspection } from '../../src/model/inspection.js';
import type { InspectionResult } from '../../src/model/result.js';
import { SMALL_SCALES } from '../compile/small-scales.js';

const pack: Pack = {
  kind: 'methodology',
  id: 'kinds',
  version: '1.0.0',
  title: 'Kinds',
  status: 'draft',
  scales: {
    yesno: SMALL_SCALES.yn,
    rating: {
      levels: [
        { id: 'a', label: 'A' },
        { id: 'b', label: 'B' },
        { id: 'c', label: 'C' },
      ],
      notApplicable: { id: 'na', label: 'Not applicable' },
    },
    status: {
      levels: [
        { id: 'met', label: 'Met' },
        { id: 'near', label: 'Nearly met' },
        { id: 'miss', label: 'Not met' },
      ],
    },
  },
  weightClasses: { heavy: 2, light: 1 },
  bandSets: {
    byScore: {
      title: 'By score',
      scale: 'rating',
      rules: [
        { level: 'a', when: { fact: 'score', operator: 'greaterThanInclusive', value: 75 } },
        { level: 'b', when: { fact: 'score', operator: 'greaterThanInclusive', value: 50 } },
      ],
      otherwise: 'c',
    },
  },
  criteria: [
    { id: 'D1', title: 'Given', kind: 'direct', weight: 'heavy', band: 'byScore', adjustable: ['score'] },
    // No weight: reported, never counted in its section's mean.
    { id: 'D2', title: 'Unweighted', kind: 'direct', band: 'byScore' },
    {
      id: 'S1',
      title: 'Sampled',
      kind: 'sample',
      weight: 'light',
      score: { method: 'weightedMean' },
      band: 'byScore',
      questions: [
        { id: 'q1', text: 'One', scale: 'yesno' },
        { id: 'q2', text: 'Two', scale: 'yesno', weight: 3 },
      ],
    },
    {
      id: 'T1',
      title: 'Targets',
      kind: 'targets',
      statuses: { scale: 'status', met: 'met', nearlyMet: 'near', notMet: 'miss' },
      measures: [
        { id: 'm1', measure: 'Up', direction: 'higher', target: 80, tolerance: 5 },
        { id: 'm2', measure: 'Down', direction: 'lower', target: 10 },
        { id: 'm3', measure: 'Left out', direction: 'higher', target: 50, excluded: 'not comparable' },
      ],
      score: { method: 'shareAtLeast', level: 'near' },
      band: 'byScore',
    },
    {
      id: 'E1',
      title: 'Items',
      kind: 'evidence',
      itemScale: 'rating',
      items: [
        { id: 'e1', text: 'x' },
        { id: 'e2', text: 'y' },
      ],
      band: 'byScore',
      score: { method: 'shareAtLeast', level: 'b' },
    },
    {
      id: 'E2',
      title: 'More items',
      kind: 'evidence',
      itemScale: 'rating',
      items: [{ id: 'e3', text: 'z' }],
      band: 'byScore',
      score: { method: 'shareAtLeast', level: 'b' },
    },
  ],
  sections: [
    {
      id: 'one',
      title: 'One',
      criteria: ['D1', 'D2', 'S1'],
      score: { method: 'weightedMean' },
      band: 'byScore',
      weight: 1,
      points: { a: 3, b: 5, c: 1 },
      summary: '{points} points',
    },
    {
      id: 'two',
      title: 'Two',
      criteria: ['E1', 'T1', 'E2'],
      levels: 'items',
      score: { method: 'shareAtLeast', level: 'b' },
      band: 'byScore',
      weight: 1,
    },
  ],
  overall: { title: 'Overall', score: { method: 'weightedMean' }, band: 'byScore' },
  rounding: { mode: 'halfUp', digits: 0, at: ['criterion'] },
};

const CASES = [
  { id: 'c1', answers: { q1: 'yes', q2: 'no' } },
  { id: 'c2', answers: { q1: 'yes', q2: 'yes' } },
  { id: 'c3', answers: { q1: 'no', q2: 'no' } },
];

const INSPECTION: Inspection = {
  area: { name: 'Test' },
  scores: { D1: 62.5, D2: 10 },
  targets: { m1: { value: 77 }, m2: { value: 12, comparator: 11, note: 'a late return' }, m3: { value: 10 } },
  evidence: { e1: 'a', e2: 'c', e3: 'b' },
  cases: CASES,
};

const NONE_RATED = { e1: 'na', e2: 'na', e3: 'na' };

function run(edit: Partial<Pack> = {}, inspection: Partial<Inspection> = {}): InspectionResult {
  const compiled = compilePack({ ...pack, ...edit });
  if ('errors' in compiled) throw new Error(compiled.errors.map((e) => e.message).join('\n'));
  const outcome = score(compiled.plan, { ...INSPECTION, ...inspection });
  if ('errors' in outcome) throw new Error(outcome.errors.map((e) => e.message).join('\n'));
  return outcome.result;
}

const criterion = (r: InspectionResult, id: string) => r.sections.flatMap((s) => s.criteria).find((c) => c.id === id)!;
const section = (r: InspectionResult, id: string) => r.sections.find((s) => s.id === id)!;

describe('a direct criterion', () => {
  it('takes the score the inspection gives, rounded where the pack rounds criteria, and bands it', () => {
    const d1 = criterion(run(), 'D1');
    // 62.5 rounded half up to no places is 63; 63 is at least 50, so B.
    expect(d1).toMatchObject({
      kind: 'direct',
      weight: 'heavy',
      weightValue: 2,
      score: 63,
      computedScore: 63,
      exact: '125/2',
      band: { id: 'b' },
      adjustment: null,
    });
    expect(d1).not.toHaveProperty('notRated');
    expect(d1.questions).toEqual([]);
    expect(d1.items).toEqual([]);
    expect(d1.targets).toEqual([]);
  });

  it('without a weight is reported with its score and band', () => {
    const d2 = criterion(run(), 'D2');
    expect(d2).toMatchObject({ weight: null, weightValue: null, score: 10, exact: '10', band: { id: 'c' } });
  });

  it('is adjusted: the adjusted score is what its section averages, and the computed one stays on record', () => {
    const r = run({}, { adjustments: [{ id: 'D1', score: 80, reason: 'evidence seen on the day' }] });
    const d1 = criterion(r, 'D1');
    expect(d1).toMatchObject({ score: 80, computedScore: 63, adjustment: { score: 80, reason: 'evidence seen on the day' } });
    expect(d1.adjustment).not.toHaveProperty('band');
    // The band is the computed one: an adjusted score does not re-band.
    expect(d1.band).toMatchObject({ id: 'b' });
    // Section one: (80 × 2 + 42 × 1) / 3 = 67.33…
    expect(section(r, 'one')).toMatchObject({ score: 67.33, exact: '202/3' });
  });
});

describe('a sample criterion averaging its questions by weight', () => {
  it('weighs each question by its weight', () => {
    const s1 = criterion(run(), 'S1');
    // q1: 2 of 3 met (66.67 %), weight 1; q2: 1 of 3 (33.33 %), weight 3 → (200/3 + 100) / 4 = 125/3 = 41.67 → 42.
    expect(s1).toMatchObject({ score: 42, exact: '125/3', band: { id: 'c' }, weight: 'light', weightValue: 1 });
    expect(s1.questions).toMatchObject([
      { id: 'q1', relevant: 3, met: 2, notApplicable: 0, percent: 66.67, exact: '200/3', weight: 1 },
      { id: 'q2', relevant: 3, met: 1, percent: 33.33, exact: '100/3', weight: 3 },
    ]);
  });
});

describe('a targets criterion', () => {
  it('judges each measure against its target, counting only the measures not left out', () => {
    const t1 = criterion(run(), 'T1');
    // m1: 77 is below 80 but within the tolerance of 5 → nearly met; m2: 12 is above 10 with no tolerance → not met;
    // m3 (left out): 10 is below 50 → not met, reported but not counted. At least nearly met: 1 of 2 → 50.
    expect(t1).toMatchObject({ kind: 'targets', score: 50, exact: '50', band: { id: 'b' }, items: [], questions: [] });
    expect(t1.targets).toEqual([
      {
        id: 'm1',
        criterion: 'T1',
        measure: 'Up',
        direction: 'higher',
        target: 80,
        value: 77,
        comparator: null,
        tolerance: 5,
        status: { id: 'near', label: 'Nearly met' },
        counted: true,
      },
      {
        id: 'm2',
        criterion: 'T1',
        measure: 'Down',
        direction: 'lower',
        target: 10,
        value: 12,
        comparator: 11,
        tolerance: 0,
        status: { id: 'miss', label: 'Not met' },
        counted: true,
        note: 'a late return',
      },
      {
        id: 'm3',
        criterion: 'T1',
        measure: 'Left out',
        direction: 'higher',
        target: 50,
        value: 10,
        comparator: null,
        tolerance: 0,
        status: { id: 'miss', label: 'Not met' },
        counted: false,
      },
    ]);
  });

  it('is reported in the result of the whole pack, in the order of the sections', () => {
    expect(run().targets.map((t) => t.id)).toEqual(['m1', 'm2', 'm3']);
  });

  it('is not rated when every measure is left out, though each is still judged', () => {
    const allLeftOut: Pack['criteria'] = pack.criteria!.map((c) =>
      c.id === 'T1' ? { ...c, measures: c.measures!.map((m) => ({ ...m, excluded: m.excluded ?? 'left out' })) } : c,
    );
    const t1 = criterion(run({ criteria: allLeftOut }), 'T1');
    expect(t1).toMatchObject({ score: null, notRated: { reason: 'no judged measures' } });
    expect(t1.targets.map((t) => [t.status!.id, t.counted])).toEqual([
      ['near', false],
      ['miss', false],
      ['miss', false],
    ]);
  });
});

describe('an evidence criterion with no rated item', () => {
  it('is not rated, and says so', () => {
    const e2 = criterion(run({}, { evidence: { e1: 'a', e2: 'c', e3: 'na' } }), 'E2');
    expect(e2).toMatchObject({ score: null, notRated: { reason: 'no rated items' } });
  });
});

describe('a section', () => {
  it('averages its weighted criteria, leaving out the unweighted and the unrated, and adds up points for its bands', () => {
    const one = section(run(), 'one');
    // D1 63 × 2 + S1 42 × 1 = 168, over weights 3 → 56 (D2, with no weight, is left out).
    expect(one).toMatchObject({ score: 56, exact: '56', band: { id: 'b' } });
    // Bands B (D1), C (D2), C (S1): points 5 + 1 + 1 = 7 of at most 5 (the largest) × 3.
    expect(one).toMatchObject({ points: 7, maxPoints: 15, summary: '7 points', levelCounts: { b: 1, c: 2 } });
  });

  it("counts its criteria's items when its levels are items, leaving out criteria on another scale", () => {
    const two = section(run(), 'two');
    // Items e1 A, e2 C, e3 B (T1's measures are on the status scale): at least B is 2 of 3 → 66.67.
    expect(two).toMatchObject({ score: 66.67, exact: '200/3', band: { id: 'b' }, levelCounts: { a: 1, b: 1, c: 1 } });
    expect(two).not.toHaveProperty('points');
    expect(two).not.toHaveProperty('items');
  });

  it('counts nothing, and shows no counts, when none of its items is rated', () => {
    const two = section(run({}, { evidence: NONE_RATED }), 'two');
    expect(two).toMatchObject({ score: null, notRated: { reason: 'nothing rated' } });
    expect(two).not.toHaveProperty('levelCounts');
  });
});

describe('what the result says of its input', () => {
  it('names the area alone, with no period, facts or input hash it was not given', () => {
    const r = run();
    // The pack reads no area fact: none is listed (not even an empty list).
    expect(r.area).toStrictEqual({ name: 'Test' });
    expect(Object.keys(r.provenance)).not.toContain('inputSha256');
    expect(run({}, { area: { name: 'Test', period: '2024' } }).area).toStrictEqual({ name: 'Test', period: '2024' });
  });
});

describe('the overall result', () => {
  it('averages the sections by weight', () => {
    // (56 + 200/3) / 2 = 184/3 = 61.33.
    expect(run().overall).toMatchObject({ score: 61.33, exact: '184/3', band: { id: 'b' } });
  });

  it('leaves an unrated section out by default, and is not rated with it when the pack says so', () => {
    expect(run({}, { evidence: NONE_RATED }).overall).toMatchObject({ score: 56 });
    const strict = run({ overall: { ...pack.overall!, score: { method: 'weightedMean', notRated: 'notRated' } } }, { evidence: NONE_RATED });
    expect(strict.overall).toMatchObject({ score: null, notRated: { reason: 'a part is not rated' } });
  });

  it('averages every question beneath it when the pack says so', () => {
    const r = run({ overall: { ...pack.overall!, score: { method: 'weightedMean', over: 'questions' } } });
    // Only S1 has questions: the same 125/3 as S1, unrounded at this stage.
    expect(r.overall).toMatchObject({ score: 41.67, exact: '125/3' });
  });
});

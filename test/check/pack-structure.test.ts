/**
 * The structure helpers the band, score, condition and template checks share, called directly on
 * small packs: the subjects of a pack (criteria, sections, overall, with their labels), the
 * criteria of a section that exist, the scale a subject is banded on (a named set's scale, or the
 * one scale its children are banded on when it combines), the scales of its children's bands, the
 * scales of the levels it counts, the band set it names, and whether scales are all declared.
 */
import { describe, expect, it } from 'vitest';
import { CheckContext } from '../../src/check/check-context.js';
import { allDeclared, bandScaleOf, bandSetNameOf, childBandScales, countedScales, criteriaOf, subjectsOf } from '../../src/check/pack-structure.js';
import type { Subject } from '../../src/check/pack-structure.js';
import { BASE_PACK, contextOf, editedPack } from './pack-harness.js';

/** The subject of a criterion, section or the overall result of the pack, by id. */
function criterion(ctx: CheckContext, id: string): Subject {
  const node = ctx.pack.criteria!.find((c) => c.id === id)!;
  return { kind: 'criterion', node, label: `criterion ${id}` };
}
function section(ctx: CheckContext, id: string): Subject {
  const node = ctx.pack.sections.find((s) => s.id === id)!;
  return { kind: 'section', node, label: `section ${id}` };
}
function overall(ctx: CheckContext): Subject {
  return { kind: 'overall', node: ctx.pack.overall!, label: 'overall' };
}

const addSets = (sets: string): [string, string] => ['criteria:\n  - id: S1', `${sets}criteria:\n  - id: S1`];
const addCriteria = (criteria: string): [string, string] => ['sections:\n', `${criteria}sections:\n`];
const addToSectionA = (lines: string): [string, string] => ['    score: { method: weightedMean }\n', `    score: { method: weightedMean }\n${lines}`];
const addOverall = (lines: string): [string, string] => ['rounding:', `overall:\n  title: Overall\n${lines}rounding:`];
const addSectionB = (lines: string): [string, string] => ['rounding:', `  - id: B\n    title: Second\n${lines}rounding:`];
const E1_BAND: [string, string] = ['    band: itemBands\n', '    band: { combine: lowest }\n'];
/** A band set on the perf scale; criteria of each kind whose counted scales differ. */
const PERF_BANDS = addSets('  perfBands:\n    scale: perf\n    rules:\n      - { level: strong, when: { fact: score, operator: greaterThan, value: 50 } }\n');
const T1 = '  - id: T1\n    title: Targets\n    kind: targets\n    statuses: { scale: answer, met: good, nearlyMet: good, notMet: poor }\n';
const T2 = '  - id: T2\n    title: Targets without statuses\n    kind: targets\n';
const E2 = '  - id: E2\n    title: No item scale\n    kind: evidence\n';

describe('subjectsOf', () => {
  it('lists the criteria, then the sections, then the overall result, with their labels', () => {
    const ctx = contextOf(editedPack([addSectionB('    criteria: []\n'), addOverall('')]));
    const subjects = subjectsOf(ctx);
    expect(subjects.map((s) => [s.kind, s.label])).toEqual([
      ['criterion', 'criterion S1'],
      ['criterion', 'criterion E1'],
      ['section', 'section A'],
      ['section', 'section B'],
      ['overall', 'overall'],
    ]);
    expect(subjects.map((s) => s.node)).toEqual([...ctx.pack.criteria!, ...ctx.pack.sections, ctx.pack.overall]);
  });

  it('lists only the sections of a pack without criteria or overall result', () => {
    const ctx = contextOf(editedPack([[BASE_PACK.slice(BASE_PACK.indexOf('criteria:\n'), BASE_PACK.indexOf('sections:\n')), '']]));
    expect(ctx.pack.criteria).toBeUndefined();
    expect(subjectsOf(ctx).map((s) => [s.kind, s.label])).toEqual([['section', 'section A']]);
  });
});

describe('bandSetNameOf', () => {
  it.each([
    { band: 'scoreBands', name: 'scoreBands' },
    { band: { set: 'itemBands' }, name: 'itemBands' },
    { band: { combine: 'lowest' as const }, name: undefined },
    { band: undefined, name: undefined },
  ])('$band names $name', ({ band, name }) => {
    expect(bandSetNameOf(band)).toBe(name);
  });
});

describe('criteriaOf', () => {
  it('gives the criteria a section lists that exist, in its order', () => {
    const ctx = contextOf(editedPack([['criteria: [S1, E1]', 'criteria: [E1, X9, S1]']]));
    const [s1, e1] = ctx.pack.criteria!;
    expect(criteriaOf(ctx, ctx.pack.sections[0]!)).toEqual([e1, s1]);
  });

  it('gives none for a section without criteria', () => {
    const ctx = contextOf(editedPack([addSectionB('    itemScale: perf\n    items:\n      - { id: B.1, text: Own }\n')]));
    expect(criteriaOf(ctx, ctx.pack.sections[1]!)).toEqual([]);
  });
});

describe('bandScaleOf', () => {
  it.each<{ note: string; edits: Array<[string, string]>; subject: (ctx: CheckContext) => Subject; scale: string | undefined }>([
    { note: 'a criterion banded with a named set: the set’s scale', edits: [], subject: (ctx) => criterion(ctx, 'S1'), scale: 'band' },
    {
      note: 'a criterion banded with an undeclared set: none',
      edits: [['band: scoreBands', 'band: nope']],
      subject: (ctx) => criterion(ctx, 'S1'),
      scale: undefined,
    },
    { note: 'an evidence criterion without a band: none', edits: [['    band: itemBands\n', '']], subject: (ctx) => criterion(ctx, 'E1'), scale: undefined },
    {
      note: 'an evidence criterion whose band neither names a set nor combines: none',
      edits: [['    band: itemBands\n', '    band: {}\n']],
      subject: (ctx) => criterion(ctx, 'E1'),
      scale: undefined,
    },
    { note: 'an evidence criterion combining its items: the item scale', edits: [E1_BAND], subject: (ctx) => criterion(ctx, 'E1'), scale: 'perf' },
    {
      note: 'a section combining criteria banded on one scale: that scale',
      edits: [addToSectionA('    band: { combine: highest }\n')],
      subject: (ctx) => section(ctx, 'A'),
      scale: 'band',
    },
    {
      note: 'a section combining criteria banded on two scales: none',
      edits: [E1_BAND, addToSectionA('    band: { combine: highest }\n')],
      subject: (ctx) => section(ctx, 'A'),
      scale: undefined,
    },
    {
      note: 'the overall result combining sections banded on one scale: that scale',
      edits: [PERF_BANDS, addToSectionA('    band: perfBands\n'), addOverall('  band: { combine: lowest }\n')],
      subject: overall,
      scale: 'perf',
    },
  ])('$note', ({ edits, subject, scale }) => {
    const ctx = contextOf(editedPack(edits));
    expect(bandScaleOf(ctx, subject(ctx))).toBe(scale);
  });
});

describe('childBandScales', () => {
  it.each<{ note: string; edits: Array<[string, string]>; subject: (ctx: CheckContext) => Subject; scales: string[] }>([
    { note: 'of a section: its criteria’s band scales, each once', edits: [], subject: (ctx) => section(ctx, 'A'), scales: ['band'] },
    { note: 'of a section: criteria banded on two scales', edits: [E1_BAND], subject: (ctx) => section(ctx, 'A'), scales: ['band', 'perf'] },
    {
      note: 'of a section: only the criteria with a band count',
      edits: [['    band: scoreBands\n', ''], E1_BAND],
      subject: (ctx) => section(ctx, 'A'),
      scales: ['perf'],
    },
    { note: 'of the overall result: no section has a band', edits: [addOverall('')], subject: overall, scales: [] },
    {
      note: 'of the overall result: the sections’ band scales',
      edits: [PERF_BANDS, addToSectionA('    band: scoreBands\n'), addSectionB('    criteria: []\n    band: perfBands\n'), addOverall('')],
      subject: overall,
      scales: ['band', 'perf'],
    },
    { note: 'of an evidence criterion: its item scale', edits: [], subject: (ctx) => criterion(ctx, 'E1'), scales: ['perf'] },
  ])('$note', ({ edits, subject, scales }) => {
    const ctx = contextOf(editedPack(edits));
    expect(childBandScales(ctx, subject(ctx))).toEqual(scales);
  });
});

describe('countedScales', () => {
  it.each<{ note: string; edits: Array<[string, string]>; subject: (ctx: CheckContext) => Subject; scales: string[] }>([
    { note: 'an evidence criterion: its item scale', edits: [], subject: (ctx) => criterion(ctx, 'E1'), scales: ['perf'] },
    { note: 'a sample criterion: none', edits: [], subject: (ctx) => criterion(ctx, 'S1'), scales: [] },
    { note: 'an evidence criterion without an item scale: none', edits: [addCriteria(E2)], subject: (ctx) => criterion(ctx, 'E2'), scales: [] },
    { note: 'a targets criterion: its statuses’ scale', edits: [addCriteria(T1)], subject: (ctx) => criterion(ctx, 'T1'), scales: ['answer'] },
    { note: 'a targets criterion without statuses: none', edits: [addCriteria(T2)], subject: (ctx) => criterion(ctx, 'T2'), scales: [] },
    {
      note: 'a section with its own items: their scale',
      edits: [addSectionB('    itemScale: answer\n    items:\n      - { id: B.1, text: Own }\n')],
      subject: (ctx) => section(ctx, 'B'),
      scales: ['answer'],
    },
    {
      note: 'a section with its own items and no item scale: none',
      edits: [addSectionB('    items:\n      - { id: B.1, text: Own }\n')],
      subject: (ctx) => section(ctx, 'B'),
      scales: [],
    },
    { note: 'a section counting bands (the default): its criteria’s band scales', edits: [], subject: (ctx) => section(ctx, 'A'), scales: ['band'] },
    {
      note: 'a section counting items: the item scales of its evidence criteria',
      edits: [addToSectionA('    levels: items\n')],
      subject: (ctx) => section(ctx, 'A'),
      scales: ['perf'],
    },
    {
      note: 'a section counting items of criteria that have none',
      edits: [addCriteria(E2 + T1), ['criteria: [S1, E1]', 'criteria: [S1, E2, T1]'], addToSectionA('    levels: items\n')],
      subject: (ctx) => section(ctx, 'A'),
      scales: [],
    },
    {
      note: 'the overall result: its sections’ band scales',
      edits: [addToSectionA('    band: scoreBands\n'), addOverall('')],
      subject: overall,
      scales: ['band'],
    },
  ])('$note', ({ edits, subject, scales }) => {
    const ctx = contextOf(editedPack(edits));
    expect(countedScales(ctx, subject(ctx))).toEqual(scales);
  });
});

describe('allDeclared', () => {
  it.each([
    { scales: [], declared: true },
    { scales: ['band', 'perf'], declared: true },
    { scales: ['band', 'ghost'], declared: false },
  ])('$scales: $declared', ({ scales, declared }) => {
    expect(allDeclared(contextOf(BASE_PACK), scales)).toBe(declared);
  });
});

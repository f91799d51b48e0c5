// Golden test: scoring the bundled Derbyshire example reproduces every figure of the published
// scoring summary (test/golden/derbyshire-2003-published.json, a verbatim copy of the report's
// figures). The numbers are never restated here: each expectation is read from that file.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { scoreInspectionFile } from '../../src/pipeline/score-file.js';
import type { InspectionResult } from '../../src/model/result.js';
import { section, criterion } from '../support/find-result.js';

const published = JSON.parse(readFileSync(new URL('./derbyshire-2003-published.json', import.meta.url), 'utf8'));
let result: InspectionResult;

/** The published JSON names EBS items and questions like A1.2.c and B2.a, as the pack does. */
const ebs = () => result.thematics.find((t) => t.id === 'ebs-2003')!;
const firstNumber = (text: string | null): number | null => (text === null ? null : Number(/-?\d+(\.\d+)?/.exec(text)![0]));

beforeAll(async () => {
  const scored = await scoreInspectionFile('rules/esi-2003/examples/derbyshire-2003/inspection.yaml');
  if ('errors' in scored) throw new Error(scored.errors.map((e) => e.message).join('\n'));
  result = scored.result;
});

describe('Derbyshire 2003: core scoring summary sheet', () => {
  it('scores the whole sample', () => {
    expect(result.area.name).toBe(published.area);
    expect(result.cases.read).toBe(published.sampleSize);
    expect(result.cases.scored).toBe(published.sampleSize);
  });

  it('has the published high risk of harm cases (those B1.3 applies to)', () => {
    const b13 = criterion(result, 'B1').questions.find((q) => q.id === 'B1.3')!;
    expect(b13.relevant + b13.notApplicable).toBe(published.highRiskOfHarmInSample);
  });

  it.each(Object.entries(published.sectionA))('section A: %s is banded as published', (id, expected) => {
    const c = criterion(result, id);
    expect(c.title).toBe((expected as { title: string }).title);
    expect(c.band?.label).toBe((expected as { band: string }).band);
  });

  for (const key of ['sectionB', 'sectionC', 'sectionD']) {
    const id = key.slice('section'.length);
    it.each(Object.entries(published[key].criteria))(`section ${id}: %s has the published score or band, title and weight`, (cid, expected) => {
      const e = expected as { title: string; weight?: string; score?: number; band?: string };
      const c = criterion(result, cid);
      expect(c.title).toBe(e.title);
      if (e.score !== undefined) expect(c.score).toBe(e.score);
      if (e.band !== undefined) expect(c.band?.label).toBe(e.band);
      expect(c.weight).toBe(e.weight ?? null);
    });
    it(`section ${id} scores ${published[key].score}`, () => {
      expect(section(result, id).score).toBe(published[key].score);
    });
  }

  it('overall score and section weights are as published', () => {
    expect(result.overall?.score).toBe(published.overall.score);
    for (const [id, weight] of Object.entries(published.overall.weights)) expect(section(result, id).weight).toBe(weight);
  });

  it('targets table: each measure with the published target, figure and national average', () => {
    expect(result.targets).toHaveLength(published.sdaTable.length);
    published.sdaTable.forEach((row: { target: string; area: string; nationalAverage: string | null }, i: number) => {
      const t = result.targets[i]!;
      const reconviction = /predicted/.test(row.area);
      expect(t.value).toBe(firstNumber(row.area));
      expect(t.target).toBe(reconviction ? Number(/predicted (\d+(\.\d+)?)/.exec(row.area)![1]) : firstNumber(row.target));
      expect(t.comparator).toBe(firstNumber(row.nationalAverage));
    });
  });
});

describe('Derbyshire 2003: EBS thematic', () => {
  const management = published.ebsThematic.management;

  it('management: the published counts and summary', () => {
    const a = section(ebs(), 'A');
    expect(a.levelCounts).toEqual({ met: management.met, partlyMet: management.partlyMet });
    expect(Object.values(a.levelCounts!).reduce((x, y) => x + y, 0)).toBe(management.relevantCriteria);
    expect(a.summary).toBe(
      `Of the ${management.relevantCriteria} relevant Management Criteria, ${management.met} were Met and ${management.partlyMet} were Partly Met.`,
    );
  });

  it.each(Object.entries(management.items))('management item %s is %s', (id, label) => {
    const item = ebs()
      .sections.flatMap((s) => s.criteria)
      .flatMap((c) => c.items)
      .find((i) => i.id === id)!;
    expect(item.label).toBe(label);
  });

  it.each(Object.entries(published.ebsThematic.questions))('question %s: the published percentage', (id, expected) => {
    const e = expected as { text: string; percent: number | null; met?: number; relevant?: number };
    const q = ebs()
      .sections.flatMap((s) => s.criteria)
      .flatMap((c) => c.questions)
      .find((x) => x.id === id)!;
    expect(q.text).toBe(e.text);
    expect(q.percent).toBe(e.percent);
    if (e.met !== undefined) expect(q.met).toBe(e.met);
    if (e.relevant !== undefined) expect(q.relevant).toBe(e.relevant);
    if (e.percent === null) expect(q.relevant).toBe(0);
  });

  it('the three quality ratings', () => {
    const { assessment, interventions, initialOutcomes } = published.ebsThematic.ratings;
    expect(section(ebs(), 'B').score).toBe(assessment);
    expect(section(ebs(), 'C').score).toBe(interventions);
    expect(section(ebs(), 'D').score).toBe(initialOutcomes);
  });
});

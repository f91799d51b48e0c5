// The victims-2003 thematic (thematics/victims-2003), written only in YAML and scored on an ESI
// inspection: its invented Eastvale example with every figure worked out by hand below; edge
// cases built here through the library API; and the pack's own tests/*.yaml, run with the runner
// `criteria test` uses.
//
// The rules being checked (thematics/victims-2003/pack.yaml):
//   Section A: items MET / PARTLY MET / NOT MET / N/A (N/A left out); score = % of rated items MET.
//   Sections B–D and their criteria: pooled, met judgements ÷ relevant judgements × 100, from the
//   counts; rounded half up to whole numbers at question, criterion and section.
//   C2 b is met when victimContactDays ≤ 56 (a case in the scheme with no day recorded is not met).
import { beforeAll, describe, expect, it } from 'vitest';
import { compilePack, loadPack, score } from '../../src/index.js';
import { scoreInspectionFile } from '../../src/pipeline/score-file.js';
import type { CompiledPlan } from '../../src/compile/compiled-plan.js';
import type { CaseRecord, Inspection } from '../../src/model/inspection.js';
import type { InspectionResult, PackResult } from '../../src/model/result.js';
import { section, criterion, question } from '../support/find-result.js';

const THEMATIC = 'thematics/victims-2003';
const ESI = 'rules/esi-2003';
const EXAMPLE = `${THEMATIC}/examples/eastvale-2003/inspection.yaml`;

const victims = (r: InspectionResult): PackResult => {
  const t = r.thematics.find((x) => x.id === 'victims-2003');
  if (!t) throw new Error('the victims thematic was not scored');
  return t;
};

describe('victims-2003: the invented Eastvale example', () => {
  let result: InspectionResult;
  let thematic: PackResult;
  beforeAll(async () => {
    const scored = await scoreInspectionFile(EXAMPLE);
    if ('errors' in scored) throw new Error(scored.errors.map((e) => `${e.code} ${e.message}`).join('\n'));
    result = scored.result;
    thematic = victims(result);
  });

  it('scores all ten cases against the ESI and the thematic', () => {
    expect(result.cases).toEqual({ read: 10, scored: 10, relevantToNone: 0, excluded: [] });
    expect(result.provenance.thematics.map((t) => t.id)).toEqual(['victims-2003']);
  });

  // Section A: A1.a MET, A1.b MET, A1.c PARTLY MET, A3.a NOT MET, A3.b PARTLY MET, A4.a MET,
  // A4.b N/A (left out). Rated 6: MET 3, PARTLY MET 2, NOT MET 1. Score 3/6 = 50% MET.
  it('section A counts the rated items and scores the share met', () => {
    const a = section(thematic, 'A');
    expect(a.levelCounts).toEqual({ met: 3, partlyMet: 2, notMet: 1 });
    expect(a.score).toBe(50);
    expect(a.summary).toBe('Of the 6 relevant victim management items, 3 were met, 2 partly met and 1 not met; per cent met: 50.');
    const a4 = criterion(thematic, 'A4');
    expect(a4.items.map((i) => [i.id, i.label, i.counted])).toEqual([
      ['A4.a', 'MET', true],
      ['A4.b', 'N/A', false],
    ]);
  });

  // Relevance over the ten cases (E01–E10):
  //   identifiable victim: E02, E03, E04, E07, E08, E09, E10 = 7
  //   victim at risk (identifiable and high/very high risk of harm): E04, E08, E09, E10 = 4
  //   contact scheme: E08, E09, E10 = 3 (all licences; contact offered after 30, 70, 56 days)
  const questions: Array<[id: string, relevant: number, met: number, notApplicable: number, percent: number]> = [
    ['B1.a', 7, 5, 0, 71], //  5/7  = 71.43 → 71 (insufficient E03, E07)
    ['B1.b', 4, 3, 0, 75], //  3/4  = 75 (insufficient E09)
    ['B3.a', 10, 6, 0, 60], // 6/10 = 60 (insufficient E01, E03, E05, E07)
    ['B3.b', 4, 2, 0, 50], //  2/4  = 50 (insufficient E04, E09)
    ['C2.a', 10, 6, 0, 60], // 6/10 = 60 (insufficient E01, E03, E05, E06)
    ['C2.b', 3, 2, 0, 67], //  by facts: 30 ≤ 56 met, 70 not, 56 ≤ 56 met → 2/3 = 66.67 → 67
    ['C2.c', 2, 1, 1, 50], //  E08 sufficient, E09 insufficient, E10 na → 1/2 = 50
    ['C5.a', 4, 3, 0, 75], //  3/4  = 75 (insufficient E09)
    ['D1.a', 7, 3, 0, 43], //  3/7  = 42.86 → 43 (sufficient E02, E04, E08)
    ['D1.b', 7, 6, 0, 86], //  6/7  = 85.71 → 86 (insufficient E09)
  ];
  it.each(questions)('question %s: %i relevant, %i met, %i na → %i%%', (id, relevant, met, notApplicable, percent) => {
    const q = question(thematic, id);
    expect([q.relevant, q.met, q.notApplicable, q.percent]).toEqual([relevant, met, notApplicable, percent]);
  });

  // Criteria pool their questions' counts; sections pool every question beneath them.
  const scores: Array<[kind: 'criterion' | 'section', id: string, score: number]> = [
    ['criterion', 'B1', 73], // (5 + 3) / (7 + 4) = 8/11 = 72.73 → 73
    ['criterion', 'B3', 57], // (6 + 2) / (10 + 4) = 8/14 = 57.14 → 57
    ['section', 'B', 64], //    (5 + 3 + 6 + 2) / (7 + 4 + 10 + 4) = 16/25 = 64 (the mean of 73 and 57 would be 65)
    ['criterion', 'C2', 60], // (6 + 2 + 1) / (10 + 3 + 2) = 9/15 = 60
    ['criterion', 'C5', 75], // 3/4 = 75
    ['section', 'C', 63], //    (6 + 2 + 1 + 3) / (10 + 3 + 2 + 4) = 12/19 = 63.16 → 63
    ['criterion', 'D1', 64], // (3 + 6) / (7 + 7) = 9/14 = 64.29 → 64
    ['section', 'D', 64], //    the same counts: 64
  ];
  it.each(scores)('%s %s scores %i', (kind, id, expected) => {
    const r = kind === 'criterion' ? criterion(thematic, id) : section(thematic, id);
    expect(r.score).toBe(expected);
    expect(r.notRated).toBeUndefined();
  });

  it('sections B–D print their summaries', () => {
    expect(section(thematic, 'B').summary).toBe('Victim issues in assessment, per cent of relevant judgements met: 64');
    expect(section(thematic, 'C').summary).toBe('Victim issues in interventions, per cent of relevant judgements met: 63');
    expect(section(thematic, 'D').summary).toBe('Victim issues in initial outcomes, per cent of relevant judgements met: 64');
  });

  // The ESI on the same cases: every answer sufficient except C2.10 (insufficient E01, E03, E05,
  // E06) and C5.5 (insufficient E01, E03, E05, E06, E07).
  //   C2: C2.1, C2.6, C2.7, C2.8, C2.10 apply to all ten (no CPO or CPRO, so no C2.11):
  //       (10 + 10 + 10 + 10 + 6) / 50 = 46/50 = 92
  //   C5: C5.1 and C5.5: (10 + 5) / 20 = 75
  //   C:  C1 100 (critical), C2 92 (critical), C3 100 (critical), C4 100 (important), C5 75 (critical)
  //       (2·100 + 2·92 + 2·100 + 1·100 + 2·75) / 9 = 834/9 = 92.67 → 93
  //   B and D: every question met → 100
  //   overall: (30·100 + 40·93 + 30·100) / 100 = 97.2 → 97
  it('the ESI scores the same sample beside it', () => {
    const c = section(result, 'C');
    expect(question(result, 'C2.10')).toMatchObject({ relevant: 10, met: 6, percent: 60 });
    expect(question(result, 'C5.5')).toMatchObject({ relevant: 10, met: 5, percent: 50 });
    expect(criterion(result, 'C2').score).toBe(92);
    expect(criterion(result, 'C5').score).toBe(75);
    expect(c.score).toBe(93);
    expect(section(result, 'B').score).toBe(100);
    expect(section(result, 'D').score).toBe(100);
    expect(result.overall?.score).toBe(97);
  });

  // ESI management: the eight targets A1 weights — met SDA1a 92 ≥ 90, SDA2starts 104 ≥ 100,
  // SDA6 110 ≥ 100, SDA8 9.5 ≤ 10; nearly met (within 10) SDA3 95, SDA4 88, SPM1 78 (target 85);
  // not met SDA2awards 60. 7/8 met or nearly met ≥ 3/4 → targets item Strong (it counts twice).
  // A1: Strong plan, diversity, performance, targets (×2), Satisfactory policies → strong on
  // 5/6 > half, all at least satisfactory → Satisfactorily met. A3: Satisfactory training only → Satisfactorily met.
  it('the ESI management criteria band as worked out', () => {
    expect(result.targets.find((t) => t.id === 'SPM1')?.status?.id).toBe('nearlyMet');
    expect(result.supporting.find((c) => c.id === 'A1T')?.band?.id).toBe('strong');
    expect(criterion(result, 'A1').band?.id).toBe('satisfactorilyMet');
    expect(criterion(result, 'A3').band?.id).toBe('satisfactorilyMet');
    expect(criterion(result, 'A2').band?.id).toBe('wellMet');
  });
});

// ---------------------------------------------------------------------------------------------
// Edge cases, built here and scored through the library API.

let plan: CompiledPlan;
let esiEvidence: Record<string, string>;
let esiTargets: Inspection['targets'];
beforeAll(async () => {
  const esi = loadPack(ESI);
  if ('errors' in esi) throw new Error(esi.errors.map((e) => e.message).join('\n'));
  const thematic = loadPack(THEMATIC, { methodology: esi.pack });
  if ('errors' in thematic) throw new Error(thematic.errors.map((e) => e.message).join('\n'));
  const compiled = compilePack(esi.pack, { thematics: [thematic.pack] });
  if ('errors' in compiled) throw new Error(compiled.errors.map((e) => e.message).join('\n'));
  plan = compiled.plan;
  // The example's area-level data (ESI ratings and targets), reused so only the cases change.
  const example = await scoreInspectionFile(EXAMPLE);
  if ('errors' in example) throw new Error('the example does not score');
  esiEvidence = example.opened.inspection.evidence as Record<string, string>;
  esiTargets = example.opened.inspection.targets;
});

/** The ESI questions a low risk CRO case with none of the optional ESI facts answers. */
const ESI_FOR_EVERY_CASE =
  'B1.1 B1.2 B1.4 B2.1 B2.2 B3.1 B3.2 B3.3 B3.4 B3.5 B3.6 B3.8 B4.1 B4.2 B4.3 C1.1 C1.2 C2.1 C2.6 C2.7 C2.8 C2.10 C3.1 C4.1 C4.3 C5.1 C5.5 D1.1 D1.2 D1.3 D1.5 D1.7 D2.2 D4.1 D4.2'.split(
    ' ',
  );

function lowRiskCro(id: string, facts: Record<string, string | number | boolean>, thematicAnswers: Record<string, string>): CaseRecord {
  return {
    id,
    facts: { orderType: 'cro', riskOfHarm: 'low', gender: 'male', ethnicity: 'white', ...facts },
    answers: {
      ...Object.fromEntries(ESI_FOR_EVERY_CASE.map((q) => [q, 'sufficient'])),
      ...Object.fromEntries(Object.entries(thematicAnswers).map(([q, a]) => [`victims-2003:${q}`, a])),
    },
  };
}

function scoreIt(cases: CaseRecord[], evidence: Record<string, string | { level: string; achieved?: number; of?: number }> = {}): PackResult {
  const outcome = score(plan, { area: { name: 'Edge', facts: { oasysInUse: false } }, evidence: { ...esiEvidence, ...evidence }, targets: esiTargets, cases });
  if ('errors' in outcome) throw new Error(outcome.errors.map((e) => `${e.code} ${e.message}`).join('\n'));
  return victims(outcome.result);
}

describe('victims-2003: edge cases', () => {
  it('contact within eight weeks: 55 and 56 days are met, 57 and no record are not', () => {
    // Four low risk CROs with an identifiable victim in the scheme: C2.b relevant 4, met 2 → 50.
    // C2.a sufficient in all four → C2 = (4 + 2) / (4 + 4) = 6/8 = 75.
    const answered = { 'B1.a': 'sufficient', 'B3.a': 'sufficient', 'C2.a': 'sufficient', 'D1.a': 'sufficient', 'D1.b': 'sufficient' };
    const inScheme = { identifiableVictim: true, victimContactScheme: true };
    const t = scoreIt([
      lowRiskCro('D55', { ...inScheme, victimContactDays: 55 }, answered),
      lowRiskCro('D56', { ...inScheme, victimContactDays: 56 }, answered),
      lowRiskCro('D57', { ...inScheme, victimContactDays: 57 }, answered),
      lowRiskCro('Dnone', inScheme, answered),
    ]);
    expect(question(t, 'C2.b')).toMatchObject({ relevant: 4, met: 2, percent: 50 });
    expect(criterion(t, 'C2').score).toBe(75);
  });

  it('with no identifiable victim only the questions for every case are rated', () => {
    // Three cases with no identifiable victim: B1, C5 and D1 have no relevant case (not rated, never
    // 0). B3.a 2/3 → B3 = 66.67 → 67 and section B = 2/3 → 67; C2.a 3/3 → C = 100; D not rated.
    const t = scoreIt([
      lowRiskCro('N1', {}, { 'B3.a': 'sufficient', 'C2.a': 'sufficient' }),
      lowRiskCro('N2', {}, { 'B3.a': 'insufficient', 'C2.a': 'sufficient' }),
      lowRiskCro('N3', {}, { 'B3.a': 'sufficient', 'C2.a': 'excellent' }),
    ]);
    for (const id of ['B1', 'C5', 'D1']) {
      expect(criterion(t, id).notRated).toEqual({ reason: 'no relevant cases' });
      expect(criterion(t, id).score).toBeNull();
    }
    expect(criterion(t, 'B3').score).toBe(67);
    expect(section(t, 'B').score).toBe(67);
    expect(section(t, 'C').score).toBe(100); // 'excellent' is met on the ESI judgement scale
    expect(section(t, 'D').notRated).toEqual({ reason: 'no relevant cases' });
    expect(section(t, 'D').summary).toBe('Victim issues in initial outcomes, per cent of relevant judgements met: not rated');
  });

  it("a management rating with a count prints it with the thematic's label", () => {
    const t = scoreIt([lowRiskCro('M1', {}, { 'B3.a': 'sufficient', 'C2.a': 'sufficient' })], {
      'victims-2003:A1.b': { level: 'partlyMet', achieved: 2, of: 3 },
    });
    const item = criterion(t, 'A1').items.find((i) => i.id === 'A1.b')!;
    expect(item.label).toBe('PARTLY MET (2 of 3 achieved)');
    // A: MET A1.a, A4.a; PARTLY MET A1.b, A1.c, A3.b; NOT MET A3.a → 2/6 = 33.33 → 33
    expect(section(t, 'A').score).toBe(33);
  });
});

// The probation-2018 methodology (rules/probation-2018), written only in YAML: its invented
// Northmoor example scored and every figure worked out by hand below; boundary cases built here
// through the library API; and the pack's own tests/*.yaml, run with the runner `criteria test` uses.
//
// The rules being checked (pack.yaml):
//   key question % = sufficient ÷ relevant × 100, rounded half up to a whole number (question and
//   criterion stages); 80+ Outstanding, 65–79 Good, 50–64 Requires improvement, <50 Inadequate.
//   A standard = the lowest rating of its rated key questions; none rated → not rated.
//   Overall: points Inadequate 0, RI 1, Good 2, Outstanding 3 over the rated standards; mean
//   points per rated standard ≥ 2.6 Outstanding, ≥ 1.6 Good, ≥ 0.6 RI, else Inadequate
//   (for ten standards: 26–30, 16–25, 6–15, 0–5).
import { beforeAll, describe, expect, it } from 'vitest';
import { compilePack, loadPack, score } from '../../src/index.js';
import { scoreInspectionFile } from '../../src/pipeline/score-file.js';
import type { CompiledPlan } from '../../src/compile/compiled-plan.js';
import type { CaseRecord, Inspection } from '../../src/model/inspection.js';
import type { InspectionResult } from '../../src/model/result.js';
import { section, criterion, question } from '../support/find-result.js';

const PACK = 'rules/probation-2018';
const EXAMPLE = `${PACK}/examples/northmoor-2019/inspection.yaml`;

const POINTS: Record<string, number> = { outstanding: 3, good: 2, requiresImprovement: 1, inadequate: 0 };

describe('probation-2018: the invented Northmoor example', () => {
  let result: InspectionResult;
  beforeAll(async () => {
    const scored = await scoreInspectionFile(EXAMPLE);
    if ('errors' in scored) throw new Error(scored.errors.map((e) => `${e.code} ${e.message}`).join('\n'));
    result = scored.result;
  });

  it('scores all 24 cases', () => {
    expect(result.cases).toEqual({ read: 24, scored: 24, relevantToNone: 0, excluded: [] });
  });

  // Relevance: 24 cases; 20 in the community for some of the period (C01–C20; C21–C24 in custody
  // throughout); 8 with a high or very high risk of serious harm (C17–C24); 12 with a
  // pre-sentence report (C01–C08, C11–C14); 5 with a statutory victim (C18–C20 released, C23–C24
  // in custody). Each line: relevant, sufficient → exact % → rounded → rating.
  const questions: Array<[id: string, relevant: number, met: number, notApplicable: number, percent: number]> = [
    ['2.1.1.a', 24, 20, 0, 83], // 20/24 = 83.33 → 83
    ['2.1.2.a', 24, 19, 0, 79], // 19/24 = 79.17 → 79
    ['2.1.3.a', 24, 14, 0, 58], // 14/24 = 58.33 → 58
    ['2.2.1.a', 24, 18, 0, 75], // 18/24 = 75
    ['2.2.2.a', 24, 17, 0, 71], // 17/24 = 70.83 → 71
    ['2.2.3.a', 24, 17, 0, 71], // 17/24 = 70.83 → 71
    ['2.2.3.b', 8, 5, 0, 63], //   5/8  = 62.5  → 63 (half up)
    ['2.3.1.a', 20, 17, 0, 85], // 17/20 = 85
    ['2.3.2.a', 20, 16, 0, 80], // 16/20 = 80
    ['2.3.3.a', 20, 13, 0, 65], // 13/20 = 65
    ['2.4.1.a', 24, 15, 0, 63], // 15/24 = 62.5  → 63 (half up)
    ['2.4.2.a', 24, 11, 0, 46], // 11/24 = 45.83 → 46
    ['2.4.3.a', 24, 12, 0, 50], // 12/24 = 50
    ['3.1.1.a', 12, 10, 0, 83], // 10/12 = 83.33 → 83
    ['3.1.2.a', 11, 8, 1, 73], //  12 with a PSR, C03 answered na → 8/11 = 72.73 → 73
    ['3.2.1.a', 5, 4, 0, 80], //   4/5  = 80
    ['3.2.2.a', 3, 2, 0, 67], //   3 released with a statutory victim: 2/3 = 66.67 → 67
  ];
  it.each(questions)('question %s: %i relevant, %i sufficient, %i na → %i%%', (id, relevant, met, notApplicable, percent) => {
    const q = question(result, id);
    expect([q.relevant, q.met, q.notApplicable, q.percent]).toEqual([relevant, met, notApplicable, percent]);
  });

  // Key questions: one question each (same %, same rounding), but 2.2.3 pools its two questions.
  // Domain 1 key questions take the inspectors' rating of their one item.
  const keyQuestions: Array<[id: string, score: number | null, rating: string]> = [
    ['1.1.1', null, 'good'], // as rated
    ['1.1.2', null, 'good'],
    ['1.1.3', null, 'outstanding'],
    ['1.2.1', null, 'requiresImprovement'],
    ['1.2.2', null, 'good'],
    ['1.2.3', null, 'good'],
    ['1.3.1', null, 'good'],
    ['1.3.2', null, 'good'],
    ['1.3.3', null, 'good'],
    ['1.4.1', null, 'good'],
    ['1.4.2', null, 'good'],
    ['1.4.3', null, 'requiresImprovement'],
    ['2.1.1', 83, 'outstanding'], // 83 ≥ 80
    ['2.1.2', 79, 'good'], //        79 in 65–79
    ['2.1.3', 58, 'requiresImprovement'], // 58 in 50–64
    ['2.2.1', 75, 'good'],
    ['2.2.2', 71, 'good'],
    ['2.2.3', 69, 'good'], // pooled (17 + 5) / (24 + 8) = 22/32 = 68.75 → 69 Good (not the mean of 71 and 63, 67)
    ['2.3.1', 85, 'outstanding'],
    ['2.3.2', 80, 'outstanding'], // exactly 80 → Outstanding
    ['2.3.3', 65, 'good'], //        exactly 65 → Good
    ['2.4.1', 63, 'requiresImprovement'],
    ['2.4.2', 46, 'inadequate'], //  46 < 50
    ['2.4.3', 50, 'requiresImprovement'], // exactly 50 → RI
    ['3.1.1', 83, 'outstanding'],
    ['3.1.2', 73, 'good'],
    ['3.2.1', 80, 'outstanding'],
    ['3.2.2', 67, 'good'],
  ];
  it.each(keyQuestions)('key question %s scores %s and is rated %s', (id, score, rating) => {
    const c = criterion(result, id);
    expect(c.score).toBe(score);
    expect(c.band?.id).toBe(rating);
    expect(c.notRated).toBeUndefined();
  });

  it('2.2.3 pools its questions exactly before rounding once', () => {
    const c = criterion(result, '2.2.3');
    expect(question(result, '2.2.3.a').exact).toBe('425/6'); // 17/24 × 100
    expect(question(result, '2.2.3.b').exact).toBe('125/2'); // 5/8 × 100 = 62.5
    expect(c.score).toBe(69); // 68.75 → 69
  });

  // Standards: the lowest rating of their key questions.
  const standards: Array<[id: string, rating: string, points: number]> = [
    ['1.1', 'good', 2], //                lowest of Good, Good, Outstanding
    ['1.2', 'requiresImprovement', 1], // lowest of RI, Good, Good
    ['1.3', 'good', 2], //                Good, Good, Good
    ['1.4', 'requiresImprovement', 1], // Good, Good, RI
    ['2.1', 'requiresImprovement', 1], // Outstanding 83, Good 79, RI 58
    ['2.2', 'good', 2], //                Good 75, Good 71, Good 69
    ['2.3', 'good', 2], //                Outstanding 85, Outstanding 80, Good 65
    ['2.4', 'inadequate', 0], //          RI 63, Inadequate 46, RI 50
    ['3.1', 'good', 2], //                Outstanding 83, Good 73
    ['3.2', 'good', 2], //                Outstanding 80, Good 67
  ];
  it.each(standards)('standard %s is rated %s (%i points)', (id, rating, points) => {
    const s = section(result, id);
    expect(s.band?.id).toBe(rating);
    expect(s.bandRule).toBe('lowest');
    expect(POINTS[s.band!.id]).toBe(points);
  });

  it('2.4 summarises its key questions', () => {
    expect(section(result, '2.4').summary).toBe(
      '3 key questions rated (0 Outstanding, 0 Good, 2 Requires improvement, 1 Inadequate); the standard takes the lowest: Inadequate.',
    );
  });

  // Points: 2 + 1 + 2 + 1 + 1 + 2 + 2 + 0 + 2 + 2 = 15 over ten rated standards.
  // Ten-standard table: 6–15 → Requires improvement (mean 15/10 = 1.5: ≥ 0.6, < 1.6).
  it('overall: 15 points over ten standards → Requires improvement', () => {
    expect(result.overall?.band?.id).toBe('requiresImprovement');
    expect(result.overall?.summary).toBe('Requires improvement: 15 points from 10 rated standards.');
    expect(result.overall?.score).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------
// Boundary cases, built here and scored through the library API.

let plan: CompiledPlan;
beforeAll(() => {
  const loaded = loadPack(PACK);
  if ('errors' in loaded) throw new Error(loaded.errors.map((e) => e.message).join('\n'));
  const compiled = compilePack(loaded.pack);
  if ('errors' in compiled) throw new Error(compiled.errors.map((e) => e.message).join('\n'));
  plan = compiled.plan;
});

type Rating = 'outstanding' | 'good' | 'requiresImprovement' | 'inadequate';
const ORG_ITEMS = ['1.1.1.a', '1.1.2.a', '1.1.3.a', '1.2.1.a', '1.2.2.a', '1.2.3.a', '1.3.1.a', '1.3.2.a', '1.3.3.a', '1.4.1.a', '1.4.2.a', '1.4.3.a'];
const allRated = (rating: Rating): Record<string, string> => Object.fromEntries(ORG_ITEMS.map((i) => [i, rating]));

/** The domain 2 questions a low risk community order case answers (all but 2.2.3.b). */
const LOW_RISK_QUESTIONS = ['2.1.1.a', '2.1.2.a', '2.1.3.a', '2.2.1.a', '2.2.2.a', '2.2.3.a', '2.3.1.a', '2.3.2.a', '2.3.3.a', '2.4.1.a', '2.4.2.a', '2.4.3.a'];

/** `n` low risk community order cases, all sufficient, except that question `id` is met in only `met` of them. */
function lowRiskCases(n: number, id: string, met: number): CaseRecord[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `K${i + 1}`,
    facts: { riskOfSeriousHarm: 'low', sentence: 'communityOrder' },
    answers: Object.fromEntries(LOW_RISK_QUESTIONS.map((q) => [q, q === id && i >= met ? 'insufficient' : 'sufficient'])),
  }));
}

function scoreIt(inspection: Inspection): InspectionResult {
  const outcome = score(plan, inspection);
  if ('errors' in outcome) throw new Error(outcome.errors.map((e) => `${e.code} ${e.message}`).join('\n'));
  return outcome.result;
}

describe('probation-2018: key question thresholds and rounding', () => {
  // Key question 2.1.1 with `relevant` cases, `met` sufficient. exact % → half up → rating.
  const table: Array<[relevant: number, met: number, score: number, rating: Rating]> = [
    [5, 4, 80, 'outstanding'], //           4/5 = 80 exactly → Outstanding
    [100, 79, 79, 'good'], //               79 → Good
    [200, 159, 80, 'outstanding'], //       159/200 = 79.5 → 80 (half up) → Outstanding
    [500, 397, 79, 'good'], //              397/500 = 79.4 → 79 → Good
    [200, 157, 79, 'good'], //              78.5 → 79 → Good
    [20, 13, 65, 'good'], //                65 exactly → Good
    [200, 129, 65, 'good'], //              64.5 → 65 → Good
    [25, 16, 64, 'requiresImprovement'], // 64 → RI
    [2, 1, 50, 'requiresImprovement'], //   50 exactly → RI
    [200, 99, 50, 'requiresImprovement'], // 49.5 → 50 → RI
    [100, 49, 49, 'inadequate'], //         49 → Inadequate
    [3, 0, 0, 'inadequate'], //             0 → Inadequate
  ];
  it.each(table)('%i relevant, %i sufficient → %i → %s', (relevant, met, expectedScore, rating) => {
    const r = scoreIt({ area: { name: 'Thresholds' }, evidence: allRated('good'), cases: lowRiskCases(relevant, '2.1.1.a', met) });
    expect(question(r, '2.1.1.a').percent).toBe(expectedScore);
    expect(criterion(r, '2.1.1').score).toBe(expectedScore);
    expect(criterion(r, '2.1.1').band?.id).toBe(rating);
    // 2.1.2 and 2.1.3 are 100% Outstanding, so the standard is 2.1.1's rating.
    expect(section(r, '2.1').band?.id).toBe(rating);
  });

  it('79.5% in a pooled key question rounds once, up, to 80: Outstanding', () => {
    // 100 high risk community cases: 2.2.3.a sufficient in 80, 2.2.3.b in 79.
    // Questions: 80/100 = 80; 79/100 = 79. Pooled: (80 + 79) / 200 = 159/200 = 79.5 → 80 → Outstanding.
    const cases: CaseRecord[] = Array.from({ length: 100 }, (_, i) => ({
      id: `H${i + 1}`,
      facts: { riskOfSeriousHarm: 'high', sentence: 'communityOrder' },
      answers: {
        ...Object.fromEntries(LOW_RISK_QUESTIONS.map((q) => [q, 'sufficient'])),
        '2.2.3.a': i < 80 ? 'sufficient' : 'insufficient',
        '2.2.3.b': i < 79 ? 'sufficient' : 'insufficient',
      },
    }));
    const r = scoreIt({ area: { name: 'Pooled' }, evidence: allRated('good'), cases });
    expect(question(r, '2.2.3.a')).toMatchObject({ relevant: 100, met: 80, percent: 80 });
    expect(question(r, '2.2.3.b')).toMatchObject({ relevant: 100, met: 79, percent: 79 });
    expect(criterion(r, '2.2.3').score).toBe(80);
    expect(criterion(r, '2.2.3').band?.id).toBe('outstanding');
  });
});

describe('probation-2018: not rated', () => {
  it('a standard with no relevant cases is not rated and left out of the overall rating', () => {
    // Five low risk community cases, all sufficient; no pre-sentence report, no statutory victim.
    // 3.1.1, 3.1.2, 3.2.1, 3.2.2: no relevant case → not rated; so 3.1 and 3.2 are not rated.
    // Eight rated standards: 1.1–1.4 Good (2 each = 8), 2.1–2.4 Outstanding (3 each = 12) → 20.
    // Mean 20/8 = 2.5: < 2.6, ≥ 1.6 → Good.
    const r = scoreIt({ area: { name: 'No court or victim cases' }, evidence: allRated('good'), cases: lowRiskCases(5, '', 0) });
    for (const id of ['3.1.1', '3.1.2', '3.2.1', '3.2.2']) {
      expect(criterion(r, id).notRated).toEqual({ reason: 'no relevant cases' });
      expect(criterion(r, id).score).toBeNull();
      expect(criterion(r, id).band).toBeNull();
    }
    for (const id of ['3.1', '3.2']) {
      expect(section(r, id).notRated).toEqual({ reason: 'no rated parts' });
      expect(section(r, id).band).toBeNull();
    }
    expect(r.overall?.band?.id).toBe('good');
    expect(r.overall?.summary).toBe('Good: 20 points from 8 rated standards.');
  });

  it('a standard takes the lowest of the key questions that are rated', () => {
    // Two statutory victims, both still in custody: 3.2.1 relevant (2 cases, 1 sufficient → 50 → RI),
    // 3.2.2 (released only) not rated → 3.2 = RI from 3.2.1 alone.
    const cases: CaseRecord[] = [1, 2].map((n) => ({
      id: `V${n}`,
      facts: { riskOfSeriousHarm: 'high', sentence: 'custodyLicence', inCustody: true, statutoryVictim: true },
      answers: {
        ...Object.fromEntries(
          ['2.1.1.a', '2.1.2.a', '2.1.3.a', '2.2.1.a', '2.2.2.a', '2.2.3.a', '2.2.3.b', '2.4.1.a', '2.4.2.a', '2.4.3.a'].map((q) => [q, 'sufficient']),
        ),
        '3.2.1.a': n === 1 ? 'sufficient' : 'insufficient',
      },
    }));
    const r = scoreIt({ area: { name: 'Victims in custody' }, evidence: allRated('good'), cases });
    expect(criterion(r, '3.2.1')).toMatchObject({ score: 50, band: { id: 'requiresImprovement' } });
    expect(criterion(r, '3.2.2').notRated).toEqual({ reason: 'no relevant cases' });
    expect(section(r, '3.2').band?.id).toBe('requiresImprovement');
    // 2.3 (in custody throughout) and 3.1 (no PSR) have no relevant cases.
    expect(section(r, '2.3').notRated).toEqual({ reason: 'no rated parts' });
    expect(section(r, '3.1').notRated).toEqual({ reason: 'no rated parts' });
  });

  it('questions answered not applicable in every case leave the standard unrated', () => {
    const cases = lowRiskCases(4, '', 0).map((c) => ({ ...c, answers: { ...c.answers, '2.4.1.a': 'na', '2.4.2.a': 'na', '2.4.3.a': 'na' } }));
    const r = scoreIt({ area: { name: 'All na' }, evidence: allRated('good'), cases });
    expect(question(r, '2.4.1.a')).toMatchObject({ relevant: 0, met: 0, notApplicable: 4, percent: null });
    expect(section(r, '2.4').notRated).toEqual({ reason: 'no rated parts' });
    expect(section(r, '2.4').band).toBeNull();
  });
});

describe('probation-2018: the overall rating and how it scales', () => {
  // Standards in the order they are given ratings; the case-sample ones last, so that a standard
  // can be left unrated (every answer na) while the organisational ones are always rated.
  const ORDER = ['1.1', '1.2', '1.3', '1.4', '2.1', '2.2', '2.3', '2.4', '3.1', '3.2'];
  const QUESTIONS_OF: Record<string, string[]> = {
    '2.1': ['2.1.1.a', '2.1.2.a', '2.1.3.a'],
    '2.2': ['2.2.1.a', '2.2.2.a', '2.2.3.a', '2.2.3.b'],
    '2.3': ['2.3.1.a', '2.3.2.a', '2.3.3.a'],
    '2.4': ['2.4.1.a', '2.4.2.a', '2.4.3.a'],
    '3.1': ['3.1.1.a', '3.1.2.a'],
    '3.2': ['3.2.1.a', '3.2.2.a'],
  };
  // Ten cases relevant to every question (high risk, released on licence, with a PSR and a
  // statutory victim); a case-sample standard's questions are sufficient in 10, 7, 6 or 0 of them
  // for 100% Outstanding, 70% Good, 60% RI, 0% Inadequate.
  const SUFFICIENT: Record<Rating, number> = { outstanding: 10, good: 7, requiresImprovement: 6, inadequate: 0 };
  const RATINGS: Rating[] = ['inadequate', 'requiresImprovement', 'good', 'outstanding'];

  /** An inspection whose standards are rated `ratings` (in ORDER; null: not rated). */
  function inspectionWith(ratings: Array<Rating | null>): Inspection {
    const evidence: Record<string, string> = {};
    const answersOf: Array<Record<string, string>> = Array.from({ length: 10 }, () => ({}));
    ratings.forEach((rating, s) => {
      const id = ORDER[s]!;
      if (id.startsWith('1.')) {
        if (rating === null) throw new Error('an organisational standard is always rated');
        for (const item of ORG_ITEMS.filter((i) => i.startsWith(`${id}.`))) evidence[item] = rating;
        return;
      }
      for (const q of QUESTIONS_OF[id]!) {
        answersOf.forEach((answers, i) => {
          answers[q] = rating === null ? 'na' : i < SUFFICIENT[rating] ? 'sufficient' : 'insufficient';
        });
      }
    });
    return {
      area: { name: 'Points' },
      evidence,
      cases: answersOf.map((answers, i) => ({
        id: `P${i + 1}`,
        facts: { riskOfSeriousHarm: 'high', sentence: 'custodyLicence', inCustody: false, preSentenceReport: true, statutoryVictim: true },
        answers,
      })),
    };
  }

  /** Ratings for `rated` standards summing to `points` (each 0–3), the rest not rated. */
  function spread(points: number, rated: number): Array<Rating | null> {
    const each = Array.from({ length: rated }, (_, i) => Math.floor(points / rated) + (i < points % rated ? 1 : 0));
    return [...each.map((p) => RATINGS[p]!), ...Array.from({ length: 10 - rated }, () => null)];
  }

  // Ten rated standards: the published table, 0–5 Inadequate, 6–15 RI, 16–25 Good, 26–30 Outstanding.
  // Mean points: 30/10 = 3, 26/10 = 2.6 (exactly, ≥ 2.6), 25/10 = 2.5, 16/10 = 1.6, 15/10 = 1.5,
  // 6/10 = 0.6, 5/10 = 0.5, 0/10 = 0.
  const ten: Array<[points: number, rating: Rating]> = [
    [30, 'outstanding'],
    [26, 'outstanding'],
    [25, 'good'],
    [16, 'good'],
    [15, 'requiresImprovement'],
    [6, 'requiresImprovement'],
    [5, 'inadequate'],
    [0, 'inadequate'],
  ];
  it.each(ten)('ten rated standards, %i points → %s', (points, rating) => {
    const r = scoreIt(inspectionWith(spread(points, 10)));
    expect(r.sections.filter((s) => s.band !== null)).toHaveLength(10);
    expect(r.sections.reduce((sum, s) => sum + (s.band ? POINTS[s.band.id]! : 0), 0)).toBe(points);
    expect(r.overall?.band?.id).toBe(rating);
    expect(r.overall?.summary).toBe(`${r.overall?.band?.label}: ${points} points from 10 rated standards.`);
  });

  // Nine rated standards (3.2 not rated), scaled as declared: mean ≥ 2.6 ⇔ points ≥ 23.4, i.e. 24+;
  // ≥ 1.6 ⇔ ≥ 14.4, i.e. 15+; ≥ 0.6 ⇔ ≥ 5.4, i.e. 6+.
  // 27/9 = 3; 24/9 = 2.67 → Outstanding; 23/9 = 2.56 → Good; 15/9 = 1.67 → Good;
  // 14/9 = 1.56 → RI; 6/9 = 0.67 → RI; 5/9 = 0.56 → Inadequate.
  const nine: Array<[points: number, rating: Rating]> = [
    [27, 'outstanding'],
    [24, 'outstanding'], // the ten-standard table would give 24 Good
    [23, 'good'],
    [15, 'good'], //        the ten-standard table would give 15 RI
    [14, 'requiresImprovement'],
    [6, 'requiresImprovement'],
    [5, 'inadequate'],
  ];
  it.each(nine)('nine rated standards, %i points → %s', (points, rating) => {
    const r = scoreIt(inspectionWith(spread(points, 9)));
    expect(section(r, '3.2').notRated).toEqual({ reason: 'no rated parts' });
    expect(r.sections.filter((s) => s.band !== null)).toHaveLength(9);
    expect(r.sections.reduce((sum, s) => sum + (s.band ? POINTS[s.band.id]! : 0), 0)).toBe(points);
    expect(r.overall?.band?.id).toBe(rating);
    expect(r.overall?.summary).toBe(`${r.overall?.band?.label}: ${points} points from 9 rated standards.`);
  });
});

import { readFileSync } from 'node:fs';
import type { CriterionResult, InspectionResult, OverallResult, PackResult, QuestionResult, SectionResult } from '../../src/model/result.js';

/** The engine's result on the made-up 10-case sample. */
export function readSample(): InspectionResult {
  const url = new URL('../fixtures/results/sample-result.json', import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as InspectionResult;
}

const UNSCORED = {
  score: null,
  exact: null,
  computedScore: null,
  band: null,
  computedBand: null,
  adjustment: null,
} as const;

function question(id: string, text: string, relevant: number, met: number, notApplicable = 0): QuestionResult {
  const percent = relevant === 0 ? null : Math.round((100 * met) / relevant);
  return { id, text, relevant, met, notApplicable, percent, exact: percent === null ? null : String(percent), weight: 1 };
}

function criterion(id: string, title: string, extra: Partial<CriterionResult>): CriterionResult {
  return {
    id,
    title,
    kind: 'sample',
    weight: null,
    weightValue: null,
    ...UNSCORED,
    questions: [],
    items: [],
    targets: [],
    ...extra,
  };
}

function section(id: string, title: string, criteria: CriterionResult[], extra: Partial<SectionResult> = {}): SectionResult {
  return { id, title, weight: null, ...UNSCORED, criteria, ...extra };
}

function overall(title: string, score: number): OverallResult {
  return { title, ...UNSCORED, score, exact: String(score), computedScore: score };
}

const good = { id: 'good', label: 'Good' };
const fair = { id: 'fair', label: 'Fair' };
const poor = { id: 'poor', label: 'Poor' };

/** A thematic module with a section summary. */
export function handThematic(): PackResult {
  return {
    id: 'theme-x',
    version: '0.2.0',
    title: 'Thematic X & friends',
    sections: [
      section('T', 'Thematic work', [criterion('T1', 'Thematic practice', { kind: 'evidence', band: fair, computedBand: fair })], {
        band: fair,
        computedBand: fair,
        summary: 'Thematic work in Testshire was fair overall.',
      }),
    ],
    overall: null,
    targets: [],
    supporting: [],
  };
}

/**
 * A small hand-made result: an adjusted criterion, a not-rated one, a section with a summary, a
 * thematic, an excluded case, a title with markup in it.
 */
export function handResult(): InspectionResult {
  const adjusted = criterion('P2', 'Planning & <review>', {
    kind: 'evidence',
    band: fair,
    computedBand: poor,
    adjustment: { band: fair, reason: 'the plan was revised after the fieldwork' },
    items: [
      { id: 'P2.a', text: 'A plan exists', level: good, label: 'Good', counted: true, weight: 1 },
      {
        id: 'P2.b',
        text: 'The plan is reviewed',
        level: poor,
        label: 'Poor',
        counted: false,
        excludedBecause: 'outside the area’s control',
        weight: 1,
      },
    ],
  });
  return {
    provenance: {
      pack: 'hand-pack',
      version: '2.1.0',
      sha256: 'abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789',
      thematics: [{ id: 'theme-x', version: '0.2.0', sha256: '9876543210fedcba9876543210fedcba9876543210fedcba9876543210fedcba' }],
      engine: 'criteria 0.1.0',
      inputSha256: '0011223344556677889900112233445566778899001122334455667788990011',
    },
    area: { name: 'Testshire', period: '2024' },
    id: 'hand-pack',
    version: '2.1.0',
    title: 'Hand <script>alert("x")</script> & "Pack"',
    sections: [
      section(
        'P',
        'Practice',
        [
          criterion('P1', 'Assessment', {
            weight: 'heavy',
            weightValue: 2,
            score: 75,
            exact: '75',
            computedScore: 75,
            questions: [
              question('P1.1', 'Was the assessment done on time?', 4, 3, 2),
              question('P1.2', 'Was it good enough?', 4, 3),
              question('P1.3', 'Was a specialist consulted?', 0, 0, 4),
            ],
          }),
          adjusted,
          criterion('P3', 'Rare events', { notRated: { reason: 'no relevant cases' } }),
        ],
        { score: 75, exact: '75', computedScore: 75, summary: 'Practice in Testshire was mostly sound.' },
      ),
    ],
    overall: overall('Overall score', 75),
    targets: [],
    supporting: [],
    cases: {
      read: 6,
      scored: 5,
      relevantToNone: 1,
      excluded: [{ id: 'case-9', position: 9, location: 'cases.csv:10', reasons: ['unknown answer "maybe" to P1.2', 'no date'] }],
    },
    thematics: [handThematic()],
  };
}

/** The sample again as if from a second area: some scores and a band changed, one criterion adjusted. */
export function readSecondArea(): InspectionResult {
  const result = readSample();
  result.area = { name: 'Kentshire', period: '2004-02' };
  const [a, b] = result.sections;
  const b1 = b!.criteria[0]!;
  b1.score = 72;
  b1.computedScore = 72;
  b1.exact = '72';
  b!.score = 65;
  b!.computedScore = 65;
  const a3 = a!.criteria[2]!;
  a3.band = { id: 'wellMet', label: 'Well met' };
  a3.adjustment = { band: a3.band, reason: 'strong staff survey results' };
  result.overall!.score = 71;
  return result;
}

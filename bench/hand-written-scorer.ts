/**
 * The baseline: ESI 2003 + EBS 2003 scored by plain TypeScript, as a careful team would write it
 * by hand for these two packs only. No interpreter and no rule data — each question's
 * applicability is an `if` on the case's facts, counters per question, and the packs' arithmetic
 * (pooled shares, weighted means, half-up rounding to whole percentages at each stage, the
 * management and targets bands) written out.
 *
 * It does the same work as the engine on each case, including checking the input: the record's
 * shape and id (unique), unknown or ill-typed facts, missing required facts, unknown question keys,
 * answers off the judgement scale, an answer missing for a question that applies or given for one
 * that does not. A case with any problem is not counted; its problems are kept as messages. What it
 * does not do, and the engine does: build the full result (titles, labels, exact fractions,
 * provenance), locate problems by file and line and explain them with hints. (The engine can also
 * hash every in-memory case for provenance, ScoreOptions.hashInput; the comparison leaves that off,
 * as a library user's default.)
 *
 * The figures it gives are compared with the engine's on every run of the benchmark.
 */
import type { InspectionHeader } from '../src/evaluate/score-inspection.js';
import type { CountsByKey, Figures } from './compare-results.js';

// Facts ------------------------------------------------------------------------------------------

const isBoolean = (v: unknown): boolean => v === true || v === false;
const oneOf =
  (...values: string[]) =>
  (v: unknown): boolean =>
    typeof v === 'string' && values.includes(v);

/** Every case fact ESI and EBS declare, with the test of a valid value. */
const CASE_FACTS = new Map<string, (v: unknown) => boolean>([
  ['orderType', oneOf('cro', 'cpo', 'cpro', 'dtto', 'licence')],
  ['riskOfHarm', oneOf('low', 'medium', 'high', 'veryHigh')],
  ['gender', oneOf('female', 'male')],
  ['ethnicity', oneOf('white', 'minorityEthnic')],
  ['disability', isBoolean],
  ['ruralAccess', isBoolean],
  ['childProtection', isBoolean],
  ['mappa', isBoolean],
  ['interAgencyPlan', isBoolean],
  ['programmeInRange', isBoolean],
  ['additionalRequirements', isBoolean],
  ['breachRequired', isBoolean],
  ['hadAbsences', isBoolean],
  ['riskChanged', isBoolean],
  ['reintegrationNeeds', isBoolean],
  ['literacyNeeds', isBoolean],
  ['significantOthers', isBoolean],
  ['ebsNeeds', isBoolean],
  ['ebsObjective', isBoolean],
  ['ebsWorkByOthers', isBoolean],
  ['ebsRiskIncident', isBoolean],
]);
const REQUIRED_FACTS = ['orderType', 'riskOfHarm', 'gender', 'ethnicity'];

// Questions --------------------------------------------------------------------------------------

/** The questions, in the order their counters are kept: ESI sections B–D, then EBS (prefixed). */
enum Q {
  B1_1,
  B1_2,
  B1_3,
  B1_4,
  B1_5,
  B2_1,
  B2_2,
  B3_1,
  B3_2,
  B3_3,
  B3_4,
  B3_5,
  B3_6,
  B3_7,
  B3_8,
  B4_1,
  B4_2,
  B4_3,
  C1_1,
  C1_2,
  C1_3,
  C1_4,
  C2_1,
  C2_2,
  C2_3,
  C2_4,
  C2_5,
  C2_6,
  C2_7,
  C2_8,
  C2_9,
  C2_10,
  C2_11,
  C3_1,
  C3_2,
  C3_3,
  C3_4,
  C3_5,
  C3_6,
  C4_1,
  C4_2,
  C4_3,
  C5_1,
  C5_2,
  C5_3,
  C5_4,
  C5_5,
  D1_1,
  D1_2,
  D1_3,
  D1_4,
  D1_5,
  D1_6,
  D1_7,
  D2_1,
  D2_2,
  D2_3,
  D4_1,
  D4_2,
  EBS_B2_a,
  EBS_B2_b,
  EBS_B2_c,
  EBS_B3_a,
  EBS_B3_b,
  EBS_B4_a,
  EBS_B4_b,
  EBS_C2_a,
  EBS_C2_b,
  EBS_C2_c,
  EBS_C5_a,
  EBS_D1_a,
  EBS_D1_b,
  EBS_D1_c,
}
const QUESTION_COUNT = Q.EBS_D1_c + 1;
/** The key each question is answered under: B1_1 → 'B1.1', EBS_B2_a → 'ebs-2003:B2.a'. */
const KEYS: string[] = Array.from({ length: QUESTION_COUNT }, (_, q) => Q[q]!.replace(/^EBS_/, 'ebs-2003:').replaceAll('_', '.'));
const QUESTION_BY_KEY = new Map(KEYS.map((key, q) => [key, q]));

/** What a case's answer to a question means: the outcome, or that it is missing or off the scale. */
const NOT_RELEVANT = 0;
const MET = 1;
const NOT_MET = 2;
const NOT_APPLICABLE = 3;
const NO_ANSWER = 4;
const OFF_SCALE = 5;
/** The judgement scale (every question of both packs uses it): excellent and sufficient are met. */
const JUDGEMENT = new Map([
  ['excellent', MET],
  ['sufficient', MET],
  ['insufficient', NOT_MET],
  ['poor', NOT_MET],
  ['na', NOT_APPLICABLE],
]);

// The arithmetic ---------------------------------------------------------------------------------

/** n / d rounded half up to a whole number (n ≥ 0, d > 0, both whole): exact in doubles up to 2^53. */
const halfUp = (n: number, d: number): number => Math.floor((2 * n + d) / (2 * d));

/** The weighted mean of the rated parts, rounded half up; null when no part is rated. */
function weightedMean(parts: Array<{ score: number | null; weight: number }>): number | null {
  let total = 0;
  let weights = 0;
  for (const p of parts) {
    if (p.score === null) continue;
    total += p.score * p.weight;
    weights += p.weight;
  }
  return weights === 0 ? null : halfUp(total, weights);
}

const CRITICAL = 2;
const IMPORTANT = 1;

/** ESI sample criteria: their weight and questions (first and last, inclusive). */
const ESI_SAMPLE = {
  B: [
    { id: 'B1', weight: CRITICAL, from: Q.B1_1, to: Q.B1_5 },
    { id: 'B2', weight: CRITICAL, from: Q.B2_1, to: Q.B2_2 },
    { id: 'B3', weight: CRITICAL, from: Q.B3_1, to: Q.B3_8 },
    { id: 'B4', weight: IMPORTANT, from: Q.B4_1, to: Q.B4_3 },
  ],
  C: [
    { id: 'C1', weight: CRITICAL, from: Q.C1_1, to: Q.C1_4 },
    { id: 'C2', weight: CRITICAL, from: Q.C2_1, to: Q.C2_11 },
    { id: 'C3', weight: CRITICAL, from: Q.C3_1, to: Q.C3_6 },
    { id: 'C4', weight: IMPORTANT, from: Q.C4_1, to: Q.C4_3 },
    { id: 'C5', weight: CRITICAL, from: Q.C5_1, to: Q.C5_5 },
  ],
  D: [
    { id: 'D1', weight: CRITICAL, from: Q.D1_1, to: Q.D1_7 },
    { id: 'D2', weight: IMPORTANT, from: Q.D2_1, to: Q.D2_3 },
    { id: 'D4', weight: CRITICAL, from: Q.D4_1, to: Q.D4_2 },
  ],
};
const ESI_SECTION_WEIGHTS = { B: 30, C: 40, D: 30 };

/** EBS criteria by section: their questions with weights (employability and use of resources weigh 2). */
const EBS_SAMPLE = {
  B: [
    {
      id: 'B2',
      questions: [
        [Q.EBS_B2_a, 1],
        [Q.EBS_B2_b, 2],
        [Q.EBS_B2_c, 1],
      ],
    },
    {
      id: 'B3',
      questions: [
        [Q.EBS_B3_a, 1],
        [Q.EBS_B3_b, 1],
      ],
    },
    {
      id: 'B4',
      questions: [
        [Q.EBS_B4_a, 1],
        [Q.EBS_B4_b, 1],
      ],
    },
  ],
  C: [
    {
      id: 'C2',
      questions: [
        [Q.EBS_C2_a, 1],
        [Q.EBS_C2_b, 2],
        [Q.EBS_C2_c, 1],
      ],
    },
    { id: 'C5', questions: [[Q.EBS_C5_a, 1]] },
  ],
  D: [
    {
      id: 'D1',
      questions: [
        [Q.EBS_D1_a, 1],
        [Q.EBS_D1_b, 1],
        [Q.EBS_D1_c, 1],
      ],
    },
  ],
} as const;

/** Management criteria: items rated very strong … weak (N/A and the NPD items do not count). */
const PERFORMANCE = ['veryStrong', 'strong', 'satisfactory', 'weak'];
const MANAGEMENT = {
  A1: ['A1.plan', 'A1.diversity', 'A1.performance', 'A1.policies'], // + A1.targets (from A1T, weight 2); A1.npd excluded
  A2: ['A2.budget', 'A2.workload', 'A2.diversity', 'A2.valueForMoney'],
  A3: ['A3.planning', 'A3.supervision', 'A3.objectives', 'A3.training', 'A3.diversity', 'A3.absence'],
  A4: ['A4.strategy', 'A4.agreements', 'A4.valueForMoney', 'A4.range'],
  A5: ['A5.protocols', 'A5.communication', 'A5.surveys'], // A5.npd excluded
  D3: ['D3.performance', 'D3.research', 'D3.outcomes', 'D3.evaluation'],
};
const MANAGEMENT_ITEMS = [...Object.values(MANAGEMENT).flat(), 'A1.npd', 'A5.npd'];

/** The targets A1 weights: higher or lower is better, the target and the tolerance for nearly met. */
const A1_TARGETS: Array<{ id: string; higher: boolean; target: number; tolerance: number }> = [
  { id: 'SDA1a', higher: true, target: 90, tolerance: 10 },
  { id: 'SDA2starts', higher: true, target: 100, tolerance: 10 },
  { id: 'SDA2awards', higher: true, target: 100, tolerance: 10 },
  { id: 'SDA3', higher: true, target: 100, tolerance: 10 },
  { id: 'SDA4', higher: true, target: 90, tolerance: 10 },
  { id: 'SDA6', higher: true, target: 100, tolerance: 10 },
  { id: 'SDA8', higher: false, target: 10, tolerance: 1 },
  { id: 'SPM1', higher: true, target: 85, tolerance: 10 },
];

/** EBS management criteria: items rated met, partly met or not met (N/A does not count). */
const EBS_ITEM_LEVELS = ['met', 'partlyMet', 'notMet'];
const EBS_MANAGEMENT_ITEMS = ['A1.1.a', 'A1.1.b', 'A1.1.c', 'A1.2.a', 'A1.2.b', 'A1.2.c', 'A1.2.d', 'A2.a', 'A2.b', 'A3.a', 'A3.b', 'A4.a', 'A4.b', 'A4.c'];

/**
 * The management band: very well met when every item is very strong; well met when every item is
 * at least strong; satisfactorily met when more than half are at least strong and all at least
 * satisfactory; partly met when some are at least strong and all at least satisfactory; not met
 * when some are at least satisfactory; else poor. Items are [rank, weight]; null when none counts.
 */
function managementBand(items: Array<[number, number]>): string | null {
  let all = 0;
  let veryStrong = 0;
  let strong = 0;
  let satisfactory = 0;
  for (const [rank, weight] of items) {
    all += weight;
    if (rank <= 0) veryStrong += weight;
    if (rank <= 1) strong += weight;
    if (rank <= 2) satisfactory += weight;
  }
  if (all === 0) return null;
  if (veryStrong === all) return 'veryWellMet';
  if (strong === all) return 'wellMet';
  if (2 * strong > all && satisfactory === all) return 'satisfactorilyMet';
  if (strong >= 1 && satisfactory === all) return 'partlyMet';
  if (satisfactory >= 1) return 'notMet';
  return 'poor';
}

/** A1's targets item: very strong when every target is met, strong when ¾ are met or nearly met, satisfactory when half are. */
function targetsBand(targets: InspectionHeader['targets']): string | null {
  let judged = 0;
  let met = 0;
  let nearlyMet = 0;
  for (const t of A1_TARGETS) {
    const figure = targets?.[t.id];
    if (!figure) continue;
    const target = figure.target ?? t.target;
    judged++;
    if (t.higher ? figure.value >= target : figure.value <= target) met++;
    else if (t.higher ? figure.value >= target - t.tolerance : figure.value <= target + t.tolerance) nearlyMet++;
  }
  if (judged === 0) return null;
  if (met === judged) return 'veryStrong';
  if (4 * (met + nearlyMet) >= 3 * judged) return 'strong';
  if (2 * (met + nearlyMet) >= judged) return 'satisfactory';
  return 'weak';
}

function levelOf(rating: string | { level: string } | undefined): string | undefined {
  return typeof rating === 'string' ? rating : rating?.level;
}

// The scorer -------------------------------------------------------------------------------------

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

export class HandWrittenScorer {
  readonly relevant = new Float64Array(QUESTION_COUNT);
  readonly met = new Float64Array(QUESTION_COUNT);
  readonly notApplicable = new Float64Array(QUESTION_COUNT);
  read = 0;
  scored = 0;
  relevantToNone = 0;
  invalid = 0;
  /** The first 1,000 problems found, as messages. */
  readonly problems: string[] = [];
  private readonly ids = new Set<string>();
  private readonly outcome = new Uint8Array(QUESTION_COUNT);
  private readonly oasysInUse: boolean;
  // The case being read: its id, its answers by question, whether it has a problem.
  private id = '';
  private answers: Record<string, unknown> = {};
  private readonly given = new Uint8Array(QUESTION_COUNT);
  private caseHasProblems = false;

  constructor(private readonly header: InspectionHeader) {
    const oasys = header.area.facts?.oasysInUse;
    if (!isBoolean(oasys)) throw new Error('the area fact oasysInUse (true or false) is required');
    this.oasysInUse = oasys === true;
    if (header.adjustments && header.adjustments.length > 0) throw new Error('the hand-written scorer does not take adjustments');
    for (const [key, rating] of Object.entries(header.evidence ?? {})) {
      const level = levelOf(rating) ?? '';
      const known = key.startsWith('ebs-2003:')
        ? EBS_MANAGEMENT_ITEMS.includes(key.slice('ebs-2003:'.length)) && (EBS_ITEM_LEVELS.includes(level) || level === 'na')
        : MANAGEMENT_ITEMS.includes(key) && (PERFORMANCE.includes(level) || level === 'na');
      if (!known) throw new Error(`evidence ${key}: unknown item, or '${level}' is not one of its levels`);
    }
  }

  private problem(message: string): void {
    this.caseHasProblems = true;
    if (this.problems.length < 1000) this.problems.push(`case ${this.id}: ${message}`);
  }

  /** Checks one case record and, when it has no problems, counts it. */
  add(record: unknown): void {
    this.read++;
    this.caseHasProblems = false;
    if (!isRecord(record)) {
      this.id = `#${this.read}`;
      this.problem('not a case record ({ id, facts, answers })');
      this.invalid++;
      return;
    }
    const id = record.id;
    if ((typeof id === 'string' && id !== '') || (typeof id === 'number' && Number.isFinite(id))) {
      this.id = String(id);
      if (this.ids.has(this.id)) this.problem('the id is used by an earlier case');
      else this.ids.add(this.id);
    } else {
      this.id = `#${this.read}`;
      this.problem('the case has no id');
    }
    for (const key in record) if (key !== 'id' && key !== 'facts' && key !== 'answers') this.problem(`unknown property '${key}'`);
    const facts = isRecord(record.facts) ? record.facts : {};
    const answers = isRecord(record.answers) ? record.answers : {};
    if (record.facts !== undefined && !isRecord(record.facts)) this.problem('facts must be a mapping');
    if (record.answers !== undefined && !isRecord(record.answers)) this.problem('answers must be a mapping');
    for (const name in facts) {
      const valid = CASE_FACTS.get(name);
      if (!valid) this.problem(`unknown fact '${name}'`);
      else if (!valid(facts[name])) this.problem(`fact '${name}' has an invalid value ${JSON.stringify(facts[name])}`);
    }
    for (const name of REQUIRED_FACTS) if (facts[name] === undefined) this.problem(`required fact '${name}' is missing`);
    this.readAnswers(answers);
    if (!this.caseHasProblems) this.judgeAll(facts);
    if (this.caseHasProblems) {
      this.invalid++;
      return;
    }
    this.count();
  }

  /** One pass over the answers given: each to its question, on the scale or not; unknown keys are problems. */
  private readAnswers(answers: Record<string, unknown>): void {
    this.answers = answers;
    const given = this.given;
    given.fill(NO_ANSWER);
    for (const key in answers) {
      const q = QUESTION_BY_KEY.get(key);
      if (q === undefined) {
        this.problem(`unknown question '${key}'`);
        continue;
      }
      const answer = answers[key];
      given[q] = answer === undefined || answer === null || answer === '' ? NO_ANSWER : (typeof answer === 'string' && JUDGEMENT.get(answer)) || OFF_SCALE;
    }
  }

  /** Every question's outcome for the case, in Q order. */
  private judgeAll(f: Record<string, unknown>): void {
    const highRisk = f.riskOfHarm === 'high' || f.riskOfHarm === 'veryHigh';
    const mappa = f.mappa === true;
    const riskChanged = f.riskChanged === true;
    const reintegration = f.reintegrationNeeds === true;
    const ebsNeeds = f.ebsNeeds === true;
    const ebsObjective = f.ebsObjective === true;
    // ESI section B, Quality of Assessment
    this.judge(Q.B1_1, true);
    this.judge(Q.B1_2, true);
    this.judge(Q.B1_3, highRisk);
    this.judge(Q.B1_4, true);
    this.judge(Q.B1_5, highRisk);
    this.judge(Q.B2_1, true);
    this.judge(Q.B2_2, true);
    this.judge(Q.B3_1, true);
    this.judge(Q.B3_2, true);
    this.judge(Q.B3_3, true);
    this.judge(Q.B3_4, true);
    this.judge(Q.B3_5, true);
    this.judge(Q.B3_6, true);
    this.judge(Q.B3_7, mappa);
    this.judge(Q.B3_8, true);
    this.judge(Q.B4_1, true);
    this.judge(Q.B4_2, true);
    this.judge(Q.B4_3, true);
    // ESI section C, Quality of Interventions
    this.judge(Q.C1_1, true);
    this.judge(Q.C1_2, true);
    this.judge(Q.C1_3, f.hadAbsences === true);
    this.judge(Q.C1_4, f.breachRequired === true);
    this.judge(Q.C2_1, true);
    this.judge(Q.C2_2, riskChanged);
    this.judge(Q.C2_3, f.additionalRequirements === true);
    this.judge(Q.C2_4, mappa);
    this.judge(Q.C2_5, reintegration);
    this.judge(Q.C2_6, true);
    this.judge(Q.C2_7, true);
    this.judge(Q.C2_8, true);
    this.judge(Q.C2_9, f.programmeInRange === true);
    this.judge(Q.C2_10, true);
    this.judge(Q.C2_11, f.orderType === 'cpo' || f.orderType === 'cpro');
    this.judge(Q.C3_1, true);
    this.judge(Q.C3_2, f.literacyNeeds === true);
    this.judge(Q.C3_3, f.gender === 'female');
    this.judge(Q.C3_4, f.ethnicity === 'minorityEthnic');
    this.judge(Q.C3_5, f.disability === true);
    this.judge(Q.C3_6, f.ruralAccess === true);
    this.judge(Q.C4_1, true);
    this.judge(Q.C4_2, f.orderType === 'licence');
    this.judge(Q.C4_3, true);
    this.judge(Q.C5_1, true);
    this.judge(Q.C5_2, f.childProtection === true);
    this.judge(Q.C5_3, f.interAgencyPlan === true);
    this.judge(Q.C5_4, riskChanged);
    this.judge(Q.C5_5, true);
    // ESI section D, Quality of Initial Outcomes
    this.judge(Q.D1_1, true);
    this.judge(Q.D1_2, true);
    this.judge(Q.D1_3, true);
    this.judge(Q.D1_4, this.oasysInUse);
    this.judge(Q.D1_5, true);
    this.judge(Q.D1_6, reintegration);
    this.judge(Q.D1_7, true);
    this.judge(Q.D2_1, reintegration);
    this.judge(Q.D2_2, true);
    this.judge(Q.D2_3, f.significantOthers === true);
    this.judge(Q.D4_1, true);
    this.judge(Q.D4_2, true);
    // EBS thematic
    this.judge(Q.EBS_B2_a, true);
    this.judge(Q.EBS_B2_b, true);
    this.judge(Q.EBS_B2_c, true);
    this.judge(Q.EBS_B3_a, ebsNeeds);
    this.judge(Q.EBS_B3_b, true);
    this.judge(Q.EBS_B4_a, f.ebsWorkByOthers === true);
    this.judge(Q.EBS_B4_b, ebsNeeds);
    this.judge(Q.EBS_C2_a, ebsObjective);
    this.judge(Q.EBS_C2_b, ebsNeeds);
    this.judge(Q.EBS_C2_c, ebsNeeds);
    this.judge(Q.EBS_C5_a, f.ebsRiskIncident === true);
    this.judge(Q.EBS_D1_a, ebsObjective);
    this.judge(Q.EBS_D1_b, ebsNeeds);
    this.judge(Q.EBS_D1_c, this.oasysInUse);
  }

  /** One question: its answer must be given exactly when it applies, and be on the judgement scale. */
  private judge(q: Q, applies: boolean): void {
    const given = this.given[q]!;
    if (!applies) {
      this.outcome[q] = NOT_RELEVANT;
      if (given !== NO_ANSWER) this.problem(`question ${KEYS[q]} does not apply to this case but is answered ${JSON.stringify(this.answers[KEYS[q]!])}`);
    } else if (given === NO_ANSWER) {
      this.outcome[q] = NOT_RELEVANT;
      this.problem(`question ${KEYS[q]} applies to this case but has no answer`);
    } else if (given === OFF_SCALE) {
      this.outcome[q] = NOT_RELEVANT;
      this.problem(`answer ${JSON.stringify(this.answers[KEYS[q]!])} to ${KEYS[q]} is not on the judgement scale`);
    } else {
      this.outcome[q] = given;
    }
  }

  private count(): void {
    let any = false;
    for (let q = 0; q < QUESTION_COUNT; q++) {
      const o = this.outcome[q];
      if (o === NOT_RELEVANT) continue;
      if (o === NOT_APPLICABLE) {
        this.notApplicable[q]!++;
        continue;
      }
      any = true;
      this.relevant[q]!++;
      if (o === MET) this.met[q]!++;
    }
    this.scored++;
    if (!any) this.relevantToNone++;
  }

  /** The per-question counts, by question key. */
  counts(): CountsByKey {
    return new Map(KEYS.map((key, q) => [key, { relevant: this.relevant[q]!, met: this.met[q]!, notApplicable: this.notApplicable[q]! }]));
  }

  /** Every score, band and level count; or the problems, when a case had any or none was scored. */
  finish(): { figures: Figures } | { errors: string[] } {
    if (this.invalid > 0) return { errors: [...this.problems, `${this.invalid} of ${this.read} cases have problems; nothing was scored`] };
    if (this.scored === 0) return { errors: ['no case could be scored'] };
    const figures: Figures = new Map();
    const percent = (q: Q): number | null => (this.relevant[q]! > 0 ? halfUp(100 * this.met[q]!, this.relevant[q]!) : null);
    const evidence = this.header.evidence ?? {};

    // ESI section A and D3: management bands from the items (A1 also from its targets, counted twice).
    const targets = targetsBand(this.header.targets);
    figures.set('esi-2003 A1T score', null);
    figures.set('esi-2003 A1T band', targets);
    const bands: Record<string, string | null> = {};
    for (const [criterion, ids] of Object.entries(MANAGEMENT)) {
      const items: Array<[number, number]> = [];
      for (const id of ids) {
        const rank = PERFORMANCE.indexOf(levelOf(evidence[id]) ?? '');
        if (rank >= 0) items.push([rank, 1]);
      }
      if (criterion === 'A1' && targets !== null) items.push([PERFORMANCE.indexOf(targets), 2]);
      bands[criterion] = managementBand(items);
      figures.set(`esi-2003 ${criterion} score`, null);
      figures.set(`esi-2003 ${criterion} band`, bands[criterion]);
    }
    figures.set('esi-2003 section A score', null);
    figures.set('esi-2003 section A band', null);
    figures.set('esi-2003 section A levels', bandCounts(['A1', 'A2', 'A3', 'A4', 'A5'].map((c) => bands[c]!)));

    // ESI sections B–D: pooled criterion scores, weighted means of the rounded criterion scores, then of the sections.
    const sectionScores: Record<string, number | null> = {};
    for (const [section, criteria] of Object.entries(ESI_SAMPLE) as Array<[keyof typeof ESI_SAMPLE, (typeof ESI_SAMPLE)['B']]>) {
      const parts = criteria.map((c) => {
        let relevant = 0;
        let met = 0;
        for (let q = c.from; q <= c.to; q++) {
          relevant += this.relevant[q]!;
          met += this.met[q]!;
          figures.set(`esi-2003 ${KEYS[q]} percent`, percent(q));
        }
        const score = relevant > 0 ? halfUp(100 * met, relevant) : null;
        figures.set(`esi-2003 ${c.id} score`, score);
        figures.set(`esi-2003 ${c.id} band`, null);
        return { score, weight: c.weight };
      });
      sectionScores[section] = weightedMean(parts);
      figures.set(`esi-2003 section ${section} score`, sectionScores[section]);
      figures.set(`esi-2003 section ${section} band`, null);
      figures.set(`esi-2003 section ${section} levels`, section === 'D' ? bandCounts([bands.D3!]) : null);
    }
    const overall = weightedMean((['B', 'C', 'D'] as const).map((s) => ({ score: sectionScores[s]!, weight: ESI_SECTION_WEIGHTS[s] })));
    figures.set('esi-2003 overall score', overall);
    figures.set('esi-2003 overall band', null);

    // EBS section A: how many management items are met, partly met, not met.
    const ebsLevels: Record<string, number> = {};
    for (const id of EBS_MANAGEMENT_ITEMS) {
      const level = levelOf(evidence[`ebs-2003:${id}`]);
      if (level !== undefined && EBS_ITEM_LEVELS.includes(level)) ebsLevels[level] = (ebsLevels[level] ?? 0) + 1;
    }
    for (const c of ['A1.1', 'A1.2', 'A2', 'A3', 'A4']) {
      figures.set(`ebs-2003 ${c} score`, null);
      figures.set(`ebs-2003 ${c} band`, null);
    }
    figures.set('ebs-2003 section A score', null);
    figures.set('ebs-2003 section A band', null);
    figures.set('ebs-2003 section A levels', levelCounts(ebsLevels));

    // EBS sections B–D: each criterion and each rating a weighted mean of the rounded question percentages.
    for (const [section, criteria] of Object.entries(EBS_SAMPLE)) {
      const sectionParts: Array<{ score: number | null; weight: number }> = [];
      for (const c of criteria) {
        const parts = c.questions.map(([q, weight]) => ({ score: percent(q), weight }));
        for (const [q] of c.questions) figures.set(`ebs-2003 ${KEYS[q]!.slice(9)} percent`, percent(q));
        figures.set(`ebs-2003 ${c.id} score`, weightedMean(parts));
        figures.set(`ebs-2003 ${c.id} band`, null);
        sectionParts.push(...parts);
      }
      figures.set(`ebs-2003 section ${section} score`, weightedMean(sectionParts));
      figures.set(`ebs-2003 section ${section} band`, null);
      figures.set(`ebs-2003 section ${section} levels`, null);
    }

    figures.set('cases scored', this.scored);
    figures.set('cases relevant to no question', this.relevantToNone);
    return { figures };
  }
}

function bandCounts(bands: Array<string | null>): string | null {
  const counts: Record<string, number> = {};
  for (const b of bands) if (b !== null) counts[b] = (counts[b] ?? 0) + 1;
  return levelCounts(counts);
}

/** As compare-results' levelText: "partlyMet=1 wellMet=3", or null. */
function levelCounts(counts: Record<string, number>): string | null {
  const keys = Object.keys(counts).sort();
  return keys.length === 0 ? null : keys.map((k) => `${k}=${counts[k]}`).join(' ');
}

/** Scores a list of cases by hand. */
export function scoreByHand(
  header: InspectionHeader,
  cases: Iterable<unknown>,
): { scorer: HandWrittenScorer; outcome: ReturnType<HandWrittenScorer['finish']> } {
  const scorer = new HandWrittenScorer(header);
  for (const c of cases) scorer.add(c);
  return { scorer, outcome: scorer.finish() };
}

/**
 * fast-check arbitraries for small valid packs and inspections of them. A pack has a few facts of
 * each type, one or two answer scales (with and without a not-applicable value), weight classes,
 * 1–3 sections of 1–4 sample criteria with 1–3 questions each (answered on a scale or decided by a
 * `metWhen` condition, each with or without a random `appliesWhen` over the declared facts),
 * pooled or weighted-mean scores, optional band sets over `score`, and rounding by a random mode,
 * digits and stages. Cases answer exactly the questions that apply, as the compiled plan's own
 * `applies` predicates decide (as scripts/generate-derbyshire.ts does).
 */
import fc from 'fast-check';
import { compilePack } from '../../src/index.js';
import type { CompiledPlan } from '../../src/compile/compiled-plan.js';
import type { Condition } from '../../src/model/condition.js';
import type { CaseRecord, FactValue } from '../../src/model/inspection.js';
import type { BandSet, Criterion, FactDeclaration, Pack, Question, RoundingMode, RoundingStage, Scale, ScoreRule, Section } from '../../src/model/pack.js';

/** The time a property test may take: vitest's default, or an hour when FUZZ_RUNS asks for many runs. */
export const TIMEOUT = Number(process.env.FUZZ_RUNS) > 0 ? 3_600_000 : 30_000;

/** How many runs a property makes: FUZZ_RUNS (npm run fuzz) raises it. */
export function runs(fallback: number): number {
  const n = Number(process.env.FUZZ_RUNS);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

export const ENUM_VALUES = ['low', 'medium', 'high'] as const;
export const MODES: readonly RoundingMode[] = ['halfUp', 'halfDown', 'halfEven', 'up', 'down'];
export const STAGES: readonly RoundingStage[] = ['question', 'criterion', 'section', 'overall'];

/** The facts every generated pack declares: `risk` (enum), `flag` (boolean), `n` (number), and the area's `tool`. */
export const CASE_FACTS = {
  risk: { type: 'enum', values: [...ENUM_VALUES] },
  flag: { type: 'boolean' },
  n: { type: 'number', minimum: 0, maximum: 10 },
} as const;

const leaf: fc.Arbitrary<Condition> = fc.oneof(
  fc.record({ fact: fc.constant('risk'), operator: fc.constantFrom('equal', 'notEqual'), value: fc.constantFrom(...ENUM_VALUES) }),
  fc.record({ fact: fc.constant('risk'), operator: fc.constantFrom('in', 'notIn'), value: fc.subarray([...ENUM_VALUES], { minLength: 1 }) }),
  fc.record({ fact: fc.constant('flag'), operator: fc.constantFrom('equal', 'notEqual'), value: fc.boolean() }),
  fc.record({
    fact: fc.constant('n'),
    operator: fc.constantFrom('lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive', 'equal', 'notEqual'),
    value: fc.integer({ min: 0, max: 10 }),
  }),
  fc.record({ fact: fc.constant('tool'), operator: fc.constant('equal'), value: fc.boolean() }),
);

/** A condition over the declared facts, at most two groups deep. */
export const conditionArb: fc.Arbitrary<Condition> = fc.oneof(
  { weight: 3, arbitrary: leaf },
  { weight: 1, arbitrary: fc.array(leaf, { minLength: 1, maxLength: 3 }).map((all) => ({ all })) },
  { weight: 1, arbitrary: fc.array(leaf, { minLength: 1, maxLength: 3 }).map((any) => ({ any })) },
  { weight: 1, arbitrary: leaf.map((not) => ({ not })) },
  { weight: 1, arbitrary: fc.tuple(leaf, fc.array(leaf, { minLength: 1, maxLength: 2 })).map(([a, b]) => ({ all: [a, { any: b }] })) },
);

/** Weights as a pack writes them: small whole numbers and halves. */
const weightNumber = fc.constantFrom(1, 2, 3, 0.5, 1.5, 4);

interface QuestionSpec {
  kind: 'yn' | 'grade' | 'metWhen';
  appliesWhen: Condition | null;
  metWhen: Condition;
  weight: number | null;
}

interface CriterionSpec {
  score: 'pooled' | 'weightedMean' | 'default';
  notRated: 'exclude' | 'notRated' | null;
  weight: 'heavy' | 'light' | number | null;
  band: boolean;
  questions: QuestionSpec[];
}

interface SectionSpec {
  score: { method: 'pooled' } | { method: 'weightedMean'; over: 'parts' | 'questions'; notRated: 'exclude' | 'notRated' | null } | null;
  weight: 'heavy' | 'light' | number | null;
  band: boolean;
  criteria: CriterionSpec[];
}

export interface PackSpec {
  ynHasNa: boolean;
  gradeHasNa: boolean;
  gradeMet: string[];
  heavy: number;
  light: number;
  thresholds: [number, number];
  bandOtherwise: boolean;
  sections: SectionSpec[];
  overall: { method: 'pooled' } | { method: 'weightedMean'; notRated: 'exclude' | 'notRated' | null } | null;
  overallBand: boolean;
  rounding: { mode: RoundingMode; digits: number; at: RoundingStage[]; display: number | null };
}

const questionSpec: fc.Arbitrary<QuestionSpec> = fc.record({
  kind: fc.constantFrom<QuestionSpec['kind']>('yn', 'yn', 'grade', 'metWhen'),
  appliesWhen: fc.option(conditionArb, { nil: null, freq: 2 }),
  metWhen: conditionArb,
  weight: fc.option(weightNumber, { nil: null }),
});

const criterionSpec: fc.Arbitrary<CriterionSpec> = fc.record({
  score: fc.constantFrom<CriterionSpec['score']>('pooled', 'weightedMean', 'default'),
  notRated: fc.constantFrom<CriterionSpec['notRated']>('exclude', 'notRated', null),
  weight: fc.oneof(fc.constantFrom('heavy', 'light', null), weightNumber),
  band: fc.boolean(),
  questions: fc.array(questionSpec, { minLength: 1, maxLength: 3 }),
});

const sectionSpec: fc.Arbitrary<SectionSpec> = fc.record({
  score: fc.oneof(
    fc.constant(null),
    fc.constant({ method: 'pooled' as const }),
    fc.record({
      method: fc.constant('weightedMean' as const),
      over: fc.constantFrom<'parts' | 'questions'>('parts', 'questions'),
      notRated: fc.constantFrom<'exclude' | 'notRated' | null>('exclude', 'notRated', null),
    }),
  ),
  weight: fc.oneof(fc.constantFrom('heavy', 'light', null), weightNumber),
  band: fc.boolean(),
  criteria: fc.array(criterionSpec, { minLength: 1, maxLength: 4 }),
});

export const packSpecArb: fc.Arbitrary<PackSpec> = fc.record({
  ynHasNa: fc.boolean(),
  gradeHasNa: fc.boolean(),
  gradeMet: fc.subarray(['good', 'fair', 'poor'], { minLength: 1, maxLength: 2 }),
  heavy: weightNumber,
  light: weightNumber,
  thresholds: fc
    .tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }))
    .map(([a, b]) => [Math.max(a, b), Math.min(a, b)] as [number, number]),
  bandOtherwise: fc.boolean(),
  sections: fc.array(sectionSpec, { minLength: 1, maxLength: 3 }),
  overall: fc.oneof(
    fc.constant(null),
    fc.constant({ method: 'pooled' as const }),
    fc.record({ method: fc.constant('weightedMean' as const), notRated: fc.constantFrom<'exclude' | 'notRated' | null>('exclude', 'notRated', null) }),
  ),
  overallBand: fc.boolean(),
  rounding: fc.record({
    mode: fc.constantFrom(...MODES),
    digits: fc.integer({ min: 0, max: 2 }),
    at: fc.subarray([...STAGES]),
    display: fc.option(fc.integer({ min: 0, max: 4 }), { nil: null }),
  }),
});

function weightOf(w: 'heavy' | 'light' | number | null): { weight?: string | number } {
  return w === null ? {} : { weight: w };
}

/** The Pack a spec describes. Ids: sections S1…, criteria C1…, questions C1.1…; every id, fact and name can be renamed by `name`. */
export function buildPack(spec: PackSpec, name: (id: string) => string = (id) => id): Pack {
  const renameCondition = (c: Condition): Condition =>
    JSON.parse(JSON.stringify(c), (key, value) => (key === 'fact' && typeof value === 'string' ? name(value) : value)) as Condition;
  const scales: Record<string, Scale> = {
    yn: {
      levels: [
        { id: 'yes', label: 'Yes' },
        { id: 'no', label: 'No' },
      ],
      met: ['yes'],
      ...(spec.ynHasNa ? { notApplicable: { id: 'na', label: 'N/A' } } : {}),
    },
    grade: {
      levels: [
        { id: 'good', label: 'Good' },
        { id: 'fair', label: 'Fair' },
        { id: 'poor', label: 'Poor' },
      ],
      met: spec.gradeMet,
      ...(spec.gradeHasNa ? { notApplicable: { id: 'none', label: 'Not applicable' } } : {}),
    },
    band: {
      levels: [
        { id: 'hi', label: 'High' },
        { id: 'mid', label: 'Middle' },
        { id: 'lo', label: 'Low' },
      ],
    },
  };
  const bands: BandSet = {
    scale: 'band',
    rules: [
      { level: 'hi', when: { fact: 'score', operator: 'greaterThanInclusive', value: spec.thresholds[0] } },
      { level: 'mid', when: { fact: 'score', operator: 'greaterThan', value: spec.thresholds[1] } },
    ],
    ...(spec.bandOtherwise ? { otherwise: 'lo' } : {}),
  };
  const criteria: Criterion[] = [];
  const sections: Section[] = [];
  let c = 0;
  spec.sections.forEach((s, si) => {
    const ids: string[] = [];
    const weighted = s.score?.method === 'weightedMean' && s.score.over === 'parts';
    s.criteria.forEach((cs, ci) => {
      c++;
      const id = name(`C${c}`);
      ids.push(id);
      const questions: Question[] = cs.questions.map((q, qi) => ({
        id: name(`C${c}.${qi + 1}`),
        text: `Question ${qi + 1}`,
        ...(q.appliesWhen ? { appliesWhen: renameCondition(q.appliesWhen) } : {}),
        ...(q.kind === 'metWhen' ? { metWhen: renameCondition(q.metWhen) } : { scale: q.kind }),
        ...(q.weight !== null ? { weight: q.weight } : {}),
      }));
      const score: ScoreRule | undefined = cs.score === 'default' ? undefined : { method: cs.score, ...(cs.notRated ? { notRated: cs.notRated } : {}) };
      // A weighted mean over a section's parts needs a weighted part: the first criterion has one.
      const weight = weighted && ci === 0 && cs.weight === null ? 'light' : cs.weight;
      criteria.push({
        id,
        title: `Criterion ${c}`,
        kind: 'sample',
        ...weightOf(weight),
        questions,
        ...(score ? { score } : {}),
        ...(cs.band ? { band: 'bands' } : {}),
      });
    });
    const overallWeighted = spec.overall?.method === 'weightedMean';
    const weight = overallWeighted && si === 0 && s.weight === null ? 1 : s.weight;
    const score: ScoreRule | undefined =
      s.score === null
        ? undefined
        : s.score.method === 'pooled'
          ? { method: 'pooled' }
          : {
              method: 'weightedMean',
              ...(s.score.over === 'questions' ? { over: 'questions' } : {}),
              ...(s.score.notRated ? { notRated: s.score.notRated } : {}),
            };
    sections.push({
      id: name(`S${si + 1}`),
      title: `Section ${si + 1}`,
      criteria: ids,
      ...(score ? { score } : {}),
      ...weightOf(weight),
      ...(s.band && score ? { band: 'bands' } : {}),
    });
  });
  const overallScore: ScoreRule | undefined =
    spec.overall === null
      ? undefined
      : spec.overall.method === 'pooled'
        ? { method: 'pooled' }
        : { method: 'weightedMean', ...(spec.overall.notRated ? { notRated: spec.overall.notRated } : {}) };
  return {
    kind: 'methodology',
    id: 'prop-pack',
    version: '1.0.0',
    title: 'A generated pack',
    status: 'draft',
    facts: {
      case: Object.fromEntries(
        Object.entries(CASE_FACTS).map(([k, v]): [string, FactDeclaration] => [name(k), 'values' in v ? { ...v, values: [...v.values] } : { ...v }]),
      ),
      area: { [name('tool')]: { type: 'boolean' } },
    },
    scales,
    weightClasses: { heavy: spec.heavy, light: spec.light },
    bandSets: { bands },
    criteria,
    sections,
    ...(spec.overall
      ? { overall: { title: 'Overall', ...(overallScore ? { score: overallScore } : {}), ...(spec.overallBand && overallScore ? { band: 'bands' } : {}) } }
      : {}),
    rounding: {
      mode: spec.rounding.mode,
      digits: spec.rounding.digits,
      at: STAGES.filter((s) => spec.rounding.at.includes(s)),
      ...(spec.rounding.display !== null ? { display: spec.rounding.display } : {}),
    },
  };
}

/** Compiles a generated pack; a generated pack that does not compile is a failure of the generator or the checker. */
export function compile(pack: Pack): CompiledPlan {
  const compiled = compilePack(pack);
  if ('errors' in compiled)
    throw new Error(`a generated pack does not compile:\n${compiled.errors.map((e) => `${e.code}: ${e.message}`).join('\n')}\n${JSON.stringify(pack)}`);
  return compiled.plan;
}

/** Random facts of one case: each fact present or missing. */
export const factsArb: fc.Arbitrary<Record<string, FactValue>> = fc
  .record({
    risk: fc.option(fc.constantFrom(...ENUM_VALUES), { nil: undefined, freq: 5 }),
    flag: fc.option(fc.boolean(), { nil: undefined, freq: 3 }),
    n: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined, freq: 3 }),
  })
  .map((f) => Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)) as Record<string, FactValue>);

/** A case before its answers: its facts and, for each question it is asked, a choice of answer (an index into the scale's answers). */
export interface CaseSeed {
  facts: Record<string, FactValue>;
  choices: number[];
}

export const caseSeedArb: fc.Arbitrary<CaseSeed> = fc.record({ facts: factsArb, choices: fc.array(fc.nat({ max: 99 }), { minLength: 12, maxLength: 12 }) });

/** The answers a scale accepts: its levels, then its not-applicable value. */
export function answersOf(scale: Scale): string[] {
  return [...scale.levels.map((l) => l.id), ...(scale.notApplicable ? [scale.notApplicable.id] : [])];
}

/** A valid case: answers exactly the answered questions that apply to it, as the plan decides. */
export function buildCase(
  plan: CompiledPlan,
  pack: Pack,
  seed: CaseSeed,
  id: string,
  area: Record<string, FactValue>,
  name: (id: string) => string = (x) => x,
): CaseRecord {
  const facts = Object.fromEntries(Object.entries(seed.facts).map(([k, v]) => [name(k), v]));
  const answers: Record<string, string> = {};
  plan.questions.forEach((q, i) => {
    if (q.metWhen !== null) return;
    if (q.applies !== null && !q.applies(facts, area)) return;
    const options = answersOf(pack.scales![q.def.scale!]!);
    answers[q.key] = options[(seed.choices[i % seed.choices.length]! + i) % options.length]!;
  });
  return { id, facts, answers };
}

export const inspectionSeedArb = fc.record({
  tool: fc.option(fc.boolean(), { nil: undefined }),
  cases: fc.array(caseSeedArb, { minLength: 0, maxLength: 25 }),
});

/** The area facts of an inspection seed. */
export function areaOf(seed: { tool?: boolean | undefined }, name: (id: string) => string = (x) => x): Record<string, FactValue> {
  return seed.tool === undefined ? {} : { [name('tool')]: seed.tool };
}

/** A whole scenario from its seeds: the pack, its compiled plan, the area facts and the valid cases. */
export function buildScenario(
  spec: PackSpec,
  seed: { tool?: boolean | undefined; cases: CaseSeed[] },
): { pack: Pack; plan: CompiledPlan; area: Record<string, FactValue>; cases: CaseRecord[] } {
  const pack = buildPack(spec);
  const plan = compile(pack);
  const area = areaOf(seed);
  const cases = seed.cases.map((c, i) => buildCase(plan, pack, c, `case-${i}`, area));
  return { pack, plan, area, cases };
}

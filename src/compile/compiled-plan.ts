/**
 * What compiling produces: a methodology and its thematics resolved into flat, indexed
 * structures with conditions turned into predicates, so that evaluating a case is a loop over
 * arrays and a few closure calls.
 */
import type {
  Criterion,
  EvidenceItem,
  FactDeclaration,
  Level,
  Overall,
  Pack,
  Question,
  Rounding,
  Scale,
  ScoreRule,
  Section,
  TargetMeasure,
} from '../model/pack.js';
import type { Fraction } from './exact-number.js';
import type { Predicate } from './compile-condition.js';
import type { ResolvedBandSet, ResolvedLimit } from '../check/resolve-band-set.js';

/** Fact values as conditions read them. */
export type FactRecord = Readonly<Record<string, unknown>>;

/** A predicate over a case's facts and the area's facts. */
export type CasePredicate = Predicate<FactRecord, FactRecord>;

/** Fact values by slot (see CompiledPlan.caseSlots and areaSlots); a missing fact is null. */
export type FactVector = unknown[];

/** A predicate over fact vectors: the same condition as a CasePredicate, on the fast path. */
export type VectorPredicate = Predicate<FactVector, FactVector>;

/** A scale with its levels ranked (0 is best). */
export interface RankedScale {
  id: string;
  scale: Scale;
  rank: ReadonlyMap<string, number>;
  levels: readonly Level[];
  notApplicable: Level | null;
}

/** What an answer means for the tally. */
export const Outcome = { NotRelevant: 0, Met: 1, NotMet: 2, NotApplicable: 3 } as const;
export type Outcome = (typeof Outcome)[keyof typeof Outcome];

export interface CompiledQuestion {
  /** Position in the plan's flat question list: the index into the tally's counters. */
  index: number;
  def: Question;
  /** The key answers use: the question id, prefixed with a thematic's id and a colon. */
  key: string;
  module: CompiledModule;
  applies: CasePredicate | null;
  /** `applies` over fact vectors. */
  appliesVector: VectorPredicate | null;
  /** For answered questions: what each answer means. */
  answers: ReadonlyMap<string, Outcome> | null;
  /** For answered questions: the outcome of each answer by its level code (CompiledPlan.levelCodes); 0 when it is not on the scale. */
  outcomeByCode: Uint8Array | null;
  scale: RankedScale | null;
  /** For questions decided by the case's facts. */
  metWhen: CasePredicate | null;
  /** `metWhen` over fact vectors. */
  metWhenVector: VectorPredicate | null;
  weight: Fraction;
}

/** Derived quantities band rules read. */
export interface BandInputs {
  score: Fraction | null;
  /** The counted levels (ranks on the input scale) with their weights. */
  levels: ReadonlyArray<{ rank: number; weight: Fraction }>;
  inputScale: RankedScale | null;
  points: Fraction | null;
  maxPoints: Fraction | null;
}

export type BandPredicate = Predicate<BandInputs, FactRecord>;

/** A cap or floor on a band, with its condition compiled. */
export interface CompiledLimit {
  def: ResolvedLimit;
  kind: 'cap' | 'floor';
  level: string;
  when: BandPredicate;
}

export type CompiledBand =
  | {
      kind: 'rules';
      setId: string;
      set: ResolvedBandSet;
      scale: RankedScale;
      inputScale: RankedScale | null;
      rules: Array<{ level: string; when: BandPredicate }>;
      otherwise: string | null;
      limits: CompiledLimit[];
    }
  | { kind: 'combine'; mode: 'lowest' | 'highest'; scale: RankedScale | null; limits: CompiledLimit[] };

export interface CompiledItem {
  def: EvidenceItem;
  key: string;
  weight: Fraction;
  counted: boolean;
  from: CompiledCriterion | null;
}

export interface CompiledMeasure {
  def: TargetMeasure;
  key: string;
  counted: boolean;
}

export interface CompiledCriterion {
  def: Criterion;
  key: string;
  module: CompiledModule;
  weight: Fraction | null;
  questions: CompiledQuestion[];
  score: ScoreRule | null;
  band: CompiledBand | null;
  itemScale: RankedScale | null;
  items: CompiledItem[];
  measures: CompiledMeasure[];
  statusScale: RankedScale | null;
  /** The scale of this criterion's band, when it has one. */
  bandScale: RankedScale | null;
}

export interface CompiledSection {
  def: Section;
  key: string;
  criteria: CompiledCriterion[];
  /** For a section rated straight from evidence items: those items, as an evidence criterion that is not reported as one. */
  own: CompiledCriterion | null;
  weight: Fraction | null;
  score: ScoreRule | null;
  band: CompiledBand | null;
  points: ReadonlyMap<string, Fraction> | null;
  bandScale: RankedScale | null;
  /** The scale its criteria's bands share (what its counts, shares and points count), or null. */
  childScale: RankedScale | null;
}

export interface CompiledOverall {
  def: Overall;
  score: ScoreRule | null;
  band: CompiledBand | null;
  points: ReadonlyMap<string, Fraction> | null;
  bandScale: RankedScale | null;
  /** The scale the sections' bands share, or null. */
  childScale: RankedScale | null;
}

/** A methodology or one thematic. */
export interface CompiledModule {
  pack: Pack;
  sha256: string;
  /** '' for the methodology; the thematic's id and a colon for a thematic. */
  prefix: string;
  sections: CompiledSection[];
  /** Criteria in an order where a criterion comes after those its items take levels from. */
  criteria: CompiledCriterion[];
  supporting: CompiledCriterion[];
  overall: CompiledOverall | null;
  rounding: Rounding;
  scales: ReadonlyMap<string, RankedScale>;
  questions: CompiledQuestion[];
}

/** A methodology with its thematics, ready to score inspections. */
export interface CompiledPlan {
  methodology: CompiledModule;
  thematics: CompiledModule[];
  modules: CompiledModule[];
  questions: CompiledQuestion[];
  questionByKey: ReadonlyMap<string, CompiledQuestion>;
  caseFacts: ReadonlyMap<string, FactDeclaration>;
  areaFacts: ReadonlyMap<string, FactDeclaration>;
  /** The slot of each case fact in a case's fact vector. */
  caseSlots: ReadonlyMap<string, number>;
  /** The slot of each area fact in the area's fact vector. */
  areaSlots: ReadonlyMap<string, number>;
  /** A small number for every answer text any question's scale accepts (from 1). */
  levelCodes: ReadonlyMap<string, number>;
}

/** The columns a case file may have for a plan (the readers' CaseColumns): its case facts and its questions' keys. */
export function caseColumnsOf(plan: CompiledPlan): { caseFacts: ReadonlyMap<string, FactDeclaration>; questionKeys: ReadonlySet<string> } {
  return { caseFacts: plan.caseFacts, questionKeys: new Set(plan.questionByKey.keys()) };
}

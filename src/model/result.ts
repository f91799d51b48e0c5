/**
 * The result model: what scoring an inspection returns. Deterministic: the same pack and
 * inspection give byte-identical JSON. Scores are reported as numbers rounded where the pack
 * says, with the exact rational beside them.
 */

/** Where a result came from. */
export interface Provenance {
  /** The methodology pack's id. */
  pack: string;
  /** The methodology pack's version. */
  version: string;
  /** The sha256 of the pack's content (its files, in order). */
  sha256: string;
  /** The thematic packs scored with it. */
  thematics: Array<{ id: string; version: string; sha256: string }>;
  /** The engine's name and version. */
  engine: string;
  /** The sha256 of the inspection's input: of the files read (the inspection file, then its case file) when scored from files; for an in-memory inspection, the hash its caller gave, or (when asked for) one of its content that case and key order do not change. */
  inputSha256?: string;
  /** How the cases were counted when a SQL engine counted them where they live: the engine with its version, and the source (a file's name, or a table or query; never a connection URL). */
  caseSource?: { engine: string; source: string };
}

/** A level with its printed label. */
export interface LevelResult {
  /** The level's id. */
  id: string;
  /** The level's label. */
  label: string;
}

/** A change an inspector made, with the reason. */
export interface AdjustmentResult {
  /** The adjusted band, when the band was adjusted. */
  band?: LevelResult;
  /** The adjusted score, when the score was adjusted. */
  score?: number;
  /** Why. */
  reason: string;
}

/** A limit (a cap or a floor) that moved a result's band. */
export interface LimitResult {
  /** The limit's id. */
  id: string;
  /** Whether it capped the band (no better than) or floored it (no worse than). */
  kind: 'cap' | 'floor';
  /** The band it set. */
  band: LevelResult;
  /** The band before it applied. */
  from: LevelResult;
  /** Why, as the pack words it. */
  note: string;
}

/** Why a result is not rated. */
export interface NotRated {
  /** A short reason, e.g. `no relevant cases`. */
  reason: string;
}

/** One question's counts over the sample. */
export interface QuestionResult {
  /** The question's id. */
  id: string;
  /** The question's text. */
  text: string;
  /** The cases the question was relevant to (it applied and was not answered not applicable). */
  relevant: number;
  /** The relevant cases in which it was met. */
  met: number;
  /** The cases it applied to but that were answered not applicable. */
  notApplicable: number;
  /** The share met, as a percentage rounded as the pack says; null when no case was relevant. */
  percent: number | null;
  /** The exact share met, as a fraction `n/d` of 100 (a percentage); null when no case was relevant. */
  exact: string | null;
  /** The weight of the question in its criterion. */
  weight: number;
}

/** One evidence item's rating. */
export interface ItemResult {
  /** The item's id. */
  id: string;
  /** The item's text. */
  text: string;
  /** The item's level, or null when it is not applicable. */
  level: LevelResult | null;
  /** The rating as printed, with its count when it carries one. */
  label: string;
  /** Whether the item counts in the band. */
  counted: boolean;
  /** Why the item does not count, when it does not. */
  excludedBecause?: string;
  /** The item's weight in counts and shares. */
  weight: number;
  /** The criterion the level was taken from, when it was. */
  from?: string;
}

/** One target measure, judged. */
export interface TargetResult {
  /** The measure's id. */
  id: string;
  /** The criterion whose table holds it. */
  criterion: string;
  /** What is measured. */
  measure: string;
  /** The unit of the figures. */
  unit?: string;
  /** Whether higher or lower is better. */
  direction: 'higher' | 'lower';
  /** The target. */
  target: number | null;
  /** The area's figure, null when the inspection gave none. */
  value: number | null;
  /** The comparison figure, e.g. the national average. */
  comparator: number | null;
  /** The tolerance for nearly met. */
  tolerance: number;
  /** The judgement, or null when there was no figure. */
  status: LevelResult | null;
  /** Whether the measure counts in its table's band. */
  counted: boolean;
  /** A remark. */
  note?: string;
}

/** Scores are numbers as the pack rounds them; `exact` is the rational behind them. */
export interface ScoredResult {
  /** The score (a percentage), or null when there is none or it is not rated. When adjusted, the adjusted score. */
  score: number | null;
  /** The exact score as combined, before rounding: a fraction `n/d`, or null. */
  exact: string | null;
  /** The score as computed, before any adjustment. */
  computedScore: number | null;
  /** The band, or null when there is none. When adjusted, the adjusted band. */
  band: LevelResult | null;
  /** The band as computed, before any adjustment. */
  computedBand: LevelResult | null;
  /** Which band rule assigned the band (before any limit): its number in the band set counted from 1, or `otherwise`, or `lowest`/`highest`. */
  bandRule?: number | 'otherwise' | 'lowest' | 'highest';
  /** The limits that moved the band, in the order they applied; `computedBand` is the band after them, the first one's `from` the band the rules gave. */
  limits?: LimitResult[];
  /** The inspector's adjustment, if any. */
  adjustment: AdjustmentResult | null;
  /** When the pack maps bands to points: the points of the rated parts, summed. */
  points?: number;
  /** And the most those parts could have scored. */
  maxPoints?: number;
  /** Set when the result is not rated. */
  notRated?: NotRated;
}

/** One criterion's result. */
export interface CriterionResult extends ScoredResult {
  /** The criterion's id. */
  id: string;
  /** The criterion's title. */
  title: string;
  /** The criterion's kind. */
  kind: 'sample' | 'evidence' | 'targets' | 'direct';
  /** The weight class name (or the number) the pack gives it, or null. */
  weight: string | number | null;
  /** The numeric weight, or null when it does not count in a weighted mean. */
  weightValue: number | null;
  /** For sample criteria: the questions' counts. */
  questions: QuestionResult[];
  /** For evidence criteria: the items' ratings. */
  items: ItemResult[];
  /** For targets criteria: the measures judged. */
  targets: TargetResult[];
}

/** One section's result. */
export interface SectionResult extends ScoredResult {
  /** The section's id. */
  id: string;
  /** The section's title. */
  title: string;
  /** The section's weight in the overall result, or null. */
  weight: string | number | null;
  /** The criteria, in order. */
  criteria: CriterionResult[];
  /** For a section rated straight from evidence items: the items' ratings. */
  items?: ItemResult[];
  /** The section's summary sentence, filled in. */
  summary?: string;
  /** How many of the section's levels (bands or items) are at each level, by level id. */
  levelCounts?: Record<string, number>;
}

/** The overall result. */
export interface OverallResult extends ScoredResult {
  /** The overall result's title. */
  title: string;
  /** The summary sentence, filled in. */
  summary?: string;
}

/** A case left out of scoring because its data was wrong, when the user asked to exclude such cases. */
export interface ExcludedCase {
  /** The case id; absent when the case has no valid one (none, empty, or too long), so that no stand-in can be mistaken for a real case's id. */
  id?: string;
  /** The case's place among the cases read, from 1. */
  position: number;
  /** Where it was read. */
  location?: string;
  /** What was wrong. */
  reasons: string[];
}

/** Every input case accounted for: read = scored + excluded; scored includes those relevant to no question. */
export interface CaseAccount {
  /** Cases read. */
  read: number;
  /** Cases scored. */
  scored: number;
  /** Scored cases relevant to no question. */
  relevantToNone: number;
  /** Cases excluded (only when asked), with reasons. */
  excluded: ExcludedCase[];
}

/** The result of one pack (a methodology or a thematic) on an inspection. */
export interface PackResult {
  /** The pack's id. */
  id: string;
  /** The pack's version. */
  version: string;
  /** The pack's title. */
  title: string;
  /** The sections, in order. */
  sections: SectionResult[];
  /** The overall result, when the pack declares one. */
  overall: OverallResult | null;
  /** The targets tables' measures, judged. */
  targets: TargetResult[];
  /** Criteria in no section that feed an evidence item (e.g. a targets table), with their results. */
  supporting: CriterionResult[];
}

/** The result of scoring an inspection. */
export interface InspectionResult extends PackResult {
  /** Where the result came from. */
  provenance: Provenance;
  /** The inspected area, with the area facts the packs' conditions read and the values they were scored with (null: not given). */
  area: { name: string; period?: string; facts?: Record<string, string | number | boolean | null> };
  /** Every case accounted for. */
  cases: CaseAccount;
  /** The thematic modules scored on the same inspection. */
  thematics: PackResult[];
}

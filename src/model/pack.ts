/**
 * The rule-pack model: what a methodology author writes in YAML. The JSON Schemas under
 * `schemas/` are generated from these types, so every property's comment is what an editor shows.
 *
 * Conventions: named things (facts, scales, weight classes, conditions, band sets) are maps keyed
 * by their name; ordered things (sections, criteria, questions, items, measures) are lists whose
 * entries carry an `id`.
 */
import type { Condition, Scalar } from './condition.js';

/**
 * An identifier: letters, digits and `.`, `_`, `-`, `(`, `)`; it starts with a letter or digit.
 * @pattern ^[A-Za-z0-9][A-Za-z0-9._()-]*$
 * @maxLength 64
 */
export type Id = string;

/**
 * A semantic version, e.g. `1.2.0`.
 * @pattern ^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$
 */
export type SemVer = string;

/**
 * A semantic version range, e.g. `^1.0.0` or `>=1.2 <2`.
 * @minLength 1
 * @maxLength 100
 */
export type SemVerRange = string;

/**
 * A calendar date, `YYYY-MM-DD`.
 * @pattern ^\d{4}-\d{2}-\d{2}$
 */
export type IsoDate = string;

/** Whether the pack is still being written or has been published for use. */
export type PackStatus = 'draft' | 'published';

/** A published document the pack is drawn from. */
export interface Source {
  /** The document's title. */
  title: string;
  /** Who published it. */
  publisher?: string;
  /** When it was published (`YYYY-MM` or `YYYY-MM-DD`). */
  date?: string;
  /** Where it can be found. */
  url?: string;
  /** What the pack takes from it. */
  note?: string;
}

/** A choice the pack makes where its sources are silent or ambiguous, declared so nobody mistakes it for published fact. */
export interface Reconstruction {
  /** What the choice is about, e.g. `rounding` or `B1 questions`. */
  topic: string;
  /** The choice made, and why. */
  choice: string;
}

/** The dates between which the pack applies. */
export interface Effective {
  /** The first day the pack applies. */
  from?: IsoDate;
  /** The last day the pack applies. */
  to?: IsoDate;
}

/** The kinds of value a fact can hold. */
export type FactType = 'enum' | 'boolean' | 'number' | 'date' | 'string';

/** A fact a case (or the inspected area) carries, declared so that conditions and case data are checked before anything runs. */
export interface FactDeclaration {
  /** What kind of value the fact holds. */
  type: FactType;
  /** What the fact means. */
  description?: string;
  /** For `enum` facts: the allowed values. */
  values?: string[];
  /** Whether every case (or the area) must give this fact. Defaults to false: a missing fact is then `null` in conditions. */
  required?: boolean;
  /** For `number` facts: the smallest allowed value. */
  minimum?: number;
  /** For `number` facts: the largest allowed value. */
  maximum?: number;
}

/** The facts of a case and of the inspected area. Names are shared between both: a condition names a fact without saying which. */
export interface FactDeclarations {
  /** Facts each case in the sample carries, e.g. risk of harm level or order type. */
  case?: Record<string, FactDeclaration>;
  /** Facts of the inspected area as a whole, e.g. whether a national tool was in use. */
  area?: Record<string, FactDeclaration>;
}

/** One level of a scale. */
export interface Level {
  /** The level's identifier, used in answers, ratings and band rules. */
  id: Id;
  /** How the level is printed, e.g. `Fully achieved`. */
  label: string;
  /** What the level means. */
  description?: string;
}

/** A named, ordered set of levels: item performance levels, answers to a case question, bands, ratings. */
export interface Scale {
  /** What the scale measures. */
  title?: string;
  /** The levels, best first. "At least X" means X or any level listed before it. */
  levels: Level[];
  /** The levels that count as met when a question is answered on this scale. */
  met?: Id[];
  /** The value meaning "not applicable": a question answered with it is not relevant to the case; an item rated with it is left out. It is not one of the ordered levels. */
  notApplicable?: Level;
  /** How a rating that carries a count is printed; `{label}`, `{achieved}` and `{of}` are filled in. Defaults to `{label} ({achieved} of {of})`. */
  countLabel?: string;
}

/** A question asked of each case in the sample. */
export interface Question {
  /** The question's identifier, unique in the pack; case data answers it under this id. */
  id: Id;
  /** The question as the inspector reads it. */
  text: string;
  /** The passage of the source the question comes from. */
  source?: string;
  /** The case is relevant to the question only when this holds. Absent: every case is relevant. */
  appliesWhen?: Condition;
  /** The scale the answer is given on; the answer counts as met when it is one of the scale's `met` levels. Give this or `metWhen`. */
  scale?: Id;
  /** The question is met when this holds over the case's facts (no answer is recorded). Give this or `scale`. */
  metWhen?: Condition;
  /** The question's weight when its criterion takes a weighted mean of its questions. Defaults to 1. */
  weight?: number;
}

/** An evidence item of an evidence-banded criterion, rated by the inspectors on the criterion's item scale. */
export interface EvidenceItem {
  /** The item's identifier, unique in the pack; the inspection's `evidence` rates it under this id. */
  id: Id;
  /** What the item looks for. */
  text: string;
  /** The passage of the source the item comes from. */
  source?: string;
  /** Why the item is left out of the band, e.g. because it judges another body. Absent: the item counts. */
  excluded?: string;
  /**
   * How many times the item counts in the counts and shares its band rules see. Defaults to 1.
   * @exclusiveMinimum 0
   */
  weight?: number;
  /** Take the item's level from the band of this criterion (for example a targets table) instead of an inspector's rating. That band's scale must be the item scale. */
  from?: Id;
}

/** A measure of a targets table. */
export interface TargetMeasure {
  /** The measure's identifier, unique in the pack; the inspection's `targets` gives its figure under this id. */
  id: Id;
  /** What is measured, as the table prints it. */
  measure: string;
  /** The unit the figures are in, e.g. `%` or `days`. */
  unit?: string;
  /** Whether a higher or a lower figure is better. */
  direction: 'higher' | 'lower';
  /** The target, when the pack fixes it; an inspection may give its own. */
  target?: number;
  /**
   * How far on the wrong side of the target (in the measure's unit) still counts as nearly met. Defaults to 0.
   * @minimum 0
   */
  tolerance?: number;
  /** Why the measure is left out of the table's band (it is still judged and reported). Absent: the measure counts. */
  excluded?: string;
  /** The passage of the source the measure comes from. */
  source?: string;
}

/** The levels a targets table judges each measure with. */
export interface TargetStatuses {
  /** The scale holding the three levels. */
  scale: Id;
  /** The level for a figure on the right side of its target (or on it). */
  met: Id;
  /** The level for a figure within the tolerance on the wrong side. */
  nearlyMet: Id;
  /** The level for a figure further away. */
  notMet: Id;
}

/** The kinds of criterion. */
export type CriterionKind = 'sample' | 'evidence' | 'targets' | 'direct';

/**
 * How a result is combined from what lies beneath it.
 * - `pooled`: met judgements over relevant judgements, summed over every question beneath (as a percentage).
 * - `weightedMean`: the mean of the parts' scores, each weighted by its weight (a weight class or a number); questions weigh their `weight`.
 * - `shareAtLeast`: the percentage of the inputs' levels (items, measures or children's bands) at or above `level`.
 */
export interface ScoreRule {
  /** How the score is combined. */
  method: 'pooled' | 'weightedMean' | 'shareAtLeast';
  /** For `weightedMean` on a section or the overall result: average the parts directly beneath (`parts`, the default) or every question beneath, each weighted by its `weight` (`questions`). A criterion always averages its questions. */
  over?: 'parts' | 'questions';
  /** For `shareAtLeast`: the level to count from. */
  level?: Id;
  /** How a child that is not rated is treated: left out of the combination (`exclude`, the default), or making this result not rated as well (`notRated`). A not-rated child never counts as 0. */
  notRated?: 'exclude' | 'notRated';
}

/** How a result's band (or rating) is found. */
export interface BandRule {
  /** The band set whose rules assign the band. */
  set?: Id;
  /** Instead of rules: the lowest or the highest band among the children that have one. */
  combine?: 'lowest' | 'highest';
}

/** One rule of a band set. */
export interface BandRuleEntry {
  /** The level assigned when the rule is the first whose condition holds. */
  level: Id;
  /** The condition over derived quantities: `score`; `count` and `share` (params `atLeast`, `atMost` or `is` a level; no params: all rated inputs); `rated`; `points`, `maxPoints`, `meanPoints`; and the area's facts. */
  when: Condition;
  /** The band's definition in the source's words. */
  note?: string;
}

/**
 * A cap or a floor on a result's band, applied after the band is found and before any inspector's
 * adjustment: "cannot be rated better than Fair when the area lacks a manager" is `cap: fair`;
 * "at least Good when …" is `floor: good`. The result keeps
 * the band before the limit and names the limit that moved it.
 */
export interface Limit {
  /** The limit's identifier, named in results and explanations. */
  id: Id;
  /** The best level the result may have while `when` holds. Give this or `floor`. */
  cap?: Id;
  /** The worst level the result may have while `when` holds. Give this or `cap`. */
  floor?: Id;
  /** When the limit applies: a condition over the area's facts and the result's derived quantities (`score`, `count`, `share`, `rated`, `points`, …), as in band rules. */
  when: Condition;
  /** Why, in the source's words; the sheet prints it (`Fair — limited: <note>`). */
  note: string;
}

/** Ordered band rules: the first rule that holds assigns its level. */
export interface BandSet {
  /** What the bands mean; explanations name the band set by it. */
  title?: string;
  /** Another band set this one builds on: its own rules are tried first, then the other's; its limits apply after the other's; `scale`, `inputScale` and `otherwise` are the other's unless given here. */
  extends?: Id;
  /** The scale of the levels the rules assign. Required unless the set extends another. */
  scale?: Id;
  /** The scale of the levels the rules count (items' scale, target statuses, or the children's bands), checked against every use. */
  inputScale?: Id;
  /** The rules, first match wins. Required unless the set extends another. */
  rules?: BandRuleEntry[];
  /** The level when no rule holds. Absent: the result is not rated. */
  otherwise?: Id;
  /** Caps and floors on the band of every result banded with this set, applied in order after its rules. */
  limits?: Limit[];
}

/** A criterion: scored from the case sample, banded from evidence items, judged from a targets table, or given directly. */
export interface Criterion {
  /** The criterion's identifier, unique in the pack. */
  id: Id;
  /** The criterion's title as the scoring sheet prints it. */
  title: string;
  /** The criterion's description. */
  description?: string;
  /** The passage of the source the criterion comes from. */
  source?: string;
  /** `sample`: scored from the questions asked of each case; `evidence`: banded from evidence items; `targets`: judged from a table of measures; `direct`: a score the inspection gives. */
  kind: CriterionKind;
  /** The criterion's weight in its section: a weight class name or a number. Absent: the criterion is reported but does not count in a weighted mean. */
  weight?: Id | number;
  /** For `sample` criteria: the questions, in the order they are reported. */
  questions?: Question[];
  /** How the criterion's score is combined (for `sample` criteria defaults to `pooled`). */
  score?: ScoreRule;
  /** For `evidence` criteria: the scale the items are rated on. */
  itemScale?: Id;
  /** For `evidence` criteria: the evidence items. */
  items?: EvidenceItem[];
  /** For `targets` criteria: the levels each measure is judged with. */
  statuses?: TargetStatuses;
  /** For `targets` criteria: the measures of the table. */
  measures?: TargetMeasure[];
  /** How the criterion's band is found: the id of a band set, or a band rule. */
  band?: Id | BandRule;
  /** Caps and floors on the criterion's band, applied in order after its band set's own. */
  limits?: Limit[];
  /** What an inspector may adjust, with a recorded reason. */
  adjustable?: Array<'score' | 'band'>;
}

/** A section of the methodology: a group of criteria with its own score or band. */
export interface Section {
  /** The section's identifier, unique in the pack. */
  id: Id;
  /** The section's title as the scoring sheet prints it. */
  title: string;
  /** The section's description. */
  description?: string;
  /** The ids of the section's criteria, in the order they are reported. Absent: the section has none, and is rated from its own `items`. */
  criteria?: Id[];
  /** For a section rated straight from evidence items (a key question banded from its items): the scale the items are rated on. */
  itemScale?: Id;
  /** For a section rated straight from evidence items: the items, rated by the inspectors under their ids like a criterion's. The section's counts, shares and `shareAtLeast` score then count these items. */
  items?: EvidenceItem[];
  /** How the section's score is combined from its criteria. Absent: the section has no score. */
  score?: ScoreRule;
  /** How the section's band is found. Absent: the section has no band. */
  band?: Id | BandRule;
  /** Caps and floors on the section's band, applied in order after its band set's own. */
  limits?: Limit[];
  /** What the section's levels count: the criteria's bands (`bands`, the default) or the evidence items of its criteria (`items`). */
  levels?: 'bands' | 'items';
  /** Points for each band level, for band rules over `points`. */
  points?: Record<string, number>;
  /** The section's weight in the overall result: a weight class name or a number. Absent: the section does not count in a weighted mean. */
  weight?: Id | number;
  /** A sentence summarising the section, with `{rated}`, `{count:LEVEL}`, `{score}`, `{percent}`, `{band}` and `{points}` filled in. */
  summary?: string;
  /** What an inspector may adjust, with a recorded reason. */
  adjustable?: Array<'score' | 'band'>;
}

/** The overall result, combined from the sections. */
export interface Overall {
  /** The overall result's title as the scoring sheet prints it. */
  title: string;
  /** How the overall score is combined from the sections. Absent: no overall score. */
  score?: ScoreRule;
  /** How the overall band is found. Absent: no overall band. */
  band?: Id | BandRule;
  /** Caps and floors on the overall band, applied in order after its band set's own. */
  limits?: Limit[];
  /** Points for each band level of the sections, for band rules over `points`. */
  points?: Record<string, number>;
  /** A sentence summarising the result, as for sections. */
  summary?: string;
  /** What an inspector may adjust, with a recorded reason. */
  adjustable?: Array<'score' | 'band'>;
}

/** The stages at which values can be rounded. */
export type RoundingStage = 'question' | 'criterion' | 'section' | 'overall';

/** How a value is rounded: `halfUp` (x.5 goes up), `halfDown`, `halfEven` (x.5 to the even neighbour), `up` (ceiling), `down` (floor). */
export type RoundingMode = 'halfUp' | 'halfDown' | 'halfEven' | 'up' | 'down';

/** Where and how scores are rounded. Values are exact rationals until a stage listed in `at`. */
export interface Rounding {
  /** How values are rounded. */
  mode: RoundingMode;
  /**
   * Decimal places kept.
   * @minimum 0
   * @maximum 6
   */
  digits: number;
  /** The stages whose values are rounded; a later stage combines the rounded values. */
  at: RoundingStage[];
  /**
   * Decimal places shown for values at stages that are not rounded. Display only: it changes no computation. Defaults to 2.
   * @minimum 0
   * @maximum 10
   */
  display?: number;
}

/** The methodology a thematic module attaches to. */
export interface Attachment {
  /** The methodology's pack id. */
  methodology: Id;
  /** The methodology versions the thematic works with, as a semver range. */
  versions: SemVerRange;
  /** Where the methodology's pack folder is, relative to this file, so the thematic can be checked on its own. */
  path?: string;
}

/** What any file of a pack may declare. Collections from several files are merged; ids must be unique across them. */
export interface PackContent {
  /** The JSON Schema this file is written against (for editors). */
  $schema?: string;
  /** The facts of a case and of the area that conditions and case data use. */
  facts?: FactDeclarations;
  /** Named scales. */
  scales?: Record<string, Scale>;
  /** Named weight classes and their weights, e.g. `heavy: 2`. */
  weightClasses?: Record<string, number>;
  /** Named conditions, referred to as `{ condition: name }`. */
  conditions?: Record<string, Condition>;
  /** Named band sets. */
  bandSets?: Record<string, BandSet>;
  /** Criteria; each belongs to a section or feeds an evidence item. */
  criteria?: Criterion[];
}

/** The root file of a methodology or thematic pack (`pack.yaml`). */
export interface PackRoot extends PackContent {
  /** A methodology stands alone; a thematic attaches to a methodology and is scored on the same inspection. */
  kind: 'methodology' | 'thematic';
  /** The pack's identifier. */
  id: Id;
  /** The pack's version. A change that can move a score is at least a minor bump; removing or renaming an id is major. */
  version: SemVer;
  /** The pack's title. */
  title: string;
  /** What the pack is for. */
  description?: string;
  /** Whether the pack is a draft or published. */
  status: PackStatus;
  /** When the pack applies. */
  effective?: Effective;
  /** The documents the pack is drawn from. */
  sources?: Source[];
  /** The choices the pack makes where its sources are silent. */
  reconstructions?: Reconstruction[];
  /** For thematics: the methodology and versions it attaches to. */
  attachesTo?: Attachment;
  /** Further files of this pack, relative to this file. */
  include?: string[];
  /** The sections, in the order they are reported. */
  sections: Section[];
  /** The overall result. */
  overall?: Overall;
  /** Where and how scores are rounded. */
  rounding: Rounding;
}

/** A further file of a pack, listed in the root's `include`. */
export type PackPart = PackContent;

/** A whole pack: its root with every included file merged in, and where each file came from. */
export interface Pack extends PackRoot {
  /** The files the pack was read from, root first. */
  files?: string[];
}

/** Re-exported so the schema generator sees one module. */
export type { Condition, Scalar };

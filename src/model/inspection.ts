/**
 * The inspection model: what an inspection gives the engine. One file (YAML or JSON) holds the
 * area, its evidence ratings, target figures, adjustments and the case sample, or points at a CSV
 * or NDJSON file of cases.
 */
import type { Scalar } from './condition.js';

/** A value of a declared fact: a string (enum, date or string facts), a number or a boolean. */
export type FactValue = string | number | boolean;

/** One case of the sample. */
export interface CaseRecord {
  /**
   * The case's identifier, unique in the inspection.
   * @minLength 1
   * @maxLength 128
   */
  id: string;
  /** The case's facts, by declared fact name. */
  facts?: Record<string, FactValue>;
  /** The case's answers, by question id; a thematic's questions are prefixed with its id and a colon (`thematic:question`). */
  answers?: Record<string, string>;
}

/** An inspector's rating of an evidence item, optionally with a count, e.g. 1 of 2 achieved. */
export interface ItemRating {
  /** The level, on the item's scale (or its not-applicable value). */
  level: string;
  /**
   * How many of the item's parts were achieved (a whole number).
   * @asType integer
   * @minimum 0
   */
  achieved?: number;
  /**
   * Of how many parts (a whole number).
   * @asType integer
   * @minimum 1
   */
  of?: number;
  /** Why the item was rated so. */
  note?: string;
}

/** The figures of one target measure for the inspected area. */
export interface TargetFigure {
  /** The area's figure. */
  value: number;
  /** The target, when the inspection sets it (overrides the pack's). */
  target?: number;
  /** A figure to compare with, e.g. the national average; shown, never judged. */
  comparator?: number | null;
  /** A remark printed with the measure. */
  note?: string;
}

/** A result an inspector changed, with the reason. The result shows both the computed and the adjusted value. */
export interface Adjustment {
  /** The criterion, section or `overall` adjusted; a thematic's ids are prefixed with its id and a colon. */
  id: string;
  /** The adjusted band, a level of the result's band scale. */
  band?: string;
  /**
   * The adjusted score.
   * @minimum 0
   * @maximum 100
   */
  score?: number;
  /**
   * Why the result was adjusted.
   * @minLength 1
   */
  reason: string;
}

/** Where the cases come from when they are not listed in the inspection file. */
export interface CaseFile {
  /** The file, relative to the inspection file. */
  file: string;
  /** Its format; by default taken from the file's extension (`.csv`, `.ndjson`, `.jsonl`, `.json`, `.yaml`, `.parquet`). A Parquet file is read by `--engine duckdb`. */
  format?: 'csv' | 'ndjson' | 'json' | 'yaml' | 'parquet';
}

/**
 * Cases in a database table or view (or what a query returns), with the columns of the CSV case
 * format: `id`, a column per case fact, a column per question id. Scored by PostgreSQL.
 */
export interface CaseDatabase {
  /**
   * The name of the environment variable that holds the connection URL (a URL may hold a password, so it is never written here).
   * @pattern ^[A-Za-z_][A-Za-z0-9_]*$
   */
  database: string;
  /**
   * The table or view of cases.
   * @minLength 1
   */
  table?: string;
  /** The table's schema, when it is not on the search path. */
  schema?: string;
  /**
   * A query whose rows are the cases (instead of a table).
   * @minLength 1
   */
  query?: string;
}

/** The inspected area. */
export interface Area {
  /** The area's name. */
  name: string;
  /** The period the inspection covers, e.g. `2003-10`. */
  period?: string;
  /** The area's facts, by declared area fact name. */
  facts?: Record<string, FactValue>;
}

/** One inspection's data. */
export interface InspectionFile {
  /** The JSON Schema this file is written against (for editors). */
  $schema?: string;
  /** The methodology pack's folder (or root file), relative to this file. */
  pack: string;
  /** The pack versions this inspection was recorded for, as a semver range; checked when the pack is loaded. */
  packVersion?: string;
  /** The thematic packs this inspection includes: their folders, relative to this file. */
  thematics?: string[];
  /** The inspected area. */
  area: Area;
  /** Ratings of evidence items, by item id (a thematic's prefixed with its id and a colon). */
  evidence?: Record<string, string | ItemRating>;
  /** Figures for target measures, by measure id. */
  targets?: Record<string, TargetFigure>;
  /** Scores of `direct` criteria, by criterion id. */
  scores?: Record<string, number>;
  /** Results an inspector adjusted. */
  adjustments?: Adjustment[];
  /** The case sample: listed here, read from a file, or counted where it lives in a database. Needed only when the methodology or a thematic asks questions of a sample; a ratings methodology without sample questions leaves it out. */
  cases?: CaseRecord[] | CaseFile | CaseDatabase;
}

/** An inspection as the engine scores it: the file's content with its cases read, whatever their source. */
export interface Inspection extends Omit<InspectionFile, 'cases' | 'pack' | 'thematics'> {
  /** The cases, in input order. Any iterable: an array, or a stream read lazily. */
  cases: Iterable<CaseRecord>;
}

export type { Scalar };

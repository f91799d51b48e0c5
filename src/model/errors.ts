/**
 * Errors are values: one closed set of codes, each diagnostic with a location where one is known.
 * The CLI prints them with the offending source line and a caret; the library returns them.
 * `docs/errors.md` documents every code and a test keeps the two in step.
 */

/** Every error code, with the one-line meaning `docs/errors.md` expands on. */
export const ERROR_CODES = {
  // Reading files
  FILE_NOT_FOUND: 'A file or folder named on the command line, in an include or in an inspection does not exist.',
  FILE_UNREADABLE: 'A file exists but could not be read (a folder where a file was expected, or no permission).',
  FILE_TOO_LARGE: 'A file is larger than the loader accepts.',
  LINE_TOO_LONG: 'A line of a case file is longer than the reader accepts (a file with no line breaks, say).',
  FILE_CHANGED: 'A file changed while it was read (it grew, shrank or was replaced during the run).',
  EMPTY_FILE: 'A file holds nothing (or only comments).',
  NOT_UTF8: 'A file is not valid UTF-8 text.',
  YAML_SYNTAX: 'A YAML file cannot be parsed.',
  YAML_DUPLICATE_KEY: 'A YAML mapping has the same key twice.',
  YAML_UNKNOWN_TAG: 'A YAML file uses a tag (`!something`) that plain data does not have.',
  YAML_ALIAS_LIMIT: 'A YAML file expands aliases beyond the limit (an alias bomb).',
  YAML_TOO_DEEP: 'A file nests mappings or lists deeper than the limit.',
  YAML_KEY_NOT_TEXT: 'A mapping key YAML reads as a number or null that does not read back as written (2.10 is 2.1): quote it.',
  YAML_MULTIPLE_DOCUMENTS: 'A YAML file holds more than one document.',
  JSON_SYNTAX: 'A JSON or NDJSON file cannot be parsed.',
  FORBIDDEN_KEY: 'A key such as `__proto__`, `constructor` or `prototype` that could tamper with objects.',
  READ_OUTSIDE_ROOT: "A file to be read lies outside the folder reads are confined to (`--root`, or the service's data folder).",
  INCLUDE_OUTSIDE_PACK: 'An include points outside the pack folder.',
  INCLUDE_TWICE: 'A file is included twice.',
  // Shape (JSON Schema)
  SCHEMA_REQUIRED: 'A required property is missing.',
  SCHEMA_UNKNOWN_PROPERTY: 'A property the schema does not know (often a typo).',
  SCHEMA_TYPE: 'A value has the wrong type.',
  SCHEMA_ENUM: 'A value is not one of the allowed values.',
  SCHEMA_PATTERN: 'A string does not have the required form (ids, versions, dates).',
  SCHEMA_RANGE: 'A number or length is outside its allowed range.',
  SCHEMA_INVALID: 'A value does not match the schema in another way.',
  // Meaning (semantic checks)
  DUPLICATE_ID: 'Two things of the same kind share an id.',
  UNKNOWN_CRITERION: 'A section or item names a criterion the pack does not declare.',
  UNKNOWN_SCALE: 'A scale is named that the pack does not declare.',
  UNKNOWN_LEVEL: 'A level is named that its scale does not have.',
  UNKNOWN_FACT: 'A condition names a fact that is not declared.',
  UNKNOWN_OPERATOR: 'A condition uses an operator json-rules-engine does not have by default.',
  UNKNOWN_CONDITION: 'A condition refers to a named condition that is not declared.',
  CONDITION_CYCLE: 'Named conditions refer to each other in a circle.',
  CONDITION_SHAPE: 'A condition is not one of all / any / not / condition / fact-operator-value.',
  PATH_NOT_ALLOWED: 'A condition uses json-rules-engine `path`, which packs may not use.',
  VALUE_TYPE: 'A condition compares a fact with a value of the wrong type or outside its allowed values.',
  UNKNOWN_WEIGHT_CLASS: 'A weight names a weight class that is not declared.',
  UNKNOWN_BAND_SET: 'A band names a band set that is not declared.',
  BAD_WEIGHT: 'A weight is not a positive number.',
  EMPTY_SCALE: 'A scale has no levels.',
  KIND_MISMATCH: 'A criterion lacks what its kind needs, or has what another kind uses.',
  CRITERION_UNUSED: 'A criterion belongs to no section and feeds no item.',
  CRITERION_SHARED: 'A criterion is listed in more than one section.',
  FROM_CYCLE: 'Criteria take item levels from each other in a circle.',
  SCALE_MISMATCH: 'Levels from one scale are used where another scale is expected.',
  BAD_TEMPLATE: 'A summary sentence names a placeholder that does not exist.',
  BAD_AGGREGATION: 'A score or band rule cannot work where it is used.',
  BAD_VERSION_RANGE: 'A semver range cannot be parsed.',
  THEMATIC_ONLY: 'A field that only a thematic may have is on a methodology, or the other way round.',
  THEMATIC_INCOMPATIBLE: 'A thematic requires methodology versions that the given methodology is not.',
  METHODOLOGY_NOT_FOUND: 'A thematic names a methodology that could not be found.',
  // Inspection data
  INSPECTION_PACK_VERSION: 'The inspection was recorded for pack versions the pack is not.',
  UNKNOWN_THEMATIC: 'Data names a thematic the inspection does not include.',
  AREA_FACT: 'An area fact is unknown, missing or of the wrong type.',
  EVIDENCE_UNKNOWN_ITEM: 'A rating names an evidence item the pack does not have.',
  EVIDENCE_MISSING: 'An evidence item that counts has no rating.',
  EVIDENCE_BAD_LEVEL: 'A rating is not a level of the item scale.',
  TARGET_UNKNOWN: 'A target figure names a measure the pack does not have.',
  TARGET_MISSING: 'A target measure has no figure in the inspection.',
  TARGET_NO_TARGET: 'A measure has neither a target in the pack nor one in the inspection.',
  SCORE_UNKNOWN: 'A direct score names a criterion that is not a direct criterion.',
  SCORE_MISSING: 'A direct criterion has no score.',
  ADJUSTMENT_UNKNOWN: 'An adjustment names a result that does not exist.',
  ADJUSTMENT_NOT_ALLOWED: 'An adjustment changes what the pack does not allow to be adjusted.',
  ADJUSTMENT_BAD_LEVEL: 'An adjustment gives a band that is not a level of the band scale.',
  NO_CASES: 'The inspection has no cases.',
  CASES_NOT_SCORED: 'The summary after case problems: how many cases had them, and that nothing was scored (each problem has its own entry above it).',
  CASE_DUPLICATE_ID: 'Two cases share an id.',
  CASE_MISSING_ID: 'A case has no id.',
  CASE_BAD_ID:
    'A case id could be mistaken for another: it begins or ends with a space, holds a control or invisible character, or is not in Unicode NFC form.',
  CASE_UNKNOWN_FACT: 'A case gives a fact that is not declared for cases.',
  CASE_MISSING_FACT: 'A case lacks a required fact.',
  CASE_BAD_VALUE: 'A case fact has the wrong type or a value outside its allowed values.',
  CASE_UNKNOWN_QUESTION: 'A case answers a question the pack does not have.',
  CASE_ANSWER_OFF_SCALE: "An answer is not a level of the question's scale.",
  CASE_MISSING_ANSWER: 'A question applies to a case but the case has no answer.',
  CASE_ANSWER_NOT_APPLICABLE: 'A case answers a question that does not apply to it.',
  CASE_ANSWER_NOT_ASKED: 'A case answers a question that is decided by its facts (`metWhen`), not answered.',
  CSV_SYNTAX: 'A CSV file cannot be parsed (ragged rows, unclosed quotes).',
  CSV_HEADER: 'A CSV file has no header row, or a header without an `id` column.',
  // Counting where the data lives (--engine duckdb | postgres)
  SQL_CONNECTION: 'A database could not be reached: its environment variable is not set, or the connection was refused.',
  SQL_SOURCE: 'A SQL engine could not read the cases: the file, table or view does not exist, the query fails, or the source needs another engine.',
  SQL_COLUMN: 'A table of cases lacks the `id` column, has a column that is neither a case fact nor a question, or one of a type that holds no single value.',
  SQL_UNSUPPORTED: 'A pack cannot be compiled to SQL (a name or value holds a NUL character).',
  // Running
  USAGE: 'The command line is wrong.',
  OUTPUT_WRITE: 'An output file could not be written.',
  OUTPUT_IS_INPUT: "The output file named is one of the run's own inputs (the inspection, its case file, a pack file).",
  OUTPUT_NOT_FILE: 'The output file named is a device, a FIFO, a folder, or a symbolic link to one (or to nothing): `--out` writes regular files only.',
  OUTPUT_READ_ONLY: 'The output file named exists and is read-only.',
  OUTPUT_LINKED: 'The output file named has other hard links, which replacing it would cut.',
  TEST_FAILED: "A pack test's expectation was not met.",
  TEST_INVALID: 'A pack test file is malformed.',
} as const;

/** One of the closed set of error codes. */
export type ErrorCode = keyof typeof ERROR_CODES;

/** A problem found in a pack, an inspection or a command line. */
export interface Diagnostic {
  /** What kind of problem it is. */
  code: ErrorCode;
  /** `error` stops the work; `warning` is reported and the work goes on. */
  severity: 'error' | 'warning';
  /** What is wrong. */
  message: string;
  /** How to mend it. */
  hint?: string;
  /** The file it is in. */
  file?: string;
  /** The line, from 1. */
  line?: number;
  /** The column, from 1. */
  column?: number;
  /** Where in the document, as a JSON pointer (e.g. `/criteria/3/questions/0/appliesWhen`). */
  pointer?: string;
  /** The case it concerns, for case data. */
  caseId?: string;
}

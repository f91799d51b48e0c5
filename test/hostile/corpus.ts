/**
 * The hostile corpus: each file under ./corpus, what the built CLI is run on it with, and what it
 * must answer. `code` is the first error expected (with the place it is reported, when the tool
 * knows one), or `accepted` for input that is odd but valid (a byte order mark, CRLF, -0) and must
 * validate or score with exit 0.
 *
 * - `run: 'validate'` runs `criteria validate <file>`; `run: 'score'` runs `criteria score <file>`.
 * - `run: 'cases'` scores an inspection of corpus/base written around the case file (see
 *   corpus.test.ts), so that each case file needs no inspection of its own.
 * - `at` is the file the error is reported in, when it is not `file` itself.
 *
 * The large inputs (a 50 MB pack, 10,000 levels of nesting, 100,000 aliases, 100,000-character
 * ids, 20,000 chained conditions, a 10 MB dense list) are written at test time: see `GENERATED`
 * in corpus.test.ts.
 */
import type { ErrorCode } from '../../src/model/errors.js';

export interface CorpusRow {
  /** The file, relative to test/hostile/corpus. */
  file: string;
  run: 'validate' | 'score' | 'cases';
  /** The first error expected, or `accepted` (exit 0). */
  code: ErrorCode | 'accepted';
  /** The file the error is in, relative to the corpus, when not `file`. */
  at?: string;
  line?: number;
  column?: number;
  /** What the file tries. */
  note: string;
}

export const CORPUS: readonly CorpusRow[] = [
  // Packs: the YAML itself
  { file: 'packs/alias-bomb.yaml', run: 'validate', code: 'YAML_ALIAS_LIMIT', line: 3, column: 21, note: 'billion laughs: nine levels of ten aliases' },
  { file: 'packs/duplicate-key.yaml', run: 'validate', code: 'YAML_DUPLICATE_KEY', line: 6, column: 1, note: 'title given twice' },
  { file: 'packs/unknown-tag.yaml', run: 'validate', code: 'YAML_UNKNOWN_TAG', line: 5, column: 8, note: '!!js/function' },
  { file: 'packs/multiple-documents.yaml', run: 'validate', code: 'YAML_MULTIPLE_DOCUMENTS', line: 26, column: 1, note: 'a second document after ---' },
  { file: 'packs/key-not-text.yaml', run: 'validate', code: 'YAML_KEY_NOT_TEXT', line: 15, column: 28, note: 'the key 2.10, read as 2.1' },
  { file: 'packs/syntax.yaml', run: 'validate', code: 'YAML_SYNTAX', line: 16, column: 1, note: 'a flow mapping never closed' },
  { file: 'packs/tab-indent.yaml', run: 'validate', code: 'YAML_SYNTAX', line: 9, column: 1, note: 'a tab as indentation' },
  { file: 'packs-json/syntax.json', run: 'validate', code: 'JSON_SYNTAX', line: 5, column: 1, note: 'a comma after the last entry' },
  { file: 'packs/empty.yaml', run: 'validate', code: 'EMPTY_FILE', line: 1, column: 1, note: 'an empty file' },
  { file: 'packs/comments-only.yaml', run: 'validate', code: 'EMPTY_FILE', line: 1, column: 1, note: 'only comments' },
  { file: 'packs/latin1.yaml', run: 'validate', code: 'NOT_UTF8', line: 5, column: 11, note: 'Latin-1 é in the title' },
  { file: 'packs/utf16.yaml', run: 'validate', code: 'NOT_UTF8', line: 1, column: 1, note: 'UTF-16 with its byte order mark' },
  { file: 'packs/bom-crlf.yaml', run: 'validate', code: 'accepted', note: 'a UTF-8 byte order mark and CRLF line ends' },
  // Packs: keys that reach a prototype
  { file: 'packs/proto-key-scale.yaml', run: 'validate', code: 'FORBIDDEN_KEY', line: 12, column: 3, note: '__proto__ as a scale name' },
  { file: 'packs/constructor-key-fact.yaml', run: 'validate', code: 'FORBIDDEN_KEY', line: 11, column: 5, note: 'constructor as a fact name' },
  { file: 'packs/prototype-key-condition.yaml', run: 'validate', code: 'FORBIDDEN_KEY', line: 17, column: 3, note: 'prototype as a condition name' },
  {
    file: 'packs/constructor-question-id.yaml',
    run: 'validate',
    code: 'FORBIDDEN_KEY',
    line: 22,
    column: 15,
    note: 'constructor as a question id (no inspection could answer it)',
  },
  { file: 'packs-json/proto.json', run: 'validate', code: 'FORBIDDEN_KEY', line: 3, column: 3, note: '__proto__ in a JSON pack' },
  // Packs: numbers
  { file: 'packs/weight-1e309.yaml', run: 'validate', code: 'SCHEMA_RANGE', line: 15, column: 25, note: 'a weight of 1e309 (Infinity)' },
  { file: 'packs/weight-nan.yaml', run: 'validate', code: 'SCHEMA_TYPE', line: 15, column: 25, note: 'a weight of .nan' },
  { file: 'packs/weight-negative-zero.yaml', run: 'validate', code: 'BAD_WEIGHT', line: 15, column: 25, note: 'a weight of -0' },
  { file: 'packs/weight-numeric-string.yaml', run: 'validate', code: 'SCHEMA_TYPE', line: 15, column: 25, note: 'a weight of "2"' },
  { file: 'packs/digits-fraction.yaml', run: 'validate', code: 'SCHEMA_TYPE', line: 25, column: 35, note: 'rounding to 0.5 decimal places' },
  { file: 'packs/digits-numeric-string.yaml', run: 'validate', code: 'SCHEMA_TYPE', line: 25, column: 35, note: 'rounding digits "0"' },
  { file: 'packs/digits-1e309.yaml', run: 'validate', code: 'SCHEMA_RANGE', line: 25, column: 35, note: 'rounding digits 1e309' },
  { file: 'packs/condition-value-1e309.yaml', run: 'validate', code: 'SCHEMA_RANGE', line: 22, column: 105, note: 'a condition value of 1e309' },
  { file: 'packs/condition-value-nan-string.yaml', run: 'validate', code: 'VALUE_TYPE', line: 22, column: 105, note: 'a number fact compared with "NaN"' },
  { file: 'packs/condition-value-numeric-string.yaml', run: 'validate', code: 'VALUE_TYPE', line: 22, column: 105, note: 'a number fact compared with "60"' },
  { file: 'packs/condition-value-negative-zero.yaml', run: 'validate', code: 'accepted', note: 'a number fact compared with -0' },
  { file: 'packs/target-inf.yaml', run: 'validate', code: 'SCHEMA_RANGE', line: 57, column: 92, note: 'a target of .inf' },
  { file: 'packs/target-numeric-string.yaml', run: 'validate', code: 'SCHEMA_TYPE', line: 57, column: 92, note: "a target of '90'" },
  { file: 'packs-json/number-1e309.json', run: 'validate', code: 'SCHEMA_RANGE', line: 7, column: 31, note: '1e309 in a JSON pack' },
  // Packs: conditions
  { file: 'packs/condition-cycle.yaml', run: 'validate', code: 'CONDITION_CYCLE', line: 17, column: 3, note: 'a → b → c → a' },
  {
    file: 'packs/condition-bomb.yaml',
    run: 'validate',
    code: 'CONDITION_SHAPE',
    line: 47,
    column: 3,
    note: '40 conditions each referring twice to the next (2^40 comparisons)',
  },
  { file: 'packs/unknown-operator.yaml', run: 'validate', code: 'UNKNOWN_OPERATOR', line: 22, column: 89, note: 'operator equals' },
  { file: 'packs/decorator-operator.yaml', run: 'validate', code: 'UNKNOWN_OPERATOR', line: 22, column: 89, note: 'operator everyFact:equal' },
  { file: 'packs/decorator-key.yaml', run: 'validate', code: 'CONDITION_SHAPE', line: 22, column: 67, note: 'everyFact: as a condition key' },
  { file: 'packs/path.yaml', run: 'validate', code: 'PATH_NOT_ALLOWED', line: 22, column: 109, note: 'path: $.level' },
  { file: 'packs/path-in-value.yaml', run: 'validate', code: 'PATH_NOT_ALLOWED', line: 22, column: 118, note: "path in the value's fact reference" },
  // Packs: files and thematics
  { file: 'packs/include-outside.yaml', run: 'validate', code: 'INCLUDE_OUTSIDE_PACK', line: 7, column: 11, note: 'include: [../../../../package.json]' },
  {
    file: 'thematic-missing-methodology',
    run: 'validate',
    code: 'METHODOLOGY_NOT_FOUND',
    at: 'thematic-missing-methodology/pack.yaml',
    line: 7,
    column: 68,
    note: 'attachesTo.path leads nowhere',
  },
  {
    file: 'thematic-other-methodology',
    run: 'validate',
    code: 'THEMATIC_INCOMPATIBLE',
    at: 'thematic-other-methodology/pack.yaml',
    line: 7,
    column: 28,
    note: 'a thematic of another methodology',
  },
  {
    file: 'thematic-wrong-version',
    run: 'validate',
    code: 'THEMATIC_INCOMPATIBLE',
    at: 'thematic-wrong-version/pack.yaml',
    line: 7,
    column: 52,
    note: 'a thematic for ^2.0.0 of a 1.0.0 methodology',
  },
  // Inspections
  { file: 'inspections/valid.yaml', run: 'score', code: 'accepted', note: 'the corpus base, valid' },
  { file: 'inspections/bom-crlf.yaml', run: 'score', code: 'accepted', note: 'a byte order mark and CRLF line ends' },
  { file: 'inspections/empty.yaml', run: 'score', code: 'EMPTY_FILE', line: 1, column: 1, note: 'an empty inspection' },
  { file: 'inspections/latin1.yaml', run: 'score', code: 'NOT_UTF8', line: 3, column: 17, note: 'Latin-1 é in the area name' },
  { file: 'inspections/missing-pack.yaml', run: 'score', code: 'FILE_NOT_FOUND', line: 2, column: 7, note: 'pack: ../no-such-pack' },
  { file: 'inspections/pack-is-thematic.yaml', run: 'score', code: 'THEMATIC_ONLY', line: 2, column: 7, note: 'a thematic as the pack' },
  { file: 'inspections/pack-version.yaml', run: 'score', code: 'INSPECTION_PACK_VERSION', line: 3, column: 14, note: 'packVersion ^2.0.0 of a 1.0.0 pack' },
  { file: 'inspections/pack-version-unparsable.yaml', run: 'score', code: 'BAD_VERSION_RANGE', line: 3, column: 14, note: "packVersion 'the latest'" },
  { file: 'inspections/thematic-missing.yaml', run: 'score', code: 'FILE_NOT_FOUND', line: 3, column: 13, note: 'a thematic that does not exist' },
  {
    file: 'inspections/thematic-other-methodology.yaml',
    run: 'score',
    code: 'THEMATIC_INCOMPATIBLE',
    at: 'thematic-other-methodology/pack.yaml',
    line: 7,
    column: 28,
    note: 'a thematic for another methodology',
  },
  {
    file: 'inspections/thematic-wrong-version.yaml',
    run: 'score',
    code: 'THEMATIC_INCOMPATIBLE',
    at: 'thematic-wrong-version/pack.yaml',
    line: 7,
    column: 52,
    note: 'a thematic of the wrong version',
  },
  { file: 'inspections/target-1e309.yaml', run: 'score', code: 'SCHEMA_RANGE', line: 5, column: 27, note: 'a target figure of 1e309' },
  { file: 'inspections/target-nan.yaml', run: 'score', code: 'SCHEMA_TYPE', line: 5, column: 27, note: 'a target figure of .nan' },
  { file: 'inspections/target-numeric-string.yaml', run: 'score', code: 'SCHEMA_TYPE', line: 5, column: 27, note: "a target figure of '88'" },
  { file: 'inspections/score-1e309.yaml', run: 'score', code: 'SCHEMA_RANGE', line: 6, column: 15, note: 'a direct score of 1e309' },
  { file: 'inspections/score-nan-string.yaml', run: 'score', code: 'SCHEMA_TYPE', line: 6, column: 15, note: "a direct score of 'NaN'" },
  { file: 'inspections/score-out-of-range.yaml', run: 'score', code: 'SCORE_UNKNOWN', line: 6, column: 11, note: 'a direct score of 170' },
  { file: 'inspections/score-negative-zero.yaml', run: 'score', code: 'accepted', note: 'a direct score of -0 (it is 0)' },
  { file: 'inspections/fact-1e309.yaml', run: 'score', code: 'SCHEMA_RANGE', line: 8, column: 41, note: 'a number fact of 1e309' },
  { file: 'inspections/fact-numeric-string.yaml', run: 'score', code: 'CASE_BAD_VALUE', line: 8, column: 5, note: "a number fact of '30'" },
  { file: 'inspections/fact-negative-zero.yaml', run: 'score', code: 'accepted', note: 'a number fact of -0' },
  { file: 'inspections/proto-case-fact.yaml', run: 'score', code: 'FORBIDDEN_KEY', line: 8, column: 36, note: "__proto__ among a case's facts" },
  { file: 'inspections/constructor-answer.yaml', run: 'score', code: 'FORBIDDEN_KEY', line: 8, column: 59, note: "constructor among a case's answers" },
  { file: 'inspections/prototype-evidence.yaml', run: 'score', code: 'FORBIDDEN_KEY', line: 4, column: 25, note: 'prototype as an evidence item' },
  {
    file: 'inspections/answer-not-applicable.yaml',
    run: 'score',
    code: 'CASE_ANSWER_NOT_APPLICABLE',
    line: 8,
    column: 5,
    note: 'Q1.2 answered for a low-risk case',
  },
  { file: 'inspections/unknown-fact.yaml', run: 'score', code: 'CASE_UNKNOWN_FACT', line: 8, column: 5, note: 'a fact mood the pack does not declare' },
  { file: 'inspections/cases-file-missing.yaml', run: 'score', code: 'FILE_NOT_FOUND', line: 7, column: 16, note: 'cases: { file: no-such-cases.csv }' },
  // Case files (CSV)
  { file: 'cases/ragged.csv', run: 'cases', code: 'CSV_SYNTAX', line: 3, note: 'a row with a cell too few' },
  { file: 'cases/no-header.csv', run: 'cases', code: 'CSV_HEADER', line: 1, note: 'the first row is a case, not a header' },
  {
    file: 'cases/quoted-newline.csv',
    run: 'cases',
    code: 'CASE_ANSWER_OFF_SCALE',
    line: 4,
    note: 'a quoted line break in row 2; the bad answer on the next row is at line 4',
  },
  { file: 'cases/quoted-newline-crlf.csv', run: 'cases', code: 'CASE_ANSWER_OFF_SCALE', line: 5, note: 'the same with CRLF and an empty line' },
  { file: 'cases/quoted-newline-valid.csv', run: 'cases', code: 'accepted', note: 'a quoted line break and doubled quotes, read as one cell' },
  { file: 'cases/unclosed-quote.csv', run: 'cases', code: 'CSV_SYNTAX', line: 3, note: 'a quote opened on line 3 and never closed' },
  { file: 'cases/stray-quote.csv', run: 'cases', code: 'CSV_SYNTAX', line: 2, note: 'a quote in the middle of a cell' },
  { file: 'cases/proto-header.csv', run: 'cases', code: 'FORBIDDEN_KEY', line: 1, note: '__proto__ as a column' },
  { file: 'cases/constructor-header.csv', run: 'cases', code: 'FORBIDDEN_KEY', line: 1, note: 'constructor as a column' },
  { file: 'cases/prototype-header.csv', run: 'cases', code: 'FORBIDDEN_KEY', line: 1, note: 'prototype as a column' },
  { file: 'cases/latin1.csv', run: 'cases', code: 'NOT_UTF8', line: 2, column: 11, note: 'Latin-1 é in a cell' },
  { file: 'cases/bom-crlf.csv', run: 'cases', code: 'accepted', note: 'a byte order mark and CRLF line ends' },
  { file: 'cases/empty.csv', run: 'cases', code: 'CSV_HEADER', line: 1, note: 'an empty CSV' },
  { file: 'cases/number-1e309.csv', run: 'cases', code: 'CASE_BAD_VALUE', line: 2, note: 'a number fact of 1e309' },
  { file: 'cases/number-nan.csv', run: 'cases', code: 'CASE_BAD_VALUE', line: 2, note: 'a number fact of NaN' },
  { file: 'cases/number-negative-zero.csv', run: 'cases', code: 'accepted', note: 'a number fact of -0' },
  { file: 'cases/answer-not-applicable.csv', run: 'cases', code: 'CASE_ANSWER_NOT_APPLICABLE', line: 2, note: 'Q1.2 answered for a low-risk case' },
  { file: 'cases/unknown-fact-column.csv', run: 'cases', code: 'CSV_HEADER', line: 1, note: 'a column mood the pack does not declare' },
  // Case files (NDJSON, YAML)
  { file: 'cases/non-object.ndjson', run: 'cases', code: 'CASE_MISSING_ID', line: 2, note: 'a line holding a list' },
  { file: 'cases/truncated.ndjson', run: 'cases', code: 'JSON_SYNTAX', line: 2, note: 'the last line cut off' },
  { file: 'cases/proto.ndjson', run: 'cases', code: 'FORBIDDEN_KEY', line: 2, note: '__proto__ among the facts' },
  { file: 'cases/constructor.ndjson', run: 'cases', code: 'FORBIDDEN_KEY', line: 2, note: 'constructor among the answers' },
  { file: 'cases/latin1.ndjson', run: 'cases', code: 'NOT_UTF8', line: 2, column: 48, note: 'Latin-1 é in a string' },
  { file: 'cases/bom-crlf.ndjson', run: 'cases', code: 'accepted', note: 'a byte order mark, CRLF line ends and -0' },
  { file: 'cases/number-1e309.ndjson', run: 'cases', code: 'SCHEMA_RANGE', line: 2, note: 'a number fact of 1e309' },
  { file: 'cases/number-string.ndjson', run: 'cases', code: 'CASE_BAD_VALUE', line: 2, note: 'a number fact of "30"' },
  { file: 'cases/unknown-fact.ndjson', run: 'cases', code: 'CASE_UNKNOWN_FACT', line: 2, note: 'a fact mood the pack does not declare' },
  { file: 'cases/answer-not-applicable.ndjson', run: 'cases', code: 'CASE_ANSWER_NOT_APPLICABLE', line: 2, note: 'Q1.2 answered for a low-risk case' },
  { file: 'cases/empty.ndjson', run: 'cases', code: 'NO_CASES', line: 1, note: 'an empty NDJSON file' },
  { file: 'cases/proto.yaml', run: 'cases', code: 'FORBIDDEN_KEY', line: 1, column: 33, note: '__proto__ in a YAML list of cases' },
  // Case ids that only look alike, and counts that are not whole
  { file: 'cases/lookalike-nfd.ndjson', run: 'cases', code: 'CASE_BAD_ID', line: 2, note: 'é decomposed (e + U+0301) after é composed' },
  { file: 'cases/lookalike-zero-width.ndjson', run: 'cases', code: 'CASE_BAD_ID', line: 2, note: 'c1 with a zero-width space inside, after c1' },
  { file: 'cases/lookalike-bidi.ndjson', run: 'cases', code: 'CASE_BAD_ID', line: 2, note: 'a right-to-left override inside an id' },
  { file: 'cases/lookalike-space.csv', run: 'cases', code: 'CASE_BAD_ID', line: 3, note: "'c1 ' with a trailing space, after c1" },
  { file: 'cases/lookalike-nbsp.csv', run: 'cases', code: 'CASE_BAD_ID', line: 3, note: 'c1 with a leading no-break space, after c1' },
  { file: 'inspections/count-fractional.yaml', run: 'score', code: 'SCHEMA_TYPE', line: 4, column: 44, note: 'an evidence count of 1.5 achieved' },
  { file: 'inspections/count-fractional-of.yaml', run: 'score', code: 'SCHEMA_TYPE', line: 4, column: 51, note: 'an evidence count of 1 of 2.5' },
];

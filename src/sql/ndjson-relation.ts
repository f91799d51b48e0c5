/**
 * How DuckDB reads an NDJSON case file in place: each line's JSON object laid out in the CSV case
 * format's columns (`id`, a column per case fact, a column per question key) as text, with two
 * more columns that say what the query may take on trust.
 *
 * DuckDB's JSON reader is laxer than JSON.parse (it takes `NaN` and a trailing comma), reads a
 * repeated key's first value where JSON.parse reads its last, and reads a null fact as a missing
 * one. So a line is *sound* only when nothing the two could read apart is in it: no trailing
 * comma, no repeated, unknown or null-valued fact key, every value of the JSON type its fact or
 * answer takes, no key the interpreter refuses to read. Every other line goes to the
 * interpreter, which reads it from the file itself (see ndjson-lines.ts). But the query must
 * know every case's id to find repeated ids, so a line whose id it may read otherwise than the
 * interpreter makes the whole file *unsure*, and the interpreter reads the file: an id written
 * as a number the query cannot spell as JSON.parse and String() would (`1.0`, `1e3`), or a line
 * whose keys repeat (the query reads a repeated key's first value, the interpreter its last).
 *
 * Each line is parsed twice, once into a record of values (json_transform, one field per fact and
 * per question, taken by position: DuckDB finds struct fields by name without regard to case)
 * and once for its keys (json_keys), besides DuckDB's own reading of the line. One count then
 * finds unknown, repeated and null-valued keys alike: every key must have filled its own field.
 */
import type { CompiledPlan } from '../compile/compiled-plan.js';
import type { FactDeclaration } from '../model/pack.js';
import type { CaseRelation } from './build-case-query.js';
import type { SqlDialect } from './sql-dialect.js';

/** The relation's own columns: names no fact or question can have (theirs begin with a letter or a digit). */
export const SOUND_COLUMN = ' sound';
export const UNSURE_COLUMN = ' unsure';
const LINE = '" line"';
const KEYS = '" keys"';
const RECORD = '" record"';

/** A number as DuckDB writes a JSON number back out: integers as digits, others with a point or an exponent, NaN and infinities as words. */
const NUMBER_START = '^-?[0-9]';
/** An integer id that JSON.parse then String() give back as the same digits (DuckDB writes -0 as 0). */
const PLAIN_INTEGER = '-?[1-9][0-9]{0,14}|0';
/** A trailing comma, which DuckDB's reader takes and JSON.parse refuses (also matched inside a string: that line only goes to the interpreter). */
const TRAILING_COMMA = ',[ \\t\\r]*[}\\]]';
/** Keys the interpreter's reader refuses wherever they are (matched anywhere in the line, as it does). */
const FORBIDDEN = ['__proto__', 'constructor', 'prototype'];

/**
 * Whether DuckDB could write a JSON value that is not a string as this text: a number (it begins
 * with a digit or a minus), true, false, null or a word DuckDB takes for NaN or an infinity.
 * An enum fact with such a value among its allowed texts is read as JSON, whose text tells a
 * string from the rest; other enum and date facts are read as text (DuckDB's VARCHAR reading,
 * which is cheaper), since no value but a string can then have an allowed text. Answers are read
 * as JSON, so that a null answer (no answer) is told from a missing key.
 */
function confusable(text: string): boolean {
  return /^-?[0-9]/.test(text) || /^(true|false|null|nan|inf|infinity)$/i.test(text);
}

export function ndjsonRelation(file: string, plan: CompiledPlan, dialect: SqlDialect): CaseRelation {
  const text = (value: string) => dialect.text(value);
  const facts = [...plan.caseFacts];
  const questions = plan.questions;
  // Read as JSON: the values whose text alone cannot tell a string from a number, a boolean or null.
  const factAsJson = facts.map(
    ([, d]) => d.type === 'boolean' || d.type === 'number' || d.type === 'string' || (d.type === 'enum' && (d.values ?? []).some(confusable)),
  );
  // The record's fields: 1 the id, 2 the facts, 3 the answers (NULL when missing; a fact read as text also when null).
  const structure = JSON.stringify({
    id: 'JSON',
    facts: Object.fromEntries(facts.map(([name], i) => [name, factAsJson[i] ? 'JSON' : 'VARCHAR'])),
    // Answers as JSON text, compared with each level's JSON text (see answersAsJson): a null answer is no answer.
    answers: Object.fromEntries(questions.map((q) => [q.key, 'JSON'])),
  });
  const id = `CAST(struct_extract_at(${RECORD}, 1) AS VARCHAR)`;
  const fact = (i: number) => `CAST(struct_extract_at(struct_extract_at(${RECORD}, 2), ${i + 1}) AS VARCHAR)`;
  const answer = (i: number) => `CAST(struct_extract_at(struct_extract_at(${RECORD}, 3), ${i + 1}) AS VARCHAR)`;

  // A JSON string's value: cut from its JSON text unless it holds an escape.
  const stringOf = (x: string) =>
    `(CASE WHEN starts_with(${x}, '"') THEN (CASE WHEN contains(${x}, '\\') THEN CAST(${x} AS JSON) ->> '$' ELSE ${x}[2:-2] END) END)`;
  const isNumber = (x: string) => `regexp_matches(${x}, ${text(NUMBER_START)})`;
  // A boolean's or a number's JSON text is the text the query reads it from; any other value makes the line unsound.
  const factText = (x: string, d: FactDeclaration, asJson: boolean) => (asJson && d.type !== 'boolean' && d.type !== 'number' ? stringOf(x) : x);
  const plainInteger = `regexp_full_match(${id}, ${text(PLAIN_INTEGER)})`;
  const idText = `(CASE WHEN starts_with(${id}, '"') THEN ${stringOf(id)} WHEN ${plainInteger} THEN ${id} END)`;

  // A fact's value is of its type (text never empty: the query reads '' as missing); an answer is there (read as JSON: text).
  const factGiven = (x: string, d: FactDeclaration, asJson: boolean) =>
    !asJson ? `${x} <> ''` : d.type === 'boolean' ? `${x} IN ('true', 'false')` : d.type === 'number' ? isNumber(x) : `starts_with(${x}, '"') AND ${x} <> '""'`;
  const answerGiven = (x: string) => `(${x} = 'null' OR starts_with(${x}, '"'))`;
  const sum = (terms: string[]) => (terms.length === 0 ? '0' : terms.map((t) => `COALESCE(${t}, FALSE)::INTEGER`).join(' + '));
  // keys[1], keys[2], keys[3]: the keys of the line, its facts and its answers (NULL when missing; [] when empty or not an object).
  // Each key must have filled its own field (found by its exact name) with a value of the field's kind: that one count
  // finds unknown, repeated and null-valued keys alike.
  const keysFill = (keys: string, given: string) => `COALESCE(len(${keys}), 0) = ${given}`;
  const isObject = (keys: string, at: string) => `(${keys} IS NULL OR len(${keys}) > 0 OR json_type(${LINE}, ${text(at)}) = 'OBJECT')`;
  const sound = [
    `NOT regexp_matches(${LINE}, ${text(TRAILING_COMMA)})`,
    ...FORBIDDEN.map((key) => `NOT contains(${LINE}, ${text(key)})`),
    keysFill(`${KEYS}[1]`, sum([`${id} IS NOT NULL`, `${KEYS}[2] IS NOT NULL`, `${KEYS}[3] IS NOT NULL`])),
    keysFill(`${KEYS}[2]`, sum(facts.map(([, d], i) => factGiven(fact(i), d, factAsJson[i]!)))),
    isObject(`${KEYS}[2]`, '/facts'),
    keysFill(`${KEYS}[3]`, sum(questions.map((_, i) => answerGiven(answer(i))))),
    isObject(`${KEYS}[3]`, '/answers'),
  ].join('\n      AND ');
  // A line whose keys repeat may hold two ids: the query reads the first, the interpreter the last.
  const unsure = `((${isNumber(id)} AND NOT ${plainInteger}) OR len(${KEYS}[1]) <> len(list_distinct(${KEYS}[1])))`;

  const read = `SELECT json AS ${LINE}, json_keys(json, ['$', '/facts', '/answers']) AS ${KEYS}, json_transform(json, ${text(structure)}) AS ${RECORD}
    FROM read_ndjson_objects(${text(file)}, compression = 'uncompressed')`;
  const laidOut = [
    `${idText} AS "id"`,
    ...facts.map(([name, d], i) => `${factText(fact(i), d, factAsJson[i]!)} AS ${dialect.identifier(name)}`),
    // No answer: missing, null or empty text, as the interpreter reads them.
    ...questions.map((q, i) => `NULLIF(NULLIF(${answer(i)}, 'null'), '""') AS ${dialect.identifier(q.key)}`),
  ];
  const from = `(SELECT *,
      ${sound} AS ${dialect.identifier(SOUND_COLUMN)},
      ${unsure} AS ${dialect.identifier(UNSURE_COLUMN)}
    FROM (SELECT ${LINE}, ${KEYS}, ${RECORD},
      ${laidOut.join(',\n      ')}
    FROM (${read}) AS objects) AS columns) AS cases`;
  return { from, columns: null, sound: SOUND_COLUMN, unsure: UNSURE_COLUMN, answersAsJson: true };
}

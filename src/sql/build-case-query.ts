/**
 * Builds the SQL that counts an inspection's cases where they live: one aggregate query over a
 * relation of cases in the CSV case format (`id`, a column per case fact, a column per question
 * key), returning per question how many clean cases it is relevant to, met by and answered not
 * applicable for, with the case count and what the duplicate-id check needs.
 *
 * A case is *clean* when the query can prove it has no problem: its id, facts and answers are of
 * the simple forms whose meaning SQL and the interpreter share. Every other case (a bad value, a
 * missing answer, an unusual spelling of a number that may well be valid) is fetched by the
 * companion query and checked and counted by the interpreter itself, so problems are reported in
 * its words and nothing is counted twice or missed. Columns are read as text, as the CSV reader
 * reads them; whatever a table's column types, `true`, `12.5` and `2003-10-01` mean what they
 * would in a CSV file.
 */
import { Outcome, type CompiledPlan, type CompiledQuestion, type FactRecord } from '../compile/compiled-plan.js';
import type { Condition } from '../model/condition.js';
import type { FactDeclaration } from '../model/pack.js';
import { and, compileSqlCondition, FALSE, not, or, TRUE, type ColumnType, type Operand } from './compile-sql-condition.js';
import type { SqlDialect } from './sql-dialect.js';
import type { SqlColumn } from './sql-engine.js';

/** The relation the cases are read from. */
export interface CaseRelation {
  /** What follows FROM: a table, a table function or a parenthesised query with an alias. */
  from: string;
  /** The source's columns; null: every column of the CSV case format is there. */
  columns: ReadonlySet<string> | null;
  /** Reading the id column alone is cheap (a columnar file): repeated ids are looked for by a query of their own. */
  idsApart?: boolean;
  /** Columns of SQL type BOOLEAN: a boolean fact's value is read as it is, not parsed from its text (which says the same). */
  booleans?: ReadonlySet<string>;
  /** Answers are JSON text (`"yes"`), compared with each level's JSON text. */
  answersAsJson?: boolean;
  /** A boolean column false for a row whose text columns may not say what its source says (an NDJSON line): such a row is never clean. */
  sound?: string;
  /** A boolean column true for a row that makes the whole source unsure: the count query counts them (`unsure`), and one is enough for the caller to read the source otherwise. */
  unsure?: string;
}

/** The relation of cases at `from` with these columns (as the engine describes them). */
export function caseRelation(from: string, columns: readonly SqlColumn[], idsApart = false): CaseRelation {
  return {
    from,
    columns: new Set(columns.map((c) => c.name)),
    idsApart,
    booleans: new Set(columns.filter((c) => c.type === 'BOOLEAN').map((c) => c.name)),
  };
}

export interface CaseQueryOptions {
  /** Count no case whose id is used more than once (they all go to the interpreter, in order). */
  excludeDuplicates?: boolean;
  /** Count the rows beyond the first under a repeated id (`extra`) in the same pass (the default). */
  countRepeats?: boolean;
}

/** Text a number column may hold for the query to read it itself: plain decimals well inside a double's range. */
const SIMPLE_NUMBER = '-?([0-9]{1,15}(\\.[0-9]{0,15})?|\\.[0-9]{1,15})([eE][-+]?[0-9]{1,2})?';
/** A date every calendar has (days 29–31 are left to the interpreter). */
const SIMPLE_DATE = '[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])';
/**
 * An id the query may take as valid: printable ASCII, no space at either end, at most 128
 * characters (the interpreter's plain ids). Any other id — a space at an end, an invisible
 * character, a letter outside ASCII that may not be in NFC form — is judged by the interpreter.
 */
const SIMPLE_ID = '[!-~]([ -~]{0,126}[!-~])?';

const columnType = (d: FactDeclaration): ColumnType => (d.type === 'boolean' ? 'boolean' : d.type === 'number' ? 'number' : 'text');

/** The names the query gives its own columns (never pack text). */
export const alias = {
  id: 'c_id',
  raw: (slot: number) => `c_f${slot}`,
  native: (slot: number) => `n_f${slot}`,
  fact: (slot: number) => `f${slot}`,
  answer: (index: number) => `c_q${index}`,
  outcome: (index: number) => `o${index}`,
  sound: 'c_sound',
  unsure: 'c_unsure',
};

export class CaseQuery {
  readonly facts: Array<{ name: string; slot: number; declaration: FactDeclaration }>;
  private readonly namedCache = new Map<string, Map<string, string>>();

  constructor(
    readonly plan: CompiledPlan,
    readonly area: FactRecord,
    readonly dialect: SqlDialect,
    readonly relation: CaseRelation,
  ) {
    this.facts = [...plan.caseFacts].map(([name, declaration]) => ({ name, slot: plan.caseSlots.get(name)!, declaration }));
  }

  /** The source column as nullable text ('' reads as missing, as an empty CSV cell). */
  private column(name: string): string {
    if (this.relation.columns !== null && !this.relation.columns.has(name)) return `CAST(NULL AS ${this.dialect.name === 'postgres' ? 'TEXT' : 'VARCHAR'})`;
    return `NULLIF(${this.dialect.castText(this.dialect.identifier(name))}, '')`;
  }

  /** The cases as text, with a position when asked. */
  private sourceLayer(withPosition: boolean): string {
    const columns = [
      ...(withPosition ? ['row_number() OVER () - 1 AS pos'] : []),
      `${this.column('id')} AS ${alias.id}`,
      ...this.facts.map((f) => `${this.column(f.name)} AS ${alias.raw(f.slot)}`),
      ...this.facts.filter((f) => this.isNative(f)).map((f) => `${this.dialect.identifier(f.name)} AS ${alias.native(f.slot)}`),
      ...this.plan.questions.map((q) => `${this.column(q.key)} AS ${alias.answer(q.index)}`),
      ...(this.relation.sound !== undefined ? [`${this.dialect.identifier(this.relation.sound)} AS ${alias.sound}`] : []),
      ...(this.relation.unsure !== undefined ? [`${this.dialect.identifier(this.relation.unsure)} AS ${alias.unsure}`] : []),
    ];
    return `SELECT\n    ${columns.join(',\n    ')}\n  FROM ${this.relation.from}`;
  }

  /** Whether a fact's column holds its values typed already (a boolean fact in a BOOLEAN column). */
  private isNative(f: { name: string; declaration: FactDeclaration }): boolean {
    return f.declaration.type === 'boolean' && this.relation.booleans?.has(f.name) === true;
  }

  /** A fact's typed value from its text, NULL when missing or not of a simple form. */
  private typedFact(f: { name: string; slot: number; declaration: FactDeclaration }): string {
    const d = this.dialect;
    const p = alias.raw(f.slot);
    if (this.isNative(f)) return alias.native(f.slot);
    switch (f.declaration.type) {
      case 'boolean':
        return `(CASE WHEN ${p} IN ('true', 'TRUE', 'True') THEN TRUE WHEN ${p} IN ('false', 'FALSE', 'False') THEN FALSE END)`;
      case 'number':
        return `(CASE WHEN ${d.matches(p, SIMPLE_NUMBER)} THEN ${d.castNumber(p)} END)`;
      default:
        return p;
    }
  }

  /** Whether a fact's text is a value the query may read itself (missing, or of its declared type in a simple form). */
  private factIsClean(f: { name: string; slot: number; declaration: FactDeclaration }): string {
    const d = this.dialect;
    const p = alias.raw(f.slot);
    const v = alias.fact(f.slot);
    const decl = f.declaration;
    // A BOOLEAN column's value is missing (NULL) or of its type: its text is never '' nor anything else.
    if (this.isNative(f)) return decl.required ? `${v} IS NOT NULL` : TRUE;
    let present: string;
    switch (decl.type) {
      case 'boolean':
        present = `${v} IS NOT NULL`;
        break;
      case 'number':
        present = and([
          `${v} IS NOT NULL`,
          ...(decl.minimum !== undefined ? [`${v} >= ${d.number(decl.minimum)}`] : []),
          ...(decl.maximum !== undefined ? [`${v} <= ${d.number(decl.maximum)}`] : []),
        ]);
        break;
      case 'enum':
        present = (decl.values ?? []).length === 0 ? FALSE : `${p} IN (${[...new Set(decl.values)].map((x) => d.text(x)).join(', ')})`;
        break;
      case 'date':
        present = d.matches(p, SIMPLE_DATE);
        break;
      default:
        present = TRUE;
    }
    return decl.required ? and([`${p} IS NOT NULL`, present]) : or([`${p} IS NULL`, present]);
  }

  private conditionSql(condition: Condition, q: CompiledQuestion): string {
    const module = q.module;
    const methodology = this.plan.methodology.pack;
    let cache = this.namedCache.get(module.prefix);
    if (!cache) this.namedCache.set(module.prefix, (cache = new Map<string, string>()));
    const own = (record: Record<string, Condition> | undefined, name: string) => (record && Object.hasOwn(record, name) ? record[name] : undefined);
    return compileSqlCondition(
      condition,
      {
        fact: (name): Operand => {
          const slot = this.plan.caseSlots.get(name);
          if (slot !== undefined) return { kind: 'column', sql: alias.fact(slot), type: columnType(this.plan.caseFacts.get(name)!) };
          const value = Object.hasOwn(this.area, name) ? this.area[name] : undefined;
          return { kind: 'const', value: value === undefined ? null : value };
        },
        named: (name) => own(module.pack.conditions, name) ?? own(methodology.conditions, name),
      },
      this.dialect,
      cache,
    );
  }

  /** A question's outcome for a case (Outcome's codes), NULL when the answer does not fit (the case has a problem). */
  private outcome(q: CompiledQuestion): string {
    const d = this.dialect;
    const a = alias.answer(q.index);
    const applies = q.def.appliesWhen ? this.conditionSql(q.def.appliesWhen, q) : TRUE;
    let decided: string;
    if (q.answers) {
      // A simple CASE (one comparison per answer) runs faster in DuckDB than a WHEN per outcome with IN lists.
      const whens = [...q.answers].map(
        ([text, outcome]) => `WHEN ${d.text(this.relation.answersAsJson === true ? JSON.stringify(text) : text)} THEN ${outcome}`,
      );
      decided = whens.length === 0 ? 'NULL' : `CASE ${a} ${whens.join(' ')} END`;
    } else {
      const met = q.def.metWhen ? this.conditionSql(q.def.metWhen, q) : TRUE;
      decided = `CASE WHEN ${a} IS NULL THEN ${met === TRUE ? Outcome.Met : met === FALSE ? Outcome.NotMet : `CASE WHEN ${met} THEN ${Outcome.Met} ELSE ${Outcome.NotMet} END`} END`;
    }
    if (applies === TRUE) return `(${decided})`;
    const notRelevant = `CASE WHEN ${a} IS NULL THEN ${Outcome.NotRelevant} END`;
    if (applies === FALSE) return `(${notRelevant})`;
    return `(CASE WHEN ${not(applies)} THEN ${notRelevant} ELSE ${decided} END)`;
  }

  /** The layers that read, type and judge each case, ending in `marked` with a `clean` column. */
  private layers(withPosition: boolean, options: CaseQueryOptions): string {
    const d = this.dialect;
    const typed = this.facts.map((f) => `${this.typedFact(f)} AS ${alias.fact(f.slot)}`);
    const idClean = `${alias.id} IS NOT NULL AND ${d.matches(alias.id, SIMPLE_ID)}`;
    const factsClean = and(this.facts.map((f) => this.factIsClean(f)));
    const outcomes = this.plan.questions.map((q) => `${this.outcome(q)} AS ${alias.outcome(q.index)}`);
    const unique = options.excludeDuplicates
      ? [`${alias.id} NOT IN (SELECT ${alias.id} FROM (${this.idLayer()}) AS ids WHERE ${alias.id} IS NOT NULL GROUP BY ${alias.id} HAVING count(*) > 1)`]
      : [];
    const sound = this.relation.sound !== undefined ? [alias.sound] : [];
    const clean = and([...sound, `(${idClean})`, factsClean, ...this.plan.questions.map((q) => `${alias.outcome(q.index)} IS NOT NULL`), ...unique]);
    return [
      `source AS (${this.sourceLayer(withPosition)})`,
      `typed AS (SELECT *${typed.map((t) => `,\n    ${t}`).join('')}\n  FROM source)`,
      `judged AS (SELECT *${outcomes.map((o) => `,\n    ${o}`).join('')}\n  FROM typed)`,
      `marked AS (SELECT *, ${clean === TRUE || clean === FALSE ? clean : `COALESCE(${clean}, FALSE)`} AS clean FROM judged)`,
    ].join(',\n');
  }

  private idLayer(): string {
    return `SELECT ${this.column('id')} AS ${alias.id} FROM ${this.relation.from}`;
  }

  /**
   * The aggregate query: one pass over the cases, counting with conditional counts (no grouping
   * by id, no row per outcome). Every row carries the totals: `rows` (the rows read), `extra` (the
   * rows beyond the first under a repeated id), `counted` (the clean cases, counted here) and
   * `relevant_to_none` (clean cases relevant to no question); row q i + 1 also carries question i's
   * counts over the clean cases (`relevant`, `met`, `not_applicable`), row q 0 none. When `extra`
   * is not 0 the cases under a repeated id are not clean: the query is run again with
   * `excludeDuplicates`, and the interpreter decides which of them counts. (For a columnar file
   * `repeatQuery` counts `extra` first, reading the id column alone, and this query leaves it out.)
   */
  countQuery(options: CaseQueryOptions = {}): string {
    const d = this.dialect;
    const outcomes = this.plan.questions.map((q) => alias.outcome(q.index));
    const relevantAny = or(outcomes.map((o) => `${o} IN (${Outcome.Met}, ${Outcome.NotMet})`));
    const counted = (condition: string) => d.countWhere(and(['clean', condition]));
    const perQuestion = (test: (o: string) => string) => d.list(['NULL', ...outcomes.map((o) => counted(test(o)))]);
    const totals = [
      'count(*) AS "rows"',
      ...(options.countRepeats === false ? [] : [`${this.repeats()} AS extra`]),
      ...(this.relation.unsure !== undefined ? [`${d.countWhere(`COALESCE(${alias.unsure}, FALSE)`)} AS unsure`] : []),
      `${counted(TRUE)} AS counted`,
      `${counted(not(relevantAny))} AS relevant_to_none`,
      `${perQuestion((o) => `${o} IN (${Outcome.Met}, ${Outcome.NotMet})`)} AS relevant`,
      `${perQuestion((o) => `${o} = ${Outcome.Met}`)} AS met`,
      `${perQuestion((o) => `${o} = ${Outcome.NotApplicable}`)} AS not_applicable`,
    ];
    const lists = ['relevant', 'met', 'not_applicable'].map((name) => ({ list: `counts.${name}`, as: name }));
    return [
      `WITH ${this.layers(false, options)},`,
      `counts AS (SELECT\n    ${totals.join(',\n    ')}\n  FROM marked)`,
      `SELECT "rows", ${options.countRepeats === false ? '' : 'extra, '}${this.relation.unsure !== undefined ? 'unsure, ' : ''}counted, relevant_to_none, ${d.unnestIndexed(lists, outcomes.length + 1)} FROM counts`,
    ].join('\n');
  }

  /** The rows beyond the first under a repeated id, counted by reading the id column alone (`extra`). */
  repeatQuery(): string {
    return `SELECT ${this.repeats()} AS extra FROM (${this.idLayer()}) AS ids`;
  }

  private repeats(): string {
    return `count(${alias.id}) - count(DISTINCT ${alias.id})`;
  }

  /** The companion query: every case that is not clean (or shares its id), as text, in source order. */
  problemQuery(options: CaseQueryOptions = {}): string {
    const columns = ['pos', alias.id, ...this.facts.map((f) => alias.raw(f.slot)), ...this.plan.questions.map((q) => alias.answer(q.index))];
    return `WITH ${this.layers(true, options)}\nSELECT ${columns.join(', ')}\nFROM marked\nWHERE NOT clean\nORDER BY pos`;
  }
}

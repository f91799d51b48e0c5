/**
 * Counts, per question, the cases relevant to it, met, and answered not applicable. Aggregates
 * are counters, never arrays of cases, so a million cases stream through in bounded memory.
 * A case with any problem is not counted: its diagnostics are kept (or, when the user asked to
 * exclude bad cases, it is listed as excluded with its reasons).
 *
 * This is the per-case path, written for speed: one pass over the questions with the compiled
 * predicates, no allocation for a valid case, and the slow explanations only on a problem.
 */
import type { Diagnostic } from '../model/errors.js';
import type { ExcludedCase } from '../model/result.js';
import { isValidCaseId } from './check-case-id.js';
import { Outcome, type CompiledPlan, type CompiledQuestion, type FactRecord, type FactVector } from '../compile/compiled-plan.js';
import { CaseChecker, CaseProblems, describe } from './check-case.js';
import { caseLocation, formatCaseLocation } from '../source/case-location.js';
import { CompactIdSet } from './compact-id-set.js';
import { didYouMean, listNames } from '../source/suggest-name.js';

export interface TallyOptions {
  /** Keep each case's outcomes, for explanations. */
  trace?: boolean;
  /** Leave out cases with problems (listing them) instead of failing. */
  excludeInvalid?: boolean;
  /** Check that case ids are unique (off when another component checks them). */
  checkDuplicates?: boolean;
  /** Stop keeping diagnostics after this many (they are still counted). */
  maxDiagnostics?: number;
  /** Refuse to score without cases (when they come from a file, an empty one is a mistake). */
  requireCases?: boolean;
  /** Called with each counted case's id and outcomes by question index (a buffer reused for the next case: copy what you keep). */
  onOutcomes?: (id: string, outcomes: Uint8Array) => void;
}

/** One case's outcome per question (indexed like the plan's questions). */
export interface CaseTrace {
  id: string;
  outcomes: Uint8Array;
}

/** The counts a tally holds, as plain data (what workers send back to be merged). */
export interface TallyCounts {
  relevant: ArrayLike<number>;
  met: ArrayLike<number>;
  notApplicable: ArrayLike<number>;
  read: number;
  scored: number;
  relevantToNone: number;
  invalid: number;
  inputProblems?: number;
  diagnosticCount: number;
  diagnostics: Diagnostic[];
  excluded: ExcludedCase[];
}

/** Answer codes: no answer, and an answer that is no level of any scale. */
const NO_ANSWER = 0;
const OFF_SCALE = 0xffff;

export class CaseTally implements TallyCounts {
  readonly relevant: Float64Array;
  readonly met: Float64Array;
  readonly notApplicable: Float64Array;
  read = 0;
  scored = 0;
  relevantToNone = 0;
  readonly diagnostics: Diagnostic[] = [];
  /** Cases with problems, whether their diagnostics were kept or not. */
  invalid = 0;
  diagnosticCount = 0;
  readonly excluded: ExcludedCase[] = [];
  readonly traces: CaseTrace[] = [];
  /** The ids seen so far, for the duplicate check (compact: a million ids stream through). */
  private readonly ids = new CompactIdSet();
  private readonly scratch: Uint8Array;
  private readonly checker: CaseChecker;
  private readonly questions: readonly CompiledQuestion[];
  /** The current case's facts by slot, and the area's. */
  private readonly facts: FactVector;
  private readonly areaFacts: FactVector;
  /** The current case's problems (reused). */
  private readonly problems = new CaseProblems(null, 0);
  /** The current case's answer code by question. */
  private readonly codes: Uint16Array;
  /** Each question's index by its answer key. */
  private readonly questionIndexes: ReadonlyMap<string, number>;

  constructor(
    private readonly plan: CompiledPlan,
    private readonly area: FactRecord,
    private readonly options: TallyOptions = {},
  ) {
    const n = plan.questions.length;
    this.relevant = new Float64Array(n);
    this.met = new Float64Array(n);
    this.notApplicable = new Float64Array(n);
    this.scratch = new Uint8Array(n);
    this.checker = new CaseChecker(plan);
    this.questions = plan.questions;
    this.facts = new Array<unknown>(plan.caseSlots.size).fill(null);
    this.areaFacts = new Array<unknown>(plan.areaSlots.size).fill(null);
    for (const [name, slot] of plan.areaSlots) if (Object.hasOwn(area, name)) this.areaFacts[slot] = area[name];
    this.codes = new Uint16Array(n);
    this.questionIndexes = new Map(plan.questions.map((q) => [q.key, q.index]));
  }

  get excludesInvalid(): boolean {
    return this.options.excludeInvalid === true;
  }

  /** How many diagnostics the tally keeps. */
  get maxDiagnostics(): number {
    return this.options.maxDiagnostics ?? 1000;
  }

  get requiresCases(): boolean {
    return this.options.requireCases === true;
  }

  /**
   * Checks and counts one case; false when it has problems (recorded, not counted).
   * `duplicate`: another component found its id used before (see checkDuplicates).
   * `position`: where the case stands in its input, when the tally is not given every case (a
   * SQL engine counts the clean ones and hands over only the others; see merge).
   */
  add(record: unknown, duplicate = false, position = this.read): boolean {
    this.read++;
    const outcomes = this.evaluate(record, position, duplicate);
    if (!outcomes) {
      this.reject(record, this.problems);
      return false;
    }
    this.count(outcomes, 1);
    if (this.options.trace) this.traces.push({ id: this.lastId, outcomes: outcomes.slice() });
    this.options.onOutcomes?.(this.lastId, outcomes);
    return true;
  }

  /**
   * Checks one case and counts it only when it has no problems; a case with problems leaves the
   * tally as it was and its diagnostics are returned. For incremental scoring.
   */
  tryAdd(record: unknown): { id: string; outcomes: Uint8Array } | { errors: Diagnostic[] } {
    const outcomes = this.evaluate(record, this.read, false);
    if (!outcomes) {
      if (this.idWasNew) this.ids.delete(this.lastId);
      return { errors: this.problems.list ?? [] };
    }
    this.read++;
    this.count(outcomes, 1);
    return { id: this.lastId, outcomes: outcomes.slice() };
  }

  /** Counts again a case taken back with subtract (its outcomes are already known). */
  restore(id: string, outcomes: Uint8Array): void {
    this.count(outcomes, 1);
    this.read++;
    this.ids.add(id);
  }

  /** Takes back a case counted earlier, given the outcomes tryAdd returned for it. */
  subtract(id: string, outcomes: Uint8Array): void {
    this.count(outcomes, -1);
    this.read--;
    this.ids.delete(id);
  }

  /** Problems with the input as a whole (a bad header, an unreadable file): they stop scoring but count no case. */
  inputProblems = 0;

  /** Records a problem with the input as a whole. */
  rejectInput(problem: Diagnostic): void {
    this.inputProblems++;
    this.diagnosticCount++;
    if (this.diagnostics.length < this.maxDiagnostics) this.diagnostics.push(problem);
  }

  /** Counts what a reader could not make into a case: a problem with the input as a whole (`notACase`), or with one row (`position`: as for add). */
  rejectProblem(problem: Diagnostic, notACase: boolean, position = this.read): void {
    if (notACase) this.rejectInput(problem);
    else this.rejectUnread(problem, position);
  }

  /** Counts a row a reader could not make into a case record (`position`: as for add). */
  rejectUnread(problem: Diagnostic, position = this.read): void {
    this.read++;
    const problems = new CaseProblems({}, position);
    if (problem.caseId !== undefined && isValidCaseId(problem.caseId)) problems.id = problem.caseId;
    problems.list = [problem];
    this.reject({}, problems);
  }

  /** Adds another tally's counts (a worker's share of the same input). */
  merge(other: TallyCounts): void {
    for (let q = 0; q < this.relevant.length; q++) {
      this.relevant[q]! += other.relevant[q]!;
      this.met[q]! += other.met[q]!;
      this.notApplicable[q]! += other.notApplicable[q]!;
    }
    this.read += other.read;
    this.scored += other.scored;
    this.relevantToNone += other.relevantToNone;
    this.invalid += other.invalid;
    this.inputProblems += other.inputProblems ?? 0;
    this.diagnosticCount += other.diagnosticCount;
    const room = this.maxDiagnostics - this.diagnostics.length;
    this.diagnostics.push(...other.diagnostics.slice(0, Math.max(0, room)));
    for (const excluded of other.excluded) this.excluded.push(excluded);
  }

  private lastId = '';
  /** Whether the last case's id was added to `ids` by it (so a rejected trial can take it back). */
  private idWasNew = false;

  private count(outcomes: Uint8Array, sign: 1 | -1): void {
    let any = false;
    const { relevant, met, notApplicable } = this;
    for (let q = 0; q < outcomes.length; q++) {
      const o = outcomes[q];
      if (o === Outcome.NotRelevant) continue;
      if (o === Outcome.NotApplicable) {
        notApplicable[q]! += sign;
        continue;
      }
      any = true;
      relevant[q]! += sign;
      if (o === Outcome.Met) met[q]! += sign;
    }
    this.scored += sign;
    if (!any) this.relevantToNone += sign;
  }

  /** The case's outcome per question (in the scratch buffer), or null when its data is wrong (see this.problems). */
  private evaluate(record: unknown, position: number, duplicate: boolean): Uint8Array | null {
    const problems = this.problems;
    problems.reset(record, position);
    const { id, answers } = this.checker.check(record, position, problems, this.facts);
    this.lastId = id;
    // Only a valid id takes part in duplicates: a case without one is known by its position.
    if (problems.validId !== undefined) {
      this.idWasNew = false;
      if (this.options.checkDuplicates !== false) {
        this.idWasNew = this.ids.add(id);
        duplicate = !this.idWasNew;
      }
      if (duplicate) problems.add('CASE_DUPLICATE_ID', `the id '${id}' is used by an earlier case`, 'give every case a unique id');
    }
    if (this.readAnswers(answers)) this.reportUnknownAnswers(answers, problems);
    if (problems.count === 0) this.evaluateQuestions(answers, problems);
    return problems.count > 0 ? null : this.scratch;
  }

  /**
   * Turns the answers into level codes by question (0: none, OFF_SCALE: not a level of any
   * scale). One pass over the record's own keys, so each key costs one map lookup; returns
   * whether some key is not a question's.
   */
  private readAnswers(answers: Record<string, unknown>): boolean {
    const codes = this.codes;
    const levelCodes = this.plan.levelCodes;
    const indexes = this.questionIndexes;
    codes.fill(NO_ANSWER);
    let unknown = false;
    for (const key in answers) {
      const q = indexes.get(key);
      if (q === undefined) {
        unknown = true;
        continue;
      }
      const value = answers[key];
      codes[q] =
        typeof value === 'string'
          ? value === ''
            ? NO_ANSWER
            : (levelCodes.get(value) ?? OFF_SCALE)
          : value === null || value === undefined
            ? NO_ANSWER
            : OFF_SCALE;
    }
    return unknown;
  }

  /** Fills the scratch outcomes from the fact vector and the answer codes. */
  private evaluateQuestions(answers: Record<string, unknown>, problems: CaseProblems): void {
    const facts = this.facts;
    const area = this.areaFacts;
    const codes = this.codes;
    const outcomes = this.scratch;
    for (const q of this.questions) {
      const code = codes[q.index]!;
      if (q.appliesVector !== null && !q.appliesVector(facts, area)) {
        outcomes[q.index] = Outcome.NotRelevant;
        if (code !== NO_ANSWER) {
          problems.add(
            'CASE_ANSWER_NOT_APPLICABLE',
            `question ${q.key} does not apply to this case but is answered ${describe(answers[q.key])}`,
            `the question applies when ${JSON.stringify(q.def.appliesWhen)}; remove the answer or correct the case's facts`,
          );
        }
        continue;
      }
      const table = q.outcomeByCode;
      if (table !== null) {
        const outcome = code === OFF_SCALE ? 0 : table[code]!;
        if (outcome !== 0) {
          outcomes[q.index] = outcome;
          continue;
        }
        outcomes[q.index] = Outcome.NotRelevant;
        const levels = [...q.answers!.keys()].join(', ');
        if (code === NO_ANSWER)
          problems.add('CASE_MISSING_ANSWER', `question ${q.key} applies to this case but has no answer`, `answer it with one of: ${levels}`);
        else
          problems.add('CASE_ANSWER_OFF_SCALE', `answer ${describe(answers[q.key])} to ${q.key} is not on its scale '${q.scale?.id}'`, `use one of: ${levels}`);
        continue;
      }
      if (code !== NO_ANSWER) {
        problems.add(
          'CASE_ANSWER_NOT_ASKED',
          `question ${q.key} is decided by the case's facts, yet it is answered ${describe(answers[q.key])}`,
          'remove the answer; the question is met when its metWhen condition holds',
        );
      }
      outcomes[q.index] = q.metWhenVector!(facts, area) ? Outcome.Met : Outcome.NotMet;
    }
  }

  private reportUnknownAnswers(answers: Record<string, unknown>, problems: CaseProblems): void {
    for (const key in answers) {
      if (this.plan.questionByKey.has(key)) continue;
      const prefix = key.includes(':') ? key.slice(0, key.indexOf(':') + 1) : '';
      const known = this.plan.modules.some((m) => m.prefix === prefix);
      problems.add(
        known ? 'CASE_UNKNOWN_QUESTION' : 'UNKNOWN_THEMATIC',
        known ? `unknown question '${key}'${didYouMean(key, this.questionKeys(prefix))}` : `'${key}' answers a thematic the inspection does not include`,
        known
          ? `questions: ${listNames(this.questionKeys(prefix))}`
          : "add the thematic to the inspection's thematics (in the library, compile with compilePack(methodology, { thematics })), or remove these answers",
      );
    }
  }

  private reject(record: unknown, problems: CaseProblems): void {
    const list = problems.list ?? [];
    this.invalid++;
    this.diagnosticCount += list.length;
    if (this.options.excludeInvalid) {
      const location = formatCaseLocation(caseLocation(record));
      const where = location ?? (list[0]?.file ? `${list[0].file}:${list[0].line ?? 1}` : undefined);
      const id = problems.validId;
      this.excluded.push({
        ...(id !== undefined ? { id } : {}),
        position: problems.place,
        ...(where ? { location: where } : {}),
        reasons: list.map((p) => p.message.replace(/^case [^:]*: /, '')),
      });
      return;
    }
    const room = this.maxDiagnostics - this.diagnostics.length;
    if (room > 0) this.diagnostics.push(...list.slice(0, room));
  }

  private questionKeys(prefix: string): string[] {
    return this.plan.questions.filter((q) => q.module.prefix === prefix).map((q) => q.key);
  }
}

/**
 * Counts, per question, the cases relevant to it, met, and answered not applicable. Aggregates
 * are counters, never arrays of cases, so a million cases stream through in bounded memory.
 * A case with any problem is not counted: its diagnostics are kept (or, when the user asked to
 * exclude bad cases, it is listed as excluded with its reasons).
 */
import type { Diagnostic } from '../model/errors.js';
import type { ExcludedCase } from '../model/result.js';
import { Outcome, type CompiledPlan, type FactRecord } from '../compile/compiled-plan.js';
import { CaseProblems, checkCaseFacts, describe } from './check-case.js';
import { caseLocation, formatCaseLocation } from './case-location.js';

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
}

/** One case's outcome per question (indexed like the plan's questions). */
export interface CaseTrace {
  id: string;
  outcomes: Uint8Array;
}

const own = Object.hasOwn;

export class CaseTally {
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
  private readonly ids = new Set<string>();
  private readonly scratch: Uint8Array;
  private readonly requiredFacts: string[];

  constructor(private readonly plan: CompiledPlan, private readonly area: FactRecord, private readonly options: TallyOptions = {}) {
    const n = plan.questions.length;
    this.relevant = new Float64Array(n);
    this.met = new Float64Array(n);
    this.notApplicable = new Float64Array(n);
    this.scratch = new Uint8Array(n);
    this.requiredFacts = [...plan.caseFacts].filter(([, d]) => d.required).map(([name]) => name);
  }

  /** Checks and counts one case; returns its outcomes, or null when it has problems. */
  add(record: unknown): Uint8Array | null {
    const outcomes = this.evaluate(record, this.read++);
    if (!outcomes) return null;
    this.count(outcomes, 1);
    return outcomes;
  }

  get excludesInvalid(): boolean {
    return this.options.excludeInvalid === true;
  }

  get requiresCases(): boolean {
    return this.options.requireCases === true;
  }

  /** Counts a row a reader could not make into a case record. */
  rejectUnread(problem: Diagnostic): void {
    this.read++;
    const id = problem.caseId ?? `#${this.read}`;
    const problems = new CaseProblems({}, id);
    problems.list.push(problem);
    this.reject({}, id, problems);
  }

  /** Takes back a case counted earlier, given the outcomes `add` returned for it. */
  subtract(outcomes: Uint8Array): void {
    this.count(outcomes, -1);
    this.read--;
  }

  /** Adds another tally's counts (a worker's share of the same input). */
  merge(other: { relevant: ArrayLike<number>; met: ArrayLike<number>; notApplicable: ArrayLike<number>; read: number; scored: number; relevantToNone: number; invalid: number; diagnosticCount: number; diagnostics: Diagnostic[]; excluded: ExcludedCase[] }): void {
    for (let q = 0; q < this.relevant.length; q++) {
      this.relevant[q]! += other.relevant[q]!;
      this.met[q]! += other.met[q]!;
      this.notApplicable[q]! += other.notApplicable[q]!;
    }
    this.read += other.read;
    this.scored += other.scored;
    this.relevantToNone += other.relevantToNone;
    this.invalid += other.invalid;
    this.diagnosticCount += other.diagnosticCount;
    const room = (this.options.maxDiagnostics ?? 1000) - this.diagnostics.length;
    this.diagnostics.push(...other.diagnostics.slice(0, Math.max(0, room)));
    this.excluded.push(...other.excluded);
  }

  private count(outcomes: Uint8Array, sign: 1 | -1): void {
    let any = false;
    for (let q = 0; q < outcomes.length; q++) {
      const o = outcomes[q];
      if (o === Outcome.NotRelevant) continue;
      if (o === Outcome.NotApplicable) { this.notApplicable[q]! += sign; continue; }
      any = true;
      this.relevant[q]! += sign;
      if (o === Outcome.Met) this.met[q]! += sign;
    }
    this.scored += sign;
    if (!any) this.relevantToNone += sign;
  }

  /** The case's outcome per question, or null (with its problems recorded) when its data is wrong. */
  private evaluate(record: unknown, position: number): Uint8Array | null {
    const { id, facts, answers, problems } = checkCaseFacts(record, this.plan, this.requiredFacts, position);
    if (this.options.checkDuplicates !== false && problems.list.every((p) => p.code !== 'CASE_MISSING_ID')) {
      if (this.ids.has(id)) problems.add('CASE_DUPLICATE_ID', `the id '${id}' is used by an earlier case`, 'give every case a unique id');
      else this.ids.add(id);
    }
    const factsOk = problems.list.length === 0;
    const outcomes = this.scratch;
    if (factsOk) this.evaluateQuestions(facts, answers, outcomes, problems);
    for (const key of Object.keys(answers)) {
      if (!this.plan.questionByKey.has(key)) {
        const prefix = key.includes(':') ? key.slice(0, key.indexOf(':') + 1) : '';
        const known = this.plan.modules.some((m) => m.prefix === prefix);
        problems.add(
          known ? 'CASE_UNKNOWN_QUESTION' : 'UNKNOWN_THEMATIC',
          known ? `unknown question '${key}'` : `'${key}' answers a thematic the inspection does not include`,
          known ? `questions: ${this.questionList(prefix)}` : `add the thematic to the inspection's thematics, or remove these answers`,
        );
      }
    }
    if (problems.list.length > 0) {
      this.reject(record, id, problems);
      return null;
    }
    const copy = outcomes.slice();
    if (this.options.trace) this.traces.push({ id, outcomes: copy });
    return copy;
  }

  private evaluateQuestions(facts: FactRecord, answers: Record<string, unknown>, outcomes: Uint8Array, problems: CaseProblems): void {
    const area = this.area;
    for (const q of this.plan.questions) {
      const answer = own(answers, q.key) ? answers[q.key] : undefined;
      if (q.applies !== null && !q.applies(facts, area)) {
        outcomes[q.index] = Outcome.NotRelevant;
        if (answer !== undefined && answer !== null && answer !== '') {
          problems.add('CASE_ANSWER_NOT_APPLICABLE', `question ${q.key} does not apply to this case but is answered ${describe(answer)}`, `the question applies when ${JSON.stringify(q.def.appliesWhen)}; remove the answer or correct the case's facts`);
        }
        continue;
      }
      if (q.answers) {
        if (answer === undefined || answer === null || answer === '') {
          outcomes[q.index] = Outcome.NotRelevant;
          problems.add('CASE_MISSING_ANSWER', `question ${q.key} applies to this case but has no answer`, `answer it with one of: ${this.levelList(q.answers)}`);
          continue;
        }
        const outcome = typeof answer === 'string' ? q.answers.get(answer) : undefined;
        if (outcome === undefined) {
          outcomes[q.index] = Outcome.NotRelevant;
          problems.add('CASE_ANSWER_OFF_SCALE', `answer ${describe(answer)} to ${q.key} is not on its scale '${q.scale?.id}'`, `use one of: ${this.levelList(q.answers)}`);
          continue;
        }
        outcomes[q.index] = outcome;
      } else {
        if (answer !== undefined && answer !== null && answer !== '') {
          problems.add('CASE_ANSWER_NOT_ASKED', `question ${q.key} is decided by the case's facts, yet it is answered ${describe(answer)}`, 'remove the answer; the question is met when its metWhen condition holds');
        }
        outcomes[q.index] = q.metWhen!(facts, area) ? Outcome.Met : Outcome.NotMet;
      }
    }
  }

  private reject(record: unknown, id: string, problems: CaseProblems): void {
    this.invalid++;
    this.diagnosticCount += problems.list.length;
    if (this.options.excludeInvalid) {
      const location = formatCaseLocation(caseLocation(record));
      const where = location ?? (problems.list[0]?.file ? `${problems.list[0].file}:${problems.list[0].line ?? 1}` : undefined);
      this.excluded.push({ id, ...(where ? { location: where } : {}), reasons: problems.list.map((p) => p.message.replace(/^case [^:]*: /, '')) });
      return;
    }
    const room = (this.options.maxDiagnostics ?? 1000) - this.diagnostics.length;
    if (room > 0) this.diagnostics.push(...problems.list.slice(0, room));
  }

  private levelList(answers: ReadonlyMap<string, unknown>): string {
    return [...answers.keys()].join(', ');
  }

  private questionList(prefix: string): string {
    const keys = this.plan.questions.filter((q) => q.module.prefix === prefix).map((q) => q.key);
    return keys.length > 12 ? `${keys.slice(0, 12).join(', ')}, … (${keys.length} in all)` : keys.join(', ');
  }
}

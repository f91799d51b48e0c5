/**
 * Checks the parts of a case record that do not depend on its answers: its shape, its id and its
 * facts (declared, typed, within their values, required ones present). The checks are prepared
 * once per plan, so the common case — a valid record — costs a few property reads per fact.
 * Problems become located diagnostics; nothing here throws.
 */
import type { FactDeclaration } from '../model/pack.js';
import type { Diagnostic, ErrorCode } from '../model/errors.js';
import type { CompiledPlan, FactVector } from '../compile/compiled-plan.js';
import { caseLocation } from '../source/case-location.js';
import { didYouMean, listNames } from '../source/suggest-name.js';
import { caseIdProblem, MAX_ID_LENGTH } from './check-case-id.js';

/** Why a value does not fit a fact's declaration, or null when it fits. */
export function factValueProblem(value: unknown, declaration: FactDeclaration): string | null {
  switch (declaration.type) {
    case 'boolean':
      return typeof value === 'boolean' ? null : `expected true or false, got ${describe(value)}`;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return `expected a finite number, got ${describe(value)}`;
      if (declaration.minimum !== undefined && value < declaration.minimum) return `${value} is below the minimum ${declaration.minimum}`;
      if (declaration.maximum !== undefined && value > declaration.maximum) return `${value} is above the maximum ${declaration.maximum}`;
      return null;
    case 'enum':
      return typeof value === 'string' && (declaration.values ?? []).includes(value)
        ? null
        : `${describe(value)} is not one of: ${(declaration.values ?? []).join(', ')}`;
    case 'date':
      return typeof value === 'string' && isIsoDate(value) ? null : `expected a date YYYY-MM-DD, got ${describe(value)}`;
    case 'string':
      return typeof value === 'string' ? null : `expected text, got ${describe(value)}`;
  }
}

function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

export function describe(value: unknown): string {
  if (typeof value === 'string') return `'${value.length > 60 ? `${value.slice(0, 57)}…` : value}'`;
  if (value === undefined) return 'nothing';
  if (typeof value === 'function') return 'a function';
  let text: string;
  try {
    text = JSON.stringify(value) ?? typeof value;
  } catch {
    // Nested too deep for the call stack, or holding itself.
    text = Array.isArray(value) ? 'a list' : 'a mapping';
  }
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

/** Collects one case's problems; allocates nothing until the first one, and is reused case after case. */
export class CaseProblems {
  list: Diagnostic[] | null = null;
  private givenId: string | null = null;
  constructor(
    private record: unknown,
    private position: number,
  ) {}

  /** Starts on another case. */
  reset(record: unknown, position: number): void {
    this.record = record;
    this.position = position;
    this.list = null;
    this.givenId = null;
  }

  /** The case's id, or while it has none, how to find it (`the case at position 12`) in words no valid id can be mistaken for. */
  get id(): string {
    return this.givenId ?? `#${this.position + 1}`;
  }

  /** The case's valid id, or undefined when it has none. */
  get validId(): string | undefined {
    return this.givenId ?? undefined;
  }

  /** The case's place among the cases read, from 1. */
  get place(): number {
    return this.position + 1;
  }

  set id(id: string) {
    this.givenId = id;
  }

  get count(): number {
    return this.list?.length ?? 0;
  }

  add(code: ErrorCode, message: string, hint?: string): void {
    const where = caseLocation(this.record);
    (this.list ??= []).push({
      code,
      severity: 'error',
      message: `case ${this.givenId ?? `at position ${this.position + 1}`}: ${message}`,
      ...(hint ? { hint } : {}),
      ...(where ? { file: where.file, line: where.line, ...(where.column ? { column: where.column } : {}) } : {}),
      ...(this.givenId !== null ? { caseId: this.givenId } : {}),
    });
  }

  has(code: ErrorCode): boolean {
    return this.list?.some((p) => p.code === code) ?? false;
  }
}

/** A quick test of a fact value: true when it fits (the slow path explains why not). */
type FactTest = (value: unknown) => boolean;

function factTest(declaration: FactDeclaration): FactTest {
  switch (declaration.type) {
    case 'boolean':
      return (v) => typeof v === 'boolean';
    case 'string':
      return (v) => typeof v === 'string';
    case 'enum': {
      const allowed = new Set(declaration.values ?? []);
      return (v) => typeof v === 'string' && allowed.has(v);
    }
    default:
      return (v) => factValueProblem(v, declaration) === null;
  }
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const EMPTY: Record<string, unknown> = Object.freeze(Object.create(null)) as Record<string, unknown>;

/** The parts of a record the evaluation reads, once its shape is known to be right. */
export interface CheckedRecord {
  id: string;
  facts: Record<string, unknown>;
  answers: Record<string, unknown>;
}

/** Checks records' shape, id and facts against one plan, filling the case's fact vector. */
export class CaseChecker {
  private readonly tests: FactTest[];
  private readonly slots: ReadonlyMap<string, number>;
  private readonly required: string[];
  private readonly factNames: string;

  constructor(private readonly plan: CompiledPlan) {
    this.slots = plan.caseSlots;
    this.tests = [...plan.caseFacts.values()].map(factTest);
    this.required = [...plan.caseFacts].filter(([, d]) => d.required).map(([name]) => name);
    this.factNames = listNames(plan.caseFacts.keys(), 30);
  }

  /** The record checked last: reused, so that a valid case allocates nothing. */
  private readonly checked: CheckedRecord = { id: '', facts: EMPTY, answers: EMPTY };

  private result(id: string, facts: Record<string, unknown>, answers: Record<string, unknown>): CheckedRecord {
    this.checked.id = id;
    this.checked.facts = facts;
    this.checked.answers = answers;
    return this.checked;
  }

  /** The record's id, facts and answers, with its facts in `vector` (null where missing); its problems go to `problems`. Valid until the next call. */
  check(record: unknown, position: number, problems: CaseProblems, vector: FactVector): CheckedRecord {
    vector.fill(null);
    if (!isPlainObject(record)) {
      problems.add(
        'CASE_MISSING_ID',
        `expected a case record ({ id, facts, answers }), got ${describe(record)}`,
        'write each case as a mapping with id, facts and answers',
      );
      return this.result(problems.id, EMPTY, EMPTY);
    }
    const rawId = record.id;
    const id = typeof rawId === 'string' && rawId.length > 0 ? rawId : typeof rawId === 'number' && Number.isFinite(rawId) ? String(rawId) : null;
    const idProblem = id === null ? null : caseIdProblem(id);
    if (id === null) problems.add('CASE_MISSING_ID', 'the case has no id', 'give every case a unique id (text or a number)');
    else if (id.length > MAX_ID_LENGTH) problems.add('SCHEMA_RANGE', idProblem!, 'shorten the id (an id names a case; it need not describe it)');
    else if (idProblem !== null)
      problems.add(
        'CASE_BAD_ID',
        idProblem,
        'write the id without spaces at its ends and without invisible characters, in Unicode NFC form (as most editors save text)',
      );
    else problems.id = id;
    for (const key in record) {
      if (key !== 'id' && key !== 'facts' && key !== 'answers') {
        problems.add(
          'CASE_UNKNOWN_FACT',
          `unknown property '${key}' in a case record`,
          'a case record has id, facts and answers; put facts under facts: and answers under answers:',
        );
      }
    }
    const facts = record.facts === undefined ? EMPTY : record.facts;
    const answers = record.answers === undefined ? EMPTY : record.answers;
    if (!isPlainObject(facts)) {
      problems.add('CASE_BAD_VALUE', `facts must be a mapping of fact names to values, got ${describe(facts)}`);
      return this.result(problems.id, EMPTY, isPlainObject(answers) ? answers : EMPTY);
    }
    if (!isPlainObject(answers)) {
      problems.add('CASE_BAD_VALUE', `answers must be a mapping of question ids to answers, got ${describe(answers)}`);
      return this.result(problems.id, facts, EMPTY);
    }
    for (const name in facts) {
      const slot = this.slots.get(name);
      const value = facts[name];
      if (slot === undefined) {
        problems.add('CASE_UNKNOWN_FACT', `unknown fact '${name}'${didYouMean(name, this.slots.keys())}`, `declared case facts: ${this.factNames}`);
      } else if (this.tests[slot]!(value)) {
        vector[slot] = value;
      } else {
        const declaration = this.plan.caseFacts.get(name)!;
        problems.add(
          'CASE_BAD_VALUE',
          `fact '${name}': ${factValueProblem(value, declaration)}`,
          declaration.type === 'enum' ? `use one of: ${(declaration.values ?? []).join(', ')}` : undefined,
        );
      }
    }
    for (const name of this.required) {
      if (facts[name] === undefined || !Object.hasOwn(facts, name))
        problems.add('CASE_MISSING_FACT', `required fact '${name}' is missing`, `give '${name}' for every case`);
    }
    return this.result(problems.id, facts, answers);
  }
}

/**
 * Checks one case record against the plan: its id, its facts (declared, typed, within their
 * values, required ones present) and its answers (known questions, on the question's scale,
 * present exactly when the question applies). Produces located diagnostics; never throws.
 */
import type { FactDeclaration } from '../model/pack.js';
import type { Diagnostic, ErrorCode } from '../model/errors.js';
import type { CompiledPlan } from '../compile/compiled-plan.js';
import { caseLocation } from './case-location.js';

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
  return JSON.stringify(value) ?? String(value);
}

/** Builds diagnostics for one case, with the case's id and where it was read. */
export class CaseProblems {
  readonly list: Diagnostic[] = [];
  constructor(private readonly record: object, private readonly id: string) {}

  add(code: ErrorCode, message: string, hint?: string): void {
    const where = caseLocation(this.record);
    this.list.push({
      code,
      severity: 'error',
      message: `case ${this.id}: ${message}`,
      ...(hint ? { hint } : {}),
      ...(where ? { file: where.file, line: where.line, ...(where.column ? { column: where.column } : {}) } : {}),
      caseId: this.id,
    });
  }
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Checks the case's shape and facts; answers are checked while they are evaluated. */
export function checkCaseFacts(record: unknown, plan: CompiledPlan, requiredFacts: readonly string[], position: number): { id: string; facts: Record<string, unknown>; answers: Record<string, unknown>; problems: CaseProblems } {
  const object = isPlainObject(record) ? record : {};
  const rawId = object.id;
  const hasId = (typeof rawId === 'string' && rawId.length > 0) || (typeof rawId === 'number' && Number.isFinite(rawId));
  const id = hasId ? String(rawId) : `#${position + 1}`;
  const problems = new CaseProblems(object, id);
  if (!isPlainObject(record)) {
    problems.add('CASE_MISSING_ID', `expected a case record ({ id, facts, answers }), got ${describe(record)}`, 'write each case as a mapping with id, facts and answers');
    return { id, facts: {}, answers: {}, problems };
  }
  if (!hasId) problems.add('CASE_MISSING_ID', 'the case has no id', 'give every case a unique id (text or a number)');
  for (const key of Object.keys(record)) {
    if (key !== 'id' && key !== 'facts' && key !== 'answers') {
      problems.add('CASE_UNKNOWN_FACT', `unknown property '${key}' in a case record`, 'a case record has id, facts and answers; put facts under facts: and answers under answers:');
    }
  }
  const facts = isPlainObject(record.facts) ? record.facts : {};
  const answers = isPlainObject(record.answers) ? record.answers : {};
  if (record.facts !== undefined && !isPlainObject(record.facts)) problems.add('CASE_BAD_VALUE', `facts must be a mapping of fact names to values, got ${describe(record.facts)}`);
  if (record.answers !== undefined && !isPlainObject(record.answers)) problems.add('CASE_BAD_VALUE', `answers must be a mapping of question ids to answers, got ${describe(record.answers)}`);
  for (const name of Object.keys(facts)) {
    const declaration = plan.caseFacts.get(name);
    if (!declaration) {
      problems.add('CASE_UNKNOWN_FACT', `unknown fact '${name}'`, `declared case facts: ${[...plan.caseFacts.keys()].join(', ')}`);
      continue;
    }
    const problem = factValueProblem(facts[name], declaration);
    if (problem) problems.add('CASE_BAD_VALUE', `fact '${name}': ${problem}`, declaration.type === 'enum' ? `use one of: ${(declaration.values ?? []).join(', ')}` : undefined);
  }
  for (const name of requiredFacts) {
    if (facts[name] === undefined) problems.add('CASE_MISSING_FACT', `required fact '${name}' is missing`, `give '${name}' for every case`);
  }
  return { id, facts, answers, problems };
}

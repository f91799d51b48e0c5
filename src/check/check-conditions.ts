/**
 * Conditions: facts declared (case and area facts in questions and named conditions; derived
 * quantities and area facts in band rules), values of the facts' types, named conditions that
 * exist and do not refer to each other in a circle, no `path`.
 */
import type { FactCondition } from '../model/condition.js';
import type { Condition, FactDeclaration, Limit } from '../model/pack.js';
import type { ResolvedBandSet } from './resolve-band-set.js';
import type { CheckContext } from './check-context.js';
import { describeValue, withArticle } from './check-condition-shape.js';
import { checkConditionSize } from './check-condition-size.js';
import { findCycles } from './find-cycles.js';
import { bandSetNameOf, countedScales, subjectsOf } from './pack-structure.js';
import { didYouMean, listNames } from '../source/suggest-name.js';
import { conditionParts } from './walk-condition.js';

/** The quantities band rules compare, all numbers. */
export const DERIVED_FACTS: readonly string[] = ['score', 'count', 'share', 'rated', 'points', 'maxPoints', 'meanPoints'];
/** The derived facts that take a level parameter, and the parameters they take. */
const LEVEL_FACTS: readonly string[] = ['count', 'share'];
const LEVEL_PARAMS: readonly string[] = ['atLeast', 'atMost', 'is'];
const ORDER_OPERATORS = new Set(['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive']);
const LIST_OPERATORS = new Set(['in', 'notIn']);
const CONTAINS_OPERATORS = new Set(['contains', 'doesNotContain']);
const NUMBER: FactDeclaration = { type: 'number' };

/** Where a condition is and which facts it may use. */
interface Scope {
  label: string;
  /** In a band rule or limit: the scales whose levels its counts name (every one must have the level; none known: unchecked). */
  band?: { name: string; levelScales: string[] };
  /** For a named condition checked as a case condition: the first case condition that uses it. */
  usedBy?: string;
}

export function checkConditions(ctx: CheckContext): void {
  const caseRoots: Array<{ condition: Condition; label: string }> = [];
  for (const criterion of ctx.pack.criteria ?? []) {
    for (const question of criterion.questions ?? []) {
      for (const key of ['appliesWhen', 'metWhen'] as const) {
        if (question[key] !== undefined) {
          checkCondition(ctx, question[key], { label: `${question.id}.${key}` });
          caseRoots.push({ condition: question[key], label: `${question.id}.${key}` });
        }
      }
    }
  }
  const bandRoots: Array<{ condition: Condition; levelScales: string[] }> = [];
  for (const [name, set] of Object.entries(ctx.pack.bandSets ?? {})) {
    const resolved = ctx.resolvedBandSet(name)!;
    const band = { name, levelScales: levelScalesOf(ctx, name, resolved) };
    (set.rules ?? []).forEach((rule, i) => {
      checkCondition(ctx, rule.when, { label: `rule ${i + 1} of band set ${name}`, band });
      bandRoots.push({ condition: rule.when, levelScales: band.levelScales });
    });
    checkLimitConditions(ctx, set.limits, `band set ${name}`, band, bandRoots);
  }
  for (const subject of subjectsOf(ctx)) {
    checkLimitConditions(ctx, subject.node.limits, subject.label, { name: subject.label, levelScales: countedScales(ctx, subject) }, bandRoots);
  }
  // A named condition is a case condition when a question uses it (or nothing uses it and it
  // compares no derived quantity); otherwise band rules and limits use it, and it sees what they see.
  const usedByCase = reachedFrom(ctx, caseRoots);
  // The scales whose levels a named condition's counts name: those of every band set or result that uses it.
  const bandScales = new Map<string, Set<string>>();
  for (const root of bandRoots) {
    for (const name of reachedFrom(ctx, [{ condition: root.condition, label: '' }]).keys()) {
      const scales = bandScales.get(name) ?? new Set();
      for (const scale of root.levelScales) scales.add(scale);
      bandScales.set(name, scales);
    }
  }
  for (const [name, condition] of Object.entries(ctx.pack.conditions ?? {})) {
    const caseUser = usedByCase.get(name);
    const asCase = caseUser !== undefined || (!bandScales.has(name) && !comparesDerived(ctx, condition));
    checkCondition(
      ctx,
      condition,
      asCase
        ? { label: `condition ${name}`, ...(caseUser ? { usedBy: caseUser } : {}) }
        : { label: `condition ${name}`, band: { name, levelScales: [...(bandScales.get(name) ?? [])] } },
    );
  }
  // Sizes are measured only when no circle makes them endless.
  if (!checkConditionCycles(ctx)) checkConditionSize(ctx);
}

function checkLimitConditions(
  ctx: CheckContext,
  limits: Limit[] | undefined,
  what: string,
  band: NonNullable<Scope['band']>,
  roots: Array<{ condition: Condition; levelScales: string[] }>,
): void {
  (limits ?? []).forEach((limit, i) => {
    if (limit.when === undefined) return;
    checkCondition(ctx, limit.when, { label: `limit ${limit.id ?? i + 1} of ${what}`, band });
    roots.push({ condition: limit.when, levelScales: band.levelScales });
  });
}

/** The named conditions reached from some conditions (through references), each with the first root's label. */
function reachedFrom(ctx: CheckContext, roots: Array<{ condition: Condition; label: string }>): Map<string, string> {
  const reached = new Map<string, string>();
  const stack: Array<{ condition: Condition | undefined; label: string }> = roots.map((r) => ({ condition: r.condition, label: r.label }));
  while (stack.length > 0) {
    const { condition, label } = stack.pop()!;
    for (const part of conditionParts(condition)) {
      if (part.kind !== 'reference' || reached.has(part.node.condition)) continue;
      reached.set(part.node.condition, label);
      stack.push({ condition: ctx.condition(part.node.condition), label });
    }
  }
  return reached;
}

/** Whether a condition compares a derived quantity that is not also a declared fact. */
function comparesDerived(ctx: CheckContext, condition: Condition): boolean {
  return conditionParts(condition).some((p) => p.kind === 'fact' && DERIVED_FACTS.includes(p.node.fact) && ctx.fact(p.node.fact) === undefined);
}

/** The scales whose levels a band set's `count` and `share` parameters name: its inputScale, or every scale its uses count. */
function levelScalesOf(ctx: CheckContext, name: string, set: ResolvedBandSet): string[] {
  if (set.inputScale !== undefined) return [set.inputScale];
  const scales = subjectsOf(ctx)
    .filter((s) => bandSetNameOf(s.node.band) === name)
    .flatMap((s) => countedScales(ctx, s));
  return [...new Set(scales)];
}

function checkCondition(ctx: CheckContext, condition: Condition, scope: Scope): void {
  for (const part of conditionParts(condition)) {
    if ('path' in part.node) {
      ctx.error(
        'PATH_NOT_ALLOWED',
        part.node,
        'path',
        `${scope.label} uses 'path', which packs may not use`,
        'declare the value as a fact of its own and compare that fact',
        true,
      );
    } else if (part.kind === 'reference') {
      if (ctx.condition(part.node.condition) === undefined) {
        const names = ctx.names('conditions');
        ctx.error(
          'UNKNOWN_CONDITION',
          part.node,
          'condition',
          `unknown condition '${part.node.condition}' in ${scope.label}${didYouMean(part.node.condition, names)}`,
          `declare it under conditions, or name one of: ${listNames(names)}`,
        );
      }
    } else if (part.kind === 'fact') {
      checkFactCondition(ctx, part.node, scope);
    }
  }
}

function checkFactCondition(ctx: CheckContext, c: FactCondition, scope: Scope): void {
  const declaration = factType(ctx, c.fact, scope, c, 'fact');
  if (!declaration) return;
  checkParams(ctx, c, scope);
  const value = c.value;
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const other = factType(ctx, value.fact, scope, value, 'fact');
    if (other && other.type !== declaration.type) {
      ctx.error(
        'VALUE_TYPE',
        value,
        'fact',
        `${scope.label} compares ${c.fact} (${declaration.type}) with ${value.fact} (${other.type})`,
        'compare facts of the same type',
      );
    }
    checkOperator(ctx, c, declaration, scope, false);
    return;
  }
  checkOperator(ctx, c, declaration, scope, true);
}

/** The declared type of a fact in a scope, or undefined after reporting it unknown. */
function factType(ctx: CheckContext, name: string, scope: Scope, node: object, key: string): FactDeclaration | undefined {
  if (scope.band) {
    if (DERIVED_FACTS.includes(name)) return NUMBER;
    const fact = ctx.fact(name);
    if (fact?.of === 'area') return fact.declaration;
    const names = [...DERIVED_FACTS, ...ctx.factNames('area')];
    const why = fact ? `in ${scope.label}, '${name}' is a case fact, which band rules cannot see` : `unknown fact '${name}' in ${scope.label}`;
    ctx.error(
      'UNKNOWN_FACT',
      node,
      key,
      `${why}; band rules use: ${listNames(names, 20)}${fact ? '' : didYouMean(name, names)}`,
      'band rules compare derived quantities (score, count, share, rated, points, maxPoints, meanPoints) and area facts',
    );
    return undefined;
  }
  const fact = ctx.fact(name);
  if (fact) return fact.declaration;
  if (DERIVED_FACTS.includes(name)) {
    const user = scope.usedBy ? `, and ${scope.usedBy} uses it` : '';
    ctx.error(
      'UNKNOWN_FACT',
      node,
      key,
      `'${name}' in ${scope.label} is a quantity only band rules and limits can compare${user}; a case condition sees the facts of the case and the area`,
      scope.usedBy
        ? `use ${scope.label.replace('condition ', '')} only in band rules and limits, or compare case facts in ${scope.usedBy}`
        : 'compare it in band rules and limits only, or compare declared facts here',
    );
    return undefined;
  }
  const names = ctx.factNames();
  ctx.error(
    'UNKNOWN_FACT',
    node,
    key,
    `unknown fact '${name}' in ${scope.label}; declared facts: ${listNames(names, 20)}${didYouMean(name, names)}`,
    'declare the fact under facts.case or facts.area, or correct its name',
  );
  return undefined;
}

function checkParams(ctx: CheckContext, c: FactCondition, scope: Scope): void {
  if (c.params === undefined) return;
  if (!scope.band || !LEVEL_FACTS.includes(c.fact)) {
    ctx.error(
      'CONDITION_SHAPE',
      c,
      'params',
      `${c.fact} in ${scope.label} takes no params`,
      'only count and share (in band rules) take params: atLeast, atMost or is a level',
      true,
    );
    return;
  }
  const keys = Object.keys(c.params);
  const bad = keys.find((k) => !LEVEL_PARAMS.includes(k));
  if (bad !== undefined || keys.length > 1) {
    ctx.error(
      'CONDITION_SHAPE',
      c.params,
      bad ?? keys[1],
      `params of ${c.fact} in ${scope.label} must be one of atLeast, atMost or is${bad ? `, not '${bad}'${didYouMean(bad, LEVEL_PARAMS)}` : ''}`,
      `write e.g. params: { atLeast: <level> }, or no params to count every rated input`,
      true,
    );
    return;
  }
  const key = keys[0];
  if (key === undefined) return;
  const level = c.params[key];
  if (typeof level !== 'string') {
    ctx.error(
      'VALUE_TYPE',
      c.params,
      key,
      `${key} of ${c.fact} in ${scope.label} must be a level id, not ${describeValue(level)}`,
      'name a level of the scale being counted',
    );
  } else {
    // Counted on a scale without the level, it counts nothing: every scale counted there must have it.
    for (const scale of scope.band.levelScales) {
      if (!ctx.requireLevel(level, scale, c.params, key, `${c.fact}.${key} in ${scope.label}`)) break;
    }
  }
}

function checkOperator(ctx: CheckContext, c: FactCondition, declaration: FactDeclaration, scope: Scope, literal: boolean): void {
  const where = scope.label;
  if (CONTAINS_OPERATORS.has(c.operator)) {
    ctx.error(
      'VALUE_TYPE',
      c,
      'operator',
      `${c.operator} looks inside a list, but ${c.fact} in ${where} holds a single value`,
      `use equal, notEqual, in or notIn`,
    );
    return;
  }
  if (ORDER_OPERATORS.has(c.operator) && declaration.type !== 'number') {
    ctx.error(
      'VALUE_TYPE',
      c,
      'operator',
      `${c.operator} compares numbers, but ${c.fact} in ${where} is ${withArticle(declaration.type)} fact`,
      'use equal, notEqual, in or notIn, or compare a number fact',
    );
    return;
  }
  if (!literal && LIST_OPERATORS.has(c.operator)) {
    // json-rules-engine would read `in` with another fact's value as a substring test on text, always false on a single value.
    ctx.error(
      'VALUE_TYPE',
      c,
      'value',
      `${c.operator} needs a list of values written in the pack, but ${c.fact} in ${where} is compared with another fact`,
      `write value: [ ... ], or compare the two facts with ${c.operator === 'in' ? 'equal' : 'notEqual'}`,
    );
    return;
  }
  if (!literal) return;
  const value = c.value;
  if (LIST_OPERATORS.has(c.operator)) {
    if (!Array.isArray(value)) {
      ctx.error(
        'VALUE_TYPE',
        c,
        'value',
        `${c.operator} needs a list of values, but ${c.fact} in ${where} is compared with ${describeValue(value)}`,
        `write value: [ ... ], or use ${c.operator === 'in' ? 'equal' : 'notEqual'} for a single value`,
      );
      return;
    }
    value.forEach((v, i) => checkLiteral(ctx, value, i, v, c.fact, declaration, where));
    return;
  }
  if (Array.isArray(value)) {
    ctx.error(
      'VALUE_TYPE',
      c,
      'value',
      `${c.operator} compares with one value, but ${c.fact} in ${where} is compared with a list`,
      `use ${c.operator === 'notEqual' ? 'notIn' : 'in'} to compare with a list`,
    );
    return;
  }
  if (ORDER_OPERATORS.has(c.operator) && typeof value !== 'number') {
    ctx.error(
      'VALUE_TYPE',
      c,
      'value',
      `${c.operator} needs a number, but ${c.fact} in ${where} is compared with ${describeValue(value)}`,
      'compare with a number',
    );
    return;
  }
  if (scope.band && typeof value === 'number' && ctx.fact(c.fact) === undefined) warnUnlikelyNumber(ctx, c, value, where);
  checkLiteral(ctx, c, 'value', value, c.fact, declaration, where);
}

/**
 * A share is a fraction (0 to 1) and a score a percentage (0 to 100): `share > 50` (50 meant as a
 * percentage) can never hold, and `score >= 0.8` holds for nearly everything. Both are warnings,
 * since the pack is valid as written.
 */
function warnUnlikelyNumber(ctx: CheckContext, c: FactCondition, value: number, where: string): void {
  if (c.fact === 'share' && value > 1) {
    const fraction = value <= 100 ? ` (for ${value}% write ${value / 100})` : '';
    ctx.warn(
      'VALUE_TYPE',
      c,
      'value',
      `${where} compares share with ${value}, but a share is a fraction of the rated inputs from 0 to 1`,
      `write the share as a fraction${fraction}, or compare count if ${value} is a number of inputs`,
    );
  } else if (c.fact === 'score' && value > 0 && value <= 1) {
    ctx.warn(
      'VALUE_TYPE',
      c,
      'value',
      `${where} compares score with ${value}, but a score is a percentage from 0 to 100`,
      `write the score as a percentage (for ${value * 100}% write ${value * 100}), or compare share if ${value} is a fraction of the inputs`,
    );
  }
}

/** Checks one literal against a fact's type; null (a missing fact) fits any type. */
function checkLiteral(ctx: CheckContext, node: object, key: string | number, value: unknown, fact: string, declaration: FactDeclaration, where: string): void {
  if (value === null) return;
  const type = declaration.type;
  if (type === 'enum') {
    const values = declaration.values ?? [];
    if (typeof value === 'string' && values.includes(value)) return;
    ctx.error(
      'VALUE_TYPE',
      node,
      key,
      `${describeValue(value)} is not a value of ${fact} in ${where}${typeof value === 'string' ? didYouMean(value, values) : ''}`,
      `use one of the declared values of ${fact}: ${listNames(values)}`,
    );
    return;
  }
  const fits =
    type === 'number'
      ? typeof value === 'number'
      : type === 'boolean'
        ? typeof value === 'boolean'
        : type === 'date'
          ? typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
          : typeof value === 'string';
  if (!fits) {
    const want = type === 'number' ? 'a number' : type === 'boolean' ? 'true or false' : type === 'date' ? 'a date YYYY-MM-DD' : 'a string';
    ctx.error('VALUE_TYPE', node, key, `${fact} is ${withArticle(type)} fact, but ${where} compares it with ${describeValue(value)}`, `compare with ${want}`);
  }
}

/** Named conditions must not refer to each other in a circle; each circle is reported once, naming every member. */
function checkConditionCycles(ctx: CheckContext): boolean {
  const conditions = ctx.pack.conditions ?? {};
  const edges = new Map<string, string[]>();
  for (const [name, condition] of Object.entries(conditions)) {
    edges.set(
      name,
      conditionParts(condition).flatMap((p) => (p.kind === 'reference' && Object.hasOwn(conditions, p.node.condition) ? [p.node.condition] : [])),
    );
  }
  const cycles = findCycles(edges);
  for (const cycle of cycles) {
    // A circle of thousands of conditions is named by its ends, not in full.
    const shown = cycle.length <= 12 ? cycle.join(' → ') : `${cycle.slice(0, 6).join(' → ')} → … (${cycle.length - 9} more) → ${cycle.slice(-3).join(' → ')}`;
    ctx.error(
      'CONDITION_CYCLE',
      conditions,
      cycle[0],
      `named conditions refer to each other in a circle: ${shown}`,
      'break the circle: one of these conditions must be written without referring back',
      true,
    );
  }
  return cycles.length > 0;
}

/**
 * Named conditions are expanded where they are used: a condition that refers to `c` twice, where
 * `c` refers to `d` twice, and so on, is evaluated in full at every reference (forty such levels
 * are 2^40 comparisons per case, a hang), and a long chain of references nests as deep as it is
 * long. Like the loader's limits on alias expansion and nesting, these checks bound how large and
 * how deep a condition becomes through the named conditions it refers to.
 */
import type { Condition, Limit } from '../model/pack.js';
import type { CheckContext } from './check-context.js';
import { subjectsOf } from './pack-structure.js';
import { conditionChildren } from './walk-condition.js';

/** The most levels a condition may nest, counting the levels of the named conditions it refers to. */
export const MAX_CONDITION_DEPTH = 100;
/** The most comparisons a condition may hold once the named conditions it refers to are expanded. */
export const MAX_CONDITION_SIZE = 1000;

/** How large and how deep a condition is with its references expanded (size saturates above the limit). */
interface Measure {
  size: number;
  depth: number;
}

export function checkConditionSize(ctx: CheckContext): void {
  const memo = new Map<string, Measure>();
  const measureOf = (condition: unknown): Measure => {
    for (const name of references(condition)) measureNamed(ctx, name, memo);
    return measureTree(condition, memo);
  };
  const tooBig = (m: Measure) => m.depth > MAX_CONDITION_DEPTH || m.size > MAX_CONDITION_SIZE;
  // Report where a limit is crossed: at a condition over it whose references are all within it.
  const crossesHere = (condition: unknown, m: Measure) => tooBig(m) && !references(condition).some((r) => tooBig(memo.get(r) ?? { size: 0, depth: 0 }));
  const report = (node: object, key: string, label: string, condition: unknown, m: Measure): void => {
    if (!crossesHere(condition, m)) return;
    if (m.depth > MAX_CONDITION_DEPTH) {
      ctx.error(
        'CONDITION_SHAPE',
        node,
        key,
        `${label} nests ${m.depth} levels deep through the named conditions it refers to, more than the ${MAX_CONDITION_DEPTH} allowed`,
        'write the condition out with fewer named conditions referring to named conditions',
        node === ctx.pack.conditions,
      );
    } else if (references(condition).length > 0) {
      ctx.error(
        'CONDITION_SHAPE',
        node,
        key,
        `${label} expands to more than ${MAX_CONDITION_SIZE} comparisons through the named conditions it refers to (each reference is evaluated in full)`,
        'refer to each named condition once: declare a condition for the shared part and refer to that once',
        node === ctx.pack.conditions,
      );
    } else {
      ctx.error(
        'CONDITION_SHAPE',
        node,
        key,
        `${label} holds more than ${MAX_CONDITION_SIZE} comparisons`,
        'write it with fewer comparisons: a list with in or notIn compares a fact with many values at once',
        node === ctx.pack.conditions,
      );
    }
  };
  // (The schema has given every limit its id and condition.)
  const reportLimits = (limits: Limit[] | undefined, what: string): void => {
    for (const limit of limits ?? []) report(limit, 'when', `limit ${limit.id} of ${what}`, limit.when, measureOf(limit.when));
  };
  const conditions = ctx.pack.conditions ?? {};
  for (const [name, condition] of Object.entries(conditions)) report(conditions, name, `condition ${name}`, condition, measureOf(condition));
  for (const criterion of ctx.pack.criteria ?? []) {
    for (const question of criterion.questions ?? []) {
      for (const key of ['appliesWhen', 'metWhen'] as const) {
        if (question[key] !== undefined) report(question, key, `${key} of question ${question.id}`, question[key], measureOf(question[key]));
      }
    }
  }
  for (const [name, set] of Object.entries(ctx.pack.bandSets ?? {})) {
    (set.rules ?? []).forEach((rule, i) => {
      if (rule?.when !== undefined) report(rule, 'when', `rule ${i + 1} of band set ${name}`, rule.when, measureOf(rule.when));
    });
    reportLimits(set.limits, `band set ${name}`);
  }
  for (const subject of subjectsOf(ctx)) reportLimits(subject.node.limits, subject.label);
}

/** Measures a named condition and every named condition beneath it, without recursion (a chain may be long). */
function measureNamed(ctx: CheckContext, start: string, memo: Map<string, Measure>): void {
  const visiting = new Set<string>();
  const stack = [start];
  while (stack.length > 0) {
    const name = stack[stack.length - 1]!;
    if (memo.has(name)) {
      stack.pop();
      continue;
    }
    const definition: Condition | undefined = ctx.condition(name);
    if (definition === undefined) {
      memo.set(name, { size: 1, depth: 1 });
      stack.pop();
      continue;
    }
    visiting.add(name);
    // A reference back into the path is a cycle, reported elsewhere: it counts as one comparison.
    const pending = references(definition).filter((r) => !memo.has(r) && !visiting.has(r));
    if (pending.length > 0) {
      stack.push(...pending);
      continue;
    }
    memo.set(name, measureTree(definition, memo));
    visiting.delete(name);
    stack.pop();
  }
}

/** The size and depth of one condition tree, references counted by their measures in `memo`. */
function measureTree(root: unknown, memo: ReadonlyMap<string, Measure>): Measure {
  let size = 0;
  let depth = 0;
  const stack: Array<{ node: unknown; level: number }> = [{ node: root, level: 1 }];
  while (stack.length > 0) {
    const { node, level } = stack.pop()!;
    if (typeof node !== 'object' || node === null || Array.isArray(node)) continue;
    const c = node as Record<string, unknown>;
    if (typeof c.condition === 'string') {
      const m = memo.get(c.condition) ?? { size: 1, depth: 1 };
      size = Math.min(size + m.size, MAX_CONDITION_SIZE + 1);
      depth = Math.max(depth, level + m.depth);
      continue;
    }
    const children = conditionChildren(c);
    if (children.length === 0) {
      if (typeof c.fact === 'string') size = Math.min(size + 1, MAX_CONDITION_SIZE + 1);
      depth = Math.max(depth, level);
    }
    for (const child of children) stack.push({ node: child, level: level + 1 });
  }
  return { size, depth };
}

/** The names a condition refers to, each once. */
function references(root: unknown): string[] {
  const names = new Set<string>();
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null) continue;
    if (Array.isArray(node)) {
      stack.push(...(node as unknown[]));
      continue;
    }
    const c = node as Record<string, unknown>;
    if (typeof c.condition === 'string') names.add(c.condition);
    for (const key of ['all', 'any', 'not'] as const) if (c[key] !== undefined) stack.push(c[key]);
  }
  return [...names];
}

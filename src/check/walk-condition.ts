/** Visits every part of a condition tree, iteratively (no recursion, whatever the depth). */
import type { Condition, FactCondition } from '../model/condition.js';

/** One part of a condition: a fact comparison, a reference to a named condition, or a group. */
export type ConditionPart = { kind: 'fact'; node: FactCondition } | { kind: 'reference'; node: { condition: string } } | { kind: 'other'; node: object };

/** A condition node's children (`all`, `any`, then `not`), whatever their shape. */
export function conditionChildren(c: Record<string, unknown>): unknown[] {
  const all: unknown[] = Array.isArray(c.all) ? c.all : [];
  const any: unknown[] = Array.isArray(c.any) ? c.any : [];
  return [...all, ...any, ...(c.not !== undefined ? [c.not] : [])];
}

/** The parts of `condition`, in document order. Values that are not objects are skipped. */
export function conditionParts(condition: Condition | undefined): ConditionPart[] {
  const parts: ConditionPart[] = [];
  const stack: unknown[] = [condition];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null || Array.isArray(node)) continue;
    const c = node as Record<string, unknown>;
    if (typeof c.fact === 'string') parts.push({ kind: 'fact', node: c as unknown as FactCondition });
    else if (typeof c.condition === 'string') parts.push({ kind: 'reference', node: c as { condition: string } });
    else parts.push({ kind: 'other', node: c });
    const children = conditionChildren(c);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return parts;
}

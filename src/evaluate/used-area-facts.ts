/**
 * The area facts a module's conditions read (questions, band rules, limits, named conditions), so
 * that a result can carry the values they were scored with.
 */
import type { Condition } from '../model/condition.js';
import type { CompiledPlan } from '../compile/compiled-plan.js';
import { conditionParts } from '../check/walk-condition.js';

/** By plan: a plan does not change once compiled, and every result it gives asks again. */
const found = new WeakMap<CompiledPlan, readonly string[]>();

export function usedAreaFacts(plan: CompiledPlan): readonly string[] {
  let names = found.get(plan);
  if (names === undefined) {
    names = findUsedAreaFacts(plan);
    found.set(plan, names);
  }
  return names;
}

function findUsedAreaFacts(plan: CompiledPlan): readonly string[] {
  const used = new Set<string>();
  const visit = (condition: Condition | undefined) => {
    for (const part of conditionParts(condition)) {
      if (part.kind !== 'fact') continue;
      if (plan.areaFacts.has(part.node.fact)) used.add(part.node.fact);
      const value = part.node.value;
      if (value !== null && typeof value === 'object' && !Array.isArray(value) && plan.areaFacts.has(value.fact)) used.add(value.fact);
    }
  };
  for (const module of plan.modules) {
    const pack = module.pack;
    for (const c of pack.criteria ?? [])
      for (const q of c.questions ?? []) {
        visit(q.appliesWhen);
        visit(q.metWhen);
      }
    for (const condition of Object.values(pack.conditions ?? {})) visit(condition);
    for (const set of Object.values(pack.bandSets ?? {})) {
      for (const rule of set.rules ?? []) visit(rule.when);
      for (const limit of set.limits ?? []) visit(limit.when);
    }
    for (const node of [...(pack.criteria ?? []), ...pack.sections, ...(pack.overall ? [pack.overall] : [])])
      for (const limit of node.limits ?? []) visit(limit.when);
  }
  return [...plan.areaFacts.keys()].filter((name) => used.has(name));
}

/**
 * The one-line nodes of an evidence item (its rating, weight, where its level comes from and why
 * it is not counted) and of a target measure (its figure against the target and tolerance, and
 * the status that gives it).
 */
import type { ItemResult, TargetResult } from '../model/result.js';
import type { CompiledModule } from '../compile/compiled-plan.js';
import { exact } from '../compile/exact-number.js';
import { figure } from './describe-figures.js';
import type { ExplainContext } from './explain-context.js';
import { node, type TraceNode } from './trace-node.js';

export function itemLine(ctx: ExplainContext, module: CompiledModule, item: ItemResult): string {
  const key = module.prefix + item.id;
  const weight = item.weight !== 1 ? ` (counts ×${item.weight})` : '';
  let from = '';
  if (item.from) {
    const source = ctx.index.get(module.prefix + item.from);
    const band = source?.kind === 'criterion' ? (source.node.band?.label ?? 'no band') : 'no band';
    from = ` — from ${module.prefix}${item.from}, whose band is ${band}`;
  }
  const why = item.counted
    ? ''
    : ` — not counted: ${item.excludedBecause ?? (item.level === null ? (item.label === 'not rated' ? 'not rated' : 'not applicable') : 'not rated')}`;
  return `${key} '${item.text}': ${item.label}${weight}${from}${why}`;
}

export function itemNode(ctx: ExplainContext, module: CompiledModule, item: ItemResult): TraceNode {
  return node(module.prefix + item.id, itemLine(ctx, module, item), item.level?.id ?? null);
}

export function measureLine(module: CompiledModule, t: TargetResult): string {
  const unit = t.unit === undefined ? '' : t.unit === '%' ? '%' : ` ${t.unit}`;
  const head = `${module.prefix}${t.id} '${t.measure}'`;
  const comparator = t.comparator !== null ? `; comparator ${t.comparator}${unit}` : '';
  const counted = t.counted ? '' : ' — not counted in the band';
  if (t.value === null) return `${head}: no figure given — not judged${counted}`;
  if (t.target === null) return `${head}: ${t.value}${unit}, no target — not judged${counted}`;
  const higher = t.direction === 'higher';
  const value = exact(t.value);
  const target = exact(t.target);
  const limit = higher ? target.sub(exact(t.tolerance)) : target.add(exact(t.tolerance));
  const rightSide = higher ? value.compare(target) >= 0 : value.compare(target) <= 0;
  const nearly = higher ? value.compare(limit) >= 0 : value.compare(limit) <= 0;
  const wrong = higher ? 'below' : 'above';
  const why = rightSide
    ? 'on the right side of the target'
    : nearly
      ? `${wrong} the target, within the tolerance (${higher ? 'at least' : 'at most'} ${figure(limit)}${unit})`
      : `${wrong} the target by more than the tolerance (${higher ? 'under' : 'over'} ${figure(limit)}${unit})`;
  return `${head}: ${t.value}${unit} against target ${t.target}${unit} (${higher ? 'higher' : 'lower'} is better, tolerance ${t.tolerance}) → ${t.status?.label ?? 'not judged'}, ${why}${comparator}${counted}`;
}

export function measureNode(module: CompiledModule, t: TargetResult): TraceNode {
  return node(module.prefix + t.id, measureLine(module, t), t.status?.id ?? null);
}

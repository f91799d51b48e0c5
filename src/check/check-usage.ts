/**
 * How criteria are used: sections name declared criteria; every criterion is in exactly one
 * section or feeds an evidence item (`from`); `from` names a criterion banded on the item scale,
 * and no criterion takes its items from itself, directly or round a circle.
 */
import type { Criterion, Section } from '../model/pack.js';
import type { CheckContext } from './check-context.js';
import { findCycles } from './find-cycles.js';
import { bandScaleOf } from './pack-structure.js';
import { didYouMean, listNames } from '../source/suggest-name.js';

/** A section has criteria or its own items (with their scale), not both and not neither. */
function checkOwnItems(ctx: CheckContext, section: Section): void {
  const what = `section ${section.id}`;
  if (section.items === undefined) {
    if (section.criteria === undefined)
      ctx.error(
        'SCHEMA_REQUIRED',
        section,
        'id',
        `${what} gives neither criteria nor items`,
        'list its criteria, or give it items (with itemScale) to rate it straight from evidence items',
      );
    if (section.itemScale !== undefined)
      ctx.error('KIND_MISMATCH', section, 'itemScale', `${what} gives itemScale but no items`, 'give it items, or remove itemScale', true);
    return;
  }
  if (section.criteria !== undefined && section.criteria.length > 0) {
    ctx.error(
      'KIND_MISMATCH',
      section,
      'items',
      `${what} gives both criteria and items of its own`,
      'rate the section from its criteria or from its own items: move the items into an evidence criterion, or remove the criteria',
      true,
    );
  }
  if (section.itemScale === undefined)
    ctx.error('SCHEMA_REQUIRED', section, 'items', `${what} has items but no itemScale`, 'name the scale its items are rated on: itemScale: <scale>', true);
  else ctx.requireScale(section.itemScale, section, 'itemScale', what);
  if (section.levels === 'bands')
    ctx.error(
      'KIND_MISMATCH',
      section,
      'levels',
      `${what} counts bands of criteria, but is rated from its own items`,
      'remove levels: the section counts its items',
      true,
    );
  for (const item of section.items) {
    if (item.from !== undefined)
      ctx.error(
        'KIND_MISMATCH',
        item,
        'from',
        `evidence item ${item.id} of ${what} takes its level from criterion ${item.from}, which only a criterion's items can`,
        'rate the item in the inspection, or put it in an evidence criterion',
        true,
      );
  }
}

export function checkUsage(ctx: CheckContext): void {
  const inSection = new Map<string, string>();
  const candidates = [...ctx.criteria.keys()];
  for (const section of ctx.pack.sections ?? []) {
    checkOwnItems(ctx, section);
    const listed = section.criteria ?? [];
    listed.forEach((id, i) => {
      if (!ctx.criteria.has(id)) {
        ctx.error(
          'UNKNOWN_CRITERION',
          listed,
          i,
          `section ${section.id} lists the unknown criterion '${id}'${didYouMean(id, candidates)}`,
          `declare the criterion under criteria, or list one of: ${listNames(candidates)}`,
        );
        return;
      }
      const first = inSection.get(id);
      if (first !== undefined) {
        ctx.error(
          'CRITERION_SHARED',
          listed,
          i,
          `criterion ${id} is listed in section ${section.id} and already in ${first === section.id ? 'this section' : `section ${first}`}`,
          'list each criterion in one section only',
        );
        return;
      }
      inSection.set(id, section.id);
    });
  }
  const feeding = checkFrom(ctx);
  for (const criterion of ctx.pack.criteria ?? []) {
    if (!inSection.has(criterion.id) && !feeding.has(criterion.id)) {
      ctx.error(
        'CRITERION_UNUSED',
        criterion,
        'id',
        `criterion ${criterion.id} is in no section and feeds no evidence item`,
        "list it in a section's criteria, name it as an item's from, or remove it",
      );
    }
  }
}

/** Checks every item's `from`; returns the ids of the criteria that feed some item. */
function checkFrom(ctx: CheckContext): Set<string> {
  const feeding = new Set<string>();
  const edges = new Map<string, string[]>();
  const candidates = [...ctx.criteria.keys()];
  for (const criterion of ctx.pack.criteria ?? []) {
    for (const item of criterion.items ?? []) {
      if (item.from === undefined) continue;
      const source = ctx.criteria.get(item.from);
      if (!source) {
        ctx.error(
          'UNKNOWN_CRITERION',
          item,
          'from',
          `evidence item ${item.id} takes its level from the unknown criterion '${item.from}'${didYouMean(item.from, candidates)}`,
          `name a declared criterion: ${listNames(candidates)}`,
        );
        continue;
      }
      feeding.add(source.id);
      edges.set(criterion.id, [...(edges.get(criterion.id) ?? []), source.id]);
      if (source === criterion) continue; // reported as a cycle below
      const scale = bandScaleOf(ctx, { kind: 'criterion', node: source, label: `criterion ${source.id}` });
      if (scale === undefined) {
        ctx.error(
          'SCALE_MISMATCH',
          item,
          'from',
          `evidence item ${item.id} takes its level from criterion ${source.id}, which has no band`,
          `give criterion ${source.id} a band on scale ${criterion.itemScale ?? '(the item scale)'}`,
        );
      } else if (criterion.itemScale !== undefined && scale !== criterion.itemScale) {
        ctx.error(
          'SCALE_MISMATCH',
          item,
          'from',
          `evidence item ${item.id} is rated on scale ${criterion.itemScale}, but criterion ${source.id} is banded on scale ${scale}`,
          `band criterion ${source.id} on ${criterion.itemScale}, or take the item's level from a criterion banded on it`,
        );
      }
    }
  }
  for (const cycle of findCycles(edges)) {
    const start = ctx.criteria.get(cycle[0]!) as Criterion;
    const item = (start.items ?? []).find((i) => i.from === cycle[1]) ?? start;
    ctx.error(
      'FROM_CYCLE',
      item,
      'from',
      `criteria take item levels from each other in a circle: ${[...cycle].join(' → ')}`,
      'break the circle: one of these criteria must be banded without taking levels from the others',
    );
  }
  return feeding;
}

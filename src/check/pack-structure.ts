/**
 * What a result is banded on and what it counts: derived from the pack's structure (criteria in
 * sections, sections under the overall result) for the band and template checks.
 */
import type { BandRule, Criterion, Overall, Section } from '../model/pack.js';
import type { CheckContext } from './check-context.js';

/** A result with a band: a criterion, a section or the overall result. */
export type Subject =
  { kind: 'criterion'; node: Criterion; label: string } | { kind: 'section'; node: Section; label: string } | { kind: 'overall'; node: Overall; label: string };

/** Every result of the pack that can have a band, criteria first. */
export function subjectsOf(ctx: CheckContext): Subject[] {
  const subjects: Subject[] = (ctx.pack.criteria ?? []).map((node) => ({ kind: 'criterion' as const, node, label: `criterion ${node.id}` }));
  for (const node of ctx.pack.sections ?? []) subjects.push({ kind: 'section', node, label: `section ${node.id}` });
  if (ctx.pack.overall) subjects.push({ kind: 'overall', node: ctx.pack.overall, label: 'overall' });
  return subjects;
}

/** The band set a band names, directly or as `set`. */
export function bandSetNameOf(band: string | BandRule | undefined): string | undefined {
  if (typeof band === 'string') return band;
  return band?.set;
}

/** The criteria of a section that exist. */
export function criteriaOf(ctx: CheckContext, section: Section): Criterion[] {
  return (section.criteria ?? []).flatMap((id) => ctx.criteria.get(id) ?? []);
}

/** The scale of a subject's band, when it can be told. */
export function bandScaleOf(ctx: CheckContext, subject: Subject): string | undefined {
  const band = subject.node.band;
  const setName = bandSetNameOf(band);
  if (setName !== undefined) return ctx.resolvedBandSet(setName)?.scale;
  if (typeof band !== 'object' || !band.combine) return undefined;
  const scales = childBandScales(ctx, subject);
  return scales.length === 1 ? scales[0] : undefined;
}

/** The distinct band scales of a subject's children (items' scale or statuses for criteria). */
export function childBandScales(ctx: CheckContext, subject: Subject): string[] {
  if (subject.kind === 'criterion') return ownCountedScales(subject.node);
  const children: Subject[] =
    subject.kind === 'section'
      ? criteriaOf(ctx, subject.node).map((node) => ({ kind: 'criterion', node, label: `criterion ${node.id}` }))
      : (ctx.pack.sections ?? []).map((node) => ({ kind: 'section', node, label: `section ${node.id}` }));
  return unique(children.filter((c) => c.node.band !== undefined).flatMap((c) => bandScaleOf(ctx, c) ?? []));
}

/** The distinct scales of the levels a subject's counts and shares see. */
export function countedScales(ctx: CheckContext, subject: Subject): string[] {
  if (subject.kind === 'criterion') return ownCountedScales(subject.node);
  if (subject.kind === 'section' && subject.node.items !== undefined) return subject.node.itemScale ? [subject.node.itemScale] : [];
  if (subject.kind === 'section' && subject.node.levels === 'items') {
    return unique(criteriaOf(ctx, subject.node).flatMap((c) => (c.kind === 'evidence' && c.itemScale ? [c.itemScale] : [])));
  }
  return childBandScales(ctx, subject);
}

function ownCountedScales(criterion: Criterion): string[] {
  if (criterion.kind === 'evidence' && criterion.itemScale) return [criterion.itemScale];
  if (criterion.kind === 'targets' && criterion.statuses?.scale) return [criterion.statuses.scale];
  return [];
}

function unique<T>(list: T[]): T[] {
  return [...new Set(list)];
}

/** Whether every scale named is declared: checks that compare scales stay quiet when one is not (it is reported where it is named). */
export function allDeclared(ctx: CheckContext, scales: readonly string[]): boolean {
  return scales.every((name) => ctx.scale(name) !== undefined);
}

/**
 * Bands: band sets assign levels of their scale; every band names a declared band set or combines
 * its children's bands on one scale; a band set's inputScale is the scale of what each use counts;
 * rules over points are used only where points are given, and points name counted levels.
 */
import type { BandSet, Limit } from '../model/pack.js';
import type { ResolvedBandSet } from './resolve-band-set.js';
import type { CheckContext } from './check-context.js';
import { allDeclared, bandScaleOf, bandSetNameOf, childBandScales, countedScales, subjectsOf } from './pack-structure.js';
import type { Subject } from './pack-structure.js';
import { didYouMean, listNames } from '../source/suggest-name.js';
import { conditionParts } from './walk-condition.js';

const POINTS_FACTS = new Set(['points', 'maxPoints', 'meanPoints']);

export function checkBands(ctx: CheckContext): void {
  for (const [name, set] of Object.entries(ctx.pack.bandSets ?? {})) checkBandSet(ctx, name, set);
  for (const subject of subjectsOf(ctx)) {
    if (subject.node.band !== undefined) checkBandUse(ctx, subject);
    checkPoints(ctx, subject);
    checkSubjectLimits(ctx, subject);
  }
}

function checkBandSet(ctx: CheckContext, name: string, set: BandSet): void {
  const what = `band set ${name}`;
  if (set.extends !== undefined && !checkExtends(ctx, name, set)) return;
  const resolved = ctx.resolvedBandSet(name)!;
  if (set.extends === undefined) {
    for (const key of ['scale', 'rules'] as const) {
      if (set[key] === undefined)
        ctx.error(
          'SCHEMA_REQUIRED',
          set,
          undefined,
          `${what} gives no ${key}`,
          key === 'scale'
            ? 'name the scale of the levels its rules assign, or extend another band set'
            : 'list its rules (first match wins), or extend another band set',
          true,
        );
    }
  }
  if (set.inputScale !== undefined) ctx.requireScale(set.inputScale, set, 'inputScale', what);
  if (set.scale !== undefined && !ctx.requireScale(set.scale, set, 'scale', what)) return;
  if (resolved.scale === undefined || !ctx.scale(resolved.scale)) return;
  const scale = resolved.scale;
  (set.rules ?? []).forEach((rule, i) => ctx.requireLevel(rule.level, scale, rule, 'level', `rule ${i + 1} of ${what}`));
  if (set.otherwise !== undefined) ctx.requireLevel(set.otherwise, scale, set, 'otherwise', `otherwise of ${what}`);
  checkLimits(ctx, set.limits ?? [], scale, what);
}

/** `extends` names a declared band set and does not lead back round; reports and returns false otherwise. */
function checkExtends(ctx: CheckContext, name: string, set: BandSet): boolean {
  const resolved = ctx.resolvedBandSet(name)!;
  if (resolved.broken?.kind === 'unknown' && resolved.chain.length === 1) {
    const names = ctx.names('bandSets').filter((n) => n !== name);
    ctx.error(
      'UNKNOWN_BAND_SET',
      set,
      'extends',
      `band set ${name} extends '${set.extends}', which is not declared${didYouMean(set.extends!, names)}`,
      `extend one of: ${listNames(names)}`,
    );
    return false;
  }
  if (resolved.broken?.kind === 'cycle') {
    ctx.error(
      'BAD_AGGREGATION',
      set,
      'extends',
      `band sets extend each other in a circle: ${[...resolved.chain, resolved.broken.name].join(' → ')}`,
      'break the circle: one of these band sets must give its own scale and rules without extending',
      true,
    );
    return false;
  }
  // A set further along the chain that names an undeclared set is reported at that set.
  return resolved.broken === undefined;
}

/** Each limit gives a cap or a floor (one of the two) on a level of the band's scale. */
function checkLimits(ctx: CheckContext, limits: Limit[], scale: string | undefined, what: string): void {
  const seen = new Set<string>();
  limits.forEach((limit, i) => {
    const where = `limit ${limit.id ?? i + 1} of ${what}`;
    if (seen.has(limit.id)) ctx.error('DUPLICATE_ID', limit, 'id', `${what} has two limits with the id '${limit.id}'`, 'give each limit its own id', false);
    seen.add(limit.id);
    if ((limit.cap === undefined) === (limit.floor === undefined)) {
      ctx.error(
        'BAD_AGGREGATION',
        limit,
        limit.cap === undefined ? 'id' : 'floor',
        `${where} gives ${limit.cap === undefined ? 'neither cap nor floor' : 'both cap and floor'}`,
        'give cap: <level> (no better than) or floor: <level> (no worse than), one of the two',
      );
      return;
    }
    const key = limit.cap !== undefined ? 'cap' : 'floor';
    if (scale !== undefined) ctx.requireLevel(limit[key]!, scale, limit, key, where);
  });
}

/** Limits on a criterion, a section or the overall result need a band, and name levels of its scale. */
function checkSubjectLimits(ctx: CheckContext, subject: Subject): void {
  const limits = subject.node.limits;
  if (limits === undefined || limits.length === 0) return;
  if (subject.node.band === undefined) {
    ctx.error(
      'BAD_AGGREGATION',
      subject.node,
      'limits',
      `${subject.label} has limits but no band for them to cap or floor`,
      `give ${subject.label} a band, or move the limits to the result whose band they limit`,
      true,
    );
    return;
  }
  checkLimits(ctx, limits, bandScaleOf(ctx, subject), subject.label);
}

function checkBandUse(ctx: CheckContext, subject: Subject): void {
  const band = subject.node.band!;
  if (typeof band === 'object' && (band.set === undefined) === (band.combine === undefined)) {
    ctx.error(
      'BAD_AGGREGATION',
      subject.node,
      'band',
      `the band of ${subject.label} gives ${band.set === undefined ? 'neither set nor combine' : 'both set and combine'}`,
      'give set (a band set) or combine (lowest or highest), one of the two',
    );
    return;
  }
  const setName = bandSetNameOf(band);
  if (setName !== undefined) {
    const set = ctx.resolvedBandSet(setName);
    if (!set) {
      const names = ctx.names('bandSets');
      ctx.error(
        'UNKNOWN_BAND_SET',
        subject.node,
        'band',
        `unknown band set '${setName}' for ${subject.label}${didYouMean(setName, names)}`,
        `declare it under bandSets, or use one of: ${listNames(names)}`,
      );
      return;
    }
    checkInputScale(ctx, subject, setName, set);
    if (subject.kind !== 'criterion' && subject.node.points === undefined && usesPoints(set)) {
      ctx.error(
        'BAD_AGGREGATION',
        subject.node,
        'band',
        `band set ${setName} compares points, but ${subject.label} gives no points`,
        `add points: { <level>: <number>, ... } to ${subject.label}, or use a band set without points`,
      );
    } else if (subject.kind === 'criterion' && usesPoints(set)) {
      ctx.error(
        'BAD_AGGREGATION',
        subject.node,
        'band',
        `band set ${setName} compares points, which ${subject.label} cannot have`,
        'points are given on sections and the overall result; use a band set without points here',
      );
    }
    return;
  }
  checkCombine(ctx, subject);
}

function checkInputScale(ctx: CheckContext, subject: Subject, setName: string, set: ResolvedBandSet): void {
  const input = set.inputScale;
  if (input === undefined || !ctx.scale(input)) return;
  const counted = countedScales(ctx, subject);
  if (!allDeclared(ctx, counted)) return;
  const other = counted.find((s) => s !== input);
  if (counted.length === 0) {
    ctx.error(
      'SCALE_MISMATCH',
      subject.node,
      'band',
      `band set ${setName} counts levels of scale ${input}, but ${subject.label} has no levels to count`,
      'use a band set without inputScale here (e.g. one over score)',
    );
  } else if (other !== undefined) {
    ctx.error(
      'SCALE_MISMATCH',
      subject.node,
      'band',
      `band set ${setName} counts levels of scale ${input}, but ${subject.label} counts levels of ${counted.join(' and ')}`,
      `use a band set whose inputScale is ${other}, or put ${subject.label}'s inputs on ${input}`,
    );
  }
}

function checkCombine(ctx: CheckContext, subject: Subject): void {
  if (subject.kind === 'criterion' && (subject.node.kind === 'sample' || subject.node.kind === 'direct')) {
    ctx.error(
      'BAD_AGGREGATION',
      subject.node,
      'band',
      `${subject.label} combines the bands of its children, but a ${subject.node.kind} criterion has none`,
      'use band: <band set> for this criterion',
    );
    return;
  }
  const scales = childBandScales(ctx, subject);
  if (!allDeclared(ctx, scales)) return;
  if (scales.length === 0) {
    ctx.error(
      'BAD_AGGREGATION',
      subject.node,
      'band',
      `${subject.label} combines the bands of its children, but none of them has a band`,
      'give its children bands, or band it with a band set',
    );
  } else if (scales.length > 1) {
    ctx.error(
      'SCALE_MISMATCH',
      subject.node,
      'band',
      `${subject.label} takes the ${typeof subject.node.band === 'object' ? subject.node.band.combine : ''} band of children banded on different scales: ${scales.join(', ')}`,
      'band the children on one scale, or band this result with a band set',
    );
  }
}

function checkPoints(ctx: CheckContext, subject: Subject): void {
  if (subject.kind === 'criterion' || subject.node.points === undefined) return;
  const points = subject.node.points;
  const scales = countedScales(ctx, subject);
  if (scales.length !== 1) return;
  for (const level of Object.keys(points)) ctx.requireLevel(level, scales[0]!, points, level, `points of ${subject.label}`, true);
}

function usesPoints(set: ResolvedBandSet): boolean {
  return [...set.rules, ...set.limits].some((r) => conditionParts(r.when).some((p) => p.kind === 'fact' && POINTS_FACTS.has(p.node.fact)));
}

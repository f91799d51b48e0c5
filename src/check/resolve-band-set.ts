/**
 * A band set as its uses see it once `extends` is followed: its own rules first, then those of the
 * set it extends (and so on), its limits after the other's, and `scale`, `inputScale`, `otherwise`
 * and `title` from the nearest set that gives them. Every rule and limit remembers the set that
 * declares it and its place there, so explanations and coverage can name it.
 */
import type { BandRuleEntry, BandSet, Limit } from '../model/pack.js';

/** A rule with the band set that declares it and its index there (from 0). */
export interface ResolvedRule extends BandRuleEntry {
  declaredIn: string;
  index: number;
}

/** A limit with the band set that declares it (null: the result itself declares it). */
export interface ResolvedLimit extends Limit {
  declaredIn: string | null;
}

export interface ResolvedBandSet {
  /** The name the set was asked for by. */
  id: string;
  title?: string;
  scale?: string;
  inputScale?: string;
  otherwise?: string;
  rules: ResolvedRule[];
  limits: ResolvedLimit[];
  /** The set and those it extends, nearest first. */
  chain: string[];
  /** Set when following `extends` met a set twice (a circle) or a name that is not declared. */
  broken?: { kind: 'cycle' | 'unknown'; name: string };
}

/** Follows `extends` from a band set; undefined when the set itself is not declared. */
export function resolveBandSet(name: string, lookup: (name: string) => BandSet | undefined): ResolvedBandSet | undefined {
  const first = lookup(name);
  if (!first) return undefined;
  const resolved: ResolvedBandSet = { id: name, rules: [], limits: [], chain: [] };
  const limitLayers: ResolvedLimit[][] = [];
  let current: BandSet | undefined = first;
  let currentName = name;
  while (current) {
    resolved.chain.push(currentName);
    resolved.title ??= current.title;
    resolved.scale ??= current.scale;
    resolved.inputScale ??= current.inputScale;
    resolved.otherwise ??= current.otherwise;
    const declaredIn = currentName;
    (current.rules ?? []).forEach((rule, index) => resolved.rules.push({ ...rule, declaredIn, index }));
    limitLayers.unshift((current.limits ?? []).map((limit) => ({ ...limit, declaredIn })));
    const base = current.extends;
    if (base === undefined) break;
    if (resolved.chain.includes(base)) {
      resolved.broken = { kind: 'cycle', name: base };
      break;
    }
    current = lookup(base);
    if (!current) resolved.broken = { kind: 'unknown', name: base };
    currentName = base;
  }
  resolved.limits = limitLayers.flat();
  return resolved;
}

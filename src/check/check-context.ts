/**
 * What every semantic check shares: the pack, where its parts came from, look-ups that fall back
 * to the methodology for a thematic, and the list of diagnostics with located, deduplicated entries.
 */
import type { Diagnostic, ErrorCode } from '../model/errors.js';
import type { BandSet, Condition, Criterion, FactDeclaration, Pack, Scale } from '../model/pack.js';
import type { SourceMap } from '../source/source-map.js';
import { didYouMean, listNames } from '../source/suggest-name.js';
import { resolveBandSet, type ResolvedBandSet } from './resolve-band-set.js';

/** A declared fact and whether it belongs to cases or to the area. */
export interface FactInfo {
  declaration: FactDeclaration;
  of: 'case' | 'area';
}

/** The named things a pack can refer to, by kind. */
type NamedKind = 'scales' | 'weightClasses' | 'conditions' | 'bandSets';

export class CheckContext {
  readonly diagnostics: Diagnostic[] = [];
  private readonly seen = new Set<string>();
  /** The pack's criteria by id (the first of any duplicates). */
  readonly criteria = new Map<string, Criterion>();

  constructor(
    readonly pack: Pack,
    readonly sources: SourceMap,
    readonly methodology?: Pack,
  ) {
    for (const c of pack.criteria ?? []) if (!this.criteria.has(c.id)) this.criteria.set(c.id, c);
  }

  /** Reports an error at `node` (or its property `key`, or that property's key when `onKey`). */
  error(code: ErrorCode, node: object, key: string | number | undefined, message: string, hint: string, onKey = false): void {
    this.report('error', code, node, key, message, hint, onKey);
  }

  /** Reports a warning, located as for `error`. */
  warn(code: ErrorCode, node: object, key: string | number | undefined, message: string, hint: string, onKey = false): void {
    this.report('warning', code, node, key, message, hint, onKey);
  }

  private report(
    severity: Diagnostic['severity'],
    code: ErrorCode,
    node: object,
    key: string | number | undefined,
    message: string,
    hint: string,
    onKey: boolean,
  ): void {
    const at = this.sources.locate(node, key, onKey);
    const d: Diagnostic = { code, severity, message, hint };
    if (at) Object.assign(d, { file: at.file, line: at.line, column: at.column, pointer: at.pointer });
    const id = `${code}|${d.file}|${d.line}|${d.column}|${message}`;
    if (this.seen.has(id)) return;
    this.seen.add(id);
    this.diagnostics.push(d);
  }

  /** A named thing of this pack or, for a thematic, of its methodology. */
  private named<T>(kind: NamedKind, name: string): T | undefined {
    const own = this.pack[kind] as Record<string, T> | undefined;
    if (own && Object.hasOwn(own, name)) return own[name];
    const theirs = this.methodology?.[kind] as Record<string, T> | undefined;
    return theirs && Object.hasOwn(theirs, name) ? theirs[name] : undefined;
  }

  /** Every name of a kind, this pack's first. */
  names(kind: NamedKind): string[] {
    return [...new Set([...Object.keys(this.pack[kind] ?? {}), ...Object.keys(this.methodology?.[kind] ?? {})])];
  }

  scale(name: string): Scale | undefined {
    return this.named<Scale>('scales', name);
  }

  bandSet(name: string): BandSet | undefined {
    return this.named<BandSet>('bandSets', name);
  }

  /** A band set with `extends` followed (its rules, limits and scales as its uses see them). */
  resolvedBandSet(name: string): ResolvedBandSet | undefined {
    return resolveBandSet(name, (n) => this.bandSet(n));
  }

  condition(name: string): Condition | undefined {
    return this.named<Condition>('conditions', name);
  }

  weightClass(name: string): number | undefined {
    return this.named<number>('weightClasses', name);
  }

  /** The level ids of a scale, or undefined when there is no such scale. */
  levels(scaleName: string): string[] | undefined {
    return this.scale(scaleName)?.levels?.map((l) => l.id);
  }

  /** A declared case or area fact. */
  fact(name: string): FactInfo | undefined {
    for (const source of [this.pack, this.methodology]) {
      for (const of of ['case', 'area'] as const) {
        const declarations = source?.facts?.[of];
        if (declarations && Object.hasOwn(declarations, name)) return { declaration: declarations[name]!, of };
      }
    }
    return undefined;
  }

  /** The declared fact names, of cases, of the area, or both. */
  factNames(of?: 'case' | 'area'): string[] {
    const kinds = of ? [of] : (['case', 'area'] as const);
    const names = [this.pack, this.methodology].flatMap((p) => kinds.flatMap((k) => Object.keys(p?.facts?.[k] ?? {})));
    return [...new Set(names)];
  }

  /**
   * Checks that `name` names a scale; reports UNKNOWN_SCALE otherwise. Returns whether it does.
   */
  requireScale(name: string, node: object, key: string | number, what: string): boolean {
    if (this.scale(name)) return true;
    const names = this.names('scales');
    this.error(
      'UNKNOWN_SCALE',
      node,
      key,
      `unknown scale '${name}' in ${what}${didYouMean(name, names)}`,
      `declare it under scales, or use one of: ${listNames(names)}`,
    );
    return false;
  }

  /** Checks that `level` is a level of `scaleName` (when that scale exists); reports UNKNOWN_LEVEL otherwise. */
  requireLevel(level: string, scaleName: string, node: object, key: string | number, what: string, onKey = false): boolean {
    const levels = this.levels(scaleName);
    // A scale without levels is reported once, as EMPTY_SCALE, not at every use.
    if (!levels || levels.length === 0 || levels.includes(level)) return true;
    this.error(
      'UNKNOWN_LEVEL',
      node,
      key,
      `'${level}' in ${what} is not a level of scale ${scaleName}${didYouMean(level, levels)}`,
      `use one of the levels of ${scaleName}: ${listNames(levels)}`,
      onKey,
    );
    return false;
  }
}

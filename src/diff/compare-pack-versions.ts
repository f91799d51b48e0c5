/**
 * The means of a pack diff, whatever is compared: the weight classes and scales each version can
 * use, a change recorded with its bump and reason, listed properties compared with a judge each,
 * things keyed by id (removed, added, or compared when in both) and things listed inside criteria
 * (moved from one criterion to another). diff-packs.ts says what is compared and how it is judged.
 */
import type { Criterion, Pack, Scale } from '../model/pack.js';
import { REASONS, type Bump, type ChangeArea, type PackChange } from './pack-change.js';
import { describeThing, same, show } from './show-changed-value.js';

export type Level = Exclude<Bump, 'none'>;

/** How a property's change is judged: a fixed bump, or a function of the two values (null: no change worth a bump). */
export type Judge = Level | ((before: unknown, after: unknown) => Level | { bump: Level; reason: string });

/** For thematics: the methodology each version attaches to, whose weight classes and scales it may use. */
export interface DiffContext {
  before?: Pack;
  after?: Pack;
}

export class PackComparer {
  readonly changes: PackChange[] = [];

  constructor(
    protected readonly before: Pack,
    protected readonly after: Pack,
    private readonly methodologies: DiffContext = {},
  ) {}

  /** The weight classes and scales a version can use: its own, then (for a thematic) its methodology's. */
  protected names(side: 'before' | 'after'): { weightClasses: Record<string, number>; scales: Record<string, Scale> } {
    const pack = this[side];
    const methodology = this.methodologies[side];
    return { weightClasses: { ...methodology?.weightClasses, ...pack.weightClasses }, scales: { ...methodology?.scales, ...pack.scales } };
  }

  add(area: ChangeArea, id: string, kind: PackChange['kind'], bump: Level, extra: Partial<PackChange> = {}, reason: string = REASONS[bump]): void {
    this.changes.push({ area, id, kind, ...extra, bump, reason });
  }

  /** Compares the listed properties of one thing present in both versions. */
  fields(area: ChangeArea, id: string, before: object, after: object, judges: Record<string, Judge>): void {
    const b = before as Record<string, unknown>;
    const a = after as Record<string, unknown>;
    for (const [field, judge] of Object.entries(judges)) {
      if (same(b[field], a[field])) continue;
      const judged = typeof judge === 'function' ? judge(b[field], a[field]) : judge;
      const { bump, reason } = typeof judged === 'string' ? { bump: judged, reason: REASONS[judged] } : judged;
      this.add(area, id, 'changed', bump, { field, before: show(field, b[field]), after: show(field, a[field]) }, reason);
    }
  }

  /** Things listed inside criteria (questions, items, measures), keyed by id: moving one to another criterion is minor, then its fields are compared. */
  withinCriteria<T extends { id: string }>(area: ChangeArea, list: (c: Criterion) => T[] | undefined, compare: (id: string, b: T, a: T) => void): void {
    const map = (p: Pack) => new Map((p.criteria ?? []).flatMap((c) => (list(c) ?? []).map((entry) => [entry.id, { entry, criterion: c.id }] as const)));
    this.keyed(area, map(this.before), map(this.after), (id, b, a) => {
      if (b.criterion !== a.criterion) this.add(area, id, 'moved', 'minor', { before: `criterion ${b.criterion}`, after: `criterion ${a.criterion}` });
      compare(id, b.entry, a.entry);
    });
  }

  /** Things keyed by id or name: removed (major), added (minor, or what `added` says), and those in both compared. */
  keyed<T>(
    area: ChangeArea,
    before: Map<string, T>,
    after: Map<string, T>,
    compare: (id: string, b: T, a: T) => void,
    added: (id: string, a: T) => { bump: Level; reason?: string } = () => ({ bump: 'minor' }),
  ): void {
    for (const [id, b] of before) {
      const a = after.get(id);
      if (a === undefined) this.add(area, id, 'removed', 'major', { before: describeThing(b) });
      else compare(id, b, a);
    }
    for (const [id, a] of after) {
      if (before.has(id)) continue;
      const judged = added(id, a);
      this.add(area, id, 'added', judged.bump, { after: describeThing(a) }, judged.reason ?? REASONS[judged.bump]);
    }
  }
}

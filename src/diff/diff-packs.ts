/**
 * A semantic diff of two versions of a pack (each with its includes merged): what was added,
 * removed, moved or changed, property by property, each change with the semver bump it calls
 * for — `major` when an id goes (a rename is a removal and an addition) or existing data stops
 * being valid, `minor` when a score can move on the same data, `patch` for wording only.
 */
import type { BandSet, Criterion, FactDeclaration, Overall, Pack, Scale, Section } from '../model/pack.js';
import { renderCondition } from '../explain/render-condition.js';
import { PackComparer, type DiffContext, type Level } from './compare-pack-versions.js';
import { maxBump, type Bump, type PackChange } from './pack-change.js';
import { reordered, same, show } from './show-changed-value.js';

export type { DiffContext };

class Differ extends PackComparer {
  run(): PackChange[] {
    this.pack();
    this.facts();
    this.scales();
    this.weightClasses();
    this.conditions();
    this.bandSets();
    this.sections();
    this.criteria();
    this.overall();
    this.rounding();
    return this.changes;
  }

  private pack(): void {
    this.fields('pack', this.after.id, this.before, this.after, {
      id: 'major',
      kind: 'major',
      title: 'patch',
      description: 'patch',
      status: 'patch',
      effective: 'patch',
      sources: 'patch',
      reconstructions: 'patch',
    });
    const b = this.before.attachesTo;
    const a = this.after.attachesTo;
    if (!same(b, a)) {
      if (!b || !a) this.add('pack', this.after.id, 'changed', 'major', { field: 'attachesTo', before: show('attachesTo', b), after: show('attachesTo', a) });
      else
        this.fields(
          'pack',
          this.after.id,
          { 'attachesTo.methodology': b.methodology, 'attachesTo.versions': b.versions, 'attachesTo.path': b.path },
          { 'attachesTo.methodology': a.methodology, 'attachesTo.versions': a.versions, 'attachesTo.path': a.path },
          { 'attachesTo.methodology': 'major', 'attachesTo.versions': 'minor', 'attachesTo.path': 'patch' },
        );
    }
  }

  private facts(): void {
    const all = (p: Pack) =>
      new Map<string, FactDeclaration>([
        ...Object.entries(p.facts?.case ?? {}).map(([n, d]) => [`case.${n}`, d] as [string, FactDeclaration]),
        ...Object.entries(p.facts?.area ?? {}).map(([n, d]) => [`area.${n}`, d] as [string, FactDeclaration]),
      ]);
    this.keyed(
      'fact',
      all(this.before),
      all(this.after),
      (id, b, a) => {
        this.fields('fact', id, b, a, {
          type: 'major',
          values: (x, y) => (((x as string[] | undefined) ?? []).every((v) => ((y as string[] | undefined) ?? []).includes(v)) ? 'minor' : 'major'),
          required: (_x, y) => (y === true ? 'major' : 'minor'),
          minimum: (x, y) => (y !== undefined && (x === undefined || (y as number) > (x as number)) ? 'major' : 'minor'),
          maximum: (x, y) => (y !== undefined && (x === undefined || (y as number) < (x as number)) ? 'major' : 'minor'),
          description: 'patch',
        });
      },
      (_id, a) => (a.required ? { bump: 'major', reason: 'a new required fact makes existing case data invalid' } : { bump: 'minor' }),
    );
  }

  private scales(): void {
    const map = (p: Pack) => new Map(Object.entries(p.scales ?? {}));
    this.keyed('scale', map(this.before), map(this.after), (id, b: Scale, a: Scale) => {
      const before = b.levels.map((l) => l.id);
      const after = a.levels.map((l) => l.id);
      const gone = before.filter((l) => !after.includes(l));
      const added = after.filter((l) => !before.includes(l));
      for (const level of gone) this.add('scale', `${id}.${level}`, 'removed', 'major', { before: b.levels.find((l) => l.id === level)?.label ?? level });
      for (const level of added) this.add('scale', `${id}.${level}`, 'added', 'minor', { after: a.levels.find((l) => l.id === level)?.label ?? level });
      if (reordered(before, after))
        this.add(
          'scale',
          id,
          'changed',
          'minor',
          { field: 'order of levels', before: show('', before), after: show('', after) },
          'can move a band or an "at least" count on the same data',
        );
      for (const level of a.levels) {
        const old = b.levels.find((l) => l.id === level.id);
        if (old) this.fields('scale', `${id}.${level.id}`, old, level, { label: 'patch', description: 'patch' });
      }
      this.fields('scale', id, b, a, { title: 'patch', countLabel: 'patch', met: 'minor' });
      const na = (s: Scale) => s.notApplicable;
      if (!same(na(b), na(a))) {
        if (na(b) && na(a) && na(b)!.id === na(a)!.id) this.fields('scale', `${id}.${na(a)!.id}`, na(b)!, na(a)!, { label: 'patch', description: 'patch' });
        else
          this.add('scale', id, 'changed', na(b) ? 'major' : 'minor', { field: 'notApplicable', before: na(b)?.id ?? '(none)', after: na(a)?.id ?? '(none)' });
      }
    });
  }

  private weightClasses(): void {
    const map = (p: Pack) => new Map(Object.entries(p.weightClasses ?? {}));
    this.keyed('weightClass', map(this.before), map(this.after), (id, b, a) => {
      if (b !== a) this.add('weightClass', id, 'changed', 'minor', { field: 'weight', before: String(b), after: String(a) });
    });
  }

  private conditions(): void {
    const map = (p: Pack) => new Map(Object.entries(p.conditions ?? {}));
    this.keyed('condition', map(this.before), map(this.after), (id, b, a) => {
      if (!same(b, a)) this.add('condition', id, 'changed', 'minor', { field: 'condition', before: renderCondition(b), after: renderCondition(a) });
    });
  }

  private bandSets(): void {
    const map = (p: Pack) => new Map(Object.entries(p.bandSets ?? {}));
    this.keyed('bandSet', map(this.before), map(this.after), (id, b: BandSet, a: BandSet) => {
      this.fields('bandSet', id, b, a, { title: 'patch', extends: 'minor', scale: 'minor', inputScale: 'minor', otherwise: 'minor', limits: 'minor' });
      const before = b.rules ?? [];
      const after = a.rules ?? [];
      const n = Math.max(before.length, after.length);
      for (let i = 0; i < n; i++) {
        const rb = before[i];
        const ra = after[i];
        const ruleId = `${id} rule ${i + 1}`;
        if (!rb) this.add('bandSet', ruleId, 'added', 'minor', { after: `${ra!.level}: ${renderCondition(ra!.when)}` });
        else if (!ra)
          this.add('bandSet', ruleId, 'removed', 'minor', { before: `${rb.level}: ${renderCondition(rb.when)}` }, 'can move a band on the same data');
        else this.fields('bandSet', `${ruleId} (${ra.level})`, rb, ra, { level: 'minor', when: 'minor', note: 'patch' });
      }
    });
  }

  private sections(): void {
    const map = (p: Pack) => new Map(p.sections.map((s) => [s.id, s]));
    this.keyed('section', map(this.before), map(this.after), (id, b: Section, a: Section) => {
      this.fields('section', id, b, a, {
        title: 'patch',
        description: 'patch',
        summary: 'patch',
        score: 'minor',
        band: 'minor',
        limits: 'minor',
        levels: 'minor',
        itemScale: 'minor',
        items: 'minor',
        points: 'minor',
        weight: (x, y) => this.weightJudge(x, y),
        adjustable: adjustableJudge,
      });
      const before = b.criteria ?? [];
      const after = a.criteria ?? [];
      if (reordered(before, after))
        this.add(
          'section',
          id,
          'changed',
          'patch',
          { field: 'order of criteria', before: show('', before), after: show('', after) },
          'the order they are reported in only',
        );
    });
    const ids = (p: Pack) => p.sections.map((s) => s.id);
    if (reordered(ids(this.before), ids(this.after)))
      this.add(
        'section',
        '(all)',
        'changed',
        'patch',
        {
          field: 'order',
          before: show(
            '',
            this.before.sections.map((s) => s.id),
          ),
          after: show(
            '',
            this.after.sections.map((s) => s.id),
          ),
        },
        'the order they are reported in only',
      );
  }

  /** A weight class changed for another of the same weight moves nothing. */
  private weightJudge(before: unknown, after: unknown): Level {
    const value = (w: unknown, side: 'before' | 'after') => (typeof w === 'string' ? this.names(side).weightClasses[w] : w);
    const b = value(before, 'before');
    return b !== undefined && b === value(after, 'after') ? 'patch' : 'minor';
  }

  private criteria(): void {
    const map = (p: Pack) => new Map((p.criteria ?? []).map((c) => [c.id, c]));
    const sectionOf = (p: Pack, id: string) => p.sections.find((s) => (s.criteria ?? []).includes(id))?.id ?? '(no section)';
    this.keyed('criterion', map(this.before), map(this.after), (id, b: Criterion, a: Criterion) => {
      const from = sectionOf(this.before, id);
      const to = sectionOf(this.after, id);
      if (from !== to) this.add('criterion', id, 'moved', 'minor', { before: `section ${from}`, after: `section ${to}` });
      this.fields('criterion', id, b, a, {
        title: 'patch',
        description: 'patch',
        source: 'patch',
        kind: 'major',
        weight: (x, y) => this.weightJudge(x, y),
        score: 'minor',
        band: 'minor',
        limits: 'minor',
        itemScale: 'minor',
        statuses: 'minor',
        adjustable: adjustableJudge,
      });
    });
    this.questions();
    this.items();
    this.measures();
  }

  private questions(): void {
    this.withinCriteria(
      'question',
      (c) => c.questions,
      (id, b, a) => {
        this.fields('question', id, b, a, {
          text: 'patch',
          source: 'patch',
          appliesWhen: () =>
            b.scale !== undefined || a.scale !== undefined
              ? {
                  bump: 'major',
                  reason: 'cases answered under the old condition may not fit the new one (answers where it no longer applies, none where it now does)',
                }
              : 'minor',
          metWhen: (_x, y) => (y === undefined ? 'major' : 'minor'),
          scale: (x, y) => this.scaleJudge(x as string | undefined, y as string | undefined),
          weight: 'minor',
        });
      },
    );
    const order = (p: Pack) => (p.criteria ?? []).flatMap((c) => (c.questions ?? []).map((q) => q.id));
    if (reordered(order(this.before), order(this.after))) {
      this.add('question', '(all)', 'changed', 'patch', { field: 'order' }, 'the order they are reported in only');
    }
  }

  /** A question moved to another scale: major when answers on the old scale stop being levels of the new one. */
  private scaleJudge(before: string | undefined, after: string | undefined): Level {
    const levels = (side: 'before' | 'after', id: string | undefined) => {
      const s = id === undefined ? undefined : this.names(side).scales[id];
      return s ? [...s.levels.map((l) => l.id), ...(s.notApplicable ? [s.notApplicable.id] : [])] : [];
    };
    if (after === undefined) return 'major';
    const next = levels('after', after);
    return levels('before', before).every((l) => next.includes(l)) ? 'minor' : 'major';
  }

  private items(): void {
    this.withinCriteria(
      'item',
      (c) => c.items,
      (id, b, a) => {
        this.fields('item', id, b, a, {
          text: 'patch',
          source: 'patch',
          excluded: (x, y) => ((x === undefined) === (y === undefined) ? 'patch' : 'minor'),
          weight: 'minor',
          from: 'minor',
        });
      },
    );
  }

  private measures(): void {
    this.withinCriteria(
      'measure',
      (c) => c.measures,
      (id, b, a) => {
        this.fields('measure', id, b, a, {
          measure: 'patch',
          unit: 'patch',
          source: 'patch',
          direction: 'minor',
          target: 'minor',
          tolerance: 'minor',
          excluded: (x, y) => ((x === undefined) === (y === undefined) ? 'patch' : 'minor'),
        });
      },
    );
  }

  private overall(): void {
    const b: Overall | undefined = this.before.overall;
    const a: Overall | undefined = this.after.overall;
    if (!b && !a) return;
    if (!a) return this.add('overall', 'overall', 'removed', 'major', { before: b!.title });
    if (!b) return this.add('overall', 'overall', 'added', 'minor', { after: a.title });
    this.fields('overall', 'overall', b, a, {
      title: 'patch',
      summary: 'patch',
      score: 'minor',
      band: 'minor',
      limits: 'minor',
      points: 'minor',
      adjustable: adjustableJudge,
    });
  }

  private rounding(): void {
    this.fields('rounding', 'rounding', this.before.rounding, this.after.rounding, { mode: 'minor', digits: 'minor', at: 'minor', display: 'patch' });
  }
}

/** Taking away what an inspector may adjust breaks inspections that adjust it; allowing more does not. */
function adjustableJudge(before: unknown, after: unknown): Level {
  const b = (before as string[] | undefined) ?? [];
  const a = (after as string[] | undefined) ?? [];
  return b.every((x) => a.includes(x)) ? 'minor' : 'major';
}

/** The changes from one version of a pack to another. */
export function diffPacks(before: Pack, after: Pack, methodologies: DiffContext = {}): PackChange[] {
  return new Differ(before, after, methodologies).run();
}

/** The bump the changes call for together. */
export function requiredBump(changes: readonly PackChange[]): Bump {
  return changes.reduce<Bump>((bump, c) => maxBump(bump, c.bump), 'none');
}

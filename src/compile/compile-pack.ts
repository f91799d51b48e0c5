/**
 * Compiles a checked methodology pack and its thematics into a CompiledPlan. Names a thematic
 * does not declare are looked up in its methodology (facts, scales, weight classes, conditions,
 * band sets). Runs once per pack; nothing here is on the per-case path.
 */
import type { Condition } from '../model/condition.js';
import type { BandRule, BandSet, Criterion, FactDeclaration, Limit, Pack, Scale, ScoreRule, Section } from '../model/pack.js';
import { resolveBandSet, type ResolvedLimit } from '../check/resolve-band-set.js';
import { compileCondition, type ConditionScope, type Predicate } from './compile-condition.js';
import { Fraction, exact } from './exact-number.js';
import { bandFact } from './band-facts.js';
import { hashPack } from './hash-pack.js';
import {
  Outcome,
  type BandInputs,
  type CasePredicate,
  type CompiledBand,
  type CompiledLimit,
  type CompiledCriterion,
  type CompiledModule,
  type CompiledPlan,
  type CompiledQuestion,
  type CompiledSection,
  type FactRecord,
  type FactVector,
  type RankedScale,
  type VectorPredicate,
} from './compiled-plan.js';

/** A pack that cannot be compiled: it was not checked, or its checks were ignored. */
export class CompileError extends Error {}

/** Names visible to one module: its own first, then its methodology's. */
interface Names {
  facts: Map<string, { declaration: FactDeclaration; scope: 'case' | 'area' }>;
  scales: Map<string, RankedScale>;
  weightClasses: Map<string, number>;
  conditions: Map<string, Condition>;
  bandSets: Map<string, BandSet>;
}

export function rankScale(id: string, scale: Scale): RankedScale {
  return {
    id,
    scale,
    rank: new Map(scale.levels.map((level, index) => [level.id, index])),
    levels: scale.levels,
    notApplicable: scale.notApplicable ?? null,
  };
}

function namesOf(pack: Pack, parent: Names | null): Names {
  const names: Names = parent
    ? {
        facts: new Map(parent.facts),
        scales: new Map(parent.scales),
        weightClasses: new Map(parent.weightClasses),
        conditions: new Map(parent.conditions),
        bandSets: new Map(parent.bandSets),
      }
    : { facts: new Map(), scales: new Map(), weightClasses: new Map(), conditions: new Map(), bandSets: new Map() };
  for (const [name, declaration] of Object.entries(pack.facts?.case ?? {})) names.facts.set(name, { declaration, scope: 'case' });
  for (const [name, declaration] of Object.entries(pack.facts?.area ?? {})) names.facts.set(name, { declaration, scope: 'area' });
  for (const [id, scale] of Object.entries(pack.scales ?? {})) names.scales.set(id, rankScale(id, scale));
  for (const [id, weight] of Object.entries(pack.weightClasses ?? {})) names.weightClasses.set(id, weight);
  for (const [id, condition] of Object.entries(pack.conditions ?? {})) names.conditions.set(id, condition);
  for (const [id, set] of Object.entries(pack.bandSets ?? {})) names.bandSets.set(id, set);
  return names;
}

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new CompileError(`${what} is not declared (check the pack first)`);
  return value;
}

/**
 * A fact's value, null when missing. Only own properties count: a fact named like an
 * Object.prototype member must not read the prototype (facts are never functions, so the
 * ownership check runs only then, off the common path).
 */
function ownFact(facts: FactRecord, name: string): unknown {
  const value = facts[name];
  if (value === undefined) return null;
  if (typeof value === 'function' && !Object.hasOwn(facts, name)) return null;
  return value;
}

/** Case conditions read a case fact or an area fact; a missing fact reads as null. */
function caseScope(names: Names): ConditionScope<FactRecord, FactRecord> {
  return {
    fact(name) {
      const fact = need(names.facts.get(name), `fact '${name}'`);
      return fact.scope === 'case' ? (facts) => ownFact(facts, name) : (_facts, area) => ownFact(area, name);
    },
    named: (name) => names.conditions.get(name),
  };
}

/** The same conditions over fact vectors: a fact is read from its slot, with no name lookup. */
function vectorScope(names: Names, slots: Slots): ConditionScope<FactVector, FactVector> {
  return {
    fact(name) {
      const fact = need(names.facts.get(name), `fact '${name}'`);
      const slot = need((fact.scope === 'case' ? slots.caseSlots : slots.areaSlots).get(name), `slot of fact '${name}'`);
      return fact.scope === 'case' ? (facts) => facts[slot] : (_facts, area) => area[slot];
    },
    named: (name) => names.conditions.get(name),
  };
}

/** Where each fact sits in a fact vector, and the code of every answer text. */
interface Slots {
  caseSlots: Map<string, number>;
  areaSlots: Map<string, number>;
  levelCodes: Map<string, number>;
}

function bandScope(names: Names): ConditionScope<BandInputs, FactRecord> {
  return {
    fact(name, params) {
      const area = names.facts.get(name);
      if (area?.scope === 'area') return (_inputs, areaFacts) => ownFact(areaFacts, name);
      return bandFact(name, params);
    },
    named: (name) => names.conditions.get(name),
  };
}

function weightOf(weight: string | number | undefined, names: Names): Fraction | null {
  if (weight === undefined) return null;
  return exact(typeof weight === 'number' ? weight : need(names.weightClasses.get(weight), `weight class '${weight}'`));
}

function compileLimits(limits: ResolvedLimit[], names: Names, cache: Map<string, Predicate<BandInputs, FactRecord>>): CompiledLimit[] {
  const scope = bandScope(names);
  return limits.map((def) => ({
    def,
    kind: def.cap !== undefined ? 'cap' : 'floor',
    level: need(def.cap ?? def.floor, `the level of limit '${def.id}'`),
    when: compileCondition(def.when, scope, cache),
  }));
}

function compileBand(
  rule: string | BandRule | undefined,
  names: Names,
  caseConditions: Map<string, Predicate<BandInputs, FactRecord>>,
  own: Limit[] = [],
): CompiledBand | null {
  if (rule === undefined) return null;
  const ownLimits = own.map((limit): ResolvedLimit => ({ ...limit, declaredIn: null }));
  const setId = typeof rule === 'string' ? rule : rule.set;
  if (setId !== undefined) {
    const set = need(
      resolveBandSet(setId, (name) => names.bandSets.get(name)),
      `band set '${setId}'`,
    );
    if (set.broken)
      throw new CompileError(
        `band set '${setId}' extends ${set.broken.kind === 'cycle' ? 'itself in a circle' : `an undeclared set '${set.broken.name}'`} (check the pack first)`,
      );
    const scale = need(set.scale, `the scale of band set '${setId}'`);
    const scope = bandScope(names);
    return {
      kind: 'rules',
      setId,
      set,
      scale: need(names.scales.get(scale), `scale '${scale}'`),
      inputScale: set.inputScale ? need(names.scales.get(set.inputScale), `scale '${set.inputScale}'`) : null,
      rules: set.rules.map((r) => ({ level: r.level, when: compileCondition(r.when, scope, caseConditions) })),
      otherwise: set.otherwise ?? null,
      limits: compileLimits([...set.limits, ...ownLimits], names, caseConditions),
    };
  }
  if (typeof rule === 'object' && rule.combine)
    return { kind: 'combine', mode: rule.combine, scale: null, limits: compileLimits(ownLimits, names, caseConditions) };
  return null;
}

function compileQuestions(
  criterion: Criterion,
  module: CompiledModule,
  names: Names,
  slots: Slots,
  caches: { object: Map<string, CasePredicate>; vector: Map<string, VectorPredicate> },
): CompiledQuestion[] {
  return (criterion.questions ?? []).map((def) => {
    const scale = def.scale ? need(names.scales.get(def.scale), `scale '${def.scale}'`) : null;
    let answers: Map<string, Outcome> | null = null;
    if (scale) {
      const met = new Set(scale.scale.met ?? []);
      answers = new Map(scale.levels.map((l) => [l.id, met.has(l.id) ? Outcome.Met : Outcome.NotMet]));
      if (scale.notApplicable) answers.set(scale.notApplicable.id, Outcome.NotApplicable);
      for (const text of answers.keys()) if (!slots.levelCodes.has(text)) slots.levelCodes.set(text, slots.levelCodes.size + 1);
    }
    const objects = caseScope(names);
    const vectors = vectorScope(names, slots);
    return {
      index: -1,
      def,
      key: module.prefix + def.id,
      module,
      applies: def.appliesWhen ? compileCondition(def.appliesWhen, objects, caches.object) : null,
      appliesVector: def.appliesWhen ? compileCondition(def.appliesWhen, vectors, caches.vector) : null,
      answers,
      outcomeByCode: null,
      scale,
      metWhen: def.metWhen ? compileCondition(def.metWhen, objects, caches.object) : null,
      metWhenVector: def.metWhen ? compileCondition(def.metWhen, vectors, caches.vector) : null,
      weight: exact(def.weight ?? 1),
    };
  });
}

function pointsOf(points: Record<string, number> | undefined): Map<string, Fraction> | null {
  return points ? new Map(Object.entries(points).map(([level, p]) => [level, exact(p)])) : null;
}

/** A section rated straight from its items: its items as an evidence criterion of its own, which is never reported as one. */
function ownItems(section: Section, module: CompiledModule, names: Names): CompiledCriterion {
  const itemScale = need(section.itemScale, `the item scale of section '${section.id}'`);
  const own: CompiledCriterion = {
    def: { id: section.id, title: section.title, kind: 'evidence', itemScale, items: section.items ?? [] },
    key: module.prefix + section.id,
    module,
    weight: null,
    questions: [],
    score: null,
    band: null,
    itemScale: need(names.scales.get(itemScale), `scale '${itemScale}'`),
    items: [],
    measures: [],
    statusScale: null,
    bandScale: null,
  };
  own.items = (section.items ?? []).map((item) => ({
    def: item,
    key: module.prefix + item.id,
    weight: exact(item.weight ?? 1),
    counted: item.excluded === undefined,
    from: null,
  }));
  return own;
}

/** Orders criteria so that each comes after the criteria its items take levels from. */
function orderByDependencies(criteria: CompiledCriterion[]): CompiledCriterion[] {
  const done = new Set<CompiledCriterion>();
  const ordered: CompiledCriterion[] = [];
  const visit = (c: CompiledCriterion, path: CompiledCriterion[]) => {
    if (done.has(c)) return;
    if (path.includes(c)) throw new CompileError(`criteria take item levels from each other in a circle: ${[...path, c].map((x) => x.def.id).join(' → ')}`);
    for (const item of c.items) if (item.from) visit(item.from, [...path, c]);
    done.add(c);
    ordered.push(c);
  };
  for (const c of criteria) visit(c, []);
  return ordered;
}

/** The scale of the bands a node's children carry, when they share one. */
export function childBandScale(children: Array<{ bandScale: RankedScale | null }>): RankedScale | null {
  const scales = new Set(children.map((c) => c.bandScale).filter((s): s is RankedScale => s !== null));
  return scales.size === 1 ? [...scales][0]! : null;
}

function bandScaleOf(band: CompiledBand | null, children: Array<{ bandScale: RankedScale | null }>): RankedScale | null {
  if (!band) return null;
  if (band.kind === 'rules') return band.scale;
  band.scale = childBandScale(children);
  return band.scale;
}

function compileModule(pack: Pack, prefix: string, names: Names, slots: Slots): CompiledModule {
  const module: CompiledModule = {
    pack,
    sha256: hashPack(pack),
    prefix,
    sections: [],
    criteria: [],
    supporting: [],
    overall: null,
    rounding: pack.rounding,
    scales: names.scales,
    questions: [],
  };
  const caches = { object: new Map<string, CasePredicate>(), vector: new Map<string, VectorPredicate>() };
  const bandCache = new Map<string, Predicate<BandInputs, FactRecord>>();
  const byId = new Map<string, CompiledCriterion>();
  for (const def of pack.criteria ?? []) {
    const criterion: CompiledCriterion = {
      def,
      key: prefix + def.id,
      module,
      weight: weightOf(def.weight, names),
      questions: [],
      score: def.score ?? (def.kind === 'sample' ? ({ method: 'pooled' } satisfies ScoreRule) : null),
      band: compileBand(def.band, names, bandCache, def.limits),
      itemScale: def.itemScale ? need(names.scales.get(def.itemScale), `scale '${def.itemScale}'`) : null,
      items: [],
      measures: (def.measures ?? []).map((m) => ({ def: m, key: prefix + m.id, counted: m.excluded === undefined })),
      statusScale: def.statuses ? need(names.scales.get(def.statuses.scale), `scale '${def.statuses.scale}'`) : null,
      bandScale: null,
    };
    criterion.questions = compileQuestions(def, module, names, slots, caches);
    criterion.bandScale = criterion.band?.kind === 'rules' ? criterion.band.scale : null;
    byId.set(def.id, criterion);
  }
  for (const criterion of byId.values()) {
    criterion.items = (criterion.def.items ?? []).map((item) => ({
      def: item,
      key: prefix + item.id,
      weight: exact(item.weight ?? 1),
      counted: item.excluded === undefined,
      from: item.from ? need(byId.get(item.from), `criterion '${item.from}'`) : null,
    }));
  }
  module.criteria = orderByDependencies([...byId.values()]);
  const inSection = new Set<string>();
  module.sections = pack.sections.map((def): CompiledSection => {
    const criteria = (def.criteria ?? []).map((id) => need(byId.get(id), `criterion '${id}'`));
    criteria.forEach((c) => inSection.add(c.def.id));
    const band = compileBand(def.band, names, bandCache, def.limits);
    return {
      def,
      key: prefix + def.id,
      criteria,
      own: def.items ? ownItems(def, module, names) : null,
      weight: weightOf(def.weight, names),
      score: def.score ?? null,
      band,
      points: pointsOf(def.points),
      bandScale: bandScaleOf(band, criteria),
      childScale: childBandScale(criteria),
    };
  });
  // Criteria outside the sections are reported by id, so that the order of a pack's files never shows.
  module.supporting = module.criteria.filter((c) => !inSection.has(c.def.id)).sort((a, b) => (a.def.id < b.def.id ? -1 : a.def.id > b.def.id ? 1 : 0));
  if (pack.overall) {
    const band = compileBand(pack.overall.band, names, bandCache, pack.overall.limits);
    module.overall = {
      def: pack.overall,
      score: pack.overall.score ?? null,
      band,
      points: pointsOf(pack.overall.points),
      bandScale: bandScaleOf(band, module.sections),
      childScale: childBandScale(module.sections),
    };
  }
  module.questions = module.sections.flatMap((s) => s.criteria.flatMap((c) => c.questions));
  const supportingQuestions = module.supporting.flatMap((c) => c.questions);
  module.questions.push(...supportingQuestions);
  return module;
}

/** Compiles a checked methodology and the thematics attached to it. Throws CompileError on a pack that fails its checks. */
export function compilePlan(methodology: Pack, thematics: Pack[] = []): CompiledPlan {
  const caseFacts = new Map<string, FactDeclaration>();
  const areaFacts = new Map<string, FactDeclaration>();
  for (const pack of [methodology, ...thematics]) {
    for (const [n, d] of Object.entries(pack.facts?.case ?? {})) caseFacts.set(n, d);
    for (const [n, d] of Object.entries(pack.facts?.area ?? {})) areaFacts.set(n, d);
  }
  const slots: Slots = {
    caseSlots: new Map([...caseFacts.keys()].map((name, i) => [name, i])),
    areaSlots: new Map([...areaFacts.keys()].map((name, i) => [name, i])),
    levelCodes: new Map(),
  };
  const rootNames = namesOf(methodology, null);
  const modules = [compileModule(methodology, '', rootNames, slots)];
  for (const thematic of thematics) modules.push(compileModule(thematic, `${thematic.id}:`, namesOf(thematic, rootNames), slots));
  const questions = modules.flatMap((m) => m.questions);
  questions.forEach((q, index) => {
    q.index = index;
    if (q.answers) {
      const table = new Uint8Array(slots.levelCodes.size + 1);
      for (const [text, outcome] of q.answers) table[slots.levelCodes.get(text)!] = outcome;
      q.outcomeByCode = table;
    }
  });
  return {
    methodology: modules[0]!,
    thematics: modules.slice(1),
    modules,
    questions,
    questionByKey: new Map(questions.map((q) => [q.key, q])),
    caseFacts,
    areaFacts,
    ...slots,
  };
}

/**
 * Checks an inspection's area-level data against the plan before any case is counted: area
 * facts, evidence ratings, target figures, direct scores and adjustments. Diagnostics carry a
 * JSON pointer into the inspection document; the caller that read the file turns it into a line.
 */
import type { Diagnostic, ErrorCode } from '../model/errors.js';
import type { Adjustment, Inspection, ItemRating, TargetFigure } from '../model/inspection.js';
import type { CompiledCriterion, CompiledItem, CompiledMeasure, CompiledPlan, FactRecord, RankedScale } from '../compile/compiled-plan.js';
import { describe, factValueProblem } from './check-case.js';
import { validateValue } from '../check/validate-schema.js';
import { didYouMean, listNames } from '../source/suggest-name.js';

export interface CheckedInspection {
  area: FactRecord;
  evidence: Map<string, ItemRating>;
  targets: Map<string, TargetFigure>;
  scores: Map<string, number>;
  adjustments: Map<string, Adjustment>;
}

const escapePointer = (key: string) => key.replaceAll('~', '~0').replaceAll('/', '~1');

class Problems {
  readonly list: Diagnostic[] = [];
  add(code: ErrorCode, pointer: string, message: string, hint?: string): void {
    // Data for a thematic the plan lacks: the inspection does not list it, or a library caller compiled without it.
    if (code === 'UNKNOWN_THEMATIC')
      hint = "list the thematic under the inspection's thematics (in the library, compile with compilePack(methodology, { thematics }))";
    this.list.push({ code, severity: 'error', message, ...(hint ? { hint } : {}), pointer });
  }
}

/** The band scale and adjustability of everything an adjustment can name. */
function adjustableTargets(plan: CompiledPlan): Map<string, { allowed: readonly string[]; scale: RankedScale | null }> {
  const targets = new Map<string, { allowed: readonly string[]; scale: RankedScale | null }>();
  for (const m of plan.modules) {
    for (const c of m.criteria) targets.set(c.key, { allowed: c.def.adjustable ?? [], scale: c.bandScale });
    for (const s of m.sections) targets.set(s.key, { allowed: s.def.adjustable ?? [], scale: s.bandScale });
    if (m.overall) targets.set(`${m.prefix}overall`, { allowed: m.overall.def.adjustable ?? [], scale: m.overall.bandScale });
  }
  return targets;
}

function unknownKeyCode(plan: CompiledPlan, key: string, code: ErrorCode): ErrorCode {
  const colon = key.indexOf(':');
  if (colon < 0) return code;
  const prefix = key.slice(0, colon + 1);
  return plan.modules.some((m) => m.prefix === prefix) ? code : 'UNKNOWN_THEMATIC';
}

function checkArea(plan: CompiledPlan, inspection: Inspection, problems: Problems): FactRecord {
  const facts = inspection.area?.facts ?? {};
  for (const [name, value] of Object.entries(facts)) {
    const declaration = plan.areaFacts.get(name);
    if (!declaration) {
      problems.add(
        'AREA_FACT',
        `/area/facts/${escapePointer(name)}`,
        `unknown area fact '${name}'${didYouMean(name, plan.areaFacts.keys())}`,
        `declared area facts: ${listNames(plan.areaFacts.keys())}`,
      );
      continue;
    }
    const problem = factValueProblem(value, declaration);
    if (problem) problems.add('AREA_FACT', `/area/facts/${escapePointer(name)}`, `area fact '${name}': ${problem}`);
  }
  for (const [name, declaration] of plan.areaFacts) {
    if (declaration.required && !Object.hasOwn(facts, name))
      problems.add('AREA_FACT', '/area', `required area fact '${name}' is missing`, `add it under area.facts: ${name}: …`);
  }
  return facts;
}

function checkEvidence(plan: CompiledPlan, inspection: Inspection, problems: Problems): Map<string, ItemRating> {
  const items = new Map<string, { item: CompiledItem; criterion: CompiledCriterion }>();
  for (const m of plan.modules) {
    for (const c of [...m.criteria, ...m.sections.flatMap((s) => (s.own ? [s.own] : []))])
      for (const item of c.items) items.set(item.key, { item, criterion: c });
  }
  const ratings = new Map<string, ItemRating>();
  for (const [key, raw] of Object.entries(inspection.evidence ?? {})) {
    const pointer = `/evidence/${escapePointer(key)}`;
    const found = items.get(key);
    if (!found || found.item.from) {
      const rated = [...items.keys()].filter((k) => !items.get(k)!.item.from);
      const hint = found ? `its level comes from criterion ${found.item.from!.def.id}; remove the rating` : `evidence items: ${listNames(rated, 20)}`;
      problems.add(
        unknownKeyCode(plan, key, 'EVIDENCE_UNKNOWN_ITEM'),
        pointer,
        found ? `item ${key} is not rated by inspectors` : `unknown evidence item '${key}'${didYouMean(key, rated)}`,
        hint,
      );
      continue;
    }
    const rating: ItemRating = typeof raw === 'string' ? { level: raw } : raw;
    const scale = found.criterion.itemScale!;
    if (!scale.rank.has(rating.level) && scale.notApplicable?.id !== rating.level) {
      problems.add(
        'EVIDENCE_BAD_LEVEL',
        pointer,
        `rating ${describe(rating.level)} of ${key} is not a level of scale '${scale.id}'`,
        `use one of: ${levelIds(scale).join(', ')}`,
      );
      continue;
    }
    const whole = (n: number | undefined) => n === undefined || (Number.isInteger(n) && n >= 0);
    if (
      (rating.achieved === undefined) !== (rating.of === undefined) ||
      !whole(rating.achieved) ||
      !whole(rating.of) ||
      (rating.achieved !== undefined && rating.of !== undefined && rating.achieved > rating.of)
    ) {
      problems.add('EVIDENCE_BAD_LEVEL', pointer, `the count of ${key} must give both achieved and of, whole numbers with achieved ≤ of`);
      continue;
    }
    ratings.set(key, rating);
  }
  for (const [key, { item }] of items) {
    if (item.counted && !item.from && !ratings.has(key) && !Object.hasOwn(inspection.evidence ?? {}, key)) {
      problems.add(
        'EVIDENCE_MISSING',
        '/evidence',
        `evidence item ${key} has no rating`,
        `rate it under evidence: (use the scale's not-applicable level if it does not apply)`,
      );
    }
  }
  return ratings;
}

function levelIds(scale: RankedScale): string[] {
  return [...scale.levels.map((l) => l.id), ...(scale.notApplicable ? [scale.notApplicable.id] : [])];
}

function checkTargets(plan: CompiledPlan, inspection: Inspection, problems: Problems): Map<string, TargetFigure> {
  const measures = new Map<string, CompiledMeasure>();
  for (const m of plan.modules) for (const c of m.criteria) for (const measure of c.measures) measures.set(measure.key, measure);
  const figures = new Map<string, TargetFigure>();
  for (const [key, figure] of Object.entries(inspection.targets ?? {})) {
    const measure = measures.get(key);
    if (!measure) {
      problems.add(
        unknownKeyCode(plan, key, 'TARGET_UNKNOWN'),
        `/targets/${escapePointer(key)}`,
        `unknown target measure '${key}'${didYouMean(key, measures.keys())}`,
        `measures: ${listNames(measures.keys(), 20)}`,
      );
      continue;
    }
    if (figure.target === undefined && measure.def.target === undefined) {
      problems.add(
        'TARGET_NO_TARGET',
        `/targets/${escapePointer(key)}`,
        `measure ${key} has no target in the pack, so the inspection must give one`,
        'add target: <number> beside value:',
      );
    }
    figures.set(key, figure);
  }
  for (const key of measures.keys()) {
    if (!figures.has(key) && !Object.hasOwn(inspection.targets ?? {}, key))
      problems.add('TARGET_MISSING', '/targets', `target measure ${key} has no figure`, `add targets: ${key}: { value: … }`);
  }
  return figures;
}

function checkScores(plan: CompiledPlan, inspection: Inspection, problems: Problems): Map<string, number> {
  const direct = new Map<string, CompiledCriterion>();
  for (const m of plan.modules) for (const c of m.criteria) if (c.def.kind === 'direct') direct.set(c.key, c);
  const scores = new Map<string, number>();
  for (const [key, score] of Object.entries(inspection.scores ?? {})) {
    if (!direct.has(key)) {
      problems.add(
        unknownKeyCode(plan, key, 'SCORE_UNKNOWN'),
        `/scores/${escapePointer(key)}`,
        `'${key}' is not a criterion scored directly${didYouMean(key, direct.keys())}`,
        `direct criteria: ${listNames(direct.keys())}`,
      );
      continue;
    }
    if (typeof score !== 'number' || !Number.isFinite(score) || score < 0 || score > 100) {
      problems.add(
        'SCORE_UNKNOWN',
        `/scores/${escapePointer(key)}`,
        `the score of ${key} must be a number from 0 to 100, got ${describe(score)}`,
        'give a percentage from 0 to 100',
      );
      continue;
    }
    scores.set(key, score);
  }
  const given = inspection.scores ?? {};
  for (const key of direct.keys())
    if (!Object.hasOwn(given, key)) problems.add('SCORE_MISSING', '/scores', `direct criterion ${key} has no score`, `add scores: ${key}: <0–100>`);
  return scores;
}

function checkAdjustments(plan: CompiledPlan, inspection: Inspection, problems: Problems): Map<string, Adjustment> {
  const targets = adjustableTargets(plan);
  const adjustments = new Map<string, Adjustment>();
  (inspection.adjustments ?? []).forEach((adjustment, index) => {
    const pointer = `/adjustments/${index}`;
    const target = targets.get(adjustment.id);
    if (!target) {
      problems.add(
        unknownKeyCode(plan, adjustment.id, 'ADJUSTMENT_UNKNOWN'),
        pointer,
        `adjustment of unknown result '${adjustment.id}'`,
        'name a criterion, a section or overall',
      );
      return;
    }
    if (adjustments.has(adjustment.id)) {
      problems.add('ADJUSTMENT_UNKNOWN', pointer, `'${adjustment.id}' is adjusted twice`, 'give one adjustment per result');
      return;
    }
    for (const what of ['band', 'score'] as const) {
      if (adjustment[what] !== undefined && !target.allowed.includes(what)) {
        problems.add(
          'ADJUSTMENT_NOT_ALLOWED',
          pointer,
          `the pack does not allow ${adjustment.id}'s ${what} to be adjusted`,
          target.allowed.length ? `it allows: ${target.allowed.join(', ')}` : 'nothing about it may be adjusted',
        );
        return;
      }
    }
    if (adjustment.band === undefined && adjustment.score === undefined) {
      problems.add('ADJUSTMENT_NOT_ALLOWED', pointer, `the adjustment of ${adjustment.id} changes nothing`, 'give band: or score:');
      return;
    }
    if (adjustment.band !== undefined && !target.scale?.rank.has(adjustment.band)) {
      problems.add(
        'ADJUSTMENT_BAD_LEVEL',
        pointer,
        `${describe(adjustment.band)} is not a band of ${adjustment.id}`,
        target.scale ? `use one of: ${target.scale.levels.map((l) => l.id).join(', ')}` : `${adjustment.id} has no band`,
      );
      return;
    }
    if (typeof adjustment.reason !== 'string' || adjustment.reason.trim() === '') {
      problems.add('ADJUSTMENT_NOT_ALLOWED', pointer, `the adjustment of ${adjustment.id} has no reason`, 'every adjustment must say why: reason: …');
      return;
    }
    adjustments.set(adjustment.id, adjustment);
  });
  return adjustments;
}

export function checkInspection(plan: CompiledPlan, inspection: Inspection): { checked: CheckedInspection; errors: Diagnostic[] } {
  // An inspection built in code has not been through the JSON Schema as a file has: check its
  // shape first (the cases are checked one by one later), so nothing below meets a wrong type.
  const { cases: _cases, ...header } = inspection ?? {};
  const shape = validateValue('inspection', { pack: '(in memory)', ...header, cases: [] });
  if (shape.length > 0) return { checked: { area: {}, evidence: new Map(), targets: new Map(), scores: new Map(), adjustments: new Map() }, errors: shape };
  const problems = new Problems();
  const checked: CheckedInspection = {
    area: checkArea(plan, inspection, problems),
    evidence: checkEvidence(plan, inspection, problems),
    targets: checkTargets(plan, inspection, problems),
    scores: checkScores(plan, inspection, problems),
    adjustments: checkAdjustments(plan, inspection, problems),
  };
  return { checked, errors: problems.list };
}

/**
 * What an explanation reads: an inspection scored with every case's outcome kept, the compiled
 * plan it was scored with, and indexes from result ids to results and compiled nodes.
 */
import type { Condition } from '../model/condition.js';
import type { Diagnostic } from '../model/errors.js';
import type { InspectionResult, ScoredResult } from '../model/result.js';
import type { RoundingStage } from '../model/pack.js';
import type { CompiledCriterion, CompiledModule, CompiledPlan, CompiledQuestion, CompiledSection, FactRecord } from '../compile/compiled-plan.js';
import { Fraction, exact } from '../compile/exact-number.js';
import type { CaseTrace } from '../evaluate/tally-cases.js';
import { roundFraction } from '../evaluate/round-value.js';
import { indexResults, type IndexedResult } from '../tester/index-results.js';
import { scoreInspectionFile, type ScoredFile } from '../pipeline/score-file.js';

export interface ExplainContext {
  /** The inspection file explained. */
  file: string;
  result: InspectionResult;
  plan: CompiledPlan;
  /** Results by id (thematic ids prefixed). */
  index: Map<string, IndexedResult>;
  /** The area's facts. */
  area: FactRecord;
  /** Each scored case's outcome per question, in input order. */
  traces: readonly CaseTrace[];
  criteria: Map<string, CompiledCriterion>;
  sections: Map<string, CompiledSection>;
  questions: ReadonlyMap<string, CompiledQuestion>;
  scored: ScoredFile;
}

export interface OpenExplanationOptions {
  /** Score with this methodology pack instead of the inspection's. */
  pack?: string;
  /** Score with these thematics instead of the inspection's. */
  thematics?: string[];
  /** Leave out cases whose data is wrong. */
  excludeInvalid?: boolean;
  /** Read no file outside this folder (see OpenOptions.root). */
  root?: string;
}

/** Scores an inspection keeping each case's outcomes, and indexes what an explanation needs. */
export async function openExplanation(path: string, options: OpenExplanationOptions = {}): Promise<ExplainContext | { errors: Diagnostic[] }> {
  const scored = await scoreInspectionFile(path, {
    trace: true,
    ...(options.pack !== undefined ? { pack: options.pack } : {}),
    ...(options.thematics !== undefined ? { thematics: options.thematics } : {}),
    ...(options.root !== undefined ? { root: options.root } : {}),
    excludeInvalid: options.excludeInvalid === true,
  });
  if ('errors' in scored) return scored;
  return explainContext(path, scored);
}

export function explainContext(file: string, scored: ScoredFile): ExplainContext {
  const { plan, result } = scored;
  const criteria = new Map<string, CompiledCriterion>();
  const sections = new Map<string, CompiledSection>();
  for (const m of plan.modules) {
    for (const c of m.criteria) criteria.set(c.key, c);
    for (const s of m.sections) sections.set(s.key, s);
  }
  return {
    file,
    result,
    plan,
    index: indexResults(result),
    area: scored.opened.header.area.facts ?? {},
    traces: scored.tally.traces,
    criteria,
    sections,
    questions: plan.questionByKey,
    scored,
  };
}

/** The module a prefixed id belongs to: the thematic whose prefix it starts with, else the methodology. */
export function moduleOf(plan: CompiledPlan, key: string): CompiledModule {
  return plan.thematics.find((m) => key.startsWith(m.prefix)) ?? plan.methodology;
}

/** The named conditions a module's conditions may use: its own, then its methodology's. */
export function namedConditions(plan: CompiledPlan, module: CompiledModule): (name: string) => Condition | undefined {
  return (name) => module.pack.conditions?.[name] ?? plan.methodology.pack.conditions?.[name];
}

/** The section a criterion is listed in, if any. */
export function sectionOf(module: CompiledModule, criterion: CompiledCriterion): CompiledSection | undefined {
  return module.sections.find((s) => s.criteria.includes(criterion));
}

/** A fraction from a result's `n/d` text. */
export function parseFraction(text: string): Fraction {
  const [n, d = '1'] = text.split('/');
  return new Fraction(BigInt(n!), BigInt(d));
}

/** A value rounded as the module rounds a stage (unchanged when the stage is not rounded). */
export function roundAt(module: CompiledModule, stage: RoundingStage, value: Fraction): Fraction {
  const r = module.rounding;
  return r.at.includes(stage) ? roundFraction(value, r.digits, r.mode) : value;
}

/** The score a result passes up to its parent: the adjusted score, else the computed one rounded as its stage rounds. */
export function scorePassedUp(module: CompiledModule, stage: RoundingStage, result: ScoredResult): Fraction | null {
  if (result.adjustment?.score !== undefined) return exact(result.adjustment.score);
  if (result.exact === null) return null;
  return roundAt(module, stage, parseFraction(result.exact));
}

/** The score band rules see: the computed score, rounded as its stage rounds, before any adjustment. */
export function computedScore(module: CompiledModule, stage: RoundingStage, result: ScoredResult): Fraction | null {
  return result.exact === null ? null : roundAt(module, stage, parseFraction(result.exact));
}

/**
 * Incremental scoring for tools that keep an inspection open while cases change: add, change or
 * remove one case and get the result again, in time proportional to the pack, not the sample.
 * The counters are updated by the case's old and new outcomes; the result is rebuilt from the
 * counters. After any sequence of changes it equals a full re-score of the cases then held.
 */
import type { Diagnostic } from '../model/errors.js';
import type { CaseRecord } from '../model/inspection.js';
import type { CompiledPlan } from '../compile/compiled-plan.js';
import { checkInspection, type CheckedInspection } from './check-inspection.js';
import { buildResult, tallyErrors, type InspectionHeader, type ScoreOptions, type ScoreOutcome } from './score-inspection.js';
import { CaseTally } from './tally-cases.js';

export class IncrementalScorer {
  private readonly tally: CaseTally;
  /** Each counted case's outcomes by id, so that it can be taken back. */
  private readonly outcomes = new Map<string, Uint8Array>();

  private constructor(
    private readonly plan: CompiledPlan,
    private readonly header: InspectionHeader,
    private readonly checked: CheckedInspection,
    private readonly options: ScoreOptions,
  ) {
    this.tally = new CaseTally(plan, checked.area, { ...options, excludeInvalid: false, trace: false });
  }

  /** Checks the inspection's area-level data; returns a scorer holding no cases yet, or the errors. */
  static start(plan: CompiledPlan, header: InspectionHeader, options: ScoreOptions = {}): { scorer: IncrementalScorer } | { errors: Diagnostic[] } {
    const { checked, errors } = checkInspection(plan, { ...header, cases: [] });
    return errors.length > 0 ? { errors } : { scorer: new IncrementalScorer(plan, header, checked, options) };
  }

  /** How many cases the scorer holds. */
  get size(): number {
    return this.outcomes.size;
  }

  /** Adds a case, or replaces the case with the same id. A case with problems changes nothing and gives its errors. */
  upsert(record: CaseRecord | Record<string, unknown>): { ok: true } | { errors: Diagnostic[] } {
    const id = typeof record?.id === 'number' ? String(record.id) : record?.id;
    const previous = typeof id === 'string' ? this.outcomes.get(id) : undefined;
    if (previous) this.tally.subtract(id as string, previous);
    const added = this.tally.tryAdd(record);
    if ('errors' in added) {
      // Put the old version back: its outcomes are known, so recounting it needs no re-check.
      if (previous) this.tally.restore(id as string, previous);
      return { errors: added.errors };
    }
    this.outcomes.set(added.id, added.outcomes);
    return { ok: true };
  }

  /** Removes the case with this id; false when there is none. */
  remove(id: string): boolean {
    const previous = this.outcomes.get(id);
    if (!previous) return false;
    this.tally.subtract(id, previous);
    this.outcomes.delete(id);
    return true;
  }

  /** The result for the cases held now: with no cases, a result whose sample-based parts are not rated. */
  result(): ScoreOutcome {
    const errors = tallyErrors(this.plan, this.tally);
    if (errors.length > 0) return { errors };
    return { result: buildResult(this.plan, this.header, this.checked, this.tally, this.options.inputSha256) };
  }
}

/**
 * Our engine on cases held in memory: a ScoringSession (check the area data), `add` for each
 * record (check the case, evaluate every question's predicate, count), then `finish` (score every
 * criterion, section and overall, exactly). With default options, as a library user calls it:
 * in-memory cases are not hashed for the result's provenance unless asked (ScoreOptions.hashInput).
 */
import type { CompiledPlan } from '../src/compile/compiled-plan.js';
import { ScoringSession, type InspectionHeader, type ScoreOptions } from '../src/evaluate/score-inspection.js';
import type { CaseRecord } from '../src/model/inspection.js';
import type { InspectionResult } from '../src/model/result.js';
import type { CountsByKey } from './compare-results.js';

export function scoreWithEngine(
  plan: CompiledPlan,
  header: InspectionHeader,
  cases: readonly unknown[],
  options: ScoreOptions = {},
): { result: InspectionResult; counts: CountsByKey } | { errors: string[] } {
  const started = ScoringSession.start(plan, header, options);
  if ('errors' in started) return { errors: started.errors.map((e) => e.message) };
  const { session } = started;
  for (let i = 0; i < cases.length; i++) session.add(cases[i] as CaseRecord); // Any value: the session checks each record, and the rejection checks give it bad ones.
  const finished = session.finish();
  if ('errors' in finished) return { errors: finished.errors.map((e) => e.message) };
  const { relevant, met, notApplicable } = session.tally;
  const counts: CountsByKey = new Map(
    plan.questions.map((q) => [q.key, { relevant: relevant[q.index]!, met: met[q.index]!, notApplicable: notApplicable[q.index]! }]),
  );
  return { result: finished.result, counts };
}

/** Parts of a session's work, timed apart to show where the time goes. */
export const engineParts = {
  /** A session that also hashes each case's content for the result's provenance (ScoreOptions.hashInput). */
  hashedSession(plan: CompiledPlan, header: InspectionHeader, cases: readonly unknown[]): unknown {
    return scoreWithEngine(plan, header, cases, { hashInput: true });
  },
};

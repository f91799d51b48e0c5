/**
 * json-rules-engine doing the same per-case work: one rule per question whose conditions are the
 * question's `appliesWhen` (`{ all: [] }` when it always applies), the packs' named conditions set
 * on the engine, the area facts added as constant facts; `await engine.run(facts)` for each case,
 * then each event (a question that applies) counted as relevant and met, or as not applicable,
 * from the case's answer. It checks nothing: it is given valid cases.
 */
import { Engine, type RuleProperties, type TopLevelCondition } from 'json-rules-engine';
import type { CompiledPlan, FactRecord } from '../src/compile/compiled-plan.js';
import { Outcome } from '../src/compile/compiled-plan.js';
import type { CaseRecord } from '../src/model/inspection.js';
import type { Pack } from '../src/model/pack.js';
import type { CountsByKey } from './compare-results.js';

export function buildEngine(plan: CompiledPlan, packs: Pack[], area: FactRecord): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true });
  for (const pack of packs) for (const [name, condition] of Object.entries(pack.conditions ?? {})) engine.setCondition(name, condition as TopLevelCondition);
  for (const [name, value] of Object.entries(area)) engine.addFact(name, value as never);
  for (const q of plan.questions) {
    if (q.metWhen) throw new Error(`${q.key} is decided by metWhen; this runner only handles answered questions`);
    const rule: RuleProperties = {
      name: q.key,
      conditions: q.def.appliesWhen ? { all: [q.def.appliesWhen] } : { all: [] },
      event: { type: 'applies', params: { question: q.index } },
    };
    engine.addRule(rule);
  }
  return engine;
}

export async function runJsonRulesEngine(engine: Engine, plan: CompiledPlan, cases: readonly CaseRecord[]): Promise<CountsByKey> {
  const n = plan.questions.length;
  const relevant = new Float64Array(n);
  const met = new Float64Array(n);
  const notApplicable = new Float64Array(n);
  for (const c of cases) {
    const { events } = await engine.run(c.facts ?? {});
    for (const event of events) {
      const q = plan.questions[(event.params as { question: number }).question]!;
      const outcome = q.answers!.get(c.answers?.[q.key] ?? '');
      if (outcome === Outcome.NotApplicable) notApplicable[q.index]!++;
      else {
        relevant[q.index]!++;
        if (outcome === Outcome.Met) met[q.index]!++;
      }
    }
  }
  return new Map(plan.questions.map((q) => [q.key, { relevant: relevant[q.index]!, met: met[q.index]!, notApplicable: notApplicable[q.index]! }]));
}

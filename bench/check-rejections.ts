/**
 * Shows that the hand-written scorer checks the input as the engine does: a valid case is accepted
 * by both, and each kind of bad case (one problem each) is refused by both.
 */
import type { CompiledPlan } from '../src/compile/compiled-plan.js';
import type { InspectionHeader } from '../src/evaluate/score-inspection.js';
import type { CaseRecord } from '../src/model/inspection.js';
import { scoreByHand } from './hand-written-scorer.js';
import { scoreWithEngine } from './run-engine.js';
import { Disagreement } from './compare-results.js';

type Mutable = { id?: unknown; facts: Record<string, unknown>; answers: Record<string, unknown>; [key: string]: unknown };

/** The kinds of bad case, each made from a valid one. */
function badCases(plan: CompiledPlan, header: InspectionHeader, valid: CaseRecord): Array<{ problem: string; cases: unknown[] }> {
  const copy = (): Mutable => structuredClone(valid) as Mutable;
  const area = header.area.facts ?? {};
  const alwaysAsked = plan.questions.find((q) => q.applies === null)!;
  const notAsked = plan.questions.find((q) => q.applies !== null && !q.applies(valid.facts ?? {}, area));
  if (!notAsked) throw new Error('the first generated case has every question applying; pick another');
  const make = (problem: string, change: (c: Mutable) => void) => {
    const c = copy();
    change(c);
    return { problem, cases: [c] };
  };
  return [
    make('an unknown fact', (c) => {
      c.facts.colour = 'blue';
    }),
    make('an enum fact off its values', (c) => {
      c.facts.riskOfHarm = 'extreme';
    }),
    make('a boolean fact given as text', (c) => {
      c.facts.ebsNeeds = 'yes';
    }),
    make('a required fact missing', (c) => {
      delete c.facts.gender;
    }),
    make('an unknown question', (c) => {
      c.answers['B9.9'] = 'sufficient';
    }),
    make('an answer off the scale', (c) => {
      c.answers[alwaysAsked.key] = 'good';
    }),
    make('an answer missing for a question that applies', (c) => {
      delete c.answers[alwaysAsked.key];
    }),
    make('an answer to a question that does not apply', (c) => {
      c.answers[notAsked.key] = 'sufficient';
    }),
    make('no id', (c) => {
      delete c.id;
    }),
    make('an unknown property of the record', (c) => {
      c.note = 'x';
    }),
    { problem: 'a duplicate id', cases: [copy(), copy()] },
  ];
}

export function checkRejections(plan: CompiledPlan, header: InspectionHeader, valid: CaseRecord): void {
  const refusedByEngine = (cases: unknown[]) => 'errors' in scoreWithEngine(plan, header, cases);
  const refusedByHand = (cases: unknown[]) => 'errors' in scoreByHand(header, cases).outcome;
  if (refusedByEngine([valid]) || refusedByHand([valid])) throw new Disagreement('a valid generated case is refused');
  for (const bad of badCases(plan, header, valid)) {
    const engine = refusedByEngine(bad.cases);
    const hand = refusedByHand(bad.cases);
    if (!engine || !hand) {
      throw new Disagreement(
        `a case with ${bad.problem} is ${engine ? '' : 'not '}refused by the engine and ${hand ? '' : 'not '}refused by the hand-written scorer`,
      );
    }
  }
}

// Nothing lost: every input case is accounted for — scored (relevant to some question or to
// none) or excluded with its reasons — and the totals reconcile, whatever mix of good and bad
// cases comes in (property test, fixed seed).
import { caseColumnsOf } from '../../src/compile/compiled-plan.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openInspection } from '../../src/pipeline/load-inspection.js';
import { compilePlan } from '../../src/compile/compile-pack.js';
import { scoreInspection } from '../../src/evaluate/score-inspection.js';
import type { CaseRecord } from '../../src/model/inspection.js';

const opened = openInspection('rules/esi-2003/examples/derbyshire-2003/inspection.yaml');
if ('errors' in opened) throw new Error('example does not open');
const plan = compilePlan(opened.methodology, opened.thematics);
const pool: Array<Record<string, unknown>> = [];
for await (const input of opened.readCases(caseColumnsOf(plan))) {
  if ('record' in input) pool.push(JSON.parse(JSON.stringify(input.record)));
}

type Kind = 'good' | 'offScale' | 'unknownFact' | 'duplicate' | 'notARecord' | 'noId';
const kinds: Kind[] = ['good', 'good', 'good', 'offScale', 'unknownFact', 'duplicate', 'notARecord', 'noId'];

function make(kind: Kind, i: number, from: number): unknown {
  const base = { ...pool[from]!, id: `K${i}` } as { id: string; facts: Record<string, unknown>; answers: Record<string, unknown> };
  switch (kind) {
    case 'good':
      return base;
    case 'offScale':
      return { ...base, answers: { ...base.answers, 'B2.1': 'splendid' } };
    case 'unknownFact':
      return { ...base, facts: { ...base.facts, shoeSize: 9 } };
    case 'duplicate':
      return { ...base, id: 'K0' };
    case 'notARecord':
      return 'a line of text';
    case 'noId':
      return { facts: base.facts, answers: base.answers };
  }
}

describe('every case is accounted for', () => {
  it('read = scored + excluded, and the excluded are exactly the bad ones, with reasons', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...kinds), fc.nat(99)), { minLength: 1, maxLength: 40 }), (draws) => {
        // The first case is always good, so that 'duplicate' has an earlier K0 to repeat.
        const cases = [make('good', 0, 0), ...draws.map(([kind, from], i) => make(kind, i + 1, from))];
        const bad = new Set(draws.flatMap(([kind], i) => (kind === 'good' ? [] : [i + 1])));
        const outcome = scoreInspection(plan, { ...opened.header, cases: cases as CaseRecord[] }, { excludeInvalid: true });
        if ('errors' in outcome) throw new Error(outcome.errors[0]!.message);
        const { read, scored, relevantToNone, excluded } = outcome.result.cases;
        expect(read).toBe(cases.length);
        expect(scored + excluded.length).toBe(read);
        expect(excluded).toHaveLength(bad.size);
        expect(relevantToNone).toBeLessThanOrEqual(scored);
        for (const e of excluded) expect(e.reasons.length).toBeGreaterThan(0);
        // Without --exclude-invalid the same input is refused as a whole, naming how many cases are bad.
        const strict = scoreInspection(plan, { ...opened.header, cases: cases as CaseRecord[] });
        if (bad.size === 0) expect('result' in strict).toBe(true);
        else expect('errors' in strict && strict.errors.at(-1)!.message).toMatch(new RegExp(`^${bad.size} of ${cases.length} cases have problems`));
      }),
      { seed: 7, numRuns: Number(process.env.FUZZ_RUNS ?? 50) },
    );
  });
});

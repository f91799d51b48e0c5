// Incremental scoring: after any sequence of added, changed and removed cases, the result equals
// a full re-score of the cases then held (property test, fixed seed).
import { caseColumnsOf } from '../../src/compile/compiled-plan.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openInspection } from '../../src/pipeline/load-inspection.js';
import { compilePlan } from '../../src/compile/compile-pack.js';
import { IncrementalScorer } from '../../src/evaluate/score-incrementally.js';
import { scoreInspection } from '../../src/evaluate/score-inspection.js';
import type { CaseRecord } from '../../src/model/inspection.js';

const opened = openInspection('rules/esi-2003/examples/derbyshire-2003/inspection.yaml');
if ('errors' in opened) throw new Error('example does not open');
const plan = compilePlan(opened.methodology, opened.thematics);
const pool: CaseRecord[] = [];
for await (const input of opened.readCases(caseColumnsOf(plan))) {
  if ('record' in input) pool.push(JSON.parse(JSON.stringify(input.record)) as CaseRecord);
}

/** A change: put case `from` of the pool under the id of case `as` (a new case or a changed one), remove, or put a broken case. */
type Step = { kind: 'upsert'; from: number; as: number } | { kind: 'remove'; as: number } | { kind: 'broken'; as: number };
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('upsert' as const), from: fc.nat(99), as: fc.nat(119) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('remove' as const), as: fc.nat(119) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('broken' as const), as: fc.nat(119) }) },
);

const idOf = (n: number) => `X${n}`;

describe('IncrementalScorer', () => {
  it('equals a full re-score after any sequence of changes', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 60 }), (steps) => {
        const started = IncrementalScorer.start(plan, opened.header);
        if ('errors' in started) throw new Error('start failed');
        const { scorer } = started;
        const held = new Map<string, CaseRecord>();
        for (const s of steps) {
          const id = idOf(s.as);
          if (s.kind === 'remove') {
            expect(scorer.remove(id)).toBe(held.delete(id));
          } else if (s.kind === 'upsert') {
            const record = { ...pool[s.from]!, id };
            expect(scorer.upsert(record)).toEqual({ ok: true });
            held.set(id, record);
          } else {
            const broken = { ...pool[0]!, id, answers: { ...pool[0]!.answers, 'B1.1': 'maybe' } };
            const outcome = scorer.upsert(broken);
            expect('errors' in outcome && outcome.errors[0]!.code).toBe('CASE_ANSWER_OFF_SCALE');
          }
        }
        const full = scoreInspection(plan, { ...opened.header, cases: [...held.values()] });
        expect(JSON.stringify(scorer.result())).toBe(JSON.stringify(full));
        expect(scorer.size).toBe(held.size);
      }),
      { seed: 42, numRuns: Number(process.env.FUZZ_RUNS ?? 60) },
    );
  });

  it('scores the Derbyshire example case by case as a whole', () => {
    const started = IncrementalScorer.start(plan, opened.header);
    if ('errors' in started) throw new Error('start failed');
    for (const record of pool) started.scorer.upsert(record);
    const outcome = started.scorer.result();
    expect('result' in outcome && outcome.result.overall?.score).toBe(79);
  });

  it('takes a number as a case id, the same case as its text', () => {
    const started = IncrementalScorer.start(plan, opened.header);
    if ('errors' in started) throw new Error('start failed');
    const { scorer } = started;
    expect(scorer.upsert({ ...pool[0]!, id: 12 })).toEqual({ ok: true });
    expect(scorer.upsert({ ...pool[1]!, id: '12' })).toEqual({ ok: true });
    expect(scorer.size).toBe(1);
    expect(scorer.remove('12')).toBe(true);
    expect(scorer.size).toBe(0);
    // A record that is no case changes nothing, and says why.
    expect(scorer.upsert(null as unknown as CaseRecord)).toMatchObject({ errors: [{ code: 'CASE_MISSING_ID' }] });
    expect(scorer.size).toBe(0);
  });

  it('keeps the old version of a case when its replacement has problems', () => {
    const started = IncrementalScorer.start(plan, opened.header);
    if ('errors' in started) throw new Error('start failed');
    const { scorer } = started;
    const kept = { ...pool[0]!, id: 'K1' };
    expect(scorer.upsert(kept)).toEqual({ ok: true });
    expect(scorer.upsert({ ...pool[1]!, id: 'K2' })).toEqual({ ok: true });
    const broken = { ...pool[2]!, id: 'K1', answers: { ...pool[2]!.answers, 'B1.1': 'maybe' } };
    expect(scorer.upsert(broken)).toMatchObject({ errors: [{ code: 'CASE_ANSWER_OFF_SCALE', caseId: 'K1' }] });
    expect(scorer.size).toBe(2);
    const full = scoreInspection(plan, { ...opened.header, cases: [kept, { ...pool[1]!, id: 'K2' }] });
    expect(JSON.stringify(scorer.result())).toBe(JSON.stringify(full));
    // K1 is still held: it can be removed, once.
    expect(scorer.remove('K1')).toBe(true);
    expect(scorer.remove('K1')).toBe(false);
  });

  it("refuses to start on an inspection whose area-level data is wrong, and passes the scorer's options on", () => {
    const bad = IncrementalScorer.start(plan, { ...opened.header, evidence: { ...opened.header.evidence, 'A3.planning': 'splendid' } });
    expect(bad).toMatchObject({ errors: [{ code: 'EVIDENCE_BAD_LEVEL', pointer: '/evidence/A3.planning' }] });
    expect('scorer' in bad).toBe(false);
    const strict = IncrementalScorer.start(plan, opened.header, { requireCases: true });
    if ('errors' in strict) throw new Error('start failed');
    expect(strict.scorer.result()).toEqual({ errors: [expect.objectContaining({ code: 'NO_CASES', message: 'the inspection has no cases' })] });
    const lenient = IncrementalScorer.start(plan, opened.header);
    if ('errors' in lenient) throw new Error('start failed');
    expect('result' in lenient.scorer.result()).toBe(true);
  });
});

/**
 * Random valid packs and inspections of them, through the library in-process:
 * - scoring never throws, and every score lies in [0, 100] or is explicitly not rated;
 * - every figure equals the BigInt oracle's (test/properties/oracle.ts): counts, percentages,
 *   exact fractions, rounded scores and bands;
 * - rounding at exact halves follows the declared mode.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { score } from '../../src/index.js';
import type { CaseRecord } from '../../src/model/inspection.js';
import type { InspectionResult, ScoredResult } from '../../src/model/result.js';
import type { Pack, RoundingMode } from '../../src/model/pack.js';
import { buildScenario, compile, inspectionSeedArb, MODES, packSpecArb, runs, TIMEOUT } from './arbitraries.js';
import { oracleScores, Q, round } from './oracle.js';

const SEED = 20031028;

function scoreOf(pack: Pack, cases: CaseRecord[], area: Record<string, unknown>): { result: InspectionResult; plan: ReturnType<typeof compile> } {
  const plan = compile(pack);
  const outcome = score(plan, { area: { name: 'Generated', facts: area as Record<string, boolean> }, cases });
  if ('errors' in outcome) throw new Error(`a valid inspection was refused:\n${outcome.errors.map((e) => `${e.code}: ${e.message}`).join('\n')}`);
  return { result: outcome.result, plan };
}

function expectInRangeOrNotRated(r: ScoredResult, where: string): void {
  if (r.score === null) return;
  expect(r.score, where).toBeGreaterThanOrEqual(0);
  expect(r.score, where).toBeLessThanOrEqual(100);
  expect(r.notRated, where).toBeUndefined();
}

describe('random valid packs and inspections', () => {
  it(
    'score without throwing; every score is in [0, 100] or not rated, with a reason',
    () => {
      fc.assert(
        fc.property(packSpecArb, inspectionSeedArb, (spec, seed) => {
          const { pack, area, cases } = buildScenario(spec, seed);
          const { result } = scoreOf(pack, cases, area);
          expect(result.cases).toMatchObject({ read: cases.length, scored: cases.length, excluded: [] });
          for (const s of result.sections) {
            expectInRangeOrNotRated(s, `section ${s.id}`);
            if (s.notRated) expect(s.score).toBeNull();
            for (const c of s.criteria) {
              expectInRangeOrNotRated(c, `criterion ${c.id}`);
              if (c.notRated) expect(c.notRated.reason.length).toBeGreaterThan(0);
              for (const q of c.questions) {
                if (q.percent !== null) expect(q.percent).toBeGreaterThanOrEqual(0);
                if (q.percent !== null) expect(q.percent).toBeLessThanOrEqual(100);
                expect(q.met).toBeLessThanOrEqual(q.relevant);
                expect(q.percent === null).toBe(q.relevant === 0);
              }
            }
          }
          if (result.overall) expectInRangeOrNotRated(result.overall, 'overall');
        }),
        { seed: SEED, numRuns: runs(150) },
      );
    },
    TIMEOUT,
  );

  it(
    'every figure equals the BigInt oracle',
    () => {
      fc.assert(
        fc.property(packSpecArb, inspectionSeedArb, (spec, seed) => {
          const { pack, plan, area, cases } = buildScenario(spec, seed);
          const { result } = scoreOf(pack, cases, area);
          const oracle = oracleScores(pack, plan, cases, area);
          const criteria = result.sections.flatMap((s) => s.criteria);
          expect(
            criteria
              .flatMap((c) => c.questions)
              .map((q) => ({ id: q.id, relevant: q.relevant, met: q.met, notApplicable: q.notApplicable, percent: q.percent, exact: q.exact })),
          ).toEqual(oracle.questions);
          const view = (n: ScoredResult & { id?: string }, id: string) => ({
            id,
            score: n.score,
            exact: n.exact,
            notRated: n.notRated !== undefined,
            band: n.band?.id ?? null,
          });
          expect(criteria.map((c) => view(c, c.id))).toEqual(oracle.criteria);
          expect(result.sections.map((s) => view(s, s.id))).toEqual(oracle.sections);
          expect(result.overall ? view(result.overall, 'overall') : null).toEqual(oracle.overall);
        }),
        { seed: SEED + 1, numRuns: runs(200) },
      );
    },
    TIMEOUT,
  );
});

/** A one-question pack rounding at every stage, for cases that put the question's share exactly on a half. */
function halfPack(mode: RoundingMode, digits: number): Pack {
  return {
    kind: 'methodology',
    id: 'halves',
    version: '1.0.0',
    title: 'Halves',
    status: 'draft',
    scales: {
      yn: {
        levels: [
          { id: 'yes', label: 'Yes' },
          { id: 'no', label: 'No' },
        ],
        met: ['yes'],
      },
    },
    weightClasses: { one: 1 },
    criteria: [
      { id: 'A', title: 'A', kind: 'sample', weight: 'one', questions: [{ id: 'A.1', text: 'a', scale: 'yn' }] },
      { id: 'B', title: 'B', kind: 'sample', weight: 'one', questions: [{ id: 'B.1', text: 'b', scale: 'yn' }] },
    ],
    sections: [{ id: 'S', title: 'S', criteria: ['A', 'B'], score: { method: 'weightedMean' }, weight: 1 }],
    overall: { title: 'Overall', score: { method: 'pooled' } },
    rounding: { mode, digits, at: ['question', 'criterion', 'section', 'overall'] },
  };
}

describe('rounding at exact halves', () => {
  it.each(MODES.flatMap((mode) => [0, 1, 2].map((digits) => [mode, digits] as const)))(
    '%s to %i places',
    (mode, digits) => {
      fc.assert(
        fc.property(fc.nat({ max: 40 }), fc.nat({ max: 40 }), (k, j) => {
          // relevant = 8·10^d and met odd: met/relevant × 100 × 10^d = met × 12.5, an exact half.
          const relevant = 8 * 10 ** digits;
          const metA = (2 * k + 1) % relevant;
          const metB = (2 * j + 1) % relevant;
          const cases: CaseRecord[] = [];
          for (let i = 0; i < relevant; i++) cases.push({ id: `c${i}`, answers: { 'A.1': i < metA ? 'yes' : 'no', 'B.1': i < metB ? 'yes' : 'no' } });
          const pack = halfPack(mode, digits);
          const { result } = scoreOf(pack, cases, {});
          const [a, b] = result.sections[0]!.criteria;
          const exactA = new Q(BigInt(metA) * 100n, BigInt(relevant));
          const exactB = new Q(BigInt(metB) * 100n, BigInt(relevant));
          // The share is an exact half at `digits` places, whatever the mode.
          expect(exactA.mul(new Q(10n ** BigInt(digits))).d).toBe(2n);
          const roundedA = round(exactA, digits, mode);
          const roundedB = round(exactB, digits, mode);
          expect(a!.questions[0]!.percent).toBe(roundedA.toNumber());
          expect(a!.score).toBe(roundedA.toNumber());
          expect(b!.score).toBe(roundedB.toNumber());
          // The section averages the rounded criteria and rounds again.
          const mean = roundedA.add(roundedB).div(new Q(2n));
          expect(result.sections[0]!.exact).toBe(mean.text());
          expect(result.sections[0]!.score).toBe(round(mean, digits, mode).toNumber());
          // The mode's own definition, at the half: up-type modes go up, down-type down, even to even.
          const floor = (exactA.n * 10n ** BigInt(digits)) / exactA.d;
          const want =
            mode === 'halfUp' || mode === 'up' ? floor + 1n : mode === 'halfDown' || mode === 'down' ? floor : floor % 2n === 0n ? floor : floor + 1n;
          expect(roundedA.text()).toBe(new Q(want, 10n ** BigInt(digits)).text());
        }),
        { seed: SEED + 2, numRuns: runs(8) },
      );
    },
    TIMEOUT,
  );
});

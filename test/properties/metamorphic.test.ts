/**
 * Metamorphic properties of scoring, on random valid packs and inspections:
 * - cases relevant to no question change nothing but the case counts;
 * - every case twice (with new ids) leaves every percentage, exact value, score and band the same;
 * - renaming ids consistently (questions, criteria, sections, facts) renames the results and
 *   changes nothing else.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { score } from '../../src/index.js';
import type { CaseRecord, FactValue } from '../../src/model/inspection.js';
import type { InspectionResult } from '../../src/model/result.js';
import type { Pack } from '../../src/model/pack.js';
import { areaOf, buildCase, buildPack, buildScenario, compile, factsArb, inspectionSeedArb, packSpecArb, runs, TIMEOUT } from './arbitraries.js';

function run(pack: Pack, cases: CaseRecord[], area: Record<string, FactValue>): InspectionResult {
  const outcome = score(compile(pack), { area: { name: 'Generated', facts: area }, cases });
  if ('errors' in outcome) throw new Error(outcome.errors.map((e) => `${e.code} ${e.message}`).join('\n'));
  return outcome.result;
}

/** A result without what counts cases: what must not move when only the number of cases does. */
function withoutCounts(result: InspectionResult): unknown {
  return JSON.parse(JSON.stringify(result), (key, value) => (['relevant', 'met', 'notApplicable', 'cases'].includes(key) ? undefined : value));
}

describe('metamorphic properties', () => {
  it(
    'adding cases to which no question applies changes nothing but the case counts',
    () => {
      // Every question with an appliesWhen (risk is high, when it had none), so that some cases are relevant to none.
      const everyQuestionConditional = packSpecArb.map((spec) => ({
        ...spec,
        sections: spec.sections.map((s) => ({
          ...s,
          criteria: s.criteria.map((c) => ({
            ...c,
            questions: c.questions.map((q) => ({ ...q, appliesWhen: q.appliesWhen ?? ({ fact: 'risk', operator: 'equal', value: 'high' } as const) })),
          })),
        })),
      }));
      fc.assert(
        fc.property(everyQuestionConditional, inspectionSeedArb, fc.array(factsArb, { minLength: 1, maxLength: 30 }), (spec, seed, candidates) => {
          const { pack, plan, area, cases } = buildScenario(spec, seed);
          // Facts for which every question's appliesWhen fails: such a case is relevant to nothing.
          const idle = candidates.filter((facts) => plan.questions.every((q) => q.applies !== null && !q.applies(facts, area)));
          fc.pre(idle.length > 0);
          const extra: CaseRecord[] = idle.map((facts, i) => ({ id: `idle-${i}`, facts, answers: {} }));
          const before = run(pack, cases, area);
          const after = run(pack, [...cases.slice(0, 1), ...extra, ...cases.slice(1)], area);
          expect(after.cases).toEqual({
            ...before.cases,
            read: before.cases.read + extra.length,
            scored: before.cases.scored + extra.length,
            relevantToNone: before.cases.relevantToNone + extra.length,
          });
          expect(JSON.stringify({ ...after, cases: before.cases })).toBe(JSON.stringify(before));
        }),
        { seed: 777, numRuns: runs(200) },
      );
    },
    TIMEOUT,
  );

  it(
    'adding cases answered not applicable wherever asked changes only case counts and not-applicable counts',
    () => {
      fc.assert(
        fc.property(
          packSpecArb.filter((s) => s.ynHasNa && s.gradeHasNa),
          inspectionSeedArb,
          fc.array(factsArb, { minLength: 1, maxLength: 10 }),
          (spec, seed, candidates) => {
            const { pack, plan, area, cases } = buildScenario(spec, seed);
            // Every question that applies must be answerable N/A: no metWhen question may apply.
            const usable = candidates.filter((facts) => plan.questions.every((q) => q.metWhen === null || (q.applies !== null && !q.applies(facts, area))));
            fc.pre(usable.length > 0);
            const extra: CaseRecord[] = usable.map((facts, i) => {
              const answers: Record<string, string> = {};
              for (const q of plan.questions) if (q.applies === null || q.applies(facts, area)) answers[q.key] = pack.scales![q.def.scale!]!.notApplicable!.id;
              return { id: `na-${i}`, facts, answers };
            });
            const before = run(pack, cases, area);
            const after = run(pack, [...extra, ...cases], area);
            expect(after.cases.relevantToNone).toBe(before.cases.relevantToNone + extra.length);
            expect(withoutCounts(after)).toEqual(withoutCounts(before));
            const questions = (r: InspectionResult) => r.sections.flatMap((s) => s.criteria.flatMap((c) => c.questions));
            questions(after).forEach((q, i) => {
              const b = questions(before)[i]!;
              expect([q.relevant, q.met]).toEqual([b.relevant, b.met]);
              expect(q.notApplicable).toBeGreaterThanOrEqual(b.notApplicable);
            });
          },
        ),
        { seed: 778, numRuns: runs(100) },
      );
    },
    TIMEOUT,
  );

  it(
    'every case twice (with new ids) leaves every percentage, exact value, score and band the same, and doubles the counts',
    () => {
      fc.assert(
        fc.property(packSpecArb, inspectionSeedArb, (spec, seed) => {
          const { pack, area, cases } = buildScenario(spec, seed);
          const before = run(pack, cases, area);
          const after = run(pack, [...cases, ...cases.map((c) => ({ ...c, id: `${c.id}-again` }))], area);
          expect(withoutCounts(after)).toEqual(withoutCounts(before));
          expect(after.cases).toEqual({
            read: 2 * before.cases.read,
            scored: 2 * before.cases.scored,
            relevantToNone: 2 * before.cases.relevantToNone,
            excluded: [],
          });
          const questions = (r: InspectionResult) => r.sections.flatMap((s) => s.criteria.flatMap((c) => c.questions));
          questions(after).forEach((q, i) => {
            const b = questions(before)[i]!;
            expect([q.relevant, q.met, q.notApplicable]).toEqual([2 * b.relevant, 2 * b.met, 2 * b.notApplicable]);
          });
        }),
        { seed: 779, numRuns: runs(150) },
      );
    },
    TIMEOUT,
  );

  it(
    'renaming ids and facts consistently renames the results and changes nothing else',
    () => {
      fc.assert(
        fc.property(packSpecArb, inspectionSeedArb, fc.constantFrom('x-', 'Z', 'renamed.', 'q(1)'), (spec, seed, prefix) => {
          const names = new Map<string, string>();
          const rename = (id: string) => {
            let to = names.get(id);
            if (to === undefined) {
              // Ids keep their form; fact names become other names of letters.
              to = /^(S|C)\d/.test(id) ? `${prefix}${id.toLowerCase()}` : `${id}Renamed`;
              names.set(id, to);
            }
            return to;
          };
          const pack = buildPack(spec);
          const renamedPack = buildPack(spec, rename);
          const plan = compile(pack);
          const renamedPlan = compile(renamedPack);
          const area = areaOf(seed);
          const cases = seed.cases.map((c, i) => buildCase(plan, pack, c, `case-${i}`, area));
          const renamedCases = seed.cases.map((c, i) => buildCase(renamedPlan, renamedPack, c, `case-${i}`, areaOf(seed, rename), rename));
          const before = run(pack, cases, area);
          const after = run(renamedPack, renamedCases, areaOf(seed, rename));
          // The results of the original, with every id renamed; the pack's content hash moves with its ids.
          const expected = JSON.parse(JSON.stringify(before), (key, value) =>
            key === 'id' && typeof value === 'string' && names.has(value) ? names.get(value) : value,
          ) as InspectionResult;
          expected.provenance.sha256 = after.provenance.sha256;
          // The area facts the conditions read are listed by their (renamed) names.
          if (expected.area.facts)
            expected.area.facts = Object.fromEntries(Object.entries(expected.area.facts).map(([name, value]) => [names.get(name) ?? name, value]));
          expect(JSON.stringify(after)).toBe(JSON.stringify(expected));
          expect(after.provenance.sha256).not.toBe(before.provenance.sha256);
        }),
        { seed: 780, numRuns: runs(150) },
      );
    },
    TIMEOUT,
  );
});

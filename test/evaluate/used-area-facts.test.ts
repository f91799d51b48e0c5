// The area facts a plan's conditions read, wherever a condition is: a question's appliesWhen or
// metWhen, a named condition, a band rule, a band set's limit, a criterion's, section's or the
// overall result's limit, and the value side of a comparison. In the order the plan declares them.
import { describe, expect, it } from 'vitest';
import type { CompiledPlan } from '../../src/compile/compiled-plan.js';
import { usedAreaFacts } from '../../src/evaluate/used-area-facts.js';
import type { Condition } from '../../src/model/condition.js';
import type { Pack } from '../../src/model/pack.js';

const declared = [
  'fromApplies',
  'fromMet',
  'fromNamed',
  'fromRule',
  'fromSetLimit',
  'fromCriterionLimit',
  'fromSectionLimit',
  'fromOverallLimit',
  'fromValue',
  'unused',
];
const reads = (fact: string): Condition => ({ fact, operator: 'equal', value: true });

function plan(pack: Partial<Pack>): CompiledPlan {
  return { areaFacts: new Map(declared.map((name) => [name, {}])), modules: [{ pack: { sections: [], ...pack } }] } as unknown as CompiledPlan;
}

describe('usedAreaFacts', () => {
  it('finds an area fact wherever a condition reads it, and no case fact', () => {
    const pack = {
      criteria: [
        {
          id: 'C1',
          questions: [{ id: 'Q1', appliesWhen: { all: [reads('fromApplies'), reads('caseFact')] }, metWhen: { not: reads('fromMet') } }],
          limits: [{ id: 'l1', cap: 'x', when: reads('fromCriterionLimit') }],
        },
      ],
      conditions: { named: { any: [reads('fromNamed'), { fact: 'caseFact', operator: 'equal', value: { fact: 'fromValue' } }] } },
      bandSets: { set: { rules: [{ level: 'x', when: reads('fromRule') }], limits: [{ id: 'l2', cap: 'x', when: reads('fromSetLimit') }] } },
      sections: [{ id: 'A', limits: [{ id: 'l3', floor: 'x', when: reads('fromSectionLimit') }] }],
      overall: { title: 'O', limits: [{ id: 'l4', cap: 'x', when: reads('fromOverallLimit') }] },
    } as unknown as Partial<Pack>;
    expect(usedAreaFacts(plan(pack))).toEqual(declared.filter((name) => name !== 'unused'));
  });

  it('finds nothing in a pack without conditions on the area', () => {
    expect(usedAreaFacts(plan({ criteria: [{ id: 'C1', questions: [{ id: 'Q1', appliesWhen: reads('caseFact') }] }] } as unknown as Partial<Pack>))).toEqual(
      [],
    );
  });

  it('reads past a comparison with null or a list as its value', () => {
    const pack = {
      criteria: [
        {
          id: 'C1',
          questions: [
            {
              id: 'Q1',
              appliesWhen: {
                all: [{ fact: 'caseFact', operator: 'equal', value: null }, { fact: 'caseFact', operator: 'in', value: ['fromValue'] }, reads('fromApplies')],
              },
            },
          ],
        },
      ],
    } as unknown as Partial<Pack>;
    expect(usedAreaFacts(plan(pack))).toEqual(['fromApplies']);
  });
});

/**
 * Every problem of an inspection's area-level data (area facts, evidence ratings, target figures,
 * adjustments), met in process when a ScoringSession starts, with its exact code, pointer, message
 * and hint. The Derbyshire inspection is changed one thing at a time.
 */
import { describe, expect, it } from 'vitest';
import { compilePlan } from '../../src/compile/compile-pack.js';
import { ScoringSession, type InspectionHeader } from '../../src/evaluate/score-inspection.js';
import { openInspection } from '../../src/pipeline/load-inspection.js';

const opened = openInspection('rules/esi-2003/examples/derbyshire-2003/inspection.yaml');
if ('errors' in opened) throw new Error('the example does not open');
const plan = compilePlan(opened.methodology, opened.thematics);
const base = JSON.parse(JSON.stringify(opened.header)) as InspectionHeader & Record<string, unknown>;

/** The header as plain data, any value allowed where the tests put wrong ones. */
type Header = Omit<InspectionHeader, 'evidence' | 'targets' | 'adjustments' | 'area'> & {
  evidence: Record<string, unknown>;
  targets: Record<string, unknown>;
  adjustments?: unknown[];
  area: { name: string; facts: Record<string, unknown> };
};

/** The problems of the Derbyshire header changed by `change`. */
function problemsOf(change: (header: Header) => void): Array<{ code: string; pointer?: string; message: string; hint?: string }> {
  const header = JSON.parse(JSON.stringify(base)) as Header;
  change(header);
  const started = ScoringSession.start(plan, header as unknown as InspectionHeader);
  if (!('errors' in started)) return [];
  return started.errors.map((e) => ({
    code: e.code,
    ...(e.pointer !== undefined ? { pointer: e.pointer } : {}),
    message: e.message,
    ...(e.hint !== undefined ? { hint: e.hint } : {}),
  }));
}

const THEMATIC_HINT = "list the thematic under the inspection's thematics (in the library, compile with compilePack(methodology, { thematics }))";

it('the unchanged header has no problem', () => {
  expect(problemsOf(() => {})).toEqual([]);
});

describe('area facts', () => {
  it('an unknown name is refused with the nearest declared name', () => {
    expect(
      problemsOf((h) => {
        h.area.facts.oasysInUsed = false;
      }),
    ).toEqual([
      {
        code: 'AREA_FACT',
        pointer: '/area/facts/oasysInUsed',
        message: "unknown area fact 'oasysInUsed'; did you mean 'oasysInUse'?",
        hint: 'declared area facts: oasysInUse',
      },
    ]);
  });

  it("a name with '/' and '~' is pointed at with both escaped", () => {
    expect(
      problemsOf((h) => {
        h.area.facts['a/b~c'] = 1;
      })[0]!.pointer,
    ).toBe('/area/facts/a~1b~0c');
  });

  it('a value of the wrong type is refused, and a required fact missing', () => {
    expect(
      problemsOf((h) => {
        h.area.facts.oasysInUse = 'no';
      }),
    ).toEqual([{ code: 'AREA_FACT', pointer: '/area/facts/oasysInUse', message: "area fact 'oasysInUse': expected true or false, got 'no'" }]);
    expect(
      problemsOf((h) => {
        delete h.area.facts.oasysInUse;
      }),
    ).toEqual([{ code: 'AREA_FACT', pointer: '/area', message: "required area fact 'oasysInUse' is missing", hint: 'add it under area.facts: oasysInUse: …' }]);
  });
});

describe('evidence ratings', () => {
  it('an unknown item is refused with the nearest rated item', () => {
    const [problem] = problemsOf((h) => {
      h.evidence['A1.plna'] = 'strong';
    });
    expect(problem).toEqual({
      code: 'EVIDENCE_UNKNOWN_ITEM',
      pointer: '/evidence/A1.plna',
      message: "unknown evidence item 'A1.plna'; did you mean 'A1.plan'?",
      hint: expect.stringMatching(/^evidence items: A1\.plan, A1\.diversity, /),
    });
  });

  it('an item whose level comes from another criterion is not rated', () => {
    expect(
      problemsOf((h) => {
        h.evidence['A1.targets'] = 'strong';
      }),
    ).toEqual([
      {
        code: 'EVIDENCE_UNKNOWN_ITEM',
        pointer: '/evidence/A1.targets',
        message: 'item A1.targets is not rated by inspectors',
        hint: 'its level comes from criterion A1T; remove the rating',
      },
    ]);
  });

  it('an item of a thematic the plan lacks is UNKNOWN_THEMATIC; of a thematic it has, an unknown item', () => {
    expect(
      problemsOf((h) => {
        h.evidence['victims-2003:A1.a'] = 'met';
      }),
    ).toEqual([
      { code: 'UNKNOWN_THEMATIC', pointer: '/evidence/victims-2003:A1.a', message: "unknown evidence item 'victims-2003:A1.a'", hint: THEMATIC_HINT },
    ]);
    expect(
      problemsOf((h) => {
        h.evidence['ebs-2003:Z9.z'] = 'met';
      }).map((p) => p.code),
    ).toEqual(['EVIDENCE_UNKNOWN_ITEM']);
  });

  it('a rating that is no level of the scale is refused with the levels', () => {
    expect(
      problemsOf((h) => {
        h.evidence['A1.plan'] = 'great';
      }),
    ).toEqual([
      {
        code: 'EVIDENCE_BAD_LEVEL',
        pointer: '/evidence/A1.plan',
        message: "rating 'great' of A1.plan is not a level of scale 'performance'",
        hint: expect.stringMatching(/^use one of: veryStrong, strong, satisfactory, /),
      },
    ]);
  });

  const COUNT = 'the count of ebs-2003:A1.2.c must give both achieved and of, whole numbers with achieved ≤ of';
  it.each([
    ['achieved without of', { achieved: 1 }],
    ['of without achieved', { of: 2 }],
    ['achieved above of', { achieved: 3, of: 2 }],
  ])('a count with %s is refused', (_what, count) => {
    expect(
      problemsOf((h) => {
        h.evidence['ebs-2003:A1.2.c'] = { level: 'partlyMet', ...count };
      }),
    ).toEqual([{ code: 'EVIDENCE_BAD_LEVEL', pointer: '/evidence/ebs-2003:A1.2.c', message: COUNT }]);
  });

  it('a count that is not whole is refused by the schema first, at the number', () => {
    expect(
      problemsOf((h) => {
        h.evidence['ebs-2003:A1.2.c'] = { level: 'partlyMet', achieved: 1.5, of: 2 };
      }),
    ).toEqual([
      {
        code: 'SCHEMA_TYPE',
        pointer: '/evidence/ebs-2003:A1.2.c/achieved',
        message: 'evidence.ebs-2003:A1.2.c.achieved must be a whole number, not the number 1.5',
        hint: "write a whole number; achieved: how many of the item's parts were achieved (a whole number).",
      },
    ]);
  });

  it.each([
    { achieved: 0, of: 1 },
    { achieved: 2, of: 2 },
    { achieved: 0, of: 2 },
  ])('a count of %j is taken', (count) => {
    expect(
      problemsOf((h) => {
        h.evidence['ebs-2003:A1.2.c'] = { level: 'partlyMet', ...count };
      }),
    ).toEqual([]);
  });

  it('an item left unrated is missing; one rated not applicable is not', () => {
    expect(
      problemsOf((h) => {
        delete h.evidence['A2.budget'];
      }),
    ).toEqual([
      {
        code: 'EVIDENCE_MISSING',
        pointer: '/evidence',
        message: 'evidence item A2.budget has no rating',
        hint: "rate it under evidence: (use the scale's not-applicable level if it does not apply)",
      },
    ]);
  });
});

describe('target figures', () => {
  it('an unknown measure is refused with the nearest measure', () => {
    expect(
      problemsOf((h) => {
        h.targets.SDA9 = { value: 1 };
      }),
    ).toEqual([
      {
        code: 'TARGET_UNKNOWN',
        pointer: '/targets/SDA9',
        message: "unknown target measure 'SDA9'; did you mean 'SDA3'?",
        hint: expect.stringMatching(/^measures: SDA1a, SDA1b, /),
      },
    ]);
  });

  it('a measure with no target in the pack needs one in the inspection', () => {
    expect(
      problemsOf((h) => {
        h.targets.SDA7 = { value: 8.6, comparator: null };
      }),
    ).toEqual([
      {
        code: 'TARGET_NO_TARGET',
        pointer: '/targets/SDA7',
        message: 'measure SDA7 has no target in the pack, so the inspection must give one',
        hint: 'add target: <number> beside value:',
      },
    ]);
  });

  it('a measure with no figure is missing', () => {
    expect(
      problemsOf((h) => {
        delete h.targets.SDA3;
      }),
    ).toEqual([{ code: 'TARGET_MISSING', pointer: '/targets', message: 'target measure SDA3 has no figure', hint: 'add targets: SDA3: { value: … }' }]);
  });
});

describe('adjustments', () => {
  const adjust = (...adjustments: unknown[]) =>
    problemsOf((h) => {
      h.adjustments = adjustments;
    });

  it('a band adjustment with a reason is taken', () => {
    expect(adjust({ id: 'A3', band: 'wellMet', reason: 'moderated' })).toEqual([]);
  });

  it.each([
    [
      'of an unknown result',
      [{ id: 'A9', band: 'wellMet', reason: 'r' }],
      { code: 'ADJUSTMENT_UNKNOWN', message: "adjustment of unknown result 'A9'", hint: 'name a criterion, a section or overall' },
    ],
    [
      'of a thematic the plan lacks',
      [{ id: 'victims-2003:A1', band: 'met', reason: 'r' }],
      { code: 'UNKNOWN_THEMATIC', message: "adjustment of unknown result 'victims-2003:A1'", hint: THEMATIC_HINT },
    ],
    [
      'given twice',
      [
        { id: 'A3', band: 'wellMet', reason: 'r' },
        { id: 'A3', band: 'notMet', reason: 'r' },
      ],
      { code: 'ADJUSTMENT_UNKNOWN', message: "'A3' is adjusted twice", hint: 'give one adjustment per result' },
    ],
    [
      'of a score the pack does not allow to be adjusted',
      [{ id: 'A3', score: 50, reason: 'r' }],
      { code: 'ADJUSTMENT_NOT_ALLOWED', message: "the pack does not allow A3's score to be adjusted", hint: 'it allows: band' },
    ],
    [
      'that changes nothing',
      [{ id: 'A3', reason: 'r' }],
      { code: 'ADJUSTMENT_NOT_ALLOWED', message: 'the adjustment of A3 changes nothing', hint: 'give band: or score:' },
    ],
    [
      'to a level that is no band',
      [{ id: 'A3', band: 'great', reason: 'r' }],
      {
        code: 'ADJUSTMENT_BAD_LEVEL',
        message: "'great' is not a band of A3",
        hint: 'use one of: veryWellMet, wellMet, satisfactorilyMet, partlyMet, notMet, poor',
      },
    ],
    [
      'with a blank reason',
      [{ id: 'A3', band: 'wellMet', reason: '  ' }],
      { code: 'ADJUSTMENT_NOT_ALLOWED', message: 'the adjustment of A3 has no reason', hint: 'every adjustment must say why: reason: …' },
    ],
  ])('%s is refused', (_what, adjustments, problem) => {
    const pointer = `/adjustments/${adjustments.length - 1}`;
    expect(adjust(...adjustments)).toEqual([{ ...problem, pointer }]);
  });
});

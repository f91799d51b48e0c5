/**
 * The case tally on its own: what each counter counts, what the options change (traces, a
 * limit on kept diagnostics, duplicates checked elsewhere, excluding bad cases), trial adds that
 * leave no trace, merging workers' tallies, and how an answer to no known question is named.
 * Every plan and tally is built inside its test (mutation testing ignores collection-time code).
 */
import { describe, expect, it } from 'vitest';
import { compilePlan } from '../../src/compile/compile-pack.js';
import { Outcome } from '../../src/compile/compiled-plan.js';
import { CaseTally, type TallyOptions } from '../../src/evaluate/tally-cases.js';
import type { Diagnostic } from '../../src/model/errors.js';
import type { Pack } from '../../src/model/pack.js';
import { SMALL_SCALES } from '../compile/small-scales.js';

const methodology = {
  kind: 'methodology',
  id: 'tiny',
  version: '1.0.0',
  title: 'Tiny',
  status: 'draft',
  facts: { case: { adult: { type: 'boolean' } }, area: { pilot: { type: 'boolean' } } },
  scales: { yn: { ...SMALL_SCALES.yn, notApplicable: { id: 'na', label: 'N/A' } } },
  criteria: [
    {
      id: 'C1',
      title: 'One',
      kind: 'sample',
      questions: [
        { id: 'q1', text: 'Asked of all', scale: 'yn' },
        { id: 'q2', text: 'Asked of adults', scale: 'yn', appliesWhen: { fact: 'adult', operator: 'equal', value: true } },
        {
          id: 'q3',
          text: 'Met by adults in a pilot',
          metWhen: { fact: 'adult', operator: 'equal', value: true },
          appliesWhen: { fact: 'pilot', operator: 'equal', value: true },
        },
      ],
    },
  ],
  sections: [{ id: 'S', title: 'S', criteria: ['C1'] }],
  rounding: { mode: 'halfUp', digits: 0, at: [] },
} as unknown as Pack;

const thematic = {
  kind: 'thematic',
  id: 'theme',
  version: '1.0.0',
  title: 'Theme',
  attachesTo: { methodology: 'tiny', versions: '^1.0.0' },
  scales: { yn: { ...SMALL_SCALES.yn, notApplicable: { id: 'na', label: 'N/A' } } },
  criteria: [{ id: 'H1', title: 'Theme', kind: 'sample', questions: [{ id: 'H1.1', text: 'Addressed?', scale: 'yn' }] }],
  sections: [{ id: 'H', title: 'Theme', criteria: ['H1'] }],
  rounding: { mode: 'halfUp', digits: 0, at: [] },
} as unknown as Pack;

const tally = (options: TallyOptions = {}, area: Record<string, unknown> = { pilot: true }) =>
  new CaseTally(compilePlan(methodology, [thematic]), area, options);

const adult = (id: string, q1: unknown = 'yes', q2: unknown = 'yes') => ({ id, facts: { adult: true }, answers: { q1, q2, 'theme:H1.1': 'yes' } });
const child = (id: string, q1: unknown = 'no') => ({ id, facts: { adult: false }, answers: { q1, 'theme:H1.1': 'no' } });

/** The counters by question, in the plan's order: q1, q2, q3, theme:H1.1. */
const counts = (t: CaseTally) => ({ relevant: [...t.relevant], met: [...t.met], notApplicable: [...t.notApplicable] });
const problem = (message: string, more: Partial<Diagnostic> = {}): Diagnostic => ({ code: 'JSON_SYNTAX', severity: 'error', message, ...more });

describe('the counters', () => {
  it('count relevant and met per question, with not applicable apart, reading area facts', () => {
    const t = tally();
    expect(t.add(adult('a1'))).toBe(true);
    expect(t.add(adult('a2', 'no', 'na'))).toBe(true);
    expect(t.add(child('c1'))).toBe(true);
    // q3 applies in a pilot area and is met by adults: a1 and a2 met, c1 not.
    expect(counts(t)).toEqual({ relevant: [3, 1, 3, 3], met: [1, 1, 2, 2], notApplicable: [0, 1, 0, 0] });
    expect([t.read, t.scored, t.relevantToNone, t.invalid, t.diagnosticCount]).toEqual([3, 3, 0, 0, 0]);
  });

  it('count a case relevant to no question apart, and take it back exactly', () => {
    const t = tally({}, { pilot: false });
    const noneRelevant = { id: 'n1', facts: { adult: false }, answers: { q1: 'na', 'theme:H1.1': 'na' } };
    expect(t.add(noneRelevant)).toBe(true);
    expect(t.add(child('c1'))).toBe(true);
    expect(counts(t)).toEqual({ relevant: [1, 0, 0, 1], met: [0, 0, 0, 0], notApplicable: [1, 0, 0, 1] });
    expect([t.scored, t.relevantToNone]).toEqual([2, 1]);
    const tried = t.tryAdd({ id: 'n2', facts: { adult: false }, answers: { q1: 'na', 'theme:H1.1': 'na' } });
    if ('errors' in tried) throw new Error('n2 is a valid case');
    t.subtract(tried.id, tried.outcomes);
    expect([t.read, t.scored, t.relevantToNone]).toEqual([2, 2, 1]);
    expect(counts(t)).toEqual({ relevant: [1, 0, 0, 1], met: [0, 0, 0, 0], notApplicable: [1, 0, 0, 1] });
  });

  it('read an empty or null answer as no answer, and a number as no level', () => {
    const t = tally();
    expect(t.add(adult('a1', '', 'yes'))).toBe(false);
    expect(t.add(adult('a2', null, 'yes'))).toBe(false);
    expect(t.add(adult('a3', 5, 'yes'))).toBe(false);
    expect(t.diagnostics.map((d) => d.code)).toEqual(['CASE_MISSING_ANSWER', 'CASE_MISSING_ANSWER', 'CASE_ANSWER_OFF_SCALE']);
    expect(t.diagnostics[2]!.message).toBe("case a3: answer 5 to q1 is not on its scale 'yn'");
  });
});

describe('the options', () => {
  it('trace: keep each counted case its own copy of its outcomes', () => {
    const t = tally({ trace: true });
    t.add(adult('a1'));
    t.add(child('c1'));
    t.add({ id: 'bad', answers: {} });
    const { Met, NotMet, NotRelevant } = Outcome;
    expect(t.traces.map((c) => [c.id, [...c.outcomes]])).toEqual([
      ['a1', [Met, Met, Met, Met]],
      ['c1', [NotMet, NotRelevant, NotMet, NotMet]],
    ]);
    expect(tally().add(adult('a1')) && tally().traces).toEqual([]);
  });

  it('onOutcomes: hear of each counted case with its id', () => {
    const heard: string[] = [];
    const t = tally({ onOutcomes: (id, outcomes) => heard.push(`${id}:${outcomes.join('')}`) });
    t.add(adult('a1'));
    t.add({ id: 'bad' });
    t.add(child('c1'));
    expect(heard).toEqual(['a1:1111', 'c1:2022']);
  });

  it('maxDiagnostics: keep at most so many, still counting every one', () => {
    const t = tally({ maxDiagnostics: 3 });
    expect(t.maxDiagnostics).toBe(3);
    // Each of b1 and b2 leaves q1 and theme:H1.1 unanswered: two problems each, of which b2's second finds no room.
    t.add({ id: 'b1', answers: {} });
    t.add({ id: 'b2', answers: {} });
    t.rejectInput(problem('the header is wrong'));
    t.rejectUnread(problem('line 9 is not JSON'));
    expect(t.diagnostics.map((d) => d.message)).toEqual([
      'case b1: question q1 applies to this case but has no answer',
      'case b1: question theme:H1.1 applies to this case but has no answer',
      'case b2: question q1 applies to this case but has no answer',
    ]);
    expect([t.diagnosticCount, t.invalid, t.inputProblems, t.read]).toEqual([6, 3, 1, 3]);
    expect(tally().maxDiagnostics).toBe(1000);
  });

  it('checkDuplicates off: another component says which ids repeat', () => {
    const t = tally({ checkDuplicates: false });
    expect(t.add(adult('a1'))).toBe(true);
    expect(t.add(adult('a1'))).toBe(true);
    expect(t.add(adult('a1'), true)).toBe(false);
    expect(t.diagnostics.map((d) => [d.code, d.message])).toEqual([['CASE_DUPLICATE_ID', "case a1: the id 'a1' is used by an earlier case"]]);
    const checked = tally();
    checked.add(adult('a1'));
    expect(checked.add(adult('a1'))).toBe(false);
    expect(checked.diagnostics.map((d) => d.code)).toEqual(['CASE_DUPLICATE_ID']);
  });

  it('excludeInvalid: list each bad case with its id, place, location and reasons, keeping no diagnostic', () => {
    const t = tally({ excludeInvalid: true });
    expect(t.excludesInvalid).toBe(true);
    t.add(adult('a1'));
    t.add(adult('a2', 'maybe'));
    t.add({ facts: { adult: true } }, false, 6);
    t.rejectUnread(problem('not JSON', { file: 'cases.ndjson', line: 12, caseId: 'x9' }));
    t.rejectUnread(problem('not JSON', { file: 'cases.ndjson', caseId: ' x10' }));
    expect(t.diagnostics).toEqual([]);
    expect(t.excluded).toEqual([
      { id: 'a2', position: 2, reasons: ["answer 'maybe' to q1 is not on its scale 'yn'"] },
      { position: 7, reasons: [expect.stringMatching(/id/)] },
      { id: 'x9', position: 4, location: 'cases.ndjson:12', reasons: ['not JSON'] },
      { position: 5, location: 'cases.ndjson:1', reasons: ['not JSON'] },
    ]);
    expect(tally().excludesInvalid).toBe(false);
  });
});

describe('a trial add', () => {
  it('of a bad case changes nothing, and does not hold on to its id', () => {
    const t = tally();
    const tried = t.tryAdd(adult('a1', 'maybe'));
    expect('errors' in tried && tried.errors.map((e) => e.code)).toEqual(['CASE_ANSWER_OFF_SCALE']);
    expect([t.read, t.scored, t.invalid, t.diagnosticCount]).toEqual([0, 0, 0, 0]);
    expect(counts(t).relevant).toEqual([0, 0, 0, 0]);
    expect(t.add(adult('a1'))).toBe(true);
  });

  it('of a good case counts it; taken back and restored, it counts once and keeps its id', () => {
    const t = tally();
    const tried = t.tryAdd(adult('a1'));
    if ('errors' in tried) throw new Error('a1 is valid');
    expect([...tried.outcomes]).toEqual([1, 1, 1, 1]);
    t.subtract(tried.id, tried.outcomes);
    expect([t.read, t.scored]).toEqual([0, 0]);
    expect(t.add(adult('a1'))).toBe(true);
    t.subtract('a1', tried.outcomes);
    t.restore('a1', tried.outcomes);
    expect([t.read, t.scored, ...counts(t).met]).toEqual([1, 1, 1, 1, 1, 1]);
    expect(t.add(adult('a1'))).toBe(false);
  });
});

describe('merging a worker’s tally', () => {
  it('adds every counter and appends its exclusions, keeping only as many diagnostics as there is room for', () => {
    const main = tally({ maxDiagnostics: 2 });
    main.add(adult('a1'));
    main.add({ id: 'm1', answers: {} });
    // The worker's area is not a pilot, so n1 is relevant to no question.
    const worker = tally({ maxDiagnostics: 5 }, { pilot: false });
    worker.add(child('c1'));
    worker.add({ id: 'n1', facts: { adult: false }, answers: { q1: 'na', 'theme:H1.1': 'na' } });
    worker.add({ id: 'w1' });
    worker.add({ id: 'w2' });
    worker.rejectInput(problem('a broken header'));
    const before = main.diagnostics.length;
    main.merge(worker);
    expect(counts(main)).toEqual({ relevant: [2, 1, 1, 2], met: [1, 1, 1, 1], notApplicable: [1, 0, 0, 1] });
    expect([main.read, main.scored, main.relevantToNone, main.invalid, main.inputProblems]).toEqual([6, 3, 1, 3, 1]);
    expect(main.diagnosticCount).toBe(before + worker.diagnosticCount);
    expect(main.diagnostics).toHaveLength(2);
    expect(main.diagnostics.slice(before)).toEqual(worker.diagnostics.slice(0, 2 - before));
    const full = tally({ maxDiagnostics: 1 });
    full.add({ id: 'f1' });
    full.add({ id: 'f2' });
    full.merge({ ...worker, inputProblems: undefined });
    expect([full.diagnostics.length, full.inputProblems]).toEqual([1, 0]);
  });

  it('appends excluded cases in order', () => {
    const main = tally({ excludeInvalid: true });
    main.add({ id: 'm1' });
    const worker = tally({ excludeInvalid: true });
    worker.add({ id: 'w1' });
    worker.add({ id: 'w2' });
    main.merge(worker);
    expect(main.excluded.map((e) => e.id)).toEqual(['m1', 'w1', 'w2']);
  });
});

describe('an answer to no known question', () => {
  it("is named against the questions of its own module, or as a thematic's the inspection lacks", () => {
    const t = tally();
    t.add({ id: 'u1', facts: { adult: true }, answers: { q1: 'yes', q2: 'yes', qq2: 'yes', 'theme:H1.1': 'yes', 'theme:H1.2': 'yes', 'other:X1': 'yes' } });
    const byKey = Object.fromEntries(t.diagnostics.map((d) => [d.message.replace(/^case u1: /, ''), [d.code, d.hint]]));
    expect(byKey).toEqual({
      "unknown question 'qq2'; did you mean 'q2'?": ['CASE_UNKNOWN_QUESTION', 'questions: q1, q2, q3'],
      "unknown question 'theme:H1.2'; did you mean 'theme:H1.1'?": ['CASE_UNKNOWN_QUESTION', 'questions: theme:H1.1'],
      "'other:X1' answers a thematic the inspection does not include": [
        'UNKNOWN_THEMATIC',
        expect.stringContaining("add the thematic to the inspection's thematics"),
      ],
    });
  });
});

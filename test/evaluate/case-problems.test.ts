/**
 * Every problem a case record can have, met in process through a ScoringSession (as a library
 * user meets it), with the exact code, message and hint: the record's shape, its id, unknown
 * properties and facts, each fact type's wrong values, values shown in messages, required facts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ScoringSession, scoreInspection } from '../../src/evaluate/score-inspection.js';
import type { Diagnostic } from '../../src/model/errors.js';
import type { CaseRecord, Inspection } from '../../src/model/inspection.js';
import { buildCase, buildPack, compile, packSpecArb } from '../properties/arbitraries.js';

const pack = buildPack(fc.sample(packSpecArb, { numRuns: 1, seed: 11 })[0]!);
// Every question applies to every case, so that changing a fact leaves the answers valid.
for (const criterion of pack.criteria ?? [])
  for (const question of (criterion as { questions?: Array<{ appliesWhen?: unknown }> }).questions ?? []) delete question.appliesWhen;
// Except C1.1, which applies only when flag is true (and the cases below do not give flag).
(pack.criteria![0] as { questions: Array<{ appliesWhen?: unknown }> }).questions[0]!.appliesWhen = { fact: 'flag', operator: 'equal', value: true };
pack.facts!.case = {
  ...pack.facts!.case,
  when: { type: 'date' },
  note: { type: 'string' },
  must: { type: 'enum', values: ['a', 'b'], required: true },
};
const plan = compile(pack);
const valid = (id: string): CaseRecord => {
  const record = buildCase(plan, pack, { facts: { risk: 'low' }, choices: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] }, id, {});
  return { ...record, facts: { ...record.facts, must: 'a' } };
};
const HEADER = { area: { name: 'Area' } };
const FACT_NAMES = 'risk, flag, n, when, note, must';

/** The problems of `record`, scored second after a valid case. */
function problemsOf(record: unknown): Array<Pick<Diagnostic, 'code' | 'message' | 'hint' | 'caseId'>> {
  const started = ScoringSession.start(plan, HEADER, {});
  if ('errors' in started) throw new Error(started.errors[0]!.message);
  started.session.add(valid('c0'));
  started.session.add(record as CaseRecord);
  const finished = started.session.finish();
  if (!('errors' in finished)) return [];
  return finished.errors
    .filter((e) => e.code !== 'CASES_NOT_SCORED')
    .map((e) => ({
      code: e.code,
      message: e.message,
      ...(e.hint !== undefined ? { hint: e.hint } : {}),
      ...(e.caseId !== undefined ? { caseId: e.caseId } : {}),
    }));
}

const withFacts = (facts: Record<string, unknown>) => ({ ...valid('c1'), facts: { ...valid('c1').facts, ...facts } });
const SHAPE_HINT = 'write each case as a mapping with id, facts and answers';
const ID_HINT = 'give every case a unique id (text or a number)';

describe('a case record', () => {
  it.each([
    ['text', 'c', "case at position 2: expected a case record ({ id, facts, answers }), got 'c'"],
    ['a number', 42, 'case at position 2: expected a case record ({ id, facts, answers }), got 42'],
    ['a list', [1], 'case at position 2: expected a case record ({ id, facts, answers }), got [1]'],
    ['null', null, 'case at position 2: expected a case record ({ id, facts, answers }), got null'],
  ])('that is %s is refused', (_what, record, message) => {
    expect(problemsOf(record)).toEqual([{ code: 'CASE_MISSING_ID', message, hint: SHAPE_HINT }]);
  });

  it.each([
    ['no id', undefined],
    ['an empty id', ''],
    ['an id that is not a finite number', Number.NaN],
    ['an id that is a list', ['c1']],
  ])('with %s has no id', (_what, id) => {
    expect(problemsOf({ ...valid('x'), id })).toEqual([{ code: 'CASE_MISSING_ID', message: 'case at position 2: the case has no id', hint: ID_HINT }]);
  });

  it('takes a number as its id, as text', () => {
    expect(problemsOf({ ...valid('x'), id: 12 })).toEqual([]);
    expect(problemsOf({ ...valid('x'), id: 'c0' })).toEqual([
      { code: 'CASE_DUPLICATE_ID', message: "case c0: the id 'c0' is used by an earlier case", hint: 'give every case a unique id', caseId: 'c0' },
    ]);
  });

  it('with an id too long or with spaces at its end is refused, the id not taken as its name', () => {
    const long = problemsOf({ ...valid('x'), id: 'x'.repeat(129) });
    expect(long).toEqual([
      { code: 'SCHEMA_RANGE', message: expect.stringMatching(/^case at position 2: /), hint: 'shorten the id (an id names a case; it need not describe it)' },
    ]);
    const spaced = problemsOf({ ...valid('x'), id: 'c1 ' });
    expect(spaced).toEqual([
      {
        code: 'CASE_BAD_ID',
        message: expect.stringMatching(/^case at position 2: .*space/),
        hint: 'write the id without spaces at its ends and without invisible characters, in Unicode NFC form (as most editors save text)',
      },
    ]);
  });

  it('with a property besides id, facts and answers is refused by name', () => {
    expect(problemsOf({ ...valid('c1'), notes: 'x' })).toEqual([
      {
        code: 'CASE_UNKNOWN_FACT',
        message: "case c1: unknown property 'notes' in a case record",
        hint: 'a case record has id, facts and answers; put facts under facts: and answers under answers:',
        caseId: 'c1',
      },
    ]);
  });

  it.each([
    ['facts', [], 'case c1: facts must be a mapping of fact names to values, got []'],
    ['facts', 'low', "case c1: facts must be a mapping of fact names to values, got 'low'"],
    ['answers', 'yes', "case c1: answers must be a mapping of question ids to answers, got 'yes'"],
    ['answers', null, 'case c1: answers must be a mapping of question ids to answers, got null'],
  ])('whose %s are %j is refused', (part, value, message) => {
    expect(problemsOf({ ...valid('c1'), [part]: value })).toEqual([{ code: 'CASE_BAD_VALUE', message, caseId: 'c1' }]);
  });
});

describe("a case's facts", () => {
  it('name only declared facts, with the nearest declared name suggested', () => {
    expect(problemsOf(withFacts({ rsik: 'low' }))).toEqual([
      { code: 'CASE_UNKNOWN_FACT', message: "case c1: unknown fact 'rsik'; did you mean 'risk'?", hint: `declared case facts: ${FACT_NAMES}`, caseId: 'c1' },
    ]);
  });

  it.each([
    [{ flag: 'yes' }, "fact 'flag': expected true or false, got 'yes'", undefined],
    [{ flag: 1 }, "fact 'flag': expected true or false, got 1", undefined],
    [{ n: '5' }, "fact 'n': expected a finite number, got '5'", undefined],
    [{ n: 11 }, "fact 'n': 11 is above the maximum 10", undefined],
    [{ n: -1 }, "fact 'n': -1 is below the minimum 0", undefined],
    [{ risk: 'LOW' }, "fact 'risk': 'LOW' is not one of: low, medium, high", 'use one of: low, medium, high'],
    [{ risk: 3 }, "fact 'risk': 3 is not one of: low, medium, high", 'use one of: low, medium, high'],
    [{ when: '2024-02-30' }, "fact 'when': expected a date YYYY-MM-DD, got '2024-02-30'", undefined],
    [{ when: '2024-2-3' }, "fact 'when': expected a date YYYY-MM-DD, got '2024-2-3'", undefined],
    [{ when: 20240203 }, "fact 'when': expected a date YYYY-MM-DD, got 20240203", undefined],
    [{ note: 5 }, "fact 'note': expected text, got 5", undefined],
    [{ note: { a: 1 } }, 'fact \'note\': expected text, got {"a":1}', undefined],
    [{ note: () => 1 }, "fact 'note': expected text, got a function", undefined],
    [{ flag: 'y'.repeat(61) }, `fact 'flag': expected true or false, got '${'y'.repeat(57)}…'`, undefined],
    [{ flag: 'y'.repeat(60) }, `fact 'flag': expected true or false, got '${'y'.repeat(60)}'`, undefined],
    // JSON longer than 80 characters is cut to 77 and an ellipsis.
    [
      { flag: Array.from({ length: 30 }, (_, i) => i + 1) },
      `fact 'flag': expected true or false, got [1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,2…`,
      undefined,
    ],
    [
      { flag: Array.from({ length: 29 }, (_, i) => i + 1) },
      `fact 'flag': expected true or false, got [${Array.from({ length: 29 }, (_, i) => i + 1).join(',')}]`,
      undefined,
    ],
  ])('%j is refused: %s', (facts, message, hint) => {
    expect(problemsOf(withFacts(facts))).toEqual([{ code: 'CASE_BAD_VALUE', message: `case c1: ${message}`, ...(hint ? { hint } : {}), caseId: 'c1' }]);
  });

  it('shows a value that cannot be written as JSON in words', () => {
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(problemsOf(withFacts({ note: loop }))[0]!.message).toBe("case c1: fact 'note': expected text, got a mapping");
    const nested: unknown[] = [];
    nested.push(nested);
    expect(problemsOf(withFacts({ note: nested }))[0]!.message).toBe("case c1: fact 'note': expected text, got a list");
  });

  it('a required fact missing is a problem of its own', () => {
    const { must: _must, ...rest } = valid('c1').facts as Record<string, unknown>;
    expect(problemsOf({ ...valid('c1'), facts: rest })).toEqual([
      { code: 'CASE_MISSING_FACT', message: "case c1: required fact 'must' is missing", hint: "give 'must' for every case", caseId: 'c1' },
    ]);
  });

  it('a required fact given as undefined (from code) is both not a value and missing', () => {
    expect(problemsOf(withFacts({ must: undefined }))).toEqual([
      { code: 'CASE_BAD_VALUE', message: "case c1: fact 'must': nothing is not one of: a, b", hint: 'use one of: a, b', caseId: 'c1' },
      { code: 'CASE_MISSING_FACT', message: "case c1: required fact 'must' is missing", hint: "give 'must' for every case", caseId: 'c1' },
    ]);
  });

  it('a required fact inherited, not its own, is missing', () => {
    const record = valid('c1');
    const { must: _must, ...rest } = record.facts as Record<string, unknown>;
    const facts = Object.assign(Object.create({ must: 'a' }) as Record<string, unknown>, rest);
    expect(problemsOf({ ...record, facts }).map((p) => p.code)).toEqual(['CASE_MISSING_FACT']);
  });

  it('every value that fits its declaration is taken', () => {
    expect(problemsOf(withFacts({ flag: false, n: 0, when: '2024-02-29', note: '', risk: 'high' }))).toEqual([]);
    expect(problemsOf(withFacts({ n: 10 }))).toEqual([]);
  });
});

describe("a session's outcome", () => {
  const start = (options: Parameters<typeof ScoringSession.start>[2] = {}, header: Parameters<typeof ScoringSession.start>[1] = HEADER) => {
    const started = ScoringSession.start(plan, header, options);
    if ('errors' in started) throw new Error(started.errors[0]!.message);
    return started.session;
  };
  const bad = (id: unknown) => ({ ...valid('x'), id, facts: { ...valid('x').facts, flag: 'yes' } });

  it('lists excluded cases by id, repeated ids by position, cases without an id last by position', () => {
    const session = start({ excludeInvalid: true });
    session.add(valid('ok'));
    for (const record of [bad('b'), bad(undefined), bad('a'), valid('a'), bad(''), valid('c')]) session.add(record);
    const finished = session.finish();
    if ('errors' in finished) throw new Error(finished.errors[0]!.message);
    expect(finished.result.cases.excluded.map((e) => [e.id, e.position])).toEqual([
      ['a', 4],
      ['a', 5],
      ['b', 2],
      [undefined, 3],
      [undefined, 6],
    ]);
    expect(finished.result.cases).toMatchObject({ read: 7, scored: 2 });
  });

  it('sorts exclusions that arrive out of order (as merged from parallel workers) by id, then position', () => {
    const session = start({ excludeInvalid: true });
    const arrivals: Array<[string | undefined, number]> = [
      ['a', 5],
      ['a', 2],
      [undefined, 9],
      [undefined, 1],
      ['b', 3],
    ];
    session.add(valid('ok'));
    // add's position counts from 0; the result's from 1.
    for (const [id, place] of arrivals) session.tally.add(bad(id), false, place - 1);
    const finished = session.finish();
    if ('errors' in finished) throw new Error(finished.errors[0]!.message);
    expect(finished.result.cases.excluded.map((e) => [e.id, e.position])).toEqual([
      ['a', 2],
      ['a', 5],
      ['b', 3],
      [undefined, 1],
      [undefined, 9],
    ]);
  });

  it('stops at a problem with the input as a whole, even when bad cases may be excluded', () => {
    const session = start({ excludeInvalid: true });
    session.add(valid('ok'));
    const header = { code: 'CSV_HEADER', severity: 'error', message: "the header names no column 'id'" } as const;
    session.reject(header, true);
    expect(session.finish()).toEqual({
      errors: [
        header,
        {
          code: 'CASES_NOT_SCORED',
          severity: 'error',
          message: 'the cases could not be read as a whole; nothing was scored',
          hint: 'mend the case file as the errors above say',
        },
      ],
    });
  });

  it('counts a row no reader could make into a case as a bad case, and says nothing of unlisted problems when all are listed', () => {
    const session = start();
    session.add(valid('ok'));
    session.reject({ code: 'JSON_SYNTAX', severity: 'error', message: 'line 2 is not JSON' });
    const finished = session.finish();
    expect('errors' in finished && finished.errors.map((e) => e.message)).toEqual(['line 2 is not JSON', '1 of 2 cases have problems; nothing was scored']);
  });

  it('refuses cases, rows and a second finish once finished', () => {
    const session = start();
    session.add(valid('ok'));
    session.finish();
    expect(() => session.add(valid('late'))).toThrow('ScoringSession: cannot add a case after finish(); start a new session');
    expect(() => session.reject({ code: 'JSON_SYNTAX', severity: 'error', message: 'x' })).toThrow(
      'ScoringSession: cannot reject a case after finish(); start a new session',
    );
    expect(() => session.finish()).toThrow('ScoringSession: cannot finish after finish(); start a new session');
  });

  it('counts the problems it no longer lists', () => {
    const session = start({ maxDiagnostics: 2 });
    session.add(valid('ok'));
    for (const id of ['b1', 'b2', 'b3']) session.add(bad(id));
    const finished = session.finish();
    expect(finished).toEqual({
      errors: [
        expect.objectContaining({ caseId: 'b1' }),
        expect.objectContaining({ caseId: 'b2' }),
        {
          code: 'CASES_NOT_SCORED',
          severity: 'error',
          message: '3 of 4 cases have problems (1 more problems not listed); nothing was scored',
          hint: 'mend the cases, or leave them out with excludeInvalid (--exclude-invalid on the command line); the result then lists them and why',
        },
      ],
    });
  });

  it('has no cases: an error when cases are required or all were bad, a result when an empty list was given', () => {
    const NO_CASES_HINT = 'list the cases under cases:, or point cases: { file: … } at a CSV or NDJSON file with a header and at least one row';
    expect(start({ requireCases: true }).finish()).toEqual({
      errors: [{ code: 'NO_CASES', severity: 'error', message: 'the inspection has no cases', hint: NO_CASES_HINT }],
    });
    const onlyBad = start({ excludeInvalid: true });
    onlyBad.add(bad('b'));
    expect(onlyBad.finish()).toEqual({ errors: [{ code: 'NO_CASES', severity: 'error', message: 'no case could be scored', hint: NO_CASES_HINT }] });
    const empty = start().finish();
    expect('result' in empty && empty.result.cases).toEqual({ read: 0, scored: 0, relevantToNone: 0, excluded: [] });
  });

  it('stamps the input hash given, or one of the cases when asked, or none', () => {
    const stamped = (options: Parameters<typeof ScoringSession.start>[2]) => {
      const session = start(options);
      session.add(valid('c1'));
      const finished = session.finish();
      if ('errors' in finished) throw new Error(finished.errors[0]!.message);
      return finished.result.provenance.inputSha256;
    };
    expect(stamped({})).toBeUndefined();
    expect(stamped({ inputSha256: 'f'.repeat(64) })).toBe('f'.repeat(64));
    expect(stamped({ inputSha256: 'f'.repeat(64), hashInput: true })).toBe('f'.repeat(64));
    expect(stamped({ hashInput: true })).toMatch(/^[0-9a-f]{64}$/);
    expect(stamped({ hashInput: true })).not.toBe('f'.repeat(64));
  });

  it("carries the area's period only when given", () => {
    const withPeriod = start({}, { area: { name: 'Area', period: '2003-10' } });
    withPeriod.add(valid('c1'));
    const a = withPeriod.finish();
    const without = start();
    without.add(valid('c1'));
    const b = without.finish();
    // The area facts the pack's conditions read are listed, null when not given.
    expect('result' in a && a.result.area).toEqual({ name: 'Area', period: '2003-10', facts: { tool: null } });
    expect('result' in b && b.result.area).toEqual({ name: 'Area', facts: { tool: null } });
  });
});

describe('scoreInspection', () => {
  it.each([
    ['null', null],
    ['a number', 3],
    ['a mapping', { c1: {} }],
  ])('refuses cases that are %s', (_what, cases) => {
    expect(scoreInspection(plan, { ...HEADER, pack: 'p', cases } as unknown as Inspection)).toEqual({
      errors: [
        {
          code: 'SCHEMA_TYPE',
          severity: 'error',
          message: "the inspection's cases must be a list (or any iterable) of case records",
          hint: 'give cases: [ { id, facts, answers }, … ]',
          pointer: '/cases',
        },
      ],
    });
  });

  it('scores cases from any iterable', () => {
    function* cases() {
      yield valid('c1');
      yield valid('c2');
    }
    const scored = scoreInspection(plan, { ...HEADER, pack: 'p', cases: cases() } as unknown as Inspection);
    expect('result' in scored && scored.result.cases.scored).toBe(2);
  });
});

describe("a case's answers", () => {
  const withAnswers = (answers: Record<string, unknown>) => ({ ...valid('c1'), answers: { ...valid('c1').answers, ...answers } });
  const one = (answers: Record<string, unknown>) => problemsOf(withAnswers(answers));

  it.each([
    ['text that is no level', 'maybe', "'maybe'"],
    ['a level of another scale', 'good', "'good'"],
    ['a number', 5, '5'],
    ['a boolean', true, 'true'],
  ])('that is %s is off the scale', (_what, answer, shown) => {
    expect(one({ 'C2.2': answer })).toEqual([
      { code: 'CASE_ANSWER_OFF_SCALE', message: `case c1: answer ${shown} to C2.2 is not on its scale 'yn'`, hint: 'use one of: yes, no, na', caseId: 'c1' },
    ]);
  });

  it.each([
    ['empty', ''],
    ['null', null],
  ])('that is %s is no answer', (_what, answer) => {
    expect(one({ 'C2.3': answer })).toEqual([
      {
        code: 'CASE_MISSING_ANSWER',
        message: 'case c1: question C2.3 applies to this case but has no answer',
        hint: 'answer it with one of: good, fair, poor',
        caseId: 'c1',
      },
    ]);
  });

  it('to a question that does not apply is refused, with the condition', () => {
    expect(one({ 'C1.1': 'good' })).toEqual([
      {
        code: 'CASE_ANSWER_NOT_APPLICABLE',
        message: "case c1: question C1.1 does not apply to this case but is answered 'good'",
        hint: 'the question applies when {"fact":"flag","operator":"equal","value":true}; remove the answer or correct the case\'s facts',
        caseId: 'c1',
      },
    ]);
    // Left empty, it is simply not relevant.
    expect(one({ 'C1.1': '' })).toEqual([]);
  });

  it('to a question decided by the facts is refused', () => {
    expect(one({ 'C8.2': 'yes' })).toEqual([
      {
        code: 'CASE_ANSWER_NOT_ASKED',
        message: "case c1: question C8.2 is decided by the case's facts, yet it is answered 'yes'",
        hint: 'remove the answer; the question is met when its metWhen condition holds',
        caseId: 'c1',
      },
    ]);
  });

  it('to an unknown question is refused with the nearest question; of a thematic not included, as such', () => {
    expect(one({ 'C2.4': 'yes' })).toEqual([
      {
        code: 'CASE_UNKNOWN_QUESTION',
        message: "case c1: unknown question 'C2.4'; did you mean 'C2.1'?",
        hint: expect.stringMatching(/^questions: C1\.1, C2\.1, C2\.2, /),
        caseId: 'c1',
      },
    ]);
    expect(one({ 'victims-2003:A1.1': 'yes' })).toEqual([
      {
        code: 'UNKNOWN_THEMATIC',
        message: "case c1: 'victims-2003:A1.1' answers a thematic the inspection does not include",
        hint: expect.any(String),
        caseId: 'c1',
      },
    ]);
  });
});

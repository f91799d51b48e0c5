// Case ids that only look alike are refused or are the same id; the test is a property over
// generated ids and a table of the look-alikes found by hand.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseIdProblem, isValidCaseId, showId } from '../../src/evaluate/check-case-id.js';

describe('case ids', () => {
  it.each([
    ['c1', true],
    ['case 12', true],
    ['Åsa-3', true],
    ['x'.repeat(128), true],
    ['x'.repeat(129), false],
    ['c1 ', false],
    [' c1', false],
    ['c1\u00A0', false],
    ['c\u200B1', false],
    ['c1\uFEFF', false],
    ['c\u202E1', false],
    ['c\u00001', false],
    ['c1\r', false],
    ['e\u0301', false],
    ['\u00E9', true],
    ['', false],
  ])('%j valid: %s', (id, valid) => {
    expect(isValidCaseId(id)).toBe(valid);
  });

  it('shows invisible characters', () => {
    expect(showId('c\u200B1')).toBe('c\\u{200B}1');
    // A plain space is shown as it is; other spaces by their code point.
    expect(showId('case 12')).toBe('case 12');
    expect(showId('c\u00A01\t')).toBe('c\\u{A0}1\\u{9}');
    expect(caseIdProblem('e\u0301')).toMatch(/not in Unicode NFC form/);
  });

  it('says exactly what is wrong with each kind of id', () => {
    expect(caseIdProblem('c1')).toBeNull();
    expect(caseIdProblem('x'.repeat(129))).toBe('the case id has 129 characters; at most 128 are allowed');
    // Past plain ASCII the length is checked on its own: 128 letters are allowed, 129 are not.
    expect(caseIdProblem('é'.repeat(128))).toBeNull();
    expect(caseIdProblem('é'.repeat(129))).toBe('the case id has 129 characters; at most 128 are allowed');
    expect(caseIdProblem('c1 ')).toBe("the case id 'c1 ' begins or ends with a space, so it would look like another id");
    expect(caseIdProblem('c\u200B1')).toBe("the case id 'c\\u{200B}1' holds a control or invisible character, so it would look like another id");
    expect(caseIdProblem('e\u0301')).toBe(
      "the case id 'e\u0301' is not in Unicode NFC form (a letter and its accent are written apart), so it would look like '\u00E9'",
    );
  });

  it('shows at most 80 characters of an id, ending a longer one with an ellipsis', () => {
    expect(showId('x'.repeat(80))).toBe('x'.repeat(80));
    expect(showId('x'.repeat(81))).toBe(`${'x'.repeat(77)}…`);
    // The limit is on the id as shown: each invisible character takes 8.
    expect(showId('\u200B'.repeat(11))).toBe(`${'\\u{200B}'.repeat(9)}\\u{20…`);
  });

  it('no two valid ids look alike: equal after NFC, trimming and removing invisible characters means equal', () => {
    const look = (id: string) =>
      id
        .normalize('NFC')
        .replace(/[\p{Cc}\p{Cf}]/gu, '')
        .trim();
    const pieces = fc.constantFrom('a', 'b', 'e', '\u0301', '\u00E9', ' ', '\u200B', '\u00A0', '\uFEFF', '1', '\t');
    const ids = fc.array(pieces, { minLength: 1, maxLength: 6 }).map((p) => p.join(''));
    fc.assert(
      fc.property(ids, ids, (a, b) => {
        if (isValidCaseId(a) && isValidCaseId(b) && look(a) === look(b)) expect(a).toBe(b);
      }),
      { numRuns: 2000 },
    );
  });
});

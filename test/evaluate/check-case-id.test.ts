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

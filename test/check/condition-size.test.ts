/**
 * The limits on how large and how deep a condition grows through the named conditions it refers
 * to (checkConditionSize, run by checkConditions when no circle of named conditions exists). Each
 * case inserts generated named conditions into the small base pack and checks it in process: a
 * condition at the limit passes, one past it is reported once, where the limit is crossed (not at
 * the conditions that refer to it), with the exact message, hint and location (the key of a named
 * condition; the condition itself in a question or band rule). Depth counts a fact comparison as
 * one level, each all/any/not as one more, and a reference as the depth of the condition it names;
 * size counts the fact comparisons with every reference expanded in full.
 */
import { describe, expect, it } from 'vitest';
import { MAX_CONDITION_DEPTH, MAX_CONDITION_SIZE } from '../../src/check/check-condition-size.js';
import type { Diagnostic } from '../../src/model/errors.js';
import { checkPackText, editedPack } from './pack-harness.js';

/** One fact comparison, valid in questions, named conditions and band rules alike (oasys is an area fact). */
const LEAF = '{ fact: oasys, operator: equal, value: true }';
const APPLIES = '{ fact: risk, operator: equal, value: high }';
const DEPTH_HINT = 'write the condition out with fewer named conditions referring to named conditions';
const SIZE_HINT = 'refer to each named condition once: declare a condition for the shared part and refer to that once';
const INLINE_SIZE_HINT = 'write it with fewer comparisons: a list with in or notIn compares a fact with many values at once';

/** The edit that declares these named conditions (YAML lines) just before bandSets. */
const declare = (lines: string[]): [string, string] => ['bandSets:', `conditions:\n${lines.join('\n')}\nbandSets:`];

/** c1 … cn: c1 compares a fact, each next one refers to the one before, so ck nests k levels. */
const chain = (n: number): string[] => Array.from({ length: n }, (_, i) => `  c${i + 1}: ${i === 0 ? LEAF : `{ condition: c${i} }`}`);

/** d1 … dn, declared in that order: each refers to the next and dn compares a fact, so d1 nests n levels. */
const reversedChain = (n: number): string[] => Array.from({ length: n }, (_, i) => `  d${i + 1}: ${i === n - 1 ? LEAF : `{ condition: d${i + 2} }`}`);

/** n1 … nn: n1 compares a fact, each next one is { any: [{ not: <the one before> }] }, so nk nests 3k - 2 levels. */
const nested = (n: number): string[] => Array.from({ length: n }, (_, i) => `  n${i + 1}: ${i === 0 ? LEAF : `{ any: [{ not: { condition: n${i} } }] }`}`);

/** f, t10, t100, t1000: f compares a fact and each next one refers ten times to the one before (1000 comparisons). */
const SIZES = [
  `  f: ${LEAF}`,
  `  t10: { all: [${Array(10).fill('{ condition: f }').join(', ')}] }`,
  `  t100: { all: [${Array(10).fill('{ condition: t10 }').join(', ')}] }`,
  `  t1000: { all: [${Array(10).fill('{ condition: t100 }').join(', ')}] }`,
];

/** `count` fact comparisons written out in one condition. */
const leaves = (count: number): string => Array(count).fill(LEAF).join(', ');

/** Where the first occurrence of `needle` starts in `text` (line and column from 1). */
function locate(text: string, needle: string): { line: number; column: number } {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`not in the pack: ${needle}`);
  const before = text.slice(0, i);
  return { line: before.split('\n').length, column: i - before.lastIndexOf('\n') };
}

/** The line and column (from 1) of offset `i` in `text`. */
function locateAt(text: string, i: number): { line: number; column: number } {
  const before = text.slice(0, i);
  return { line: before.split('\n').length, column: i - before.lastIndexOf('\n') };
}

/** A diagnostic as the tests compare it. */
const brief = (d: Diagnostic) => ({ code: d.code, severity: d.severity, message: d.message, hint: d.hint, line: d.line, column: d.column, pointer: d.pointer });

/** The CONDITION_SHAPE error expected at `needle` (its first occurrence in `text`). */
function shapeError(text: string, needle: string, pointer: string, message: string, hint: string) {
  return { code: 'CONDITION_SHAPE', severity: 'error', message, hint, ...locate(text, needle), pointer };
}

const depthMessage = (label: string, depth: number) =>
  `${label} nests ${depth} levels deep through the named conditions it refers to, more than the 100 allowed`;
const sizeMessage = (label: string) =>
  `${label} expands to more than 1000 comparisons through the named conditions it refers to (each reference is evaluated in full)`;

describe('checkConditionSize', () => {
  it('has the limits the messages name', () => {
    expect([MAX_CONDITION_DEPTH, MAX_CONDITION_SIZE]).toEqual([100, 1000]);
  });

  describe('depth', () => {
    it('accepts a chain of references exactly 100 levels deep', () => {
      expect(checkPackText(editedPack([declare(chain(100))])).map(brief)).toEqual([]);
    });

    it('reports the named condition that reaches 101 levels, at its key', () => {
      const text = editedPack([declare(chain(101))]);
      expect(checkPackText(text).map(brief)).toEqual([shapeError(text, 'c101:', '/conditions/c101', depthMessage('condition c101', 101), DEPTH_HINT)]);
    });

    it('reports only where the limit is crossed, not the conditions that refer to it', () => {
      // c102 and c103 refer only to conditions over the limit; x refers to one over it and one within it.
      const text = editedPack([declare([...chain(103), '  x: { any: [{ condition: c1 }, { condition: c103 }] }'])]);
      expect(checkPackText(text).map(brief)).toEqual([shapeError(text, 'c101:', '/conditions/c101', depthMessage('condition c101', 101), DEPTH_HINT)]);
    });

    it('measures named conditions declared after the conditions that refer to them', () => {
      expect(checkPackText(editedPack([declare(reversedChain(100))])).map(brief)).toEqual([]);
      const text = editedPack([declare(reversedChain(101))]);
      expect(checkPackText(text).map(brief)).toEqual([shapeError(text, 'd1:', '/conditions/d1', depthMessage('condition d1', 101), DEPTH_HINT)]);
    });

    it('counts the levels of any, not and all inside named conditions', () => {
      // n34 nests 3 × 34 - 2 = 100 levels, n35 103.
      expect(checkPackText(editedPack([declare(nested(34))])).map(brief)).toEqual([]);
      const text = editedPack([declare(nested(35))]);
      expect(checkPackText(text).map(brief)).toEqual([shapeError(text, 'n35:', '/conditions/n35', depthMessage('condition n35', 103), DEPTH_HINT)]);
    });

    it('counts an unknown named condition as one level', () => {
      // u1 refers to a condition that does not exist (one level), u2 … u100 to the one before: u100 nests 101.
      const lines = Array.from({ length: 100 }, (_, i) => `  u${i + 1}: { condition: ${i === 0 ? 'nosuch' : `u${i}`} }`);
      const text = editedPack([declare(lines)]);
      expect(checkPackText(text).map(brief)).toEqual([
        {
          code: 'UNKNOWN_CONDITION',
          severity: 'error',
          message: "unknown condition 'nosuch' in condition u1",
          hint: `declare it under conditions, or name one of: ${Array.from({ length: 12 }, (_, i) => `u${i + 1}`).join(', ')}, … (88 more)`,
          ...locate(text, 'nosuch'),
          pointer: '/conditions/u1/condition',
        },
        shapeError(text, 'u100:', '/conditions/u100', depthMessage('condition u100', 101), DEPTH_HINT),
      ]);
    });

    it('accepts a question condition 100 levels deep and reports one 101 levels deep, at the condition', () => {
      expect(checkPackText(editedPack([declare(chain(99)), [APPLIES, '{ condition: c99 }']])).map(brief)).toEqual([]);
      const text = editedPack([declare(chain(100)), [APPLIES, '{ condition: c100 }']]);
      expect(checkPackText(text).map(brief)).toEqual([
        shapeError(text, '{ condition: c100 }', '/criteria/0/questions/0/appliesWhen', depthMessage('appliesWhen of question S1.1', 101), DEPTH_HINT),
      ]);
    });

    it('reports a metWhen over the limit', () => {
      const question = '      - { id: S1.2, text: Decided, metWhen: { all: [{ condition: c99 }] } }';
      const text = editedPack([declare(chain(99)), [`${APPLIES} }`, `${APPLIES} }\n${question}`]]);
      expect(checkPackText(text).map(brief)).toEqual([
        shapeError(text, '{ all: [{ condition: c99 }] }', '/criteria/0/questions/1/metWhen', depthMessage('metWhen of question S1.2', 101), DEPTH_HINT),
      ]);
    });

    it('reports a band rule over the limit, numbering the rules from 1', () => {
      const text = editedPack([declare(chain(100)), ['    otherwise: low', '      - { level: low, when: { condition: c100 } }\n    otherwise: low']]);
      expect(checkPackText(text).map(brief)).toEqual([
        shapeError(text, '{ condition: c100 }', '/bandSets/scoreBands/rules/1/when', depthMessage('rule 2 of band set scoreBands', 101), DEPTH_HINT),
      ]);
    });
  });

  describe('size', () => {
    it('accepts a named condition that expands to exactly 1000 comparisons', () => {
      expect(checkPackText(editedPack([declare(SIZES)])).map(brief)).toEqual([]);
    });

    it('reports the named condition that expands to 1001 comparisons, at its key, and not the conditions that refer to it', () => {
      const text = editedPack([
        declare([...SIZES, `  t1001: { all: [{ condition: t1000 }, ${LEAF}] }`, '  top: { any: [{ condition: f }, { condition: t1001 }] }']),
      ]);
      expect(checkPackText(text).map(brief)).toEqual([shapeError(text, 't1001:', '/conditions/t1001', sizeMessage('condition t1001'), SIZE_HINT)]);
    });

    it('measures named conditions declared after the conditions that refer to them', () => {
      const reversed = [`  t1001: { all: [{ condition: t1000 }, ${LEAF}] }`, ...[...SIZES].reverse()];
      const text = editedPack([declare(reversed)]);
      expect(checkPackText(text).map(brief)).toEqual([shapeError(text, 't1001:', '/conditions/t1001', sizeMessage('condition t1001'), SIZE_HINT)]);
    });

    it('reports a question condition that expands to 1001 comparisons, at the condition', () => {
      const text = editedPack([declare(SIZES), [APPLIES, `{ any: [{ condition: t1000 }, ${LEAF}] }`]]);
      expect(checkPackText(text).map(brief)).toEqual([
        shapeError(text, '{ any: [{ condition: t1000 }', '/criteria/0/questions/0/appliesWhen', sizeMessage('appliesWhen of question S1.1'), SIZE_HINT),
      ]);
    });

    it('counts comparisons written out in the condition itself', () => {
      expect(checkPackText(editedPack([declare([`  wide: { all: [${leaves(1000)}] }`])])).map(brief)).toEqual([]);
      const text = editedPack([declare([`  wide: { all: [${leaves(1001)}] }`])]);
      // No reference to blame: the message says only how many comparisons it holds.
      expect(checkPackText(text).map(brief)).toEqual([
        shapeError(text, 'wide:', '/conditions/wide', 'condition wide holds more than 1000 comparisons', INLINE_SIZE_HINT),
      ]);
    });

    it("reports a band set's limit and a criterion's limit over the limit, at the condition, by the limit's id", () => {
      const twice = '{ all: [{ condition: t1000 }, { condition: t1000 }] }';
      const text = editedPack([
        declare(SIZES),
        ['    otherwise: low\n  itemBands:', `    otherwise: low\n    limits:\n      - { id: tight, cap: low, note: n, when: ${twice} }\n  itemBands:`],
        ['    band: scoreBands\n', `    band: scoreBands\n    limits:\n      - { id: wide, cap: low, note: n, when: ${twice} }\n`],
      ]);
      const at = (needle: string) => text.indexOf(needle);
      const second = text.indexOf(twice, at(twice) + 1);
      expect(checkPackText(text).map(brief)).toEqual([
        shapeError(text, twice, '/bandSets/scoreBands/limits/0/when', sizeMessage('limit tight of band set scoreBands'), SIZE_HINT),
        {
          ...shapeError(text.slice(second), twice, '/criteria/0/limits/0/when', sizeMessage('limit wide of criterion S1'), SIZE_HINT),
          ...locateAt(text, second),
        },
      ]);
    });

    it('does not count an empty all as a comparison', () => {
      expect(checkPackText(editedPack([declare([`  wide: { all: [${leaves(1000)}, { all: [] }] }`])])).map(brief)).toEqual([]);
    });

    it('counts a reference to an unknown named condition as one comparison', () => {
      const text = editedPack([declare([`  wide: { all: [${leaves(1000)}, { condition: nosuch }] }`])]);
      expect(checkPackText(text).map(brief)).toEqual([
        {
          code: 'UNKNOWN_CONDITION',
          severity: 'error',
          message: "unknown condition 'nosuch' in condition wide",
          hint: 'declare it under conditions, or name one of: wide',
          ...locate(text, 'nosuch'),
          pointer: '/conditions/wide/all/1000/condition',
        },
        shapeError(text, 'wide:', '/conditions/wide', sizeMessage('condition wide'), SIZE_HINT),
      ]);
    });

    it('reports size, not depth, for a condition exactly 100 levels deep and over 1000 comparisons', () => {
      // x: 2 + c98's 98 levels = 100; t1000's 1000 comparisons + c98's one = 1001.
      const text = editedPack([declare([...SIZES, ...chain(98), '  x: { all: [{ condition: t1000 }, { condition: c98 }] }'])]);
      expect(checkPackText(text).map(brief)).toEqual([
        shapeError(text, 'x: { all: [{ condition: t1000 }', '/conditions/x', sizeMessage('condition x'), SIZE_HINT),
      ]);
    });
  });

  it('measures nothing when named conditions refer to each other in a circle', () => {
    const text = editedPack([declare(['  a: { condition: b }', '  b: { condition: a }', `  wide: { all: [${leaves(1001)}] }`])]);
    expect(checkPackText(text).map((d) => d.code)).toEqual(['CONDITION_CYCLE']);
  });
});

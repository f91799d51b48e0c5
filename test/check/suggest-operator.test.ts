/**
 * Operator suggestions never change what a comparison means: synonyms from other rule languages
 * (found without case, spaces, `_` or `-`, and only when the operator is available), near names that
 * read the same way (direction, inclusiveness, negation, list or single value), and otherwise the one
 * operator whose direction and inclusiveness the name spells out.
 */
import { describe, expect, it } from 'vitest';
import { OPERATORS } from '../../src/check/check-condition-shape.js';
import { suggestOperator } from '../../src/check/suggest-operator.js';

const cases: Array<[string, string | undefined]> = [
  ['greaterThanOrEqual', 'greaterThanInclusive'],
  ['greaterThanOrEqualTo', 'greaterThanInclusive'],
  ['greaterThanEq', 'greaterThanInclusive'],
  ['gte', 'greaterThanInclusive'],
  ['>=', 'greaterThanInclusive'],
  ['lessThanOrEqual', 'lessThanInclusive'],
  ['lessThanEqual', 'lessThanInclusive'],
  ['lte', 'lessThanInclusive'],
  ['greaterThen', 'greaterThan'],
  ['graeterThan', 'greaterThan'],
  ['lesThan', 'lessThan'],
  ['greaterThanInclusiv', 'greaterThanInclusive'],
  ['equals', 'equal'],
  ['==', 'equal'],
  ['notEquals', 'notEqual'],
  ['!=', 'notEqual'],
  ['oneOf', 'in'],
  ['notin', 'notIn'],
  ['doesntContain', 'doesNotContain'],
  ['includes', 'contains'],
  ['between', undefined],
  ['matches', undefined],
];

describe('suggestOperator', () => {
  it.each(cases)('%s → %s', (written, expected) => {
    expect(suggestOperator(written, OPERATORS)).toBe(expected);
  });

  it('never suggests a strict comparison for an inclusive one, nor the other way round', () => {
    for (const op of ['greaterThanInclusive', 'lessThanInclusive']) {
      for (const variant of [
        op.replace('Inclusive', 'OrEqual'),
        op.replace('Inclusive', 'Equal'),
        op.replace('Inclusive', 'Incl'),
        op.replace('Inclusive', 'OrEq'),
      ]) {
        expect(suggestOperator(variant, OPERATORS)).toBe(op);
      }
    }
    for (const op of ['greaterThan', 'lessThan']) {
      for (const variant of [op.toLowerCase(), op.replace('Than', 'Then'), op.replace('Than', '')]) {
        expect(suggestOperator(variant, OPERATORS)).toBe(op);
      }
    }
  });

  it.each<[string, string | undefined]>([
    // Written with spaces, `_` or `-`: the synonym is found once they are dropped (no operator name is near).
    ['at least', 'greaterThanInclusive'],
    ['at_least', 'greaterThanInclusive'],
    ['at-least', 'greaterThanInclusive'],
    // No near name: the direction and inclusiveness are read from the words.
    ['lessThanOrEqualToTarget', 'lessThanInclusive'],
    ['belowRange', 'lessThan'],
    ['aboveMin', 'greaterThan'],
    ['inclusiveGreaterThan', 'greaterThanInclusive'],
    // A near name is taken only when it reads the same way.
    ['wqual', 'equal'],
    ['doenstContain', 'doesNotContain'],
    ['nequal', undefined],
    ['!equal', undefined],
    ['ink', undefined],
    // A typo of gte or lte still reads inclusive: never the strict operator.
    ['gtee', 'greaterThanInclusive'],
    ['ltee', 'lessThanInclusive'],
    ['ltequal', 'lessThanInclusive'],
  ])('%s → %s', (written, expected) => {
    expect(suggestOperator(written, OPERATORS)).toBe(expected);
  });

  it('suggests no synonym that is not among the operators', () => {
    expect(suggestOperator('oneOf', ['notIn', 'equal'])).toBeUndefined();
    // gte, with no inclusive operator to offer, is not offered the strict one.
    expect(suggestOperator('gte', ['greaterThan', 'lessThan', 'equal'])).toBeUndefined();
  });

  it('suggests nothing when two operators read the same way', () => {
    expect(suggestOperator('gtr', ['greaterThan', 'moreThan'])).toBeUndefined();
    expect(suggestOperator('gtr', ['greaterThan', 'lessThan'])).toBe('greaterThan');
  });
});

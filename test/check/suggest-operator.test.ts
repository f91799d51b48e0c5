/** Operator suggestions never change what a comparison means. */
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
});

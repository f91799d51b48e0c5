/**
 * Validating a value built in code (validateValue): before the schema is consulted, numbers that
 * are not finite, functions, symbols, bigints and structures that contain themselves are refused,
 * each with its JSON pointer (escaped) and the place in words (`the value` at the root), at most
 * 20 of them; a plain value then gets the schema's diagnostics, without file or position.
 */
import { describe, expect, it } from 'vitest';
import { validateValue } from '../../src/check/validate-schema.js';
import type { Diagnostic } from '../../src/model/errors.js';

const plainHint = 'give plain data: strings, finite numbers, booleans, null, objects and arrays';

describe('validateValue', () => {
  it.each<[string, () => unknown, Diagnostic[]]>([
    [
      'NaN at the root',
      () => NaN,
      [{ code: 'SCHEMA_TYPE', severity: 'error', message: 'the value is NaN, not a finite number', hint: 'give a finite number', pointer: '' }],
    ],
    [
      'Infinity beneath the root',
      () => ({ rounding: { digits: Infinity } }),
      [
        {
          code: 'SCHEMA_RANGE',
          severity: 'error',
          message: 'rounding.digits is Infinity, not a finite number',
          hint: 'give a finite number',
          pointer: '/rounding/digits',
        },
      ],
    ],
    [
      'minus Infinity in a named scale',
      () => ({ scales: { answer: { weight: -Infinity } } }),
      [
        {
          code: 'SCHEMA_RANGE',
          severity: 'error',
          message: 'weight of scale answer is -Infinity, not a finite number',
          hint: 'give a finite number',
          pointer: '/scales/answer/weight',
        },
      ],
    ],
    [
      'a function',
      () => ({ title: () => 'T' }),
      [{ code: 'SCHEMA_TYPE', severity: 'error', message: 'title is a function, which a pack cannot hold', hint: plainHint, pointer: '/title' }],
    ],
    [
      'a symbol',
      () => ({ title: Symbol('T') }),
      [{ code: 'SCHEMA_TYPE', severity: 'error', message: 'title is a symbol, which a pack cannot hold', hint: plainHint, pointer: '/title' }],
    ],
    [
      'a bigint',
      () => ({ weightClasses: { heavy: 2n } }),
      [
        {
          code: 'SCHEMA_TYPE',
          severity: 'error',
          message: 'weight class heavy is a bigint, which a pack cannot hold',
          hint: plainHint,
          pointer: '/weightClasses/heavy',
        },
      ],
    ],
    [
      'a function at the root',
      () => () => 1,
      [{ code: 'SCHEMA_TYPE', severity: 'error', message: 'the value is a function, which a pack cannot hold', hint: plainHint, pointer: '' }],
    ],
    [
      'a structure that contains itself',
      () => {
        const pack: Record<string, unknown> = { title: 'T' };
        pack.self = pack;
        return pack;
      },
      [{ code: 'SCHEMA_INVALID', severity: 'error', message: 'self contains itself', hint: 'give plain data without cycles', pointer: '/self' }],
    ],
    [
      'keys with / and ~, escaped in the pointer',
      () => ({ 'a/b': NaN, 'c~d': 1 / 0 }),
      [
        { code: 'SCHEMA_RANGE', severity: 'error', message: 'c~d is Infinity, not a finite number', hint: 'give a finite number', pointer: '/c~0d' },
        { code: 'SCHEMA_TYPE', severity: 'error', message: 'a/b is NaN, not a finite number', hint: 'give a finite number', pointer: '/a~1b' },
      ],
    ],
  ])('refuses %s', (_name, make, expected) => {
    expect(validateValue('pack', make())).toEqual(expected);
  });

  it('accepts the same object in two places (shared, not circular)', () => {
    const levels = [{ id: 'a', label: 'A' }];
    const pack = {
      kind: 'methodology',
      id: 'p',
      version: '1.0.0',
      title: 'P',
      status: 'draft',
      scales: { one: { levels }, two: { levels } },
      sections: [],
      rounding: { mode: 'halfUp', digits: 0, at: [] },
    };
    expect(validateValue('pack', pack)).toEqual([]);
  });

  it('reports at most 20 values that are not plain', () => {
    const pack = Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`n${i}`, NaN]));
    const found = validateValue('pack', pack);
    expect(found).toHaveLength(20);
    expect(found.every((d) => d.code === 'SCHEMA_TYPE' && d.message === `${d.pointer!.slice(1)} is NaN, not a finite number`)).toBe(true);
  });

  it('reports all 20 when there are exactly 20', () => {
    const pack = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`n${i}`, NaN]));
    expect(validateValue('pack', pack)).toHaveLength(20);
  });

  it('gives a plain value the schema diagnostics, with pointers and without file or position', () => {
    const required = (missing: string, hint: string): Diagnostic => ({
      code: 'SCHEMA_REQUIRED',
      severity: 'error',
      message: `the top level lacks the required property '${missing}'`,
      hint,
      pointer: '',
    });
    expect(validateValue('pack', { kind: 'methodology', id: 'p', version: '1.0.0', title: 'P', status: 'draft' })).toEqual([
      required('sections', "add 'sections': the sections, in the order they are reported."),
      required('rounding', "add 'rounding': where and how scores are rounded."),
    ]);
  });
});

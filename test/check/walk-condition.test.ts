/**
 * conditionChildren and conditionParts, called directly: the children of a condition node (`all`,
 * then `any`, then `not`, whatever their shape, nothing for what is not a list), and every part of a
 * condition tree in document order, classed as a fact comparison, a reference to a named condition or
 * another node, with values that are not mappings (null, lists, scalars) skipped.
 */
import { describe, expect, it } from 'vitest';
import type { Condition } from '../../src/model/condition.js';
import { conditionChildren, conditionParts } from '../../src/check/walk-condition.js';

describe('conditionChildren', () => {
  it.each<[string, Record<string, unknown>, unknown[]]>([
    ['a fact condition has none', { fact: 'x', operator: 'equal', value: 1 }, []],
    ['a reference has none', { condition: 'n' }, []],
    ['an empty mapping has none', {}, []],
    ['all and any that are not lists give none', { all: 3, any: { fact: 'x' } }, []],
    ['the entries of all', { all: [1, 2] }, [1, 2]],
    ['the entries of any', { any: ['a'] }, ['a']],
    ['the one condition under not', { not: { condition: 'n' } }, [{ condition: 'n' }]],
    ['not given null is a child', { not: null }, [null]],
    ['all, then any, then not', { not: 'n', any: ['y1', 'y2'], all: ['a1'] }, ['a1', 'y1', 'y2', 'n']],
  ])('%s', (_note, node, expected) => {
    expect(conditionChildren(node)).toStrictEqual(expected);
  });
});

describe('conditionParts', () => {
  it('gives nothing for no condition', () => {
    expect(conditionParts(undefined)).toStrictEqual([]);
  });

  it('gives a lone fact condition as one fact part', () => {
    const c = { fact: 'x', operator: 'equal', value: 1 } as const;
    expect(conditionParts(c)).toStrictEqual([{ kind: 'fact', node: c }]);
  });

  it('gives every part of a tree in document order, each classed by kind', () => {
    const a = { fact: 'a', operator: 'equal', value: 1 } as const;
    const ref = { condition: 'named' };
    const b = { fact: 'b', operator: 'in', value: [1, 2] } as const;
    const c = { fact: 'c', operator: 'lessThan', value: { fact: 'd' } } as const;
    const any = { any: [ref, b] };
    const not = { not: c };
    const root = { all: [a, any, not] } as Condition;
    expect(conditionParts(root)).toStrictEqual([
      { kind: 'other', node: root },
      { kind: 'fact', node: a },
      { kind: 'other', node: any },
      { kind: 'reference', node: ref },
      { kind: 'fact', node: b },
      { kind: 'other', node: not },
      { kind: 'fact', node: c },
    ]);
  });

  it('skips null, lists and scalars among the children, and walks on past them', () => {
    const d = { fact: 'd', operator: 'equal', value: true } as const;
    const empty = {};
    const root = { any: [null, 3, 'x', [d], empty, d], not: null } as unknown as Condition;
    expect(conditionParts(root)).toStrictEqual([
      { kind: 'other', node: root },
      { kind: 'other', node: empty },
      { kind: 'fact', node: d },
    ]);
  });

  it('classes by the type of fact and condition: a fact that is not a string is no fact part', () => {
    const reference = { fact: 3, condition: 'n' };
    const other = { fact: 3, condition: 4 };
    const root = { all: [reference, other] } as unknown as Condition;
    expect(conditionParts(root).map((p) => p.kind)).toStrictEqual(['other', 'reference', 'other']);
  });
});

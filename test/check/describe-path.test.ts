/**
 * describePath and describePlace name the place a JSON pointer reaches: the nearest entry of a list
 * of things with ids (`criterion B1`, `#2` when the id is missing or not a string), a named entry of
 * a map of things (`scale answers`, `case fact age` under `facts` only), parts named with what holds
 * them (`rule r1 of criterion B1`), and the property path left below it. Lists of plain ids, maps
 * under list names, lists under map names and null or scalar values stay in the path. Each case
 * walks a small hand-made document inside its own test.
 */
import { describe, expect, it } from 'vitest';
import { describePath, describePlace, type PathDescription } from '../../src/check/describe-path.js';

const root = {
  criteria: [
    { id: 'B1', rules: [{ id: 'r1', when: {} }], statuses: ['open'] },
    { id: '', weight: 1 },
    { id: 5, weight: 2 },
  ],
  rules: [{ id: 'top' }],
  sections: [{ id: 'S1', criteria: ['B1', 'B2'] }],
  scales: { answers: { values: [1, 2] } },
  facts: { case: { age: { type: 'number' } }, area: { size: { type: 'number' } } },
  other: { case: { age: {} }, area: { size: {} } },
  lookup: { criteria: { x: { id: 'A' } } },
  nested: { scales: [{ id: 's' }] },
  nothing: null,
  word: 'text',
};

describe('describePath', () => {
  it.each<[string, PathDescription]>([
    ['/criteria/0', { owner: 'criterion B1', rest: [] }],
    ['/criteria/0/statuses/0', { owner: 'criterion B1', rest: ['statuses', '0'] }],
    ['/criteria/1/weight', { owner: 'criterion #2', rest: ['weight'] }],
    ['/criteria/2/weight', { owner: 'criterion #3', rest: ['weight'] }],
    ['/criteria/0/rules/0/when', { owner: 'rule r1 of criterion B1', rest: ['when'] }],
    ['/rules/0', { owner: 'rule top', rest: [] }],
    ['/sections/0/criteria/1', { owner: 'section S1', rest: ['criteria', '1'] }],
    ['/scales/answers/values', { owner: 'scale answers', rest: ['values'] }],
    ['/facts/case/age/type', { owner: 'case fact age', rest: ['type'] }],
    ['/facts/area/size', { owner: 'area fact size', rest: [] }],
    ['/other/case/age', { rest: ['other', 'case', 'age'] }],
    ['/other/area/size', { rest: ['other', 'area', 'size'] }],
    ['/lookup/criteria/x', { rest: ['lookup', 'criteria', 'x'] }],
    ['/nested/scales/0', { rest: ['nested', 'scales', '0'] }],
    ['/nothing/below', { rest: ['nothing', 'below'] }],
    ['/word/0', { rest: ['word', '0'] }],
    ['/missing/0', { rest: ['missing', '0'] }],
    ['', { rest: [] }],
    ['criteria/0', { rest: [] }],
  ])('%j is %j', (pointer, expected) => {
    expect(describePath(root, pointer)).toStrictEqual(expected);
  });
});

describe('describePlace', () => {
  it.each([
    ['/criteria/0/rules/0/when', 'when of rule r1 of criterion B1'],
    ['/criteria/0', 'criterion B1'],
    ['/other/case/age', 'other.case.age'],
    ['', 'the top level'],
  ])('%j reads %j', (pointer, expected) => {
    expect(describePlace(root, pointer)).toBe(expected);
  });
});

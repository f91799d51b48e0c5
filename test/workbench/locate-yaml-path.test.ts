// Where the cursor is in a half-written YAML file, and what the schema allows there: the ground
// of the editor's completion and hover.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { locateYamlPath } from '../../src/workbench/app/locate-yaml-path.js';
import { schemasAt, type JsonSchema } from '../../src/workbench/app/navigate-json-schema.js';

const pack = JSON.parse(readFileSync('schemas/pack.schema.json', 'utf8')) as JsonSchema;
const part = JSON.parse(readFileSync('schemas/pack-part.schema.json', 'utf8')) as JsonSchema;

/** The text with `|` marking the cursor. */
function at(text: string) {
  const offset = text.indexOf('|');
  return locateYamlPath(text.replace('|', ''), offset);
}

describe('locateYamlPath', () => {
  it.each([
    ['a top-level key', 'kind: methodology\nwei|', { path: [], at: 'key', word: 'wei' }],
    ['a key in a list item', 'criteria:\n  - id: C1\n    ti|', { path: ['criteria', '[]'], at: 'key', word: 'ti' }],
    [
      'a key opening a list item',
      'criteria:\n  - id: C1\n    questions:\n      - te|',
      { path: ['criteria', '[]', 'questions', '[]'], at: 'key', listOf: 'questions', word: 'te' },
    ],
    [
      'a key deep in nested items',
      'criteria:\n  - id: C1\n    questions:\n      - id: C1.1\n        sca|',
      { path: ['criteria', '[]', 'questions', '[]'], at: 'key', word: 'sca' },
    ],
    ['a value', 'criteria:\n  - id: C1\n    weight: cri|', { path: ['criteria', '[]'], at: 'value', key: 'weight', word: 'cri' }],
    [
      'a value after a blank and a comment line',
      'criteria:\n  - id: C1\n\n    # the weight\n    weight: |',
      { path: ['criteria', '[]'], at: 'value', key: 'weight', word: '' },
    ],
    ['a key in a flow mapping', 'sections:\n  - id: S1\n    score: { me|', { path: ['sections', '[]', 'score'], at: 'key', word: 'me' }],
    [
      'a value in a flow mapping',
      'sections:\n  - id: S1\n    score: { method: wei|',
      { path: ['sections', '[]', 'score'], at: 'value', key: 'method', word: 'wei' },
    ],
    ['an entry of a flow list', 'sections:\n  - id: S1\n    criteria: [C1, C|', { path: ['sections', '[]'], at: 'value', key: 'criteria', word: 'C' }],
    ['a key after a sibling mapping', 'facts:\n  case:\n    risk: { type: enum }\nscal|', { path: [], at: 'key', word: 'scal' }],
  ])('%s', (_, text, expected) => {
    expect(at(text)).toMatchObject(expected);
  });
});

describe('schemasAt', () => {
  const properties = (schema: JsonSchema, path: string[]) => [...new Set(schemasAt(schema, path).flatMap((s) => Object.keys(s.properties ?? {})))];
  const values = (schema: JsonSchema, path: string[]) => schemasAt(schema, path).flatMap((s) => s.enum ?? []);

  it('finds the properties of a pack root, of a criterion and of a question', () => {
    expect(properties(pack, [])).toEqual(expect.arrayContaining(['kind', 'id', 'version', 'weightClasses', 'criteria', 'sections']));
    expect(properties(part, ['criteria', '[]'])).toEqual(expect.arrayContaining(['id', 'title', 'kind', 'weight', 'questions']));
    expect(properties(part, ['criteria', '[]', 'questions', '[]'])).toEqual(expect.arrayContaining(['id', 'text', 'appliesWhen', 'scale']));
  });

  it('finds allowed values and descriptions', () => {
    expect(values(pack, ['kind'])).toEqual(['methodology', 'thematic']);
    expect(values(part, ['criteria', '[]', 'kind'])).toEqual(expect.arrayContaining(['sample', 'evidence', 'targets', 'direct']));
    expect(schemasAt(pack, ['weightClasses'])[0]?.description).toMatch(/weight classes/i);
  });

  it('finds nothing where the schema has nothing', () => {
    expect(schemasAt(pack, ['noSuchKey'])).toEqual([]);
  });
});

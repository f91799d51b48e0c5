// Hover text in the workbench comes from the schema at the key's path: a property's own
// description, never the text of the definition it refers to.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { schemasAt, type JsonSchema } from '../../src/workbench/app/navigate-json-schema.js';

const schema = (name: string) => JSON.parse(readFileSync(`schemas/${name}.schema.json`, 'utf8')) as JsonSchema;
const pack = schema('pack');
const descriptionsAt = (root: JsonSchema, path: string[]) => [...new Set(schemasAt(root, path).map((s) => s.description))];

describe('descriptions at a path', () => {
  it.each([
    [
      ['criteria', '[]', 'weight'],
      "The criterion's weight in its section: a weight class name or a number. Absent: the criterion is reported but does not count in a weighted mean.",
    ],
    [['criteria', '[]', 'id'], "The criterion's identifier, unique in the pack."],
    [['criteria', '[]', 'items', '[]', 'id'], "The item's identifier, unique in the pack; the inspection's `evidence` rates it under this id."],
    [['criteria', '[]', 'items', '[]', 'text'], 'What the item looks for.'],
    [['id'], "The pack's identifier."],
  ])('%j is described by its own text', (path, text) => {
    expect(descriptionsAt(pack, path)).toEqual([text]);
  });

  it('a path the schema does not have has no schema', () => {
    expect(schemasAt(pack, ['criteria', '[]', 'no-such-key'])).toEqual([]);
  });
});

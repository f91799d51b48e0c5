/**
 * Names the place a JSON pointer reaches in words an author recognises: `criterion B1`,
 * `statuses of criterion T1`, `scale answers`. Generic: it knows the shape of lists with ids and
 * maps of named things, not any methodology.
 */
import { parsePointer } from '../source/source-document.js';

/** Lists whose entries carry an `id`, by property name, and the noun for one entry. */
const LIST_NOUNS: Readonly<Record<string, string>> = {
  criteria: 'criterion',
  sections: 'section',
  questions: 'question',
  items: 'evidence item',
  measures: 'measure',
  rules: 'rule',
  levels: 'level',
  cases: 'case',
  sources: 'source',
  reconstructions: 'reconstruction',
  adjustments: 'adjustment',
  tests: 'test',
};

/** Entries named with the thing that holds them (their ids or numbers are not unique in the pack). */
const PART_NOUNS: ReadonlySet<string> = new Set(['rule', 'level', 'source', 'reconstruction', 'adjustment']);

/** Maps of named things, by property name, and the noun for one entry. */
const MAP_NOUNS: Readonly<Record<string, string>> = {
  scales: 'scale',
  bandSets: 'band set',
  conditions: 'condition',
  weightClasses: 'weight class',
  case: 'case fact', // under `facts` only
  area: 'area fact', // under `facts` only
};

/** Where a pointer is: the named thing that holds it and the property path below that thing. */
export interface PathDescription {
  owner?: string;
  rest: string[];
}

/** Describes `pointer` within `root`. */
export function describePath(root: unknown, pointer: string): PathDescription {
  const segments = parsePointer(pointer) ?? [];
  let owner: string | undefined;
  let rest: string[] = [];
  let value: unknown = root;
  let parentKey: string | undefined;
  let grandparentKey: string | undefined;
  for (const segment of segments) {
    const child = isIndexable(value) ? (value as Record<string, unknown>)[segment] : undefined;
    // Lists of ids (a section's criteria) are not lists of things: their entries stay in the path.
    const listNoun = parentKey !== undefined && Array.isArray(value) && isIndexable(child) ? LIST_NOUNS[parentKey] : undefined;
    const factsMap = parentKey === 'case' || parentKey === 'area' ? grandparentKey === 'facts' : true;
    const mapNoun = parentKey !== undefined && !Array.isArray(value) && factsMap ? MAP_NOUNS[parentKey] : undefined;
    if (listNoun) {
      const id = isIndexable(child) ? (child as Record<string, unknown>).id : undefined;
      const name = `${listNoun} ${typeof id === 'string' && id !== '' ? id : '#' + (Number(segment) + 1)}`;
      owner = PART_NOUNS.has(listNoun) && owner ? `${name} of ${owner}` : name;
      rest = [];
    } else if (mapNoun) {
      owner = `${mapNoun} ${segment}`;
      rest = [];
    } else {
      rest.push(segment);
    }
    grandparentKey = parentKey;
    parentKey = segment;
    value = child;
  }
  return owner === undefined ? { rest } : { owner, rest };
}

/** `statuses of criterion T1`, `criterion B1`, `rounding`, or `the top level`. */
export function describePlace(root: unknown, pointer: string): string {
  const { owner, rest } = describePath(root, pointer);
  if (owner && rest.length > 0) return `${rest.join('.')} of ${owner}`;
  if (owner) return owner;
  return rest.length > 0 ? rest.join('.') : 'the top level';
}

function isIndexable(value: unknown): boolean {
  return typeof value === 'object' && value !== null;
}

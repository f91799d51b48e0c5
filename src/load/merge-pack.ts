/**
 * Merges a pack's root file with its included files: the named collections (`facts.case`,
 * `facts.area`, `scales`, `weightClasses`, `conditions`, `bandSets`) and the `criteria` list are
 * combined; a name declared in two files is an error at the second.
 */
import type { Diagnostic } from '../model/errors.js';
import type { Pack, PackContent, PackRoot } from '../model/pack.js';
import { makeError } from '../source/make-diagnostic.js';
import { joinPointer, valueAt } from '../source/source-document.js';
import type { SourceDocument } from '../source/source-document.js';
import { PackSourceMap } from '../source/source-map.js';

/** The collections that are maps of named things, as paths from a file's top. */
const NAMED_COLLECTIONS: ReadonlyArray<{ path: readonly string[]; noun: string }> = [
  { path: ['facts', 'case'], noun: 'case fact' },
  { path: ['facts', 'area'], noun: 'area fact' },
  { path: ['scales'], noun: 'scale' },
  { path: ['weightClasses'], noun: 'weight class' },
  { path: ['conditions'], noun: 'condition' },
  { path: ['bandSets'], noun: 'band set' },
];

type Entries = Map<string, { doc: SourceDocument; pointer: string }>;

/** The merged pack and its source map, or the names declared twice. */
export function mergePack(root: SourceDocument, parts: readonly SourceDocument[]): { pack: Pack; sources: PackSourceMap; errors: Diagnostic[] } {
  const docs = [root, ...parts];
  const sources = new PackSourceMap();
  for (const doc of docs) sources.registerTree(doc.value, doc, '');
  const errors: Diagnostic[] = [];
  const pack: Pack = { ...(root.value as PackRoot) };
  sources.register(pack, root, '');

  if (docs.some((d) => (d.value as PackContent).facts)) {
    const facts: Record<string, unknown> = {};
    pack.facts = facts;
    sources.register(
      facts,
      docs.find((d) => (d.value as PackContent).facts)!,
      '/facts',
    );
  }
  for (const { path, noun } of NAMED_COLLECTIONS) {
    const holders = docs.filter((d) => valueAt(d.value, path) !== undefined);
    if (holders.length === 0) continue;
    const merged: Record<string, unknown> = {};
    const entries: Entries = new Map();
    const pointer = joinPointer('', ...path);
    for (const doc of holders) {
      for (const [name, value] of Object.entries(valueAt(doc.value, path) as Record<string, unknown>)) {
        const entryPointer = joinPointer(pointer, name);
        const first = entries.get(name);
        if (first) {
          const position = doc.locate(entryPointer, true);
          errors.push(
            makeError(
              'DUPLICATE_ID',
              `${noun} '${name}' is declared in ${first.doc.file} and again here`,
              `keep one declaration of ${noun} '${name}', or rename one of them`,
              { file: doc.file, ...position, pointer: entryPointer },
            ),
          );
          continue;
        }
        merged[name] = value;
        entries.set(name, { doc, pointer: entryPointer });
      }
    }
    sources.register(merged, holders[0]!, pointer, entries);
    set(pack as unknown as Record<string, unknown>, path, merged);
  }

  const withCriteria = docs.filter((d) => Array.isArray((d.value as PackContent).criteria));
  if (withCriteria.length > 0) {
    const criteria: unknown[] = [];
    const entries: Entries = new Map();
    for (const doc of withCriteria) {
      ((doc.value as PackContent).criteria ?? []).forEach((criterion, i) => {
        entries.set(String(criteria.length), { doc, pointer: joinPointer('/criteria', i) });
        criteria.push(criterion);
      });
    }
    sources.register(criteria, withCriteria[0]!, '/criteria', entries);
    pack.criteria = criteria as Pack['criteria'];
  }
  pack.files = docs.map((d) => d.file);
  return { pack, sources, errors };
}

function set(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let holder = target;
  for (const key of path.slice(0, -1)) holder = holder[key] as Record<string, unknown>;
  holder[path[path.length - 1]!] = value;
}

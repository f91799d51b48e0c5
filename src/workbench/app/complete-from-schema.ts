/**
 * Completion and hover for pack files, from the generated JSON Schemas (property names, allowed
 * values, descriptions) and from the names the pack declares (scales, levels, weight classes,
 * conditions, criteria, facts, band sets), which the server sends with each check.
 */
import type { Completion, CompletionContext, CompletionResult } from '@codemirror/autocomplete';
import type { EditorView, Tooltip } from '@codemirror/view';
import type { PackNames } from './api-types.js';
import { locateYamlPath, parseLine } from './locate-yaml-path.js';
import { schemasAt, type JsonSchema } from './navigate-json-schema.js';

export type { JsonSchema } from './navigate-json-schema.js';

/** Which declared names a property's value refers to. */
const NAME_KINDS: Record<string, keyof PackNames> = {
  weight: 'weightClasses',
  scale: 'scales',
  itemScale: 'scales',
  condition: 'conditions',
  fact: 'facts',
  criteria: 'criteria',
  from: 'criteria',
  band: 'bandSets',
  bandSet: 'bandSets',
  met: 'levels',
  level: 'levels',
  atLeast: 'levels',
  atMost: 'levels',
  is: 'levels',
  otherwise: 'levels',
};

const NAME_TITLES: Record<keyof PackNames, string> = {
  scales: 'scale',
  levels: 'level',
  weightClasses: 'weight class',
  conditions: 'condition',
  criteria: 'criterion',
  facts: 'fact',
  bandSets: 'band set',
  sections: 'section',
};

function propertyCompletions(schemas: JsonSchema[]): Completion[] {
  const seen = new Map<string, Completion>();
  for (const s of schemas) {
    for (const [name, property] of Object.entries(s.properties ?? {})) {
      if (name === '$schema' || seen.has(name)) continue;
      seen.set(name, {
        label: name,
        type: 'property',
        apply: `${name}: `,
        ...(property.description ? { info: property.description } : {}),
        boost: s.required?.includes(name) ? 1 : 0,
      });
    }
  }
  return [...seen.values()];
}

function valueCompletions(schemas: JsonSchema[], key: string | undefined, names: PackNames | undefined): Completion[] {
  const out = new Map<string, Completion>();
  for (const s of schemas) {
    for (const value of [...(s.enum ?? []), ...(s.const !== undefined ? [s.const] : [])]) {
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
        out.set(String(value), { label: String(value), type: 'enum', ...(s.description ? { info: s.description } : {}) });
    }
    if (s.type === 'boolean') for (const b of ['true', 'false']) out.set(b, { label: b, type: 'keyword' });
  }
  const kind = key !== undefined ? NAME_KINDS[key] : undefined;
  if (kind && names) for (const name of names[kind]) if (!out.has(name)) out.set(name, { label: name, type: 'variable', detail: NAME_TITLES[kind] });
  return [...out.values()];
}

export function schemaCompletion(schemaOf: () => JsonSchema | undefined, namesOf: () => PackNames | undefined) {
  return (context: CompletionContext): CompletionResult | null => {
    const schema = schemaOf();
    if (!schema) return null;
    const text = context.state.doc.toString();
    const place = locateYamlPath(text, context.pos);
    if (place.word === '' && !context.explicit && !/[:\-{,[]\s*$/.test(text.slice(Math.max(0, context.pos - 3), context.pos))) return null;
    const options =
      place.at === 'key'
        ? [
            ...propertyCompletions(schemasAt(schema, place.path)),
            ...(place.listOf ? valueCompletions(schemasAt(schema, place.path), place.listOf, namesOf()).filter((c) => c.type !== 'keyword') : []),
          ]
        : valueCompletions(
            [...schemasAt(schema, place.path.concat(place.key ?? [])), ...schemasAt(schema, place.path.concat(place.key ?? [], '[]'))],
            place.key,
            namesOf(),
          );
    if (options.length === 0) return null;
    return { from: place.from, options, validFor: /^[\w$.:@-]*$/ };
  };
}

/** Hover: what a key means (its schema description), or what a declared name is. */
export function schemaHover(schemaOf: () => JsonSchema | undefined, namesOf: () => PackNames | undefined) {
  return (view: EditorView, pos: number): Tooltip | null => {
    const schema = schemaOf();
    if (!schema) return null;
    const line = view.state.doc.lineAt(pos);
    const inLine = pos - line.from;
    const wordAt = /[\w$.:@-]+/g;
    let match: RegExpExecArray | null;
    let word: { text: string; start: number } | undefined;
    while ((match = wordAt.exec(line.text))) {
      if (match.index <= inLine && inLine <= match.index + match[0].length) word = { text: match[0].replace(/:$/, ''), start: match.index };
    }
    if (!word) return null;
    const parsed = parseLine(line.text);
    const text = view.state.doc.toString();
    let lines: string[] = [];
    if (parsed.key !== undefined && word.start === parsed.keyCol) {
      const place = locateYamlPath(text, line.from + parsed.keyCol);
      const described = schemasAt(schema, [...place.path, parsed.key]).find((s) => s.description);
      if (described?.description) lines = [`${parsed.key}: ${described.description}`];
    } else {
      const names = namesOf();
      const kinds = names ? (Object.keys(names) as Array<keyof PackNames>).filter((k) => names[k].includes(word.text)) : [];
      if (kinds.length > 0) lines = [`${word.text}: ${kinds.map((k) => `a ${NAME_TITLES[k]} the pack declares`).join('; ')}`];
    }
    if (lines.length === 0) return null;
    return {
      pos: line.from + word.start,
      end: line.from + word.start + word.text.length,
      above: true,
      create: () => {
        const dom = document.createElement('div');
        dom.className = 'hover';
        dom.textContent = lines.join('\n');
        return { dom };
      },
    };
  };
}

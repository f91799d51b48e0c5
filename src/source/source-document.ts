/** A parsed file with its plain value and a way back from any JSON pointer to a line and column. */
import { isAlias, isMap, isScalar, isSeq } from 'yaml';
import type { Document, LineCounter, Node, Pair, YAMLMap } from 'yaml';
import type { Position } from './make-diagnostic.js';
import { scalarText } from './scalar-text.js';

/** A file read and parsed, its value plain data. */
export interface SourceDocument {
  /** The file's path, as given. */
  file: string;
  /** The file's text (a leading byte order mark removed). */
  text: string;
  /** The file's content as plain data. */
  value: unknown;
  /** The start of the node at `pointer` (or of its key, when `onKey`), or undefined when there is no such node. */
  locate(pointer: string, onKey?: boolean): Position | undefined;
}

/** Splits a JSON pointer into its unescaped segments; undefined when it is not a pointer. */
export function parsePointer(pointer: string): string[] | undefined {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) return undefined;
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Escapes one segment for a JSON pointer. */
export function escapePointerSegment(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Joins a pointer and further segments. */
export function joinPointer(pointer: string, ...segments: Array<string | number>): string {
  return pointer + segments.map((s) => '/' + escapePointerSegment(s)).join('');
}

/** The value at `segments` beneath `root`, or undefined. */
export function valueAt(root: unknown, segments: readonly string[]): unknown {
  let value = root;
  for (const segment of segments) value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[segment] : undefined;
  return value;
}

/**
 * The SourceDocument of a value known without a parse of its text (read from a cache, or given by
 * JSON.parse): its positions come from `parse`, run once, the first time one is asked for.
 */
export function lazilyLocated(file: string, text: string, value: unknown, parse: () => SourceDocument | undefined): SourceDocument {
  let parsed: SourceDocument | null | undefined;
  return {
    file,
    text,
    value,
    locate(pointer, onKey) {
      if (parsed === undefined) parsed = parse() ?? null;
      return parsed?.locate(pointer, onKey);
    },
  };
}

/** Makes the SourceDocument of a composed YAML document. */
export function createSourceDocument(file: string, text: string, value: unknown, doc: Document.Parsed, lineCounter: LineCounter): SourceDocument {
  // Each mapping's entries by key, built on the first look-up: locating many places of one
  // large mapping stays linear.
  const indexes = new WeakMap<YAMLMap, Map<string, Pair>>();
  const pairsOf = (map: YAMLMap): Map<string, Pair> => {
    let index = indexes.get(map);
    if (!index) {
      index = new Map();
      for (const pair of map.items) {
        const key = keyText(pair.key as Node | null, doc);
        if (key !== undefined && !index.has(key)) index.set(key, pair);
      }
      indexes.set(map, index);
    }
    return index;
  };
  const position = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: Math.max(line, 1), column: Math.max(col, 1) };
  };
  return {
    file,
    text,
    value,
    locate(pointer: string, onKey = false): Position | undefined {
      const segments = parsePointer(pointer);
      if (!segments) return undefined;
      let node = doc.contents as Node | null;
      let keyNode: Node | null = null;
      for (const segment of segments) {
        if (node && isAlias(node)) node = node.resolve(doc) ?? null;
        if (!node) return undefined;
        if (isMap(node)) {
          const pair = pairsOf(node).get(segment);
          if (!pair) return undefined;
          keyNode = pair.key as Node | null;
          node = pair.value as Node | null;
          // `key:` with nothing after it: point at the key.
          if (!node) node = keyNode;
        } else if (isSeq(node)) {
          if (!/^(0|[1-9]\d*)$/.test(segment)) return undefined;
          node = (node.items[Number(segment)] as Node | undefined) ?? null;
          keyNode = null;
        } else {
          return undefined;
        }
      }
      const target = onKey && keyNode ? keyNode : node;
      const offset = target?.range?.[0];
      return offset === undefined ? undefined : position(offset);
    },
  };
}

function keyText(key: Node | null, doc: Document.Parsed): string | undefined {
  if (key === null) return '';
  const target = isAlias(key) ? key.resolve(doc) : key;
  if (target && isScalar(target)) return target.value === null ? '' : scalarText(target.value);
  return undefined;
}

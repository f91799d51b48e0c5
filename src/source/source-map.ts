/**
 * Where each object and list of a merged pack came from: a WeakMap from the object to its file
 * and JSON pointer, filled while the pack's files are merged.
 */
import { joinPointer } from './source-document.js';
import type { SourceDocument } from './source-document.js';

/** A place in a file. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
  pointer: string;
}

/** Locates any object or list of a loaded pack. */
export interface SourceMap {
  /**
   * Where `node` starts; with `key`, where its property or entry `key` starts (or that entry's
   * key, when `onKey`). A key that is not there gives the node's own place.
   */
  locate(node: object, key?: string | number, onKey?: boolean): SourceLocation | undefined;
  /** Whether `node` was read from a file (it can be located), without locating it: locating may parse the file's text. */
  knows(node: object): boolean;
}

interface Origin {
  doc: SourceDocument;
  pointer: string;
  /** For merged collections: where each entry came from. */
  entries?: Map<string, { doc: SourceDocument; pointer: string }>;
}

/** A SourceMap that objects are registered with as files are read and merged. */
export class PackSourceMap implements SourceMap {
  private readonly origins = new WeakMap<object, Origin>();

  /** Registers `value` and every object and list beneath it as found at `pointer` of `doc`. */
  registerTree(value: unknown, doc: SourceDocument, pointer: string): void {
    const stack: Array<{ value: unknown; pointer: string }> = [{ value, pointer }];
    while (stack.length > 0) {
      const { value: v, pointer: p } = stack.pop()!;
      if (typeof v !== 'object' || v === null) continue;
      this.origins.set(v, { doc, pointer: p });
      for (const [k, child] of Object.entries(v)) {
        if (typeof child === 'object' && child !== null) stack.push({ value: child, pointer: joinPointer(p, k) });
      }
    }
  }

  /** Registers one object (e.g. a collection merged from several files, with the origin of each entry). */
  register(node: object, doc: SourceDocument, pointer: string, entries?: Map<string, { doc: SourceDocument; pointer: string }>): void {
    this.origins.set(node, entries ? { doc, pointer, entries } : { doc, pointer });
  }

  knows(node: object): boolean {
    return this.origins.has(node);
  }

  locate(node: object, key?: string | number, onKey = false): SourceLocation | undefined {
    const origin = this.origins.get(node);
    if (!origin) return undefined;
    if (key === undefined) return at(origin.doc, origin.pointer, onKey);
    const entry = origin.entries?.get(String(key));
    if (entry) return at(entry.doc, entry.pointer, onKey) ?? at(origin.doc, origin.pointer);
    const child = (node as Record<string, unknown>)[String(key)];
    const childOrigin = typeof child === 'object' && child !== null ? this.origins.get(child) : undefined;
    const target = childOrigin ?? { doc: origin.doc, pointer: joinPointer(origin.pointer, key) };
    return at(target.doc, target.pointer, onKey) ?? at(origin.doc, origin.pointer);
  }
}

function at(doc: SourceDocument, pointer: string, onKey = false): SourceLocation | undefined {
  const position = doc.locate(pointer, onKey);
  return position ? { file: doc.file, ...position, pointer } : undefined;
}

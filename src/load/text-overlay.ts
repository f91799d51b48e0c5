/**
 * Texts that stand in for files on disk while one load runs: an editor's unsaved buffers, or an
 * older version of a pack read from git. Scoped to one asynchronous call chain (so concurrent
 * requests never see each other's texts) and consulted by readDocument only; nothing is written.
 * A caller that loads the same files again and again (an editor checking every keystroke) may
 * also give a cache of parsed documents, reused while a file's text is unchanged.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { resolve } from 'node:path';

/** Parsed documents by path (as given) and text; the caller decides which it keeps, and treats them as read-only. */
export interface ParsedCache {
  get(file: string, text: string): unknown;
  set(file: string, text: string, parsed: unknown): void;
}

interface Overlay {
  texts: ReadonlyMap<string, string>;
  parsed?: ParsedCache;
}

const overlay = new AsyncLocalStorage<Overlay>();

/** Runs `run` with `texts` (by absolute path) read in place of those files' contents. */
export function withTextOverlay<T>(texts: ReadonlyMap<string, string>, run: () => T, parsed?: ParsedCache): T {
  return overlay.run(parsed ? { texts, parsed } : { texts }, run);
}

/** The text that stands in for `file` in the current call chain, if any. */
export function overlaidText(file: string): string | undefined {
  const texts = overlay.getStore()?.texts;
  return texts === undefined || texts.size === 0 ? undefined : texts.get(resolve(file));
}

/** The parse of `text` as `file`: from the current call chain's cache when it holds that text, else made and offered to it. */
export function parseThroughCache<T>(file: string, text: string, parse: () => T, keep: (parsed: T) => boolean): T {
  const cache = overlay.getStore()?.parsed;
  if (cache === undefined) return parse();
  const hit = cache.get(file, text);
  if (hit !== undefined) return hit as T;
  const parsed = parse();
  if (keep(parsed)) cache.set(file, text, parsed);
  return parsed;
}

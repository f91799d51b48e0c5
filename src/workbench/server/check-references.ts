/**
 * The files a check will read are named inside the files themselves — an inspection's pack,
 * thematics and case file, a thematic's methodology, a test's inspection — and the editor can
 * change those texts. Before anything is loaded, every such path is resolved and must lie inside
 * the workspace (links resolved), so that no request reads a file outside it.
 */
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { ROOT_FILE_NAMES } from '../../pipeline/load-pack.js';
import { readDocument } from '../../load/read-document.js';
import { overlaidText, withTextOverlay } from '../../load/text-overlay.js';

type Value = Record<string, unknown>;

function isInside(root: string, path: string): boolean {
  let real = path;
  try {
    real = realpathSync(path);
  } catch {
    // not there: judged by its name
  }
  const rel = relative(root, real);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** Parsed files by path, with the text they were parsed from: most checks read the same files again. */
const parsed = new Map<string, { text: string; value: Value | undefined }>();

function valueOf(file: string): Value | undefined {
  let text = overlaidText(file);
  if (text === undefined) {
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  }
  const hit = parsed.get(file);
  if (hit && hit.text === text) return hit.value;
  const read = readDocument(file, text);
  const value =
    'doc' in read && read.doc.value !== null && typeof read.doc.value === 'object' && !Array.isArray(read.doc.value) ? (read.doc.value as Value) : undefined;
  if (parsed.size > 500) parsed.clear();
  parsed.set(file, { text, value });
  return value;
}

const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** The paths an inspection (or a test's inspection) names, relative to `base`. */
function inspectionPaths(value: Value, base: string): string[] {
  const thematics = Array.isArray(value.thematics) ? value.thematics.map(text) : [];
  const cases = value.cases !== null && typeof value.cases === 'object' && !Array.isArray(value.cases) ? text((value.cases as Value).file) : undefined;
  return [text(value.pack), text(value.base), cases, ...thematics].filter((p): p is string => p !== undefined).map((p) => resolve(base, p));
}

/**
 * The first path named by `start` (inspections, pack folders) or by what they name that lies
 * outside `root`; with `tests`, the packs' test files and what they name are followed too.
 */
export function findOutsideReference(
  root: string,
  start: { inspections?: string[]; packs?: string[]; tests?: boolean },
  texts: ReadonlyMap<string, string>,
): string | undefined {
  return withTextOverlay(texts, () => {
    const seen = new Set<string>();
    const queue: Array<{ kind: 'inspection' | 'pack'; path: string }> = [
      ...(start.inspections ?? []).map((path) => ({ kind: 'inspection' as const, path })),
      ...(start.packs ?? []).map((path) => ({ kind: 'pack' as const, path })),
    ];
    while (queue.length > 0) {
      const { kind, path } = queue.shift()!;
      if (seen.has(path) || seen.size > 200) continue;
      seen.add(path);
      if (!isInside(root, path)) return relative(root, path);
      if (kind === 'inspection') {
        const value = valueOf(path);
        if (!value) continue;
        for (const named of inspectionPaths(value, dirname(path))) {
          if (!isInside(root, named)) return relative(root, named);
          if (/\.(ya?ml|json)$/i.test(named) && !ROOT_FILE_NAMES.some((n) => named.endsWith(n))) queue.push({ kind: 'inspection', path: named });
          else queue.push({ kind: 'pack', path: named });
        }
        continue;
      }
      const folder = ROOT_FILE_NAMES.some((n) => path.endsWith(`/${n}`)) ? dirname(path) : path;
      const rootFile = ROOT_FILE_NAMES.map((n) => join(folder, n)).find((f) => existsSync(f));
      const value = rootFile ? valueOf(rootFile) : undefined;
      const attaches = value?.attachesTo !== null && typeof value?.attachesTo === 'object' ? text((value.attachesTo as Value).path) : undefined;
      if (attaches !== undefined) queue.push({ kind: 'pack', path: resolve(folder, attaches) });
      if (start.tests !== true) continue;
      const tests = join(folder, 'tests');
      let names: string[] = [];
      try {
        names = readdirSync(tests).filter((f) => /\.(ya?ml|json)$/.test(f));
      } catch {
        // no tests
      }
      for (const name of names) {
        const file = join(tests, name);
        const list = valueOf(file)?.tests;
        for (const test of Array.isArray(list) ? list : []) {
          const inspection = (test as Value | null)?.inspection;
          if (typeof inspection === 'string') queue.push({ kind: 'inspection', path: resolve(tests, inspection) });
          else if (inspection !== null && typeof inspection === 'object') {
            for (const named of inspectionPaths(inspection as Value, tests)) {
              if (!isInside(root, named)) return relative(root, named);
              queue.push({ kind: /\.(ya?ml|json)$/i.test(named) ? 'inspection' : 'pack', path: named });
            }
          }
        }
      }
    }
    return undefined;
  });
}

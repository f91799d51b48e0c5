/**
 * Loads a rule pack: its root file and included files, each read with positions and validated
 * against its JSON Schema, merged into one Pack with a source map, then checked for meaning.
 * A thematic is checked against its methodology. Every failure is a Diagnostic.
 */
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { Diagnostic } from '../model/errors.js';
import type { InspectionFile } from '../model/inspection.js';
import type { Pack, PackRoot } from '../model/pack.js';
import { checkPack } from '../check/check-pack.js';
import { validateDocument } from '../check/validate-schema.js';
import { DISK, type FileSource } from '../load/file-source.js';
import { compareDiagnostics, makeError, makeWarning } from '../source/make-diagnostic.js';
import { mergePack } from '../load/merge-pack.js';
import { readDocument, type ReadResult } from '../load/read-document.js';
import { joinPointer } from '../source/source-document.js';
import type { SourceDocument } from '../source/source-document.js';
import type { SourceMap } from '../source/source-map.js';
import { isInsideRoot } from '../load/confine-path.js';

/** The names a pack's root file may have, in the order they are looked for. */
export const ROOT_FILE_NAMES: readonly string[] = ['pack.yaml', 'pack.yml', 'pack.json'];

export type LoadedPackFiles = { pack: Pack; sources: SourceMap } | { errors: Diagnostic[] };
export type LoadedPack = { pack: Pack; sources: SourceMap; warnings: Diagnostic[] } | { errors: Diagnostic[] };

/** Options of the pack loaders. */
export interface LoadOptions {
  /** Where files are read from (by default the disk): texts in memory let unsaved edits be checked. */
  source?: FileSource;
}

/** The root file of a pack folder, or the file itself. */
export function resolvePackRoot(path: string, source: FileSource = DISK): { file: string } | { errors: Diagnostic[] } {
  if (!source.exists(path)) {
    return { errors: [makeError('FILE_NOT_FOUND', `${path} does not exist`, 'name a pack folder (holding pack.yaml) or a pack root file', { file: path })] };
  }
  if (!source.isFolder(path)) return { file: path };
  const file = ROOT_FILE_NAMES.map((name) => join(path, name)).find((f) => source.exists(f));
  if (file) return { file };
  return {
    errors: [
      makeError('FILE_NOT_FOUND', `${path} holds no ${ROOT_FILE_NAMES.join(', ')}`, 'name a pack folder with a root file pack.yaml, or the root file itself', {
        file: path,
      }),
    ],
  };
}

/** Reads a file through a source: its text in memory, else from the disk when the source reads the disk. */
export function readThrough(source: FileSource, file: string): ReadResult {
  const text = source.text(file);
  if (text !== undefined) return readDocument(file, text);
  if (source.disk) return readDocument(file);
  return { errors: [makeError('FILE_NOT_FOUND', `${file} does not exist`, 'check the path and its spelling', { file })] };
}

/** Reads, validates and merges a pack's files, without the semantic checks. */
export function loadPackFiles(path: string, options: LoadOptions = {}): LoadedPackFiles {
  const source = options.source ?? DISK;
  const root = resolvePackRoot(path, source);
  if ('errors' in root) return root;
  const read = readThrough(source, root.file);
  if ('errors' in read) return read;
  const errors = validateDocument('pack', read.doc);
  const parts = readIncludes(read.doc, errors, source);
  if (errors.length > 0) return { errors: sortDiagnostics(errors, [read.doc, ...parts]) };
  const merged = mergePack(read.doc, parts);
  if (merged.errors.length > 0) return { errors: sortDiagnostics(merged.errors, [read.doc, ...parts]) };
  return { pack: merged.pack, sources: merged.sources };
}

/** Reads and validates the files a root includes; their problems go to `errors`. */
function readIncludes(root: SourceDocument, errors: Diagnostic[], source: FileSource): SourceDocument[] {
  const include = (root.value as Partial<PackRoot> | null)?.include;
  if (!Array.isArray(include)) return [];
  const folder = dirname(root.file);
  const folderReal = source.realpath(resolve(folder));
  const seen = new Map<string, number>([[source.realpath(resolve(root.file)), -1]]);
  const parts: SourceDocument[] = [];
  include.forEach((entry, i) => {
    if (typeof entry !== 'string') return;
    const pointer = joinPointer('/include', i);
    // Located only for a diagnostic: a document read from the value cache parses its text to locate.
    const at = () => ({ file: root.file, ...root.locate(pointer), pointer });
    const file = join(folder, entry);
    const absolute = resolve(folder, entry);
    const real = source.realpath(absolute);
    if (isOutside(resolve(folder), absolute) || isOutside(folderReal, real)) {
      errors.push(
        makeError(
          'INCLUDE_OUTSIDE_PACK',
          `the include '${entry}' points outside the pack folder ${folder}`,
          "keep a pack's files in its folder (or beneath it), and include them by paths relative to the root file",
          at(),
        ),
      );
      return;
    }
    const first = seen.get(real);
    if (first !== undefined) {
      errors.push(
        makeError(
          'INCLUDE_TWICE',
          first < 0 ? `the include '${entry}' is the root file itself` : `'${entry}' is included twice (also as entry ${first + 1})`,
          'list each file once in include',
          at(),
        ),
      );
      return;
    }
    seen.set(real, i);
    if (!source.exists(absolute)) {
      errors.push(
        makeError(
          'FILE_NOT_FOUND',
          `the included file '${entry}' does not exist (looked for ${file})`,
          'check the path, relative to the root file, and its spelling',
          at(),
        ),
      );
      return;
    }
    const read = readThrough(source, file);
    if ('errors' in read) {
      errors.push(...read.errors);
      return;
    }
    errors.push(...validateDocument('pack-part', read.doc));
    parts.push(read.doc);
  });
  return parts;
}

/** READ_OUTSIDE_ROOT for a path outside the root (without saying whether it exists). */
export function outsideRoot(path: string, root: string): Diagnostic {
  return makeError(
    'READ_OUTSIDE_ROOT',
    `${path} is outside the folder reads are confined to (${root})`,
    'name files inside that folder; a pack, thematic or case file elsewhere is not read',
    { file: path },
  );
}

/** Loads a pack and checks it; a thematic is checked with its methodology (given, or found through attachesTo.path). */
export function loadPack(path: string, options: LoadOptions & { methodology?: Pack; root?: string } = {}): LoadedPack {
  if (options.root !== undefined && !isInsideRoot(path, options.root)) return { errors: [outsideRoot(path, options.root)] };
  const loaded = loadPackFiles(path, options);
  if ('errors' in loaded) return loaded;
  const { pack, sources } = loaded;
  const diagnostics: Diagnostic[] = [];
  let methodology = options.methodology;
  if (pack.kind === 'thematic' && methodology === undefined && pack.attachesTo) {
    const found = findMethodology(pack, sources, options.source ?? DISK, options.root);
    diagnostics.push(...found.diagnostics);
    methodology = found.methodology;
    if (diagnostics.some((d) => d.severity === 'error'))
      return {
        errors: sortDiagnostics(
          diagnostics.filter((d) => d.severity === 'error'),
          undefined,
        ),
      };
  }
  diagnostics.push(...checkPack(pack, sources, methodology));
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) return { errors: sortDiagnostics(errors, pack.files) };
  return { pack, sources, warnings: sortDiagnostics(diagnostics, pack.files) };
}

/** The methodology a thematic names in attachesTo.path, loaded and checked. */
function findMethodology(pack: Pack, sources: SourceMap, source: FileSource, root?: string): { methodology?: Pack; diagnostics: Diagnostic[] } {
  const attachesTo = pack.attachesTo!;
  const place = sources.locate(attachesTo, 'path') ?? sources.locate(attachesTo);
  const at = place ? { file: place.file, line: place.line, column: place.column, pointer: place.pointer } : {};
  if (attachesTo.path === undefined) {
    return {
      diagnostics: [
        makeWarning(
          'METHODOLOGY_NOT_FOUND',
          `thematic ${pack.id} names no path to its methodology, so it was checked without it`,
          "add attachesTo.path (the methodology's folder, relative to this file), or check it together with the methodology",
          at,
        ),
      ],
    };
  }
  const path = join(dirname(pack.files![0]!), attachesTo.path);
  if (root !== undefined && !isInsideRoot(path, root)) return { diagnostics: [{ ...outsideRoot(attachesTo.path, root), ...at }] };
  if (!source.exists(path)) {
    return {
      diagnostics: [
        makeError(
          'METHODOLOGY_NOT_FOUND',
          `thematic ${pack.id} names its methodology at ${attachesTo.path}, but ${path} does not exist`,
          "correct attachesTo.path: the methodology's folder, relative to the thematic's root file",
          at,
        ),
      ],
    };
  }
  const loaded = loadPackFiles(path, { source });
  if ('errors' in loaded) return { diagnostics: loaded.errors };
  if (loaded.pack.kind === 'methodology') {
    const problems = checkPack(loaded.pack, loaded.sources).filter((d) => d.severity === 'error');
    if (problems.length > 0) return { diagnostics: problems };
  }
  return { methodology: loaded.pack, diagnostics: [] };
}

/** Reads an inspection file and validates it against the inspection schema (case checks against a pack come later). */
export function loadInspectionFile(path: string): { inspection: InspectionFile; doc: SourceDocument } | { errors: Diagnostic[] } {
  const read = readDocument(path);
  if ('errors' in read) return read;
  const errors = validateDocument('inspection', read.doc);
  if (errors.length > 0) return { errors };
  return { inspection: read.doc.value as InspectionFile, doc: read.doc };
}

function sortDiagnostics(list: Diagnostic[], files: ReadonlyArray<SourceDocument | string> | undefined): Diagnostic[] {
  const order = (files ?? []).map((f) => (typeof f === 'string' ? f : f.file));
  return [...list].sort((a, b) => compareDiagnostics(a, b, order));
}

function isOutside(folder: string, target: string): boolean {
  const rel = relative(folder, target);
  return rel.startsWith('..') || isAbsolute(rel);
}

/**
 * The workspace as the workbench shows it: its packs (folders with a root file), each with its
 * files (the root, the files it includes, tests, examples and data), and the example inspections
 * that use each pack as their methodology or as a thematic.
 */
import { existsSync, lstatSync, readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { ROOT_FILE_NAMES } from '../../pipeline/load-pack.js';
import { readDocument } from '../../load/read-document.js';
import { realWorkspace, toWorkspacePath } from './resolve-workspace-path.js';

export type FileRole = 'root' | 'include' | 'test' | 'example' | 'data' | 'document';

export interface WorkspaceFile {
  path: string;
  role: FileRole;
}

export interface WorkspacePack {
  /** The pack folder, relative to the workspace. */
  path: string;
  /** The root file, relative to the workspace. */
  root: string;
  id: string;
  version: string;
  kind: string;
  title: string;
  files: WorkspaceFile[];
  /** Inspections (relative paths) that score with this pack. */
  inspections: string[];
}

/** Folders never searched for packs (symbolic links are never followed either). */
const SKIPPED = new Set(['node_modules', 'dist', 'coverage', 'bench-results']);
/** The file names the workbench lists. */
const LISTED = /\.(ya?ml|json|csv|ndjson|jsonl|md|txt)$/i;
const MAX_DEPTH = 4;
const MAX_FILES_PER_PACK = 500;

/** The packs of the workspace: under rules/ and thematics/ when it has them, else anywhere beneath it. */
export function listWorkspacePacks(workspace: string): WorkspacePack[] {
  const root = realWorkspace(workspace);
  const starts = ['rules', 'thematics'].map((f) => join(root, f)).filter((f) => isFolder(f));
  const folders: string[] = [];
  for (const start of starts.length > 0 ? starts : [root]) findPackFolders(start, 0, folders);
  const packs = folders.sort().map((folder) => describePack(root, folder));
  const inspections = packs.flatMap((p) => p.files.filter((f) => f.role === 'example' && /(^|\/)inspection\.(ya?ml|json)$/.test(f.path)).map((f) => f.path));
  for (const inspection of inspections) {
    for (const packFolder of packsOfInspection(root, inspection)) {
      const pack = packs.find((p) => p.path === packFolder);
      if (pack && !pack.inspections.includes(inspection)) pack.inspections.push(inspection);
    }
  }
  return packs;
}

function findPackFolders(folder: string, depth: number, found: string[]): void {
  if (ROOT_FILE_NAMES.some((name) => existsSync(join(folder, name)))) {
    found.push(folder);
    return;
  }
  if (depth >= MAX_DEPTH) return;
  for (const entry of safeReaddir(folder)) {
    if (entry.startsWith('.') || SKIPPED.has(entry)) continue;
    const path = join(folder, entry);
    if (isFolder(path)) findPackFolders(path, depth + 1, found);
  }
}

function describePack(workspace: string, folder: string): WorkspacePack {
  const rootFile = ROOT_FILE_NAMES.map((name) => join(folder, name)).find((f) => existsSync(f))!;
  const read = readDocument(rootFile);
  const value = ('doc' in read ? read.doc.value : {}) as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  const includes = new Set(Array.isArray(value.include) ? value.include.filter((e): e is string => typeof e === 'string').map((e) => resolve(folder, e)) : []);
  const files: WorkspaceFile[] = [];
  walkFiles(folder, 0, (file) => {
    const rel = toWorkspacePath(workspace, file)!;
    const inside = toWorkspacePath(folder, file)!;
    const role: FileRole =
      file === rootFile
        ? 'root'
        : includes.has(file)
          ? 'include'
          : inside.startsWith('tests/')
            ? 'test'
            : inside.startsWith('examples/')
              ? 'example'
              : /\.(csv|ndjson|jsonl)$/i.test(file)
                ? 'data'
                : /\.(md|txt)$/i.test(file)
                  ? 'document'
                  : 'include';
    if (files.length < MAX_FILES_PER_PACK) files.push({ path: rel, role });
  });
  return {
    path: toWorkspacePath(workspace, folder) ?? basename(folder),
    root: toWorkspacePath(workspace, rootFile)!,
    id: text(value.id),
    version: text(value.version),
    kind: text(value.kind),
    title: text(value.title),
    files: files.sort((a, b) => a.path.localeCompare(b.path)),
    inspections: [],
  };
}

function walkFiles(folder: string, depth: number, visit: (file: string) => void): void {
  for (const entry of safeReaddir(folder).sort()) {
    if (entry.startsWith('.') || SKIPPED.has(entry)) continue;
    const path = join(folder, entry);
    if (isFolder(path)) {
      if (depth < MAX_DEPTH) walkFiles(path, depth + 1, visit);
    } else if (LISTED.test(entry) && isFile(path)) {
      visit(path);
    }
  }
}

/** The pack folders (relative) an inspection names as its methodology and thematics. */
function packsOfInspection(workspace: string, inspection: string): string[] {
  const file = join(workspace, inspection);
  const read = readDocument(file);
  if ('errors' in read) return [];
  const value = read.doc.value as { pack?: unknown; thematics?: unknown };
  const named = [value.pack, ...(Array.isArray(value.thematics) ? (value.thematics as unknown[]) : [])].filter((p): p is string => typeof p === 'string');
  return named.map((p) => toWorkspacePath(workspace, resolve(dirname(file), p))).filter((p): p is string => p !== undefined);
}

function safeReaddir(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}

function isFolder(path: string): boolean {
  try {
    return lstatSync(path).isDirectory();
  } catch {
    return false;
  }
}

function isFile(path: string): boolean {
  try {
    return lstatSync(path).isFile();
  } catch {
    return false;
  }
}

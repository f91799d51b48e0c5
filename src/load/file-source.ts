/**
 * Where a pack's files are read from: the disk, or texts held in memory (an editor's unsaved
 * buffers over the disk, or the files of a request with no disk at all). The loader asks a
 * FileSource instead of calling `fs` itself, so an unsaved edit is checked exactly as a saved one.
 */
import { existsSync, realpathSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

export interface FileSource {
  /** The text of a file held in memory; undefined to read it from the disk (or, with no disk, as missing). */
  text(path: string): string | undefined;
  /** Whether a file or folder exists. */
  exists(path: string): boolean;
  /** Whether the path is a folder. */
  isFolder(path: string): boolean;
  /** The path with symbolic links resolved (the path itself when it cannot be). */
  realpath(path: string): string;
  /** Whether files not held in memory are read from the disk. */
  readonly disk: boolean;
}

/** The disk, as it is. */
export const DISK: FileSource = {
  text: () => undefined,
  exists: (path) => existsSync(path),
  isFolder: (path) => {
    try {
      return statSync(path).isDirectory();
    } catch {
      return false;
    }
  },
  realpath: (path) => {
    try {
      return realpathSync(path);
    } catch {
      return path;
    }
  },
  disk: true,
};

/**
 * Texts by path held in memory. With `overDisk`, every other file is read from the disk (an
 * editor's unsaved buffers); without, only these files exist, and their folders.
 */
export function memoryFiles(files: ReadonlyMap<string, string>, options: { overDisk: boolean }): FileSource {
  const texts = new Map([...files].map(([path, text]) => [resolve(path), text]));
  const folders = new Set<string>();
  for (const path of texts.keys()) {
    for (let folder = resolve(path, '..'); !folders.has(folder); folder = resolve(folder, '..')) {
      folders.add(folder);
      if (folder === resolve(folder, '..')) break;
    }
  }
  if (options.overDisk) {
    return {
      text: (path) => texts.get(resolve(path)),
      exists: (path) => texts.has(resolve(path)) || DISK.exists(path),
      isFolder: (path) => !texts.has(resolve(path)) && DISK.isFolder(path),
      realpath: (path) => (texts.has(resolve(path)) ? resolve(path) : DISK.realpath(path)),
      disk: true,
    };
  }
  return {
    text: (path) => texts.get(resolve(path)),
    exists: (path) => texts.has(resolve(path)) || folders.has(resolve(path)),
    isFolder: (path) => folders.has(resolve(path)),
    realpath: (path) => resolve(path),
    disk: false,
  };
}

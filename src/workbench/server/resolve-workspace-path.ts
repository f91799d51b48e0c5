/**
 * Turns a workspace-relative path from a request into an absolute one, strictly inside the
 * workspace: no absolute paths, no `..`, no NUL bytes or backslashes, and no symbolic link on the
 * way that leads out of it. Every refusal is a short reason fit to show the user.
 */
import { lstatSync, realpathSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';

export type ResolvedPath = { absolute: string; relative: string } | { problem: string };

/** The longest path a request may name, in characters. */
const MAX_PATH_LENGTH = 1024;

export function resolveWorkspacePath(workspace: string, requested: unknown): ResolvedPath {
  if (typeof requested !== 'string' || requested.length === 0) return { problem: 'name a file by its path in the workspace' };
  if (requested.length > MAX_PATH_LENGTH) return { problem: 'the path is too long' };
  if (requested.includes('\0') || requested.includes('\\')) return { problem: 'the path holds a character paths in the workspace do not use' };
  if (isAbsolute(requested) || /^[a-zA-Z]:/.test(requested)) return { problem: 'give a path relative to the workspace, not an absolute one' };
  const segments = requested.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.length === 0) return { problem: 'name a file, not the workspace itself' };
  if (segments.includes('..')) return { problem: "the path may not contain '..'" };
  if (segments.some((s) => s.startsWith('.'))) return { problem: 'hidden files and folders are not part of the workbench' };
  const root = realWorkspace(workspace);
  const absolute = join(root, ...segments);
  // Every existing step must be a real folder or file inside the workspace (a link may point inside it).
  let step = root;
  for (const segment of segments) {
    step = join(step, segment);
    let isLink: boolean;
    try {
      isLink = lstatSync(step).isSymbolicLink();
    } catch {
      break; // does not exist (yet): nothing further can be a link
    }
    if (isLink && isOutside(root, safeRealpath(step))) return { problem: 'the path leads out of the workspace through a symbolic link' };
  }
  if (isOutside(root, safeRealpath(absolute))) return { problem: 'the path leads out of the workspace' };
  return { absolute, relative: segments.join('/') };
}

/** The workspace's own path with its links resolved (so that links inside it compare equal). */
export function realWorkspace(workspace: string): string {
  return safeRealpath(workspace);
}

/** `file` relative to the workspace, with forward slashes; undefined when it lies outside. */
export function toWorkspacePath(workspace: string, file: string): string | undefined {
  const rel = relative(realWorkspace(workspace), file);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) {
    const plain = relative(workspace, file);
    if (plain === '' || plain.startsWith('..') || isAbsolute(plain)) return undefined;
    return plain.split(sep).join('/');
  }
  return rel.split(sep).join('/');
}

function isOutside(folder: string, target: string): boolean {
  const rel = relative(folder, target);
  return rel.startsWith('..') || isAbsolute(rel);
}

function safeRealpath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

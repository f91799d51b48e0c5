/**
 * Reading and saving one workspace file for the editor. A file is identified by the sha256 of
 * its bytes: a save names the hash the editor opened, and when the file on disk has changed since
 * then the save is refused with both versions, so nothing is lost silently. Saving writes a
 * temporary file beside the target and renames it over the target (atomic on one file system).
 */
import { createHash, randomBytes } from 'node:crypto';
import { lstatSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { decodeText } from '../../load/decode-text.js';
import { resolveWorkspacePath } from './resolve-workspace-path.js';

/** The largest file the editor opens or saves, in bytes. */
export const MAX_EDITED_BYTES = 4 * 1024 * 1024;

export interface FileVersion {
  path: string;
  text: string;
  hash: string;
}

export type FileProblem = { status: 400 | 404 | 413 | 415; code: 'BAD_REQUEST' | 'NOT_FOUND' | 'TOO_LARGE' | 'NOT_UTF8'; message: string };

export function hashText(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function readWorkspaceFile(workspace: string, requested: unknown): FileVersion | { problem: FileProblem } {
  const resolved = resolveWorkspacePath(workspace, requested);
  if ('problem' in resolved) return { problem: { status: 400, code: 'BAD_REQUEST', message: resolved.problem } };
  let bytes: Buffer;
  try {
    const stat = statSync(resolved.absolute);
    if (!stat.isFile()) return { problem: { status: 404, code: 'NOT_FOUND', message: `${resolved.relative} is not a file` } };
    if (stat.size > MAX_EDITED_BYTES)
      return {
        problem: { status: 413, code: 'TOO_LARGE', message: `${resolved.relative} is larger than the ${MAX_EDITED_BYTES / 1024 / 1024} MB the editor opens` },
      };
    bytes = readFileSync(resolved.absolute);
  } catch {
    return { problem: { status: 404, code: 'NOT_FOUND', message: `${resolved.relative} does not exist` } };
  }
  const decoded = decodeText(bytes);
  if ('invalidAt' in decoded) return { problem: { status: 415, code: 'NOT_UTF8', message: `${resolved.relative} is not UTF-8 text` } };
  return { path: resolved.relative, text: decoded.text, hash: hashText(decoded.text) };
}

export type SaveOutcome = { saved: FileVersion } | { conflict: { disk: FileVersion; yours: FileVersion } } | { problem: FileProblem };

/** Saves `text` to an existing file when the file still has `baseHash` (or `force` is set). */
export function saveWorkspaceFile(workspace: string, requested: unknown, text: string, baseHash: string, force = false): SaveOutcome {
  if (Buffer.byteLength(text, 'utf8') > MAX_EDITED_BYTES)
    return { problem: { status: 413, code: 'TOO_LARGE', message: `the text is larger than the ${MAX_EDITED_BYTES / 1024 / 1024} MB the editor saves` } };
  const current = readWorkspaceFile(workspace, requested);
  if ('problem' in current) return current;
  const yours = { path: current.path, text, hash: hashText(text) };
  if (!force && current.hash !== baseHash && current.hash !== yours.hash) return { conflict: { disk: current, yours } };
  const resolved = resolveWorkspacePath(workspace, requested);
  if ('problem' in resolved) return { problem: { status: 400, code: 'BAD_REQUEST', message: resolved.problem } };
  // Write through a link (inside the workspace) to the file it names, keeping the link.
  const target = lstatSync(resolved.absolute).isSymbolicLink() ? realpathSync(resolved.absolute) : resolved.absolute;
  const temporary = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(temporary, text, { encoding: 'utf8', flag: 'wx', mode: statSync(target).mode & 0o777 });
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  return { saved: yours };
}

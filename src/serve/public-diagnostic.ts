/**
 * A diagnostic fit to leave the server: files relative to the workspace (or to the request's
 * virtual folder), and no absolute path of this machine in its message or hint.
 */
import { homedir, tmpdir } from 'node:os';
import { isAbsolute, relative, sep } from 'node:path';
import type { Diagnostic } from '../model/errors.js';

/** `d` with every path under `root` made relative to it; a file outside it loses its name. */
export function publicDiagnostic<T extends Pick<Diagnostic, 'message' | 'hint' | 'file'>>(d: T, root: string): T {
  const out: T = { ...d, message: hidePaths(d.message, root) };
  if (d.hint !== undefined) out.hint = hidePaths(d.hint, root);
  if (d.file !== undefined) {
    const rel = isAbsolute(d.file) ? relative(root, d.file) : d.file;
    if (rel.startsWith('..') || isAbsolute(rel)) delete out.file;
    else out.file = rel.split(sep).join('/') || '.';
  }
  return out;
}

/** Text with the workspace's path (and this machine's working, temporary and home folders) taken out of the paths it names. */
export function hidePaths(text: string, root: string): string {
  let out = text;
  for (const [folder, shownAs] of [
    [root, '.'],
    [process.cwd(), '.'],
    [tmpdir(), '…'],
    [homedir(), '~'],
  ] as const) {
    if (folder === '/' || folder === '') continue;
    const prefix = folder.endsWith(sep) ? folder : folder + sep;
    out = out
      .split(prefix)
      .join(shownAs === '.' ? '' : shownAs + '/')
      .split(folder)
      .join(shownAs);
  }
  return out;
}

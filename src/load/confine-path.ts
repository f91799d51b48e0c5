/**
 * Confines the files a run reads to one folder (`--root`; on by default in the scoring service):
 * an inspection or a pack may name any path, and without a root the content of whatever file it
 * names could come back in diagnostics. A path is inside the root when its real path (symbolic
 * links resolved, as far as it exists) is the root or below it. Whether a path outside exists is
 * not said.
 */
import { realpathSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, isAbsolute } from 'node:path';

/** The real path of `path`, or of its nearest existing folder with the rest appended. */
function realOrNearest(path: string): string {
  const rest: string[] = [];
  for (let at = resolve(path); ; at = dirname(at)) {
    try {
      return join(realpathSync(at), ...rest.reverse());
    } catch {
      if (dirname(at) === at) return resolve(path);
      rest.push(basename(at));
    }
  }
}

/** Whether `path` lies inside the folder `root` (both resolved through symbolic links). */
export function isInsideRoot(path: string, root: string): boolean {
  const inside = relative(realOrNearest(root), realOrNearest(path));
  return inside === '' || (!inside.startsWith('..') && !isAbsolute(inside));
}

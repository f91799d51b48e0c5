/**
 * The unsaved texts a request carries (`files: { "<workspace path>": "<text>" }`), checked and
 * keyed by absolute path for the load overlay. Every path must resolve inside the workspace.
 */
import { resolveWorkspacePath } from './resolve-workspace-path.js';

/** The most files one request may carry. */
export const MAX_OVERLAY_FILES = 200;

export function overlayRequestFiles(workspace: string, files: unknown): { texts: Map<string, string> } | { problem: string } {
  const texts = new Map<string, string>();
  if (files === undefined || files === null) return { texts };
  if (typeof files !== 'object' || Array.isArray(files)) return { problem: 'files must map workspace paths to texts' };
  const entries = Object.entries(files as Record<string, unknown>);
  if (entries.length > MAX_OVERLAY_FILES) return { problem: `a request may carry at most ${MAX_OVERLAY_FILES} files` };
  for (const [path, text] of entries) {
    if (typeof text !== 'string') return { problem: `the text of ${path} is not a string` };
    const resolved = resolveWorkspacePath(workspace, path);
    if ('problem' in resolved) return { problem: `${path}: ${resolved.problem}` };
    texts.set(resolved.absolute, text);
  }
  return { texts };
}

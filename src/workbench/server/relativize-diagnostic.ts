/**
 * Diagnostics as the workbench shows them: files relative to the workspace, and no absolute
 * path of the machine in a message or hint.
 */
import type { Diagnostic } from '../../model/errors.js';
import { realWorkspace, toWorkspacePath } from './resolve-workspace-path.js';

export type WorkbenchDiagnostic = Omit<Diagnostic, 'file'> & { file?: string };

export function relativizeDiagnostics(workspace: string, list: readonly Diagnostic[]): WorkbenchDiagnostic[] {
  const prefixes = [...new Set([realWorkspace(workspace), workspace])].map((p) => p.replace(/\/$/, '') + '/');
  const strip = (text: string) => prefixes.reduce((t, prefix) => t.split(prefix).join(''), text);
  return list.map((d) => {
    const { file, ...rest } = d;
    const relative = file === undefined ? undefined : toWorkspacePath(workspace, file);
    return {
      ...rest,
      message: strip(d.message),
      ...(d.hint !== undefined ? { hint: strip(d.hint) } : {}),
      ...(relative !== undefined ? { file: relative } : {}),
    };
  });
}

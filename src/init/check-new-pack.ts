/**
 * The checks both scaffolds (a methodology, a thematic) make before they write anything: the name
 * can be a pack id (it is also the folder's name), and that folder does not exist yet, since init
 * never overwrites. Each failure is a USAGE diagnostic with a hint.
 */
import { existsSync } from 'node:fs';
import type { Diagnostic } from '../model/errors.js';

export function usage(message: string, hint: string): { errors: Diagnostic[] } {
  return { errors: [{ code: 'USAGE', severity: 'error', message, hint }] };
}

/** Why a name cannot be a pack's id, or null when it can; `example` is an id shown in the hint. */
export function checkPackName(name: string, example: string): { errors: Diagnostic[] } | null {
  if (!/^[A-Za-z0-9][A-Za-z0-9._()-]*$/.test(name) || name.length > 64) {
    return usage(`'${name}' cannot be a pack id`, `use letters, digits and . _ - ( ), starting with a letter or digit, e.g. ${example}`);
  }
  return null;
}

/** A diagnostic when the folder to be made already exists, else null. */
export function checkFolderFree(folder: string): { errors: Diagnostic[] } | null {
  return existsSync(folder) ? usage(`${folder} already exists`, 'choose another name or --dir; init never overwrites') : null;
}

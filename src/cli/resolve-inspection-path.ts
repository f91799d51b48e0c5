/** An inspection named by its file, or by a folder holding `inspection.yaml` (or `.yml`, `.json`). */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const INSPECTION_FILE_NAMES = ['inspection.yaml', 'inspection.yml', 'inspection.json'];

export function resolveInspectionPath(target: string): string {
  if (existsSync(target) && statSync(target).isDirectory()) {
    const found = INSPECTION_FILE_NAMES.map((name) => join(target, name)).find((file) => existsSync(file));
    return found ?? join(target, INSPECTION_FILE_NAMES[0]!);
  }
  return target;
}

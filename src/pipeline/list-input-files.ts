/**
 * The files a scoring run reads: the inspection, its case file, and every file of its packs. A
 * command that writes an output file refuses to write it over any of them.
 */
import type { OpenedInspection } from './load-inspection.js';
import { caseFileOf } from './load-inspection.js';

export function listInputFiles(opened: Pick<OpenedInspection, 'file' | 'inspection' | 'methodology' | 'thematics'>): string[] {
  const caseFile = caseFileOf(opened.inspection.cases, opened.file);
  return [opened.file, ...(caseFile ? [caseFile.file] : []), ...(opened.methodology.files ?? []), ...opened.thematics.flatMap((t) => t.files ?? [])];
}

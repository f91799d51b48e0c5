/** What both scaffolds (a thematic, a methodology) write with: their files, and paths as YAML writes them. */
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ScaffoldedFile {
  path: string;
  text: string;
}

/** The package's schemas folder (beside src/ and dist/). */
export const SCHEMAS = fileURLToPath(new URL('../../schemas/', import.meta.url));

/** A path as YAML files write it: relative, with forward slashes. */
export function posix(from: string, to: string): string {
  const path = relative(from, to).split(sep).join('/');
  return path === '' ? '.' : path;
}

/** The first line of a scaffolded file, pointing yaml-language-server at its schema. */
export function schemaLine(folder: string, schema: string): string {
  return `# yaml-language-server: $schema=${posix(folder, SCHEMAS)}/${schema}.schema.json`;
}

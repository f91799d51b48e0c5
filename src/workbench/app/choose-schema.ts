/**
 * The JSON Schema the editor completes and checks a file against, from the file's role in its
 * pack: the pack's root, a part of it, a test file or an example inspection.
 */
import inspectionSchema from '../../../schemas/inspection.schema.json';
import packPartSchema from '../../../schemas/pack-part.schema.json';
import packTestSchema from '../../../schemas/pack-test.schema.json';
import packSchema from '../../../schemas/pack.schema.json';
import type { JsonSchema } from './complete-from-schema.js';
import { packOf } from './page-state.js';

export function schemaFor(path: string | undefined): JsonSchema | undefined {
  if (!path || !/\.(ya?ml|json)$/.test(path)) return undefined;
  const pack = packOf(path);
  const file = pack?.files.find((f) => f.path === path);
  if (!pack || !file) return undefined;
  if (file.role === 'root') return packSchema;
  if (file.role === 'test') return packTestSchema;
  if (file.role === 'example') return /inspection\.(ya?ml|json)$/.test(path) ? inspectionSchema : undefined;
  return packPartSchema;
}

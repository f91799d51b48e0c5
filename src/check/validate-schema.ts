/**
 * Validates a document against one of the generated JSON Schemas with its precompiled ajv
 * validator (standalone CommonJS code under ./generated, copied beside the build).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ErrorObject } from 'ajv';
import type { Diagnostic } from '../model/errors.js';
import type { SourceDocument } from '../load/source-document.js';
import type { JsonSchema } from './navigate-schema.js';
import { schemaDiagnostics } from './schema-errors.js';

/** The schemas a file can be validated against. */
export type SchemaName = 'pack' | 'pack-part' | 'inspection' | 'pack-test';

type Validator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

const require = createRequire(import.meta.url);
const schemas = new Map<SchemaName, JsonSchema>();

/** The errors of `doc` against the schema `name`; none when it is valid. */
export function validateDocument(name: SchemaName, doc: SourceDocument): Diagnostic[] {
  const validate = loadValidator(name);
  if (validate(doc.value)) return [];
  return schemaDiagnostics(validate.errors ?? [], doc, loadSchema(name));
}

function loadValidator(name: SchemaName): Validator {
  const module = require(`./generated/${name}.validate.cjs`) as Validator & { default?: Validator };
  return module.default ?? module;
}

/** The schema itself, read only when a document fails (to explain the errors). */
function loadSchema(name: SchemaName): JsonSchema {
  let schema = schemas.get(name);
  if (!schema) {
    schema = JSON.parse(readFileSync(new URL(`../../schemas/${name}.schema.json`, import.meta.url), 'utf8')) as JsonSchema;
    schemas.set(name, schema);
  }
  return schema;
}

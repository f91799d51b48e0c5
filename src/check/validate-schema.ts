/**
 * Validates a document against one of the generated JSON Schemas with its precompiled ajv
 * validator (standalone CommonJS code under ./generated, copied beside the build).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ErrorObject } from 'ajv';
import type { Diagnostic } from '../model/errors.js';
import type { SourceDocument } from '../source/source-document.js';
import type { JsonSchema } from './navigate-schema.js';
import { describePlace } from './describe-path.js';
import { schemaDiagnostics } from './schema-errors.js';

/** The schemas a file can be validated against. */
export type SchemaName = 'pack' | 'pack-part' | 'inspection' | 'pack-test' | 'score-request' | 'explain-request' | 'validate-request';

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

/**
 * The errors of a value built in code (not read from a file) against the schema `name`: the same
 * checks as validateDocument, without positions, and numbers that are not finite refused (JSON
 * Schema's `number` lets Infinity and NaN through; no file can hold them).
 */
export function validateValue(name: SchemaName, value: unknown): Diagnostic[] {
  const plain = nonPlainValues(value);
  if (plain.length > 0) return plain;
  const validate = loadValidator(name);
  if (validate(value)) return [];
  const doc: SourceDocument = { file: '', text: '', value, locate: () => undefined };
  return schemaDiagnostics(validate.errors ?? [], doc, loadSchema(name)).map(({ file: _file, ...d }) => d);
}

/** The words for the value at `pointer`: made only for a problem (most values have none, and it walks the path again). */
function placeOf(root: unknown, pointer: string): string {
  return pointer === '' ? 'the value' : describePlace(root, pointer);
}

/** Numbers that are not finite, and values no file can hold (functions, symbols, structures that contain themselves), with their pointers. */
function nonPlainValues(root: unknown): Diagnostic[] {
  const found: Diagnostic[] = [];
  // Depth first, without recursion; `exit` entries take an object off the path when its children are done.
  const stack: Array<{ value: unknown; pointer: string } | { exit: object }> = [{ value: root, pointer: '' }];
  const onPath = new Set<object>();
  while (stack.length > 0 && found.length < 20) {
    const entry = stack.pop()!;
    if ('exit' in entry) {
      onPath.delete(entry.exit);
      continue;
    }
    const { value, pointer } = entry;
    if (typeof value === 'number') {
      if (!Number.isFinite(value))
        found.push({
          code: Number.isNaN(value) ? 'SCHEMA_TYPE' : 'SCHEMA_RANGE',
          severity: 'error',
          message: `${placeOf(root, pointer)} is ${value}, not a finite number`,
          hint: 'give a finite number',
          pointer,
        });
    } else if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') {
      found.push({
        code: 'SCHEMA_TYPE',
        severity: 'error',
        message: `${placeOf(root, pointer)} is a ${typeof value}, which a pack cannot hold`,
        hint: 'give plain data: strings, finite numbers, booleans, null, objects and arrays',
        pointer,
      });
    } else if (typeof value === 'object' && value !== null) {
      // A structure that contains itself has no end (one shared by two places is fine).
      if (onPath.has(value)) {
        found.push({
          code: 'SCHEMA_INVALID',
          severity: 'error',
          message: `${placeOf(root, pointer)} contains itself`,
          hint: 'give plain data without cycles',
          pointer,
        });
        continue;
      }
      onPath.add(value);
      stack.push({ exit: value });
      for (const [key, child] of Object.entries(value)) stack.push({ value: child, pointer: `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}` });
    }
  }
  return found;
}

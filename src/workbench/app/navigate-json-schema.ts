/**
 * Finds what a generated JSON Schema (draft-07, definitions and $ref) allows at a path of keys
 * and list items: the schemas a value there may match, with their properties, allowed values
 * and descriptions. No DOM: the tests use it directly.
 */
export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema | JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  description?: string;
  definitions?: Record<string, JsonSchema>;
  required?: string[];
};

function resolveRef(root: JsonSchema, schema: JsonSchema): JsonSchema {
  let s = schema;
  for (let i = 0; i < 20 && s.$ref; i++) {
    const name = s.$ref.replace(/^#\/definitions\//, '');
    const target = root.definitions?.[name];
    if (!target) break;
    // The referring schema's own description says what this place means; the definition's is generic ("An identifier…").
    s = { ...target, ...(s.description ? { description: s.description } : {}) };
  }
  return s;
}

/** The schemas a value at `path` may match (alternatives spread out). */
export function schemasAt(root: JsonSchema, path: readonly string[]): JsonSchema[] {
  let current = spread(root, resolveRef(root, root));
  for (const segment of path) {
    const next: JsonSchema[] = [];
    for (const s of current) {
      if (segment === '[]') {
        if (s.items && !Array.isArray(s.items)) next.push(...spread(root, resolveRef(root, s.items)));
      } else {
        const property = s.properties?.[segment];
        if (property) next.push(...spread(root, resolveRef(root, property)).map((p) => ({ ...p, description: property.description ?? p.description })));
        else if (s.additionalProperties && typeof s.additionalProperties === 'object') next.push(...spread(root, resolveRef(root, s.additionalProperties)));
      }
    }
    current = next;
  }
  return current;
}

function spread(root: JsonSchema, schema: JsonSchema): JsonSchema[] {
  const alternatives = schema.anyOf ?? schema.oneOf;
  const base = alternatives ? alternatives.flatMap((a) => spread(root, resolveRef(root, a))) : [schema];
  return schema.allOf ? [...base, ...schema.allOf.flatMap((a) => spread(root, resolveRef(root, a)))] : base;
}

/**
 * Finds the JSON Schema that applies at a place of an instance, following `$ref`, `properties`,
 * `additionalProperties`, `items` and the branches of `anyOf` that fit the data. Used to explain
 * ajv's errors: which properties are allowed, what a property means, whether a place is a condition.
 */

/** The parts of a draft-07 schema the generated schemas use. */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  description?: string;
  definitions?: Record<string, JsonSchema>;
}

/** The `$ref` that marks a condition. */
export const CONDITION_REF = '#/definitions/Condition';

/** What applies at a place of an instance. */
export interface SchemaPlace {
  /** The schemas that apply, references followed and unions narrowed to the data's type. */
  schemas: JsonSchema[];
  /** The description the property itself carries (before references are followed). */
  description: string | undefined;
  /** The number of pointer segments up to the outermost condition on the way, when there is one. */
  conditionDepth?: number;
}

export class SchemaNavigator {
  constructor(private readonly root: JsonSchema) {}

  /** Follows `$ref`s to the schema they name. */
  deref(schema: JsonSchema): JsonSchema {
    let current = schema;
    for (let guard = 0; current.$ref !== undefined && guard < 50; guard++) {
      const name = current.$ref.replace(/^#\/definitions\//, '');
      const target = this.root.definitions?.[name];
      if (!target) break;
      current = target;
    }
    return current;
  }

  /** The schemas that apply to `value`: references followed, `anyOf` branches that fit its type. */
  expand(schema: JsonSchema, value: unknown): JsonSchema[] {
    const out: JsonSchema[] = [];
    const stack = [schema];
    while (stack.length > 0) {
      const s = this.deref(stack.pop()!);
      if (s.anyOf) {
        const fitting = s.anyOf.filter((b) => fitsType(this.deref(b), value));
        // Pushed last branch first, so the first is expanded first; reversed in a copy: the schema is shared and cached.
        stack.push(...[...(fitting.length > 0 ? fitting : s.anyOf)].reverse());
      } else {
        out.push(s);
      }
    }
    return out;
  }

  /**
   * What applies at `segments` within `data`.
   */
  at(data: unknown, segments: readonly string[]): SchemaPlace {
    let current: JsonSchema[] = [this.root];
    let value = data;
    let conditionDepth: number | undefined;
    for (let i = 0; i < segments.length; i++) {
      const segment = segments[i]!;
      const next: JsonSchema[] = [];
      for (const s of current.flatMap((c) => this.expand(c, value))) {
        const child =
          s.properties?.[segment] ?? (Array.isArray(value) ? s.items : typeof s.additionalProperties === 'object' ? s.additionalProperties : undefined);
        if (child) next.push(child);
      }
      value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[segment] : undefined;
      if (conditionDepth === undefined && next.some((s) => s.$ref === CONDITION_REF)) conditionDepth = i + 1;
      current = next;
      if (current.length === 0) break;
    }
    const place: SchemaPlace = { schemas: current.flatMap((c) => this.expand(c, value)), description: current.find((c) => c.description)?.description };
    if (conditionDepth !== undefined) place.conditionDepth = conditionDepth;
    return place;
  }
}

/** The JSON type of a value as JSON Schema names it. */
export function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function fitsType(schema: JsonSchema, value: unknown): boolean {
  if (schema.type === undefined) return true;
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  const t = jsonType(value);
  return types.includes(t) || (t === 'integer' && types.includes('number'));
}

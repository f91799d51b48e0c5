/**
 * Turns ajv's errors into Diagnostics an author can act on: what is wrong, where (file, line,
 * column, pointing at the offending key for unknown properties) and how to mend it. The noise of
 * unions is collapsed: a bad condition gets one error from our own shape check; any other union
 * gets its single most relevant error.
 */
import type { ErrorObject } from 'ajv';
import type { Diagnostic, ErrorCode } from '../model/errors.js';
import { makeError } from '../source/make-diagnostic.js';
import { joinPointer, parsePointer, valueAt } from '../source/source-document.js';
import type { SourceDocument } from '../source/source-document.js';
import { checkConditionShape, describeValue } from './check-condition-shape.js';
import { describePlace } from './describe-path.js';
import { SchemaNavigator } from './navigate-schema.js';
import type { JsonSchema } from './navigate-schema.js';
import { didYouMean, listNames, suggestName } from '../source/suggest-name.js';
import { quoteExcerpt } from '../source/quote-excerpt.js';
import { scalarText } from '../source/scalar-text.js';

const RANGE_KEYWORDS = new Set([
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'minProperties',
  'maxProperties',
]);
const PRIORITY: Readonly<Record<string, number>> = { additionalProperties: 0, required: 1, enum: 2, pattern: 3, type: 5 };

/** The Diagnostics for `errors` that validating `doc` against `schema` gave. */
export function schemaDiagnostics(errors: readonly ErrorObject[], doc: SourceDocument, schema: JsonSchema): Diagnostic[] {
  const explainer = new Explainer(doc, new SchemaNavigator(schema));
  return explainer.explain(errors);
}

class Explainer {
  private readonly data: unknown;
  constructor(
    private readonly doc: SourceDocument,
    private readonly nav: SchemaNavigator,
  ) {
    this.data = doc.value;
  }

  explain(errors: readonly ErrorObject[]): Diagnostic[] {
    const out: Diagnostic[] = [];
    const conditionRoots = new Set<string>();
    let rest: ErrorObject[] = [];
    for (const e of errors) {
      const segments = parsePointer(e.instancePath) ?? [];
      const { conditionDepth } = this.nav.at(this.data, segments);
      if (conditionDepth !== undefined) conditionRoots.add(joinPointer('', ...segments.slice(0, conditionDepth)));
      else rest.push(e);
    }
    for (const root of outermost(conditionRoots)) out.push(...this.explainCondition(root));

    const unions = outermost(new Set(rest.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf').map((e) => e.instancePath)));
    const groups = new Map<string, ErrorObject[]>();
    const outside: ErrorObject[] = [];
    for (const e of rest) {
      const union = ancestorIn(e.instancePath, unions);
      if (union === undefined) outside.push(e);
      else if (groups.has(union)) groups.get(union)!.push(e);
      else groups.set(union, [e]);
    }
    for (const [at, group] of groups) out.push(this.explainUnion(group, at));
    rest = outside;
    // A misspelt property is also a missing one: the unknown property's "did you mean" says both.
    const misspelt = new Set(
      rest
        .filter((e) => e.keyword === 'additionalProperties')
        .flatMap((e) => {
          const suggestion = suggestName(String(e.params.additionalProperty), this.allowedProperties(e.instancePath));
          return suggestion === undefined ? [] : [`${e.instancePath}|${suggestion}`];
        }),
    );
    rest = rest.filter((e) => !(e.keyword === 'required' && misspelt.has(`${e.instancePath}|${String(e.params.missingProperty)}`)));
    // A property written one level too far out (`when:` under the band set instead of its rule) is
    // both unknown where it is and missing where it belongs: one error, at the line it is on.
    const misplaced = new Map<ErrorObject, ErrorObject>();
    for (const e of rest) {
      if (e.keyword !== 'additionalProperties') continue;
      const key = String(e.params.additionalProperty);
      const owner = rest.find((r) => r.keyword === 'required' && String(r.params.missingProperty) === key && r.instancePath.startsWith(`${e.instancePath}/`));
      if (owner) misplaced.set(e, owner);
    }
    const owners = new Set(misplaced.values());
    rest = rest.filter((e) => !owners.has(e));
    for (const [e, owner] of misplaced) out.push(this.explainMisplaced(e, owner));
    rest = rest.filter((e) => !misplaced.has(e));
    // A value of the wrong type also fails its enum or pattern: the type error says it all.
    const typeErrors = new Set(rest.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
    rest = rest.filter((e) => e.keyword === 'type' || !typeErrors.has(e.instancePath));
    const seen = new Set<string>();
    for (const e of rest) {
      const d = this.explainOne(e);
      const key = `${d.code}|${d.pointer}|${d.message}`;
      if (!seen.has(key)) out.push(d);
      seen.add(key);
    }
    return out.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  }

  private explainMisplaced(e: ErrorObject, owner: ErrorObject): Diagnostic {
    const key = String(e.params.additionalProperty);
    const place = describePlace(this.data, e.instancePath);
    const belongs = describePlace(this.data, owner.instancePath);
    const line = locateNearest(this.doc, owner.instancePath).line;
    return this.error(
      'SCHEMA_UNKNOWN_PROPERTY',
      joinPointer(e.instancePath, key),
      `'${key}' is written as a property of ${place}, where it is unknown; it belongs to ${belongs}${line !== undefined ? ` (line ${line})` : ''}, which lacks it`,
      `indent '${key}:' to line up with the other properties of ${belongs}`,
      true,
    );
  }

  private explainCondition(root: string): Diagnostic[] {
    const value = this.valueAt(root);
    const problems = checkConditionShape(value, root, (p) => describePlace(this.data, p));
    if (problems.length === 0) {
      return [
        this.error(
          'SCHEMA_INVALID',
          root,
          `${describePlace(this.data, root)} is not a valid condition`,
          'a condition is all / any / not / condition, or fact with operator and value',
        ),
      ];
    }
    return problems.map((p) => this.error(p.code, p.pointer, p.message, p.hint, p.onKey));
  }

  /** One error for a value that fits no branch of a union: the most specific complaint of the branch that fits its type best. */
  private explainUnion(group: ErrorObject[], at: string): Diagnostic {
    const candidates = group.filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'oneOf' && !(e.keyword === 'type' && e.instancePath === at));
    if (candidates.length === 0) {
      const types = [...new Set(group.filter((e) => e.keyword === 'type').flatMap((e) => String(e.params.type).split(',')))];
      const value = this.valueAt(at);
      return this.error(
        'SCHEMA_TYPE',
        at,
        `${describePlace(this.data, at)} must be ${types.map(article).join(' or ')}, not ${describeValue(value)}`,
        this.withMeaning(`write ${types.map(article).join(' or ')}`, at),
      );
    }
    candidates.sort((a, b) => depth(b.instancePath) - depth(a.instancePath) || (PRIORITY[a.keyword] ?? 4) - (PRIORITY[b.keyword] ?? 4));
    return this.explainOne(candidates[0]!);
  }

  private explainOne(e: ErrorObject): Diagnostic {
    const at = e.instancePath;
    const place = describePlace(this.data, at);
    const value = this.valueAt(at);
    const params = e.params as Record<string, unknown>;
    switch (e.keyword) {
      case 'required': {
        const missing = String(params.missingProperty);
        const about = this.describe(joinPointer(at, missing));
        return this.error(
          'SCHEMA_REQUIRED',
          at,
          `${place} lacks the required property '${missing}'`,
          `add '${missing}'${about ? `: ${lowerFirst(about)}` : ''}`,
        );
      }
      case 'additionalProperties': {
        const key = String(params.additionalProperty);
        const allowed = this.allowedProperties(at);
        const suggestion = didYouMean(key, allowed);
        const list = `${suggestion ? ' Allowed' : '; allowed'}: ${listNames(allowed, 40)}`;
        const loose = this.valueAt(joinPointer(at, key)) === null && !suggestion;
        const hint = loose
          ? 'rename or remove it; if it is text cut off at a comma inside { ... }, put the text in quotes'
          : 'rename it to one of the allowed properties, or remove it';
        return this.error(
          'SCHEMA_UNKNOWN_PROPERTY',
          joinPointer(at, key),
          `unknown property '${quoteExcerpt(key)}' in ${place}${suggestion}${list}`,
          hint,
          true,
        );
      }
      case 'type': {
        const expected = String(params.type).split(',');
        return this.error(
          'SCHEMA_TYPE',
          at,
          `${place} must be ${expected.map(article).join(' or ')}, not ${describeValue(value)}`,
          this.withMeaning(`write ${expected.map(article).join(' or ')}`, at),
        );
      }
      case 'enum': {
        const allowed = (params.allowedValues as unknown[]).map(String);
        const suggestion = typeof value === 'string' ? didYouMean(value, allowed) : '';
        return this.error(
          'SCHEMA_ENUM',
          at,
          `${place} is ${describeValue(value)}, not one of the allowed values${suggestion}`,
          `use one of: ${allowed.join(', ')}`,
        );
      }
      case 'pattern':
        return this.error(
          'SCHEMA_PATTERN',
          at,
          `${place} is ${describeValue(value)}, which does not have the required form`,
          `write ${lowerFirst(this.describeType(at) ?? `a value matching ${String(params.pattern)}`)}`,
        );
      case 'format':
        return this.error(
          'SCHEMA_PATTERN',
          at,
          `${place} is ${describeValue(value)}, which is not a valid ${String(params.format)}`,
          this.describe(at) ?? `write a valid ${String(params.format)}`,
        );
      default: {
        const code: ErrorCode = RANGE_KEYWORDS.has(e.keyword) ? 'SCHEMA_RANGE' : 'SCHEMA_INVALID';
        const what = code === 'SCHEMA_RANGE' && typeof value === 'number' ? `is ${value}; it ${e.message ?? 'is out of range'}` : (e.message ?? 'is not valid');
        const fix =
          code === 'SCHEMA_RANGE' && params.comparison !== undefined
            ? `use a value ${scalarText(params.comparison)} ${scalarText(params.limit)}`
            : 'change the value to fit the schema';
        return this.error(code, at, `${place} ${what}`, this.withMeaning(fix, at));
      }
    }
  }

  /** The properties the schema allows at `at`. */
  private allowedProperties(at: string): string[] {
    const { schemas } = this.nav.at(this.data, parsePointer(at) ?? []);
    return [...new Set(schemas.flatMap((s) => Object.keys(s.properties ?? {})))];
  }

  /** What the property at `at` is for, from the schema's description. */
  private describe(at: string): string | undefined {
    return this.nav.at(this.data, parsePointer(at) ?? []).description;
  }

  /** A fix, followed by what the property is for (`write a number; digits: decimal places kept.`). */
  private withMeaning(fix: string, at: string): string {
    const about = this.describe(at);
    const name = parsePointer(at)?.at(-1);
    return about && name !== undefined && !/^\d+$/.test(name) ? `${fix}; ${name}: ${lowerFirst(about)}` : fix;
  }

  /** What the type at `at` (e.g. an identifier) looks like, from its definition's description. */
  private describeType(at: string): string | undefined {
    const place = this.nav.at(this.data, parsePointer(at) ?? []);
    return place.schemas.find((s) => s.description)?.description ?? place.description;
  }

  private valueAt(pointer: string): unknown {
    return valueAt(this.data, parsePointer(pointer) ?? []);
  }

  private error(code: ErrorCode, pointer: string, message: string, hint: string, onKey = false): Diagnostic {
    return makeError(code, message, hint, { file: this.doc.file, ...locateNearest(this.doc, pointer, onKey), pointer });
  }
}

/** The position of `pointer`, or of its nearest ancestor that exists. */
export function locateNearest(doc: SourceDocument, pointer: string, onKey = false): { line?: number; column?: number } {
  let segments = parsePointer(pointer) ?? [];
  for (;;) {
    const position = doc.locate(joinPointer('', ...segments), onKey);
    if (position) return position;
    if (segments.length === 0) return {};
    segments = segments.slice(0, -1);
    onKey = false;
  }
}

/** The pointers of the set that lie beneath no other pointer of it. */
function outermost(pointers: ReadonlySet<string>): Set<string> {
  const kept = new Set<string>();
  for (const p of [...pointers].sort((a, b) => depth(a) - depth(b))) {
    if (ancestorIn(p, kept) === undefined) kept.add(p);
  }
  return kept;
}

/** The first pointer of `set` that is `pointer` or one of its ancestors. */
function ancestorIn(pointer: string, set: ReadonlySet<string>): string | undefined {
  if (set.has('')) return '';
  let at = 0;
  for (;;) {
    const next = pointer.indexOf('/', at + 1);
    const prefix = next < 0 ? pointer : pointer.slice(0, next);
    if (set.has(prefix)) return prefix;
    if (next < 0) return undefined;
    at = next;
  }
}

function depth(pointer: string): number {
  return pointer === '' ? 0 : pointer.split('/').length - 1;
}

function article(type: string): string {
  const words: Record<string, string> = {
    object: 'a mapping',
    array: 'a list',
    string: 'a string',
    number: 'a number',
    integer: 'a whole number',
    boolean: 'a boolean (true or false)',
    null: 'null',
  };
  return words[type] ?? type;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

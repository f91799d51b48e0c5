/**
 * Turns a composed YAML document into plain data: objects, arrays, strings, numbers, booleans
 * and null. Iterative, so nesting never grows the call stack; aliases are expanded into copies
 * (so every object has one place in the file) within a budget; keys that could reach an object's
 * prototype are refused.
 */
import { isAlias, isMap, isScalar, isSeq } from 'yaml';
import type { Document, Node } from 'yaml';
import type { ErrorCode } from '../model/errors.js';
import { MAX_DEPTH } from './measure-depth.js';
import { scalarText } from '../source/scalar-text.js';

/** The most aliases a file may expand, counting aliases met inside expansions. */
export const MAX_ALIASES = 100;
/** The most values alias expansions may create in all. */
export const MAX_EXPANDED_VALUES = 100_000;
/** Keys that name or reach an object's prototype. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** What a FORBIDDEN_KEY diagnostic says, whether the key was met in a file or in a value built in code. */
export function describeForbiddenKey(key: string): { message: string; hint: string } {
  return { message: `the key '${key}' is not allowed`, hint: `rename the key: '__proto__', 'constructor' and 'prototype' could tamper with objects` };
}

/** A problem met while converting, at an offset of the text. */
export interface ConvertIssue {
  code: ErrorCode;
  offset: number;
  message: string;
  hint: string;
}

type Container = Record<string, unknown> | unknown[];

interface Task {
  node: Node | null;
  parent: Container;
  key: string | number;
  depth: number;
  /** Whether the node is reached through an alias (anchors inside are not registered again). */
  expanded: boolean;
}

/** Converts `doc`'s contents to plain data; any issue means the value must not be used. */
export function toPlainValue(doc: Document.Parsed): { value: unknown; issues: ConvertIssue[] } {
  const issues: ConvertIssue[] = [];
  const anchors = new Map<string, Node>();
  const holder: unknown[] = [null];
  const stack: Task[] = [{ node: doc.contents, parent: holder, key: 0, depth: 0, expanded: false }];
  let aliases = 0;
  let expandedValues = 0;

  while (stack.length > 0) {
    const task = stack.pop()!;
    let node = task.node;
    let expanded = task.expanded;
    if (node && isAlias(node)) {
      const start = node.range?.[0] ?? 0;
      aliases++;
      if (aliases > MAX_ALIASES) {
        issues.push({
          code: 'YAML_ALIAS_LIMIT',
          offset: start,
          message: `more than ${MAX_ALIASES} aliases are expanded (an alias bomb?)`,
          hint: 'write the values out instead of repeating them through aliases',
        });
        break;
      }
      const target = anchors.get(node.source);
      if (!target) {
        issues.push({
          code: 'YAML_SYNTAX',
          offset: start,
          message: `alias *${node.source} refers to no anchor before it`,
          hint: `declare the anchor &${node.source} on a value above this alias`,
        });
        continue;
      }
      node = target;
      expanded = true;
    }
    if (expanded && ++expandedValues > MAX_EXPANDED_VALUES) {
      issues.push({
        code: 'YAML_ALIAS_LIMIT',
        offset: node?.range?.[0] ?? 0,
        message: `aliases expand to more than ${MAX_EXPANDED_VALUES} values (an alias bomb?)`,
        hint: 'write the values out instead of repeating them through aliases',
      });
      break;
    }
    if (node && !expanded && node.anchor) anchors.set(node.anchor, node);

    if (!node) {
      assign(task.parent, task.key, null);
    } else if (isScalar(node)) {
      const value = node.value;
      if (typeof value === 'number' && !Number.isFinite(value)) {
        // `.nan`, `.inf` and numbers too large for a double (1e309) are not plain data: JSON has no
        // such numbers, and no count, weight, target or score can be infinite.
        const written = typeof node.source === 'string' ? node.source : String(value);
        const nan = Number.isNaN(value);
        issues.push({
          code: nan ? 'SCHEMA_TYPE' : 'SCHEMA_RANGE',
          offset: (task.node?.range ?? node.range)?.[0] ?? 0,
          message: nan
            ? `${written} is not a number (YAML reads it as NaN)`
            : /inf/i.test(written)
              ? `${written} is an infinite number`
              : `the number ${written} is too large: it reads as ${value}`,
          hint: nan
            ? 'write a number, or quote the value if it is text'
            : 'write a finite number (at most about 1.8e308 either way), or quote the value if it is text',
        });
        assign(task.parent, task.key, null);
        continue;
      }
      assign(task.parent, task.key, value);
    } else if (isMap(node) || isSeq(node)) {
      const depth = task.depth + 1;
      if (depth > MAX_DEPTH) {
        issues.push({
          code: 'YAML_TOO_DEEP',
          offset: (task.node?.range ?? node.range)?.[0] ?? 0,
          message: `values are nested more than ${MAX_DEPTH} levels deep (through an alias)`,
          hint: 'flatten the structure; no rule pack or inspection needs this depth',
        });
        break;
      }
      if (isSeq(node)) {
        const list: unknown[] = [];
        assign(task.parent, task.key, list);
        for (let i = node.items.length - 1; i >= 0; i--) {
          stack.push({ node: node.items[i] as Node | null, parent: list, key: i, depth, expanded });
        }
      } else {
        const object: Record<string, unknown> = {};
        assign(task.parent, task.key, object);
        const entries: Task[] = [];
        const seen = new Set<string>();
        for (const pair of node.items) {
          const key = keyOf(pair.key as Node | null, anchors, issues);
          if (key === undefined) continue;
          const keyStart = (pair.key as Node | null)?.range?.[0] ?? node.range?.[0] ?? 0;
          if (FORBIDDEN_KEYS.has(key)) {
            issues.push({
              code: 'FORBIDDEN_KEY',
              offset: keyStart,
              ...describeForbiddenKey(key),
            });
            continue;
          }
          if (seen.has(key)) {
            issues.push({
              code: 'YAML_DUPLICATE_KEY',
              offset: keyStart,
              message: `the key '${key}' appears twice in this mapping`,
              hint: 'remove or rename one of the two entries',
            });
            continue;
          }
          seen.add(key);
          entries.push({ node: pair.value as Node | null, parent: object, key, depth, expanded });
        }
        for (let i = entries.length - 1; i >= 0; i--) stack.push(entries[i]!);
      }
    } else {
      issues.push({ code: 'YAML_SYNTAX', offset: 0, message: 'unexpected YAML node', hint: 'write plain mappings, lists and scalars' });
    }
  }
  return { value: holder[0], issues };
}

/** A mapping key as a string: scalars (and aliases of scalars) only. */
function keyOf(node: Node | null, anchors: Map<string, Node>, issues: ConvertIssue[]): string | undefined {
  if (node === null) return '';
  const target = isAlias(node) ? anchors.get(node.source) : node;
  if (target && isScalar(target)) {
    const text = target.value === null ? '' : scalarText(target.value);
    // Keys are names and ids: a plain key YAML reads as a number or null must read back as written
    // (2.10 would silently become 2.1, 007 become 7, ~ become nothing).
    if (typeof target.value !== 'string' && target.type === 'PLAIN' && typeof target.source === 'string' && target.source !== text) {
      issues.push({
        code: 'YAML_KEY_NOT_TEXT',
        offset: node.range?.[0] ?? 0,
        message: `the key ${target.source} is read as ${target.value === null ? 'null' : `the ${typeof target.value} ${text}`}, not as written`,
        hint: `put the key in quotes: '${target.source}'`,
      });
    }
    return text;
  }
  issues.push({
    code: 'YAML_SYNTAX',
    offset: node.range?.[0] ?? 0,
    message: 'a mapping key must be a plain value (a name), not a mapping or a list',
    hint: 'use a string as the key',
  });
  return undefined;
}

/** Sets a property without ever invoking a setter (forbidden keys never get here). */
function assign(parent: Container, key: string | number, value: unknown): void {
  (parent as Record<string | number, unknown>)[key] = value;
}

/**
 * The check stage's test harness: a small valid methodology pack as YAML text, and the
 * diagnostics of that text (or of any pack text) read, schema-checked, merged and checked as the
 * loader does, in process. Tests call these inside `it`: mutation testing counts only code a test
 * runs, not code run while the test file is collected.
 */
import { CheckContext } from '../../src/check/check-context.js';
import { checkPack } from '../../src/check/check-pack.js';
import { validateDocument } from '../../src/check/validate-schema.js';
import { mergePack } from '../../src/load/merge-pack.js';
import { readDocument } from '../../src/load/read-document.js';
import type { Diagnostic } from '../../src/model/errors.js';

/** A small valid methodology: every kind of criterion the checks look at, a named band set of each kind. */
export const BASE_PACK = `kind: methodology
id: base
version: 1.0.0
title: Base
status: draft
facts:
  case:
    risk: { type: enum, values: [low, high] }
    age: { type: number }
    female: { type: boolean }
  area:
    oasys: { type: boolean }
scales:
  answer:
    levels: [{ id: good, label: Good }, { id: poor, label: Poor }]
    met: [good]
  perf:
    levels: [{ id: strong, label: Strong }, { id: weak, label: Weak }]
  band:
    levels: [{ id: high, label: High }, { id: low, label: Low }]
weightClasses: { heavy: 2 }
bandSets:
  scoreBands:
    scale: band
    rules:
      - { level: high, when: { fact: score, operator: greaterThanInclusive, value: 50 } }
    otherwise: low
  itemBands:
    scale: band
    inputScale: perf
    rules:
      - { level: high, when: { fact: share, params: { atLeast: strong }, operator: equal, value: 1 } }
    otherwise: low
criteria:
  - id: S1
    title: Sample
    kind: sample
    weight: heavy
    band: scoreBands
    questions:
      - { id: S1.1, text: Asked, scale: answer, appliesWhen: { fact: risk, operator: equal, value: high } }
  - id: E1
    title: Evidence
    kind: evidence
    weight: heavy
    itemScale: perf
    band: itemBands
    items:
      - { id: E1.1, text: An item }
sections:
  - id: A
    title: All
    criteria: [S1, E1]
    score: { method: weightedMean }
rounding: { mode: halfUp, digits: 0, at: [criterion] }
`;

/** The base pack with `edits` applied in order (each old text must occur; its first occurrence is replaced). */
export function editedPack(edits: Array<[string, string]>, text = BASE_PACK): string {
  for (const [from, to] of edits) {
    if (!text.includes(from)) throw new Error(`not in the pack: ${from}`);
    text = text.replace(from, to);
  }
  return text;
}

/** The diagnostics of a one-file pack's text: reading errors, else schema errors, else merge and check diagnostics. */
export function checkPackText(text: string, file = 'pack.yaml'): Diagnostic[] {
  const read = readDocument(file, text);
  if ('errors' in read) return read.errors;
  const schema = validateDocument('pack', read.doc);
  if (schema.length > 0) return schema;
  const merged = mergePack(read.doc, []);
  return [...merged.errors, ...checkPack(merged.pack, merged.sources)];
}

/** A pack read, schema-checked and merged; throws unless it is valid so far (for tests of what follows the schema). */
export function mergedPack(text: string, file = 'pack.yaml'): ReturnType<typeof mergePack> {
  const read = readDocument(file, text);
  if ('errors' in read) throw new Error(JSON.stringify(read.errors));
  const schema = validateDocument('pack', read.doc);
  if (schema.length > 0) throw new Error(JSON.stringify(schema));
  const merged = mergePack(read.doc, []);
  if (merged.errors.length > 0) throw new Error(JSON.stringify(merged.errors));
  return merged;
}

/** The check context of a pack (and, for a thematic, its methodology's text). */
export function contextOf(text: string, methodologyText?: string): CheckContext {
  const { pack, sources } = mergedPack(text);
  return new CheckContext(pack, sources, methodologyText === undefined ? undefined : mergedPack(methodologyText, 'methodology.yaml').pack);
}

/** The diagnostics of one check alone. */
export function diagnosticsOf(check: (ctx: CheckContext) => void, text: string, methodologyText?: string): Diagnostic[] {
  const ctx = contextOf(text, methodologyText);
  check(ctx);
  return ctx.diagnostics;
}

/** Line and column (from 1) of the text `skip` characters into `needle`, which must occur once in `text`. */
export function at(text: string, needle: string, skip = 0): { line: number; column: number } {
  const index = text.indexOf(needle);
  if (index < 0 || text.indexOf(needle, index + 1) >= 0) throw new Error(`not once in the pack: ${needle}`);
  const before = text.slice(0, index + skip).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

/** A diagnostic a test expects: where is unique text of the pack and how far into it. */
export interface Expected {
  code: string;
  /** Unique text of the pack where the diagnostic points, and how far into it. */
  where: [string, number?];
  pointer: string;
  message: string;
  hint: string;
}

/** The error an Expected describes, placed in `text`. */
export function expected(text: string, e: Expected): Diagnostic {
  return { code: e.code, severity: 'error', message: e.message, hint: e.hint, file: 'pack.yaml', ...at(text, ...e.where), pointer: e.pointer } as Diagnostic;
}

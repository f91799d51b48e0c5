/**
 * The loader fed random bytes, random YAML-like text and random mutations of the shipped packs
 * (lines deleted, duplicated, swapped; characters flipped; numbers changed; keys dropped; hostile
 * lines inserted) only ever returns diagnostics with codes of ERROR_CODES: it never throws and
 * never hangs. A mutated pack that still loads must compile and score an empty inspection
 * without throwing.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compilePack, loadPack, score } from '../../src/index.js';
import { readDocument } from '../../src/load/read-document.js';
import { ERROR_CODES } from '../../src/model/errors.js';
import type { Diagnostic } from '../../src/model/errors.js';
import type { Pack } from '../../src/model/pack.js';
import { runs, TIMEOUT } from './arbitraries.js';

const CODES = new Set(Object.keys(ERROR_CODES));
/** The longest one load may take. */
const LIMIT_MS = 3_000;

function expectKnownCodes(diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) {
    expect(CODES.has(d.code), `unknown code ${d.code}: ${d.message}`).toBe(true);
    expect(['error', 'warning']).toContain(d.severity);
    expect(typeof d.message).toBe('string');
  }
}

function timed<T>(work: () => T): T {
  const started = performance.now();
  const value = work();
  expect(performance.now() - started).toBeLessThan(LIMIT_MS);
  return value;
}

let root = '';
/** The shipped packs' YAML files, relative to the copy's root, with their text. */
const files: Array<{ pack: string; file: string; text: string }> = [];
const packs = ['rules/esi-2003', 'rules/probation-2018', 'thematics/ebs-2003', 'thematics/victims-2003'];

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'criteria-fuzz-'));
  for (const pack of packs) {
    cpSync(pack, join(root, pack), { recursive: true });
    for (const name of readdirSync(pack)) {
      if (name.endsWith('.yaml')) files.push({ pack, file: join(pack, name), text: readFileSync(join(pack, name), 'utf8') });
    }
  }
});

afterAll(() => {
  // Leave the copies as they were read (the temporary folder is the system's to clear).
  for (const f of files) writeFileSync(join(root, f.file), f.text);
});

type Mutation =
  | { kind: 'delete' | 'duplicate'; at: number }
  | { kind: 'swap'; at: number; with: number }
  | { kind: 'flip'; at: number; column: number; char: string }
  | { kind: 'number'; at: number; value: string }
  | { kind: 'dropKey'; at: number }
  | { kind: 'insert'; at: number; line: string };

const FLIPS = [':', '-', '[', ']', '{', '}', ' ', '"', "'", '&', '*', '!', '#', '\t', ',', '|', '>', '%', '@', '`', 'x', '0', '\u00e9', '\uFEFF', '\r'];
const NUMBERS = ['-1', '0', '-0', '0.5', '1e309', '-1e309', '.nan', '.inf', '999999999999999999999', '1.5', '101', '7', '"60"', 'null', '~', '0x1F', '1_000'];
const HOSTILE_LINES = [
  '__proto__: { polluted: true }',
  'constructor: 1',
  '<<: *anchor',
  'key: &anchor [a, b]',
  'x: !!binary aGk=',
  'x: !include other.yaml',
  '---',
  '...',
  '? [a, b]',
  ': orphan',
  'path: $.x',
  '  - { condition: self }',
  'include: [../../../package.json]',
];

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('delete' as const, 'duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), column: fc.nat(), char: fc.constantFrom(...FLIPS) }),
  fc.record({ kind: fc.constant('number' as const), at: fc.nat(), value: fc.constantFrom(...NUMBERS) }),
  fc.record({ kind: fc.constant('dropKey' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), line: fc.constantFrom(...HOSTILE_LINES) }),
);

function mutate(text: string, mutations: readonly Mutation[]): string {
  let lines = text.split('\n');
  for (const m of mutations) {
    if (lines.length === 0) break;
    const at = m.at % lines.length;
    switch (m.kind) {
      case 'delete':
        lines.splice(at, 1);
        break;
      case 'duplicate':
        lines.splice(at, 0, lines[at]!);
        break;
      case 'swap': {
        const other = m.with % lines.length;
        [lines[at], lines[other]] = [lines[other]!, lines[at]!];
        break;
      }
      case 'flip': {
        const line = lines[at]!;
        const column = line.length === 0 ? 0 : m.column % line.length;
        lines[at] = line.slice(0, column) + m.char + line.slice(column + 1);
        break;
      }
      case 'number': {
        // The first number on or after the line, replaced.
        for (let k = 0; k < lines.length; k++) {
          const i = (at + k) % lines.length;
          if (/\d/.test(lines[i]!)) {
            lines[i] = lines[i]!.replace(/-?\d+(\.\d+)?/, m.value);
            break;
          }
        }
        break;
      }
      case 'dropKey': {
        // A `key:` line and the lines indented beneath it.
        const indent = /^\s*/.exec(lines[at]!)![0].length;
        let end = at + 1;
        while (end < lines.length && (lines[end]!.trim() === '' || /^\s*/.exec(lines[end]!)![0].length > indent)) end++;
        lines = [...lines.slice(0, at), ...lines.slice(end)];
        break;
      }
      case 'insert': {
        const indent = /^\s*/.exec(lines[at]!)![0];
        lines.splice(at, 0, indent + m.line);
        break;
      }
    }
  }
  return lines.join('\n');
}

/** Loads a pack (a thematic with its methodology); if it loads, compiles it and scores an empty inspection. */
function exercise(packPath: string): void {
  const loaded = timed(() => loadPack(packPath));
  if ('errors' in loaded) {
    expect(loaded.errors.length).toBeGreaterThan(0);
    expectKnownCodes(loaded.errors);
    return;
  }
  expectKnownCodes(loaded.warnings);
  let methodology: Pack = loaded.pack;
  const thematics: Pack[] = [];
  if (loaded.pack.kind === 'thematic') {
    const base = loadPack(join(root, 'rules', loaded.pack.attachesTo?.methodology ?? 'esi-2003'));
    if ('errors' in base) return;
    const withBase = loadPack(packPath, { methodology: base.pack });
    if ('errors' in withBase) {
      expectKnownCodes(withBase.errors);
      return;
    }
    methodology = base.pack;
    thematics.push(withBase.pack);
  }
  const compiled = timed(() => compilePack(methodology, { thematics }));
  if ('errors' in compiled) {
    expectKnownCodes(compiled.errors);
    return;
  }
  const outcome = timed(() => score(compiled.plan, { area: { name: 'Fuzz' }, cases: [] }));
  if ('errors' in outcome) expectKnownCodes(outcome.errors);
}

describe('the loader under random input', () => {
  it(
    'random bytes read as a file give a document or known diagnostics',
    () => {
      const file = join(mkdtempSync(join(tmpdir(), 'criteria-bytes-')), 'pack.yaml');
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
          writeFileSync(file, bytes);
          const read = timed(() => readDocument(file));
          if ('errors' in read) expectKnownCodes(read.errors);
        }),
        { seed: 1, numRuns: runs(400) },
      );
    },
    TIMEOUT,
  );

  it(
    'random YAML-like text gives a document or known diagnostics, as YAML and as JSON',
    () => {
      const token = fc.constantFrom(
        'a',
        'b: ',
        '- ',
        '\n',
        '  ',
        ': ',
        '[',
        ']',
        '{',
        '}',
        ', ',
        '"',
        "'",
        '&x ',
        '*x',
        '*y',
        '!!str ',
        '!t ',
        '? ',
        '#c',
        '|\n',
        '>\n',
        '---\n',
        '...\n',
        '__proto__',
        'constructor',
        '1e309',
        '.nan',
        '-0',
        '2.10',
        '~',
        'null',
        'true',
        '\t',
        '\r\n',
        '\uFEFF',
        '\u0000',
        '%YAML 1.2\n',
        '<<: ',
      );
      fc.assert(
        fc.property(fc.array(token, { maxLength: 60 }), fc.boolean(), (tokens, json) => {
          const read = timed(() => readDocument(json ? 'x.json' : 'x.yaml', tokens.join('')));
          if ('errors' in read) {
            expect(read.errors.length).toBeGreaterThan(0);
            expectKnownCodes(read.errors);
          }
        }),
        { seed: 2, numRuns: runs(1000) },
      );
    },
    TIMEOUT,
  );

  it(
    'mutations of the shipped packs load, or fail with known codes; what loads compiles and scores without throwing',
    () => {
      fc.assert(
        fc.property(fc.nat(), fc.array(mutationArb, { minLength: 1, maxLength: 4 }), (which, mutations) => {
          const target = files[which % files.length]!;
          const path = join(root, target.file);
          writeFileSync(path, mutate(target.text, mutations));
          try {
            exercise(join(root, target.pack));
          } finally {
            writeFileSync(path, target.text);
          }
        }),
        { seed: 3, numRuns: runs(250) },
      );
    },
    TIMEOUT,
  );

  it(
    'mutated text of the shipped packs read directly never throws',
    () => {
      fc.assert(
        fc.property(fc.nat(), fc.array(mutationArb, { minLength: 1, maxLength: 8 }), (which, mutations) => {
          const target = files[which % files.length]!;
          const read = timed(() => readDocument(target.file, mutate(target.text, mutations)));
          if ('errors' in read) expectKnownCodes(read.errors);
        }),
        { seed: 4, numRuns: runs(400) },
      );
    },
    TIMEOUT,
  );
});

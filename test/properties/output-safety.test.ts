/**
 * Properties of what reaches a person or a file, whatever the data: no byte sequence from data
 * reaches the output as a control character (text formats show a stand-in; JSON keeps the data as
 * escapes), and every case is accounted for — read = scored + excluded — whatever the ids, valid,
 * look-alike, too long or missing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePack, loadPack, score } from '../../src/index.js';
import { formatResult } from '../../src/report/index.js';
import { safeOutput } from '../../src/cli/print-text.js';
import { runs, TIMEOUT } from './arbitraries.js';

const loaded = loadPack('test/hostile/corpus/base');
if ('errors' in loaded) throw new Error(loaded.errors[0]!.message);
const compiled = compilePack(loaded.pack);
if ('errors' in compiled) throw new Error(compiled.errors[0]!.message);
const plan = compiled.plan;

/** Text with what a hostile file may hold: escape sequences, bells, carriage returns, C1 controls, direction overrides, invisible characters. */
const hostileText = fc.string({
  unit: fc.constantFrom('a', 'Z', ' ', '1', '\u001b', '[', ']', '2J', '\u0007', '\r', '\n', '\t', '\u009b', '\u202e', '\u200b', 'é', 'e\u0301', '|', '#'),
  maxLength: 24,
});
const idArb = fc.oneof(hostileText, fc.constant('x'.repeat(200)), fc.constant(undefined), fc.integer({ min: 0, max: 5 }));
const UNSAFE = /[\x00-\x08\x0B-\x1F\x7F-\x9F\u202A-\u202E\u2066-\u2069]/;

describe('output safety', () => {
  it(
    'no control character from data in any format, the data kept in JSON, and every case accounted for',
    () => {
      fc.assert(
        fc.property(hostileText, fc.array(fc.tuple(idArb, fc.boolean()), { minLength: 1, maxLength: 12 }), (area, cases) => {
          const records = [
            { id: 'anchor', facts: { risk: 'low' }, answers: { 'Q1.1': 'yes' } },
            ...cases.map(([id, good]) => ({ ...(id === undefined ? {} : { id }), facts: { risk: 'low' }, answers: { 'Q1.1': good ? 'yes' : 'maybe' } })),
          ];
          const outcome = score(
            plan,
            { area: { name: area }, evidence: { 'E1.1': 'good' }, targets: { 'T1.1': { value: 88 } }, scores: { D1: 70 }, cases: records } as never,
            { excludeInvalid: true },
          );
          if ('errors' in outcome) throw new Error(outcome.errors[0]!.message);
          const { read, scored, excluded } = outcome.result.cases;
          expect(read).toBe(records.length);
          expect(scored + excluded.length).toBe(read);
          // Excluded entries name only valid ids; the others are known by their distinct positions.
          expect(new Set(excluded.map((e) => e.position)).size).toBe(excluded.length);
          for (const format of ['table', 'markdown', 'html'] as const) {
            expect(safeOutput(formatResult(outcome.result, format, { detail: true, color: false }), format)).not.toMatch(UNSAFE);
          }
          const json = safeOutput(formatResult(outcome.result, 'json', { detail: true, color: false }), 'json');
          expect(json).not.toMatch(UNSAFE);
          expect(JSON.parse(json).area.name).toBe(area);
        }),
        { numRuns: runs(150) },
      );
    },
    TIMEOUT,
  );
});

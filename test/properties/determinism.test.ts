/**
 * Determinism: the order of cases, the order of keys in packs and case data, and the order in
 * which a multi-file pack includes its files change nothing — the result's JSON is byte for byte
 * the same, its input hash (asked for with `hashInput`) included.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { compilePack, loadPack, score } from '../../src/index.js';
import type { CaseRecord, Inspection } from '../../src/model/inspection.js';
import type { Pack } from '../../src/model/pack.js';
import { random, shuffled as shuffle } from '../../scripts/seeded-random.js';
import { areaOf, buildCase, buildPack, buildScenario, compile, inspectionSeedArb, packSpecArb, runs, TIMEOUT } from './arbitraries.js';

/** The same value with the keys of every object (not the entries of lists) in another order. */
function shuffleKeys<T>(value: T, rand: () => number): T {
  if (Array.isArray(value)) return value.map((v) => shuffleKeys(v, rand)) as T;
  if (value === null || typeof value !== 'object') return value;
  const entries = shuffle(Object.entries(value as Record<string, unknown>), rand);
  return Object.fromEntries(entries.map(([k, v]) => [k, shuffleKeys(v, rand)])) as T;
}

function resultJson(pack: Pack, inspection: Inspection): string {
  const compiled = compilePack(pack);
  if ('errors' in compiled) throw new Error(compiled.errors[0]!.message);
  const outcome = score(compiled.plan, inspection, { hashInput: true });
  if ('errors' in outcome) throw new Error(outcome.errors.map((e) => e.message).join('\n'));
  return JSON.stringify(outcome.result);
}

describe('determinism', () => {
  it(
    'permuting cases and the keys of the pack and of the case data gives byte-identical JSON, input hash included',
    () => {
      fc.assert(
        fc.property(packSpecArb, inspectionSeedArb, fc.integer(), (spec, seed, shuffleSeed) => {
          const { pack, area, cases } = buildScenario(spec, seed);
          const inspection: Inspection = { area: { name: 'Generated', period: '2003-10', facts: area }, cases };
          const rand = random(shuffleSeed);
          const permuted: Inspection = shuffleKeys({ ...inspection, cases: shuffle(cases, rand) }, rand);
          const first = resultJson(pack, inspection);
          expect(JSON.parse(first).provenance.inputSha256).toMatch(/^[0-9a-f]{64}$/);
          expect(resultJson(shuffleKeys(pack, rand), permuted)).toBe(first);
        }),
        { seed: 4242, numRuns: runs(100) },
      );
    },
    TIMEOUT,
  );

  it(
    'the input hash changes when the content does',
    () => {
      fc.assert(
        fc.property(packSpecArb, inspectionSeedArb, (spec, seed) => {
          const { pack, area, cases } = buildScenario(spec, seed);
          fc.pre(cases.length > 0);
          const hash = (list: CaseRecord[]) =>
            JSON.parse(resultJson(pack, { area: { name: 'Generated', facts: area }, cases: list })).provenance.inputSha256 as string;
          const renamed = cases.map((c, i) => (i === 0 ? { ...c, id: `${c.id}-renamed` } : c));
          expect(hash(renamed)).not.toBe(hash(cases));
          expect(hash(cases.slice(1))).not.toBe(hash(cases));
        }),
        { seed: 4243, numRuns: runs(40) },
      );
    },
    TIMEOUT,
  );

  it(
    'the order in which a multi-file pack includes its files gives byte-identical JSON',
    () => {
      const root = mkdtempSync(join(tmpdir(), 'criteria-include-'));
      let n = 0;
      fc.assert(
        fc.property(packSpecArb, inspectionSeedArb, fc.integer(), (spec, seed, shuffleSeed) => {
          const pack = buildPack(spec);
          const folder = join(root, `pack-${n++}`);
          mkdirSync(folder);
          const { criteria, facts, scales, weightClasses, bandSets, ...rest } = pack;
          // Each section's criteria in a file of their own; the named things in two more.
          const files = new Map<string, object>([
            ['facts.yaml', { facts }],
            ['scales.yaml', { scales, weightClasses, bandSets }],
          ]);
          pack.sections.forEach((s, i) => files.set(`section-${i + 1}.yaml`, { criteria: criteria!.filter((c) => (s.criteria ?? []).includes(c.id)) }));
          for (const [file, content] of files) writeFileSync(join(folder, file), stringify(content));
          const rand = random(shuffleSeed);
          const load = (include: string[]): Pack => {
            writeFileSync(join(folder, 'pack.yaml'), stringify({ ...rest, include }));
            const loaded = loadPack(folder);
            if ('errors' in loaded) throw new Error(loaded.errors.map((e) => `${e.code} ${e.message}`).join('\n'));
            return loaded.pack;
          };
          const order = [...files.keys()];
          const first = load(order);
          const other = load(shuffle(order, rand));
          const plan = compile(first);
          const area = areaOf(seed);
          const cases = seed.cases.map((c, i) => buildCase(plan, first, c, `case-${i}`, area));
          const inspection: Inspection = { area: { name: 'Generated', facts: area }, cases };
          expect(resultJson(other, inspection)).toBe(resultJson(first, inspection));
        }),
        { seed: 4244, numRuns: runs(40) },
      );
    },
    TIMEOUT,
  );

  it('criteria outside the sections (targets tables feeding evidence items) keep their order whatever the include order', () => {
    const folder = mkdtempSync(join(tmpdir(), 'criteria-supporting-'));
    const targets = (t: number) => ({
      criteria: [
        {
          id: `T${t}`,
          title: `Targets ${t}`,
          kind: 'targets',
          band: 'tb',
          statuses: { scale: 'status', met: 'met', nearlyMet: 'nearly', notMet: 'missed' },
          measures: [{ id: `M${t}`, measure: `Measure ${t}`, direction: 'higher', target: 50 }],
        },
      ],
    });
    writeFileSync(join(folder, 't1.yaml'), stringify(targets(1)));
    writeFileSync(join(folder, 't2.yaml'), stringify(targets(2)));
    writeFileSync(
      join(folder, 'e.yaml'),
      stringify({
        criteria: [
          {
            id: 'E',
            title: 'Evidence',
            kind: 'evidence',
            itemScale: 'status',
            score: { method: 'shareAtLeast', level: 'met' },
            items: [
              { id: 'E.1', text: 'first', from: 'T1' },
              { id: 'E.2', text: 'second', from: 'T2' },
            ],
          },
        ],
      }),
    );
    const root = {
      kind: 'methodology',
      id: 'supporting',
      version: '1.0.0',
      title: 'Supporting criteria',
      status: 'draft',
      scales: {
        status: {
          levels: [
            { id: 'met', label: 'Met' },
            { id: 'nearly', label: 'Nearly' },
            { id: 'missed', label: 'Missed' },
          ],
        },
      },
      bandSets: {
        tb: {
          scale: 'status',
          inputScale: 'status',
          rules: [{ level: 'met', when: { fact: 'share', params: { is: 'met' }, operator: 'equal', value: 1 } }],
          otherwise: 'missed',
        },
      },
      sections: [{ id: 'S', title: 'S', criteria: ['E'], score: { method: 'pooled' } }],
      rounding: { mode: 'halfUp', digits: 0, at: ['criterion'] },
    };
    const inspection: Inspection = { area: { name: 'X' }, targets: { M1: { value: 60 }, M2: { value: 40 } }, cases: [] };
    const results = [
      ['t1.yaml', 't2.yaml', 'e.yaml'],
      ['t2.yaml', 't1.yaml', 'e.yaml'],
      ['e.yaml', 't2.yaml', 't1.yaml'],
    ].map((include) => {
      writeFileSync(join(folder, 'pack.yaml'), stringify({ ...root, include }));
      const loaded = loadPack(folder);
      if ('errors' in loaded) throw new Error(loaded.errors.map((e) => `${e.code} ${e.message}`).join('\n'));
      return resultJson(loaded.pack, inspection);
    });
    const orders = results.map((r) => {
      const parsed = JSON.parse(r) as { targets: Array<{ id: string }>; supporting: Array<{ id: string }> };
      return { targets: parsed.targets.map((t) => t.id), supporting: parsed.supporting.map((c) => c.id) };
    });
    expect(orders[1]).toEqual(orders[0]);
    expect(orders[2]).toEqual(orders[0]);
    expect(results[1]).toBe(results[0]);
    expect(results[2]).toBe(results[0]);
  });
});

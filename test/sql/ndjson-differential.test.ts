/**
 * Differential: random packs and random NDJSON case files — valid lines and lines with every
 * kind of problem JSON can hold (values of the wrong JSON type, null, repeated, unknown or
 * differently cased keys, trailing commas, NaN, numbers as ids, escapes, blank lines, lines that
 * are no object or no JSON) — scored by the interpreter's NDJSON reader and by DuckDB reading the
 * same file in place give identical counters, identical diagnostics (file, line and all) and
 * byte-identical results. Some files DuckDB cannot vouch for at all (a line its reader refuses, an
 * id only the interpreter spells); those are read by the interpreter, and the rest must not be.
 */
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { areaOf, buildCase, buildPack, compile, inspectionSeedArb, packSpecArb, runs, TIMEOUT } from '../properties/arbitraries.js';
import type { Pack } from '../../src/model/pack.js';
import { openDuckDb } from '../../src/sql/run-duckdb.js';
import type { SqlEngine } from '../../src/sql/sql-engine.js';
import { exactly, ODD_IDS, scoreNdjsonByInterpreter, scoreNdjsonBySql, tempFolder } from './sql-harness.js';

let engine: SqlEngine;
const folder = tempFolder();
beforeAll(async () => {
  engine = await openDuckDb(2);
});
afterAll(async () => {
  await engine.close();
  folder.remove();
});

/**
 * The generated pack, with what only NDJSON can get wrong: a text fact, a date fact, an enum
 * fact whose values look like a number and a boolean, and a question on a scale of numbers.
 */
function withJsonTraps(pack: Pack): Pack {
  const first = pack.criteria![0]!;
  return {
    ...pack,
    facts: {
      ...pack.facts,
      case: { ...pack.facts!.case, note: { type: 'string' }, seen: { type: 'date' }, code: { type: 'enum', values: ['1', 'true', 'x'] } },
    },
    scales: {
      ...pack.scales,
      num: {
        levels: [
          { id: '1', label: 'One' },
          { id: '2', label: 'Two' },
          { id: '3', label: 'Three' },
        ],
        met: ['1', '2'],
        notApplicable: { id: '0', label: 'None' },
      },
    },
    criteria: [
      {
        ...first,
        questions: [
          ...(first.questions ?? []),
          {
            id: 'N1',
            text: 'Numbered',
            scale: 'num',
            // An empty note is a note, not a missing one: the question does not apply to it.
            appliesWhen: {
              all: [
                { fact: 'code', operator: 'notEqual', value: 'x' },
                { fact: 'note', operator: 'notEqual', value: '' },
              ],
            },
          },
        ],
      },
      ...pack.criteria!.slice(1),
    ],
  };
}

const MUTATIONS = [
  'none',
  'none',
  'none',
  'extras',
  'offScale',
  'dropAnswer',
  'typeSwap',
  'nullFact',
  'nullAnswer',
  'emptyText',
  'emptyNote',
  'repeatKey',
  'unknownKey',
  'casedKey',
  'trailingComma',
  'oddNumber',
  'numberId',
  'escapes',
  'blankLine',
  'notAnObject',
  'forbiddenKey',
  'oddId',
  'repeatId',
  'nested',
  'badMapping',
  'confusable',
] as const;
type Mutation = (typeof MUTATIONS)[number];

type Case = { id: unknown; facts?: Record<string, unknown>; answers?: Record<string, unknown> };

/** The line (or lines) for a case, changed as the mutation says. */
function linesOf(record: Case, kind: Mutation, p: number, earlierIds: unknown[]): string[] {
  const r: Case = { id: record.id, facts: { ...record.facts }, answers: { ...record.answers } };
  const pick = <T>(items: readonly T[]): T => items[p % items.length]!;
  const answerKey = Object.keys(r.answers!)[0];
  switch (kind) {
    case 'extras':
      r.facts!.note = pick(['a note', 'é', 'tab\there', '']);
      // (Picked apart from the note, so that an empty note meets every code.)
      r.facts!.seen = ['2003-10-01', '2004-02-29', '2003-02-29', '2003-13-01'][Math.floor(p / 4) % 4]!;
      r.facts!.code = ['1', 'true', 'x', 'y'][Math.floor(p / 16) % 4]!;
      break;
    case 'emptyNote':
      // An empty note is a note: N1 does not apply, so its answer is an error. Were the query to read the empty
      // note as a missing one, N1 would apply and the answer would count.
      r.facts!.note = '';
      r.answers!.N1 = pick(['1', '3']);
      break;
    case 'offScale':
      if (answerKey) r.answers![answerKey] = pick(['maybe', 'YES', ' yes', '4']);
      break;
    case 'dropAnswer':
      if (answerKey) delete r.answers![answerKey];
      break;
    case 'typeSwap': {
      const [fact, value] = pick<[string, unknown]>([
        ['flag', 'true'],
        ['flag', 1],
        ['n', '5'],
        ['risk', 1],
        ['note', 5],
        ['note', true],
        ['seen', 20031001],
        ['code', 1],
        ['code', true],
      ]);
      r.facts![fact] = value;
      break;
    }
    case 'nullFact':
      r.facts![pick(['flag', 'n', 'risk', 'note'])] = null;
      break;
    case 'nullAnswer':
      if (answerKey) r.answers![answerKey] = null;
      break;
    case 'emptyText':
      if (p % 3 === 0) r.id = '';
      else if (p % 3 === 1) r.facts!.risk = '';
      else if (answerKey) r.answers![answerKey] = '';
      break;
    case 'repeatKey': {
      const line = JSON.stringify(r);
      return [
        pick([line.replace('"facts":{', '"facts":{"flag":true,"flag":false,'), line.replace('"answers":{', `"answers":{"${answerKey ?? 'C1.1'}":"no",`)]),
      ];
    }
    case 'unknownKey':
      if (p % 3 === 0) (r as Record<string, unknown>).notes = 'x';
      else if (p % 3 === 1) r.facts!.colour = 'red';
      else r.answers!['Z9.9'] = 'yes';
      break;
    case 'casedKey':
      if (p % 2 === 0 && 'flag' in r.facts!) {
        r.facts.Flag = r.facts.flag;
        delete r.facts.flag;
      } else if (answerKey) {
        r.answers![answerKey.toLowerCase()] = r.answers![answerKey];
        if (answerKey.toLowerCase() !== answerKey) delete r.answers![answerKey];
      }
      break;
    case 'trailingComma':
      return [pick([JSON.stringify(r).replace(/}$/, ',}'), JSON.stringify({ ...r, facts: { ...r.facts, flag: true } }).replace(/}(,"answers")/, ',}$1')])];
    case 'oddNumber':
      return [
        JSON.stringify({ ...r, facts: { ...r.facts, n: 0 } }).replace(
          '"n":0',
          `"n":${pick(['NaN', '1e999', '-Infinity', '5e0', '5.0', '-0', '1E1', '0.5e1', '12345678901234567'])}`,
        ),
      ];
    case 'numberId':
      // A plain integer is an id the query spells as the interpreter does.
      r.id = pick([12, -7, 0, 123456789012345]);
      break;
    case 'escapes': {
      const line = JSON.stringify(r);
      return [
        pick([
          line.replace('"id":"', '"id":"\\u0041'),
          line.replace('"facts":', '"f\\u0061cts":'),
          line.replace('"low"', '"l\\u006fw"'),
          line.replace('"id":"', '"id":"\\"q'),
        ]),
      ];
    }
    case 'blankLine':
      return [pick(['', '   ', '\t', ' \r']), JSON.stringify(r)];
    case 'notAnObject':
      return [pick(['[1,2]', '"case"', 'null', '5', '{}'])];
    case 'forbiddenKey':
      r.facts![pick(['constructor', '__proto__', 'prototype'])] = 1;
      break;
    case 'oddId':
      r.id = pick(ODD_IDS);
      break;
    case 'repeatId':
      if (earlierIds.length > 0) r.id = pick(earlierIds);
      break;
    case 'nested':
      if (p % 2 === 0) r.facts!.risk = { level: 'low' };
      else if (answerKey) r.answers![answerKey] = ['yes'];
      break;
    case 'badMapping':
      if (p % 3 === 0) (r as Record<string, unknown>).facts = pick([5, null, 'x', []]);
      else if (p % 3 === 1) (r as Record<string, unknown>).answers = pick([5, null, ['yes']]);
      else delete r.facts;
      break;
    case 'confusable':
      // Numbers where text is wanted; an answer given where the question does not apply (code 'x') included.
      r.facts!.code = pick<unknown>([1, true, '1', 'true', 'x']);
      if ('N1' in r.answers! || p % 2 === 0) r.answers!.N1 = pick<unknown>([1, '1', 2, '0', 0, '3']);
      break;
    case 'none':
      break;
  }
  return [JSON.stringify(r)];
}

/**
 * What may be wrong with a whole file: a line DuckDB's reader refuses, an id only the interpreter
 * spells, a line with two ids (JSON.parse reads the last), a byte order mark.
 */
const FILE_TROUBLE = ['none', 'none', 'none', 'none', 'none', 'none', 'brokenLine', 'unsureId', 'twoIds', 'byteOrderMark'] as const;

const scenarioArb = fc.record({
  spec: packSpecArb,
  seed: inspectionSeedArb,
  mutations: fc.array(fc.record({ kind: fc.constantFrom(...MUTATIONS), pick: fc.nat({ max: 1000 }) }), { minLength: 25, maxLength: 25 }),
  trouble: fc.record({ kind: fc.constantFrom(...FILE_TROUBLE), at: fc.nat({ max: 30 }) }),
  exclude: fc.boolean(),
  lastNewline: fc.boolean(),
});

describe('DuckDB counts NDJSON as the interpreter does', () => {
  it(
    'on random packs and case files, valid or not, line numbers and all',
    async () => {
      let n = 0;
      let vouched = 0;
      let notVouched = 0;
      await fc.assert(
        fc.asyncProperty(scenarioArb, async ({ spec, seed, mutations, trouble, exclude, lastNewline }) => {
          const pack = withJsonTraps(buildPack(spec));
          const plan = compile(pack);
          const area = areaOf(seed);
          const ids: unknown[] = [];
          const lines = seed.cases.flatMap((c, i) => {
            const record = buildCase(plan, pack, c, `case-${i}`, area) as Case;
            ids.push(record.id);
            return linesOf(record, mutations[i]!.kind, mutations[i]!.pick, ids.slice(0, -1));
          });
          const at = Math.min(trouble.at, lines.length);
          if (trouble.kind === 'brokenLine') lines.splice(at, 0, '{"id": "broken", ');
          // The second id repeats another case's (when there is one): only the interpreter can tell.
          if (trouble.kind === 'twoIds') lines.splice(at, 0, `{"id":"other","id":${JSON.stringify(ids[0] ?? 'x')},"facts":{},"answers":{}}`);
          if (trouble.kind === 'unsureId') lines.splice(at, 0, `{"id":${['1.0', '1e3', '12345678901234567', '-0.0'][trouble.at % 4]},"facts":{},"answers":{}}`);
          const text = (trouble.kind === 'byteOrderMark' ? '\uFEFF' : '') + lines.join('\n') + (lastNewline ? '\n' : '');
          const file = join(folder.path, `cases-${n++}.ndjson`);
          writeFileSync(file, text);
          const expected = exactly(await scoreNdjsonByInterpreter(plan, area, file, exclude));
          const bySql = await scoreNdjsonBySql(engine, plan, area, file, exclude);
          expect(exactly(bySql)).toEqual(expected);
          // A file is left to the interpreter only for a reason that concerns the whole of it.
          if (bySql.notVouched === undefined) vouched++;
          else notVouched++;
          // (DuckDB reads no record from a file of one byte, '5': the count that must agree catches that.)
          if (trouble.kind === 'none' && text.trim().length > 1) expect(bySql.notVouched).toBeUndefined();
          // Valid lines are counted by the query, not handed to the interpreter.
          if (trouble.kind === 'none' && mutations.slice(0, seed.cases.length).every((m) => m.kind === 'none')) expect(bySql.checked ?? 0).toBe(0);
        }),
        { numRuns: runs(60) },
      );
      // Both ways were taken (and every file with no trouble but a one-byte one went DuckDB's way, above).
      expect(vouched).toBeGreaterThan(0);
      expect(notVouched).toBeGreaterThan(0);
    },
    TIMEOUT * 4,
  );
});

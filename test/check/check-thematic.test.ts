/**
 * Thematic attachment (checkThematic through checkPack): a thematic needs attachesTo, and the
 * methodology it is checked with must be a methodology, have the id it names and a version in its
 * range (prerelease versions included). A small thematic that uses the base pack's scales, weight
 * class and band sets is read and merged here and checked with the base pack (edited per case) as
 * its methodology; each case gives the diagnostics expected, located in the thematic's file.
 */
import { describe, expect, it } from 'vitest';
import { checkPack } from '../../src/check/check-pack.js';
import { validateDocument } from '../../src/check/validate-schema.js';
import { mergePack } from '../../src/load/merge-pack.js';
import { readDocument } from '../../src/load/read-document.js';
import type { Diagnostic } from '../../src/model/errors.js';
import type { Pack } from '../../src/model/pack.js';
import type { SourceMap } from '../../src/source/source-map.js';
import { checkPackText, editedPack } from './pack-harness.js';

/** A thematic for the base pack: every name it uses (heavy, answer, scoreBands) is the methodology's. */
const THEMATIC = `kind: thematic
id: theme
version: 0.1.0
title: Theme
status: draft
attachesTo: { methodology: base, versions: ^1.0.0 }
criteria:
  - id: T1
    title: Theme
    kind: sample
    weight: heavy
    band: scoreBands
    questions:
      - { id: T1.1, text: Asked, scale: answer }
sections:
  - id: T
    title: Theme
    criteria: [T1]
    score: { method: weightedMean }
rounding: { mode: halfUp, digits: 0, at: [criterion] }
`;

/** A pack file read, schema-checked and merged as the loader does; throws on reading or schema errors. */
function read(text: string, file: string): { pack: Pack; sources: SourceMap } {
  const doc = readDocument(file, text);
  if ('errors' in doc) throw new Error(doc.errors.map((e) => e.message).join('; '));
  const schema = validateDocument('pack', doc.doc);
  if (schema.length > 0) throw new Error(schema.map((e) => e.message).join('; '));
  return mergePack(doc.doc, []);
}

type Seen = Pick<Diagnostic, 'code' | 'message' | 'hint' | 'file' | 'line' | 'column' | 'pointer'>;
const seen = (ds: Diagnostic[]): Seen[] =>
  ds.map(({ code, message, hint, file, line, column, pointer }) => ({ code, message, hint, file, line, column, pointer }));

/** The diagnostics of the thematic (with `thematicEdits`) checked with the base pack (with `methodologyEdits`) as its methodology. */
function checkWith(thematicEdits: Array<[string, string]>, methodologyEdits: Array<[string, string]>): Seen[] {
  const thematic = read(editedPack(thematicEdits, THEMATIC), 'theme/pack.yaml');
  const methodology = read(editedPack(methodologyEdits), 'base/pack.yaml');
  return seen(checkPack(thematic.pack, thematic.sources, methodology.pack));
}

const FILE = 'theme/pack.yaml';

const cases: Array<{ note: string; thematic?: Array<[string, string]>; methodology?: Array<[string, string]>; expected: Seen[] }> = [
  { note: 'a methodology of the id and a version in the range fits', expected: [] },
  {
    note: 'a prerelease version of the methodology in the range fits',
    thematic: [['^1.0.0', '">=1.0.0"']],
    methodology: [['version: 1.0.0', 'version: 2.0.0-rc.1']],
    expected: [],
  },
  {
    note: 'a prerelease version within a caret range fits',
    methodology: [['version: 1.0.0', 'version: 1.1.0-rc.1']],
    expected: [],
  },
  {
    note: 'a methodology of another id does not fit',
    methodology: [['id: base', 'id: other']],
    expected: [
      {
        code: 'THEMATIC_INCOMPATIBLE',
        message: 'thematic theme requires base ^1.0.0 but was given other 1.0.0',
        hint: 'check it with base, or correct attachesTo.methodology',
        file: FILE,
        line: 6,
        column: 28,
        pointer: '/attachesTo/methodology',
      },
    ],
  },
  {
    note: 'a thematic of the id is not a methodology',
    methodology: [['kind: methodology', 'kind: thematic\nattachesTo: { methodology: base, versions: ^1.0.0 }']],
    expected: [
      {
        code: 'THEMATIC_INCOMPATIBLE',
        message: 'thematic theme requires base ^1.0.0 but base is a thematic, not a methodology',
        hint: 'attach the thematic to a methodology pack',
        file: FILE,
        line: 6,
        column: 28,
        pointer: '/attachesTo/methodology',
      },
    ],
  },
  {
    note: 'a version outside the range does not fit',
    methodology: [['version: 1.0.0', 'version: 2.0.0']],
    expected: [
      {
        code: 'THEMATIC_INCOMPATIBLE',
        message: 'thematic theme requires base ^1.0.0 but base is 2.0.0',
        hint: 'use a version of base in ^1.0.0, or widen attachesTo.versions once the thematic is checked against 2.0.0',
        file: FILE,
        line: 6,
        column: 44,
        pointer: '/attachesTo/versions',
      },
    ],
  },
  {
    note: 'a thematic without attachesTo is reported at its kind',
    thematic: [['attachesTo: { methodology: base, versions: ^1.0.0 }\n', '']],
    expected: [
      {
        code: 'SCHEMA_REQUIRED',
        message: 'thematic theme lacks attachesTo',
        hint: 'add attachesTo: { methodology: <pack id>, versions: <semver range>, path: <methodology folder> }',
        file: FILE,
        line: 1,
        column: 7,
        pointer: '/kind',
      },
    ],
  },
];

describe('checkThematic', () => {
  it.each(cases)('$note', ({ thematic = [], methodology = [], expected }) => {
    expect(checkWith(thematic, methodology)).toEqual(expected);
  });

  it('checks a self-contained thematic given no methodology without judging its attachment', () => {
    const text = editedPack([['kind: methodology', 'kind: thematic\nattachesTo: { methodology: elsewhere, versions: ^9.0.0 }']]);
    expect(checkPackText(text)).toEqual([]);
  });
});

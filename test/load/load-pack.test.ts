import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPack } from '../../src/check/check-pack.js';
import { loadInspectionFile, loadPack, loadPackFiles } from '../../src/pipeline/load-pack.js';
import type { SourceMap } from '../../src/source/source-map.js';
import type { Pack } from '../../src/model/pack.js';

const full = 'test/fixtures/packs/valid/full';
const thematic = 'test/fixtures/packs/valid/thematic';

function load(path: string, options: { methodology?: Pack } = {}): { pack: Pack; sources: SourceMap; warnings: unknown[] } {
  const loaded = loadPack(path, options);
  if ('errors' in loaded) throw new Error(JSON.stringify(loaded.errors, null, 2));
  return loaded;
}

const tmp = mkdtempSync(join(tmpdir(), 'criteria-pack-'));

describe('loadPack on the full fixture', () => {
  const { pack, sources, warnings } = load(full);

  it('loads without errors or warnings', () => {
    expect(warnings).toEqual([]);
    expect(pack.id).toBe('fixture-full');
  });

  it('lists the files read, root first, as paths from the working folder', () => {
    expect(pack.files).toEqual([join(full, 'pack.yaml'), join(full, 'facts.yaml'), join(full, 'criteria/sample.yaml'), join(full, 'criteria/evidence.yaml')]);
  });

  it('merges collections from every file', () => {
    expect(pack.criteria?.map((c) => c.id)).toEqual(['S1', 'D1', 'E1', 'T1']);
    expect(Object.keys(pack.facts?.case ?? {})).toEqual(['riskLevel', 'female', 'age', 'startDate', 'officer']);
    expect(Object.keys(pack.facts?.area ?? {})).toEqual(['oasysInUse', 'caseload']);
    expect(Object.keys(pack.conditions ?? {})).toEqual(['highRisk', 'youngHighRisk']);
    expect(Object.keys(pack.scales ?? {})).toEqual(['answer', 'performance', 'band', 'status']);
    expect(pack.weightClasses).toEqual({ heavy: 2, light: 1 });
    expect(pack.sections.map((s) => s.id)).toEqual(['A', 'B']);
    expect(pack.overall?.points).toEqual({ high: 3, middle: 2, low: 1 });
  });

  it('locates the pack, merged lists and maps, and the objects in them in their own files', () => {
    expect(sources.locate(pack)).toMatchObject({ file: join(full, 'pack.yaml'), line: 3, column: 1, pointer: '' });
    expect(sources.locate(pack.criteria!, 2)).toMatchObject({ file: join(full, 'criteria/evidence.yaml'), line: 2, column: 5, pointer: '/criteria/0' });
    expect(sources.locate(pack.criteria![0]!)).toMatchObject({ file: join(full, 'criteria/sample.yaml'), line: 2, column: 5 });
    expect(sources.locate(pack.criteria![0]!, 'title')).toMatchObject({
      file: join(full, 'criteria/sample.yaml'),
      line: 3,
      column: 12,
      pointer: '/criteria/0/title',
    });
    expect(sources.locate(pack.conditions!, 'youngHighRisk', true)).toMatchObject({
      file: join(full, 'facts.yaml'),
      line: 15,
      column: 3,
      pointer: '/conditions/youngHighRisk',
    });
    expect(sources.locate(pack.facts!.area!, 'caseload', true)).toMatchObject({ file: join(full, 'facts.yaml'), line: 11, column: 5 });
    expect(sources.locate(pack.scales!.answer!, 'met')).toMatchObject({ file: join(full, 'pack.yaml'), line: 26, column: 10 });
    expect(sources.locate(pack.scales!.answer!.met!, 1)).toMatchObject({ line: 26, column: 17, pointer: '/scales/answer/met/1' });
    const question = pack.criteria![0]!.questions![1]!;
    expect(sources.locate(question.appliesWhen!)).toMatchObject({ file: join(full, 'criteria/sample.yaml'), pointer: '/criteria/0/questions/1/appliesWhen' });
  });

  it('gives the node itself for a key it does not have, and nothing for objects it never saw', () => {
    expect(sources.locate(pack.criteria![0]!, 'nope')).toMatchObject({ line: 2, column: 5 });
    expect(sources.locate({})).toBeUndefined();
  });

  it('checks clean when the merged pack is checked again', () => {
    expect(checkPack(pack, sources)).toEqual([]);
  });
});

describe('loadPack on a thematic', () => {
  const methodology = load(full).pack;

  it('finds its methodology through attachesTo.path and uses its names', () => {
    const { pack, warnings } = load(thematic);
    expect(pack.kind).toBe('thematic');
    expect(warnings).toEqual([]);
  });

  it('uses a methodology given to it', () => {
    expect(load(thematic, { methodology }).pack.id).toBe('fixture-theme');
  });

  it('refuses a methodology whose version it does not accept, naming both', () => {
    const loaded = loadPack(thematic, { methodology: { ...methodology, version: '2.0.0' } });
    expect('errors' in loaded && loaded.errors.map((e) => [e.code, e.message])).toEqual([
      ['THEMATIC_INCOMPATIBLE', 'thematic fixture-theme requires fixture-full ^1.0.0 but fixture-full is 2.0.0'],
    ]);
  });

  it('refuses a methodology with another id', () => {
    const loaded = loadPack(thematic, { methodology: { ...methodology, id: 'other' } });
    expect('errors' in loaded && loaded.errors[0]!.code).toBe('THEMATIC_INCOMPATIBLE');
  });

  it('refuses a fact the methodology declares with another type', () => {
    const folder = join(tmp, 'clash');
    cpSync(thematic, folder, { recursive: true });
    writeFileSync(
      join(folder, 'pack.yaml'),
      readFileSync(join(thematic, 'pack.yaml'), 'utf8')
        .replace('path: ../full', 'path: ../../../../test/fixtures/packs/valid/full')
        .replace('themeNeeds: { type: boolean }', 'themeNeeds: { type: boolean }\n    age: { type: boolean }'),
    );
    const loaded = loadPack(folder, { methodology });
    expect('errors' in loaded && loaded.errors.map((e) => [e.code, e.message])).toEqual([
      ['DUPLICATE_ID', 'case fact age is declared differently by methodology fixture-full (as a number fact)'],
    ]);
  });

  it('without a path to its methodology, is checked alone with a warning', () => {
    const folder = join(tmp, 'alone');
    mkdirSync(folder, { recursive: true });
    writeFileSync(
      join(folder, 'pack.yaml'),
      [
        'kind: thematic',
        'id: alone',
        'version: 1.0.0',
        'title: Alone',
        'status: draft',
        'attachesTo: { methodology: fixture-full, versions: ^1.0.0 }',
        'sections: []',
        'rounding: { mode: halfUp, digits: 0, at: [] }',
        '',
      ].join('\n'),
    );
    const loaded = loadPack(folder);
    expect('warnings' in loaded && loaded.warnings.map((w) => w.code)).toEqual(['METHODOLOGY_NOT_FOUND']);
  });

  it('reports the errors of a methodology that does not load', () => {
    const folder = join(tmp, 'broken');
    cpSync(thematic, join(folder, 'thematic'), { recursive: true });
    cpSync('test/fixtures/packs/invalid/unknown-scale', join(folder, 'full'), { recursive: true });
    const loaded = loadPack(join(folder, 'thematic'));
    expect('errors' in loaded && loaded.errors[0]).toMatchObject({ code: 'UNKNOWN_SCALE', file: join(folder, 'full', 'pack.yaml') });
  });
});

describe('finding the root file', () => {
  it('takes pack.yml or pack.json in a folder, or a root file named directly', () => {
    for (const name of ['pack.yml', 'pack.json']) {
      const folder = join(tmp, name.replace('.', '-'));
      mkdirSync(folder, { recursive: true });
      const text = name.endsWith('.json')
        ? JSON.stringify(
            { kind: 'methodology', id: 'j', version: '1.0.0', title: 'J', status: 'draft', sections: [], rounding: { mode: 'halfUp', digits: 0, at: [] } },
            null,
            2,
          )
        : 'kind: methodology\nid: y\nversion: 1.0.0\ntitle: Y\nstatus: draft\nsections: []\nrounding: { mode: halfUp, digits: 0, at: [] }\n';
      writeFileSync(join(folder, name), text);
      expect('pack' in loadPackFiles(folder)).toBe(true);
      expect('pack' in loadPackFiles(join(folder, name))).toBe(true);
    }
  });

  it('reports a folder without a root file and a path that does not exist', () => {
    const empty = join(tmp, 'empty');
    mkdirSync(empty, { recursive: true });
    expect(loadPack(empty)).toMatchObject({ errors: [{ code: 'FILE_NOT_FOUND', file: empty }] });
    expect(loadPack(join(tmp, 'nowhere'))).toMatchObject({ errors: [{ code: 'FILE_NOT_FOUND' }] });
  });
});

describe('checkPack on a pack built in code', () => {
  it('reports without positions and never throws on missing parts', () => {
    const pack = {
      kind: 'methodology',
      id: 'code',
      version: '1.0.0',
      title: 'Code',
      status: 'draft',
      rounding: { mode: 'halfUp', digits: 0, at: [] },
      sections: [{ id: 'S', title: 'S', criteria: ['C1', 'C2'] }],
      criteria: [{ id: 'C1', title: 'C1', kind: 'evidence', band: 'nope' }],
    } as unknown as Pack;
    const diagnostics = checkPack(pack, { locate: () => undefined, knows: () => false });
    expect(diagnostics.map((d) => d.code).sort()).toEqual(['KIND_MISMATCH', 'UNKNOWN_BAND_SET', 'UNKNOWN_CRITERION']);
    expect(diagnostics.every((d) => d.line === undefined && d.hint)).toBe(true);
  });
});

describe('loadInspectionFile', () => {
  it('reads and validates an inspection', () => {
    const file = join(tmp, 'inspection.yaml');
    writeFileSync(
      file,
      'pack: ../rules/x\narea: { name: Derbyshire, facts: { oasysInUse: true } }\ncases:\n  - { id: c1, facts: { age: 30 }, answers: { S1.1: good } }\n',
    );
    const loaded = loadInspectionFile(file);
    expect('inspection' in loaded && loaded.inspection.cases).toEqual([{ id: 'c1', facts: { age: 30 }, answers: { 'S1.1': 'good' } }]);
    expect('doc' in loaded && loaded.doc.locate('/cases/0/id')).toEqual({ line: 4, column: 11 });
  });

  it('reports schema errors with positions', () => {
    const file = join(tmp, 'bad-inspection.yaml');
    writeFileSync(file, 'pack: ../rules/x\narea: { nam: Derbyshire }\ncases: []\n');
    const loaded = loadInspectionFile(file);
    expect('errors' in loaded && loaded.errors[0]).toMatchObject({
      code: 'SCHEMA_UNKNOWN_PROPERTY',
      line: 2,
      column: 9,
      message: expect.stringContaining("did you mean 'name'?"),
    });
  });
});

// The workbench API through fastify's inject: paths stay inside the workspace, saving detects
// conflicts, checks overlay unsaved texts without writing, and every panel shows what the
// command line shows (validate, score --format html, test, explain, diff).
import { mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { explainInspection } from '../../src/explain/explain-inspection.js';
import { renderTraceText } from '../../src/explain/render-trace.js';
import { formatHtml } from '../../src/report/format-html.js';
import { scoreInspectionFile } from '../../src/pipeline/score-file.js';
import { runPackTests } from '../../src/tester/run-pack-tests.js';
import { copyWorkspace, type Workspace } from './copy-workspace.js';
import { resolveWorkspacePath } from '../../src/workbench/server/resolve-workspace-path.js';
import { buildWorkbenchApp } from './start-workbench.js';

const INSPECTION = 'rules/esi-2003/examples/derbyshire-2003/inspection.yaml';
const SECTION_C = 'rules/esi-2003/section-c.yaml';

let ws: Workspace;
let app: FastifyInstance;

beforeAll(async () => {
  ws = copyWorkspace();
  app = await buildWorkbenchApp(ws.folder);
});
afterAll(async () => {
  await app.close();
  ws.remove();
});
beforeEach(() => ws.reset());

const get = (url: string) => app.inject({ method: 'GET', url });
const post = (url: string, payload: object) => app.inject({ method: 'POST', url, payload });
const put = (payload: object) => app.inject({ method: 'PUT', url: '/v1/workbench/file', payload });
const disk = (path: string) => readFileSync(join(ws.folder, path), 'utf8');
/** Every file of the workspace with its modification time, to show that a request wrote nothing. */
function snapshot(folder = ws.folder): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && !e.parentPath.includes('.git'))
    .map((e) => `${join(e.parentPath, e.name)} ${statSync(join(e.parentPath, e.name)).mtimeMs}`)
    .sort();
}

describe('paths stay inside the workspace', () => {
  it.each([
    ['../outside.yaml', "may not contain '..'"],
    ['rules/../../outside.yaml', "may not contain '..'"],
    ['/etc/passwd', 'relative to the workspace'],
    ['C:/Windows/win.ini', 'relative to the workspace'],
    ['rules\\esi-2003\\pack.yaml', 'character'],
    ['rules/esi-2003/pack.yaml\u0000.txt', 'character'],
    ['.git/config', 'hidden'],
    ['', 'name a file'],
  ])('refuses %j', async (path, reason) => {
    const read = await get(`/v1/workbench/file?path=${encodeURIComponent(path)}`);
    expect(read.statusCode).toBe(400);
    if (path !== '') expect(read.json().errors[0].message).toContain(reason);
    const saved = await put({ path, text: 'x', baseHash: '' });
    expect(saved.statusCode).toBe(400);
    const checked = await post('/v1/workbench/check', { packs: ['rules/esi-2003'], files: { [path]: 'x' } });
    expect(checked.statusCode).toBe(400);
  });

  it('refuses a symbolic link that leads out of the workspace, for reading, saving and checking', async () => {
    const outside = copyWorkspace({ git: false });
    try {
      symlinkSync(join(outside.folder, 'rules'), join(ws.folder, 'elsewhere'));
      symlinkSync(join(outside.folder, 'rules/esi-2003/pack.yaml'), join(ws.folder, 'rules/esi-2003/linked.yaml'));
      const before = readFileSync(join(outside.folder, 'rules/esi-2003/pack.yaml'), 'utf8');
      for (const path of ['elsewhere/esi-2003/pack.yaml', 'rules/esi-2003/linked.yaml']) {
        const read = await get(`/v1/workbench/file?path=${encodeURIComponent(path)}`);
        expect(read.statusCode).toBe(400);
        expect(read.json().errors[0].message).toContain('out of the workspace');
        expect((await put({ path, text: 'kind: thematic', baseHash: '', force: true })).statusCode).toBe(400);
      }
      expect((await post('/v1/workbench/check', { packs: ['elsewhere/esi-2003'] })).statusCode).toBe(400);
      expect(readFileSync(join(outside.folder, 'rules/esi-2003/pack.yaml'), 'utf8')).toBe(before);
    } finally {
      outside.remove();
    }
  });

  it.each([
    ['an inspection naming a pack outside', INSPECTION, (t: string) => t.replace('pack: ../..', 'pack: /etc')],
    ['an inspection naming a case file outside', INSPECTION, (t: string) => t.replace('file: cases.csv', 'file: ../../../../../../../../../etc/passwd')],
    ['an inspection naming a thematic outside', INSPECTION, (t: string) => t.replace('../../../../thematics/ebs-2003', '../../../../../outside')],
    [
      'a test naming an inspection outside',
      'rules/esi-2003/tests/derbyshire.yaml',
      (t: string) => t.replace('inspection: ../examples/derbyshire-2003/inspection.yaml', 'inspection: /etc/passwd'),
    ],
    ['a thematic naming its methodology outside', 'thematics/ebs-2003/pack.yaml', (t: string) => t.replace(/path: .*/, 'path: ../../../outside')],
  ])('refuses %s, before reading anything', async (_, file, change) => {
    const text = disk(file);
    expect(change(text)).not.toBe(text);
    const files = { [file]: change(text) };
    // The check reads packs and the inspection; the tests also read the test files.
    const answers = [await post('/v1/workbench/tests', { pack: file.startsWith('thematics') ? 'thematics/ebs-2003' : 'rules/esi-2003', files })];
    if (!file.includes('/tests/'))
      answers.push(await post('/v1/workbench/check', { packs: ['rules/esi-2003', 'thematics/ebs-2003'], inspection: INSPECTION, files }));
    if (file === INSPECTION) answers.push(await post('/v1/workbench/explain', { inspection: INSPECTION, id: 'C1', files }));
    for (const answer of answers) {
      expect(answer.statusCode).toBe(400);
      expect(answer.json().errors[0].code).toBe('OUTSIDE_WORKSPACE');
      expect(answer.body).not.toContain('root:');
    }
  });

  it('resolves a link that stays inside, but lists and opens only real files of packs', async () => {
    symlinkSync(join(ws.folder, SECTION_C), join(ws.folder, 'rules/esi-2003/c.yaml'));
    expect(resolveWorkspacePath(ws.folder, 'rules/esi-2003/c.yaml')).toEqual({
      absolute: join(ws.folder, 'rules/esi-2003/c.yaml'),
      relative: 'rules/esi-2003/c.yaml',
    });
    const listed = (await get('/v1/workbench/packs')).json();
    expect(listed.packs.flatMap((p: { files: Array<{ path: string }> }) => p.files.map((f) => f.path))).not.toContain('rules/esi-2003/c.yaml');
    expect((await get('/v1/workbench/file?path=rules/esi-2003/c.yaml')).statusCode).toBe(404);
  });
});

describe('files', () => {
  it('lists the packs with their files, roles and the inspections that use them', async () => {
    const listed = (await get('/v1/workbench/packs')).json();
    expect(listed.git).toBe(true);
    const esi = listed.packs.find((p: { path: string }) => p.path === 'rules/esi-2003');
    expect(esi).toMatchObject({ id: 'esi-2003', kind: 'methodology', root: 'rules/esi-2003/pack.yaml' });
    expect(esi.inspections).toContain(INSPECTION);
    expect(esi.files).toEqual(
      expect.arrayContaining([
        { path: SECTION_C, role: 'include' },
        { path: 'rules/esi-2003/tests/bands.yaml', role: 'test' },
        { path: INSPECTION, role: 'example' },
      ]),
    );
    // A thematic lists the inspections it is scored in.
    expect(listed.packs.find((p: { path: string }) => p.path === 'thematics/ebs-2003').inspections).toEqual([INSPECTION]);
  });

  it('saves atomically when the file is as it was opened, and refuses with both versions when it changed on disk', async () => {
    const opened = (await get(`/v1/workbench/file?path=${SECTION_C}`)).json();
    expect(opened.text).toBe(disk(SECTION_C));
    const mine = opened.text.replace('weight: important', 'weight: critical');
    const saved = await put({ path: SECTION_C, text: mine, baseHash: opened.hash });
    expect(saved.statusCode).toBe(200);
    expect(disk(SECTION_C)).toBe(mine);
    expect(readdirSync(join(ws.folder, 'rules/esi-2003')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // Someone else changes the file; a save from the old hash is refused with both versions.
    writeFileSync(join(ws.folder, SECTION_C), `${mine}# theirs\n`);
    const conflict = await put({ path: SECTION_C, text: `${mine}# mine\n`, baseHash: saved.json().hash });
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json()).toMatchObject({ errors: [{ code: 'CONFLICT' }], disk: { text: `${mine}# theirs\n` }, yours: { text: `${mine}# mine\n` } });
    expect(disk(SECTION_C)).toBe(`${mine}# theirs\n`);
    // Choosing to keep mine.
    expect((await put({ path: SECTION_C, text: `${mine}# mine\n`, baseHash: conflict.json().disk.hash })).statusCode).toBe(200);
    expect(disk(SECTION_C)).toBe(`${mine}# mine\n`);
  });

  it('opens and saves only the files of packs', async () => {
    const outside = 'schemas/pack.schema.json';
    expect(disk(outside).length).toBeGreaterThan(0);
    const read = await get(`/v1/workbench/file?path=${outside}`);
    expect(read.statusCode).toBe(404);
    expect(read.json().errors[0].message).toContain('not a file of a pack');
    const before = disk(outside);
    expect((await put({ path: outside, text: '{}', baseHash: '', force: true })).statusCode).toBe(404);
    expect(disk(outside)).toBe(before);
  });

  it('says so when the workspace is not a git repository', async () => {
    const plain = copyWorkspace({ git: false });
    const other = await buildWorkbenchApp(plain.folder);
    try {
      expect((await other.inject({ method: 'GET', url: '/v1/workbench/packs' })).json().git).toBe(false);
      expect((await other.inject({ method: 'GET', url: '/v1/workbench/versions?pack=rules/esi-2003' })).json()).toEqual({ git: false, commits: [], tags: [] });
      const impact = await other.inject({ method: 'POST', url: '/v1/workbench/impact', payload: { pack: 'rules/esi-2003' } });
      expect(impact.statusCode).toBe(409);
      expect(impact.json().errors[0].code).toBe('NO_GIT');
    } finally {
      await other.close();
      plain.remove();
    }
  });

  it('does not create files or read what is not a file', async () => {
    expect((await get('/v1/workbench/file?path=rules/esi-2003/none.yaml')).statusCode).toBe(404);
    expect((await put({ path: 'rules/esi-2003/none.yaml', text: 'x', baseHash: '' })).statusCode).toBe(404);
    expect((await get('/v1/workbench/file?path=rules/esi-2003')).statusCode).toBe(404);
    mkdirSync(join(ws.folder, 'rules/esi-2003/empty'));
    expect((await get('/v1/workbench/file?path=rules/esi-2003/empty')).statusCode).toBe(404);
  });
});

describe('the live check', () => {
  it('gives the sheet score --format html gives, and writes nothing', async () => {
    const before = snapshot();
    const checked = (await post('/v1/workbench/check', { packs: ['rules/esi-2003', 'thematics/ebs-2003'], inspection: INSPECTION })).json();
    expect(checked.packs.map((p: { valid: boolean }) => p.valid)).toEqual([true, true]);
    const scored = await scoreInspectionFile(join(ws.folder, INSPECTION));
    if ('errors' in scored) throw new Error('the example does not score');
    expect(checked.sheet.html).toBe(formatHtml(scored.result));
    expect(checked.sheet.results).toEqual(
      expect.arrayContaining([
        { id: 'C1', kind: 'criterion', title: 'Managing attendance and enforcement', pack: 'esi-2003' },
        { id: 'ebs-2003:B', kind: 'section', title: expect.any(String), pack: 'ebs-2003' },
      ]),
    );
    expect(checked.packs[0].names.weightClasses).toEqual(Object.keys(scored.plan.methodology.pack.weightClasses ?? {}).sort());
    expect(snapshot()).toEqual(before);
  });

  it('reads unsaved texts in place of the files: diagnostics at the line and column, with workspace paths only', async () => {
    const text = disk(SECTION_C);
    const lines = text.split('\n');
    const line = lines.findIndex((l) => /^\s+weight: \w+/.test(l));
    const column = lines[line]!.indexOf('weight: ') + 'weight: '.length + 1;
    const broken = lines.map((l, i) => (i === line ? l.replace(/weight: \w+/, 'weight: heavvy') : l)).join('\n');
    const before = snapshot();
    const response = await post('/v1/workbench/check', { packs: ['rules/esi-2003'], inspection: INSPECTION, files: { [SECTION_C]: broken } });
    const checked = response.json();
    expect(checked.packs[0].valid).toBe(false);
    expect(checked.packs[0].diagnostics).toContainEqual(expect.objectContaining({ code: 'UNKNOWN_WEIGHT_CLASS', file: SECTION_C, line: line + 1, column }));
    expect(checked.sheet.errors.length).toBeGreaterThan(0);
    expect(response.body).not.toContain(ws.folder);
    expect(snapshot()).toEqual(before);
    // The file on disk is unchanged and still scores.
    const clean = (await post('/v1/workbench/check', { packs: ['rules/esi-2003'], inspection: INSPECTION })).json();
    expect(clean.packs[0].valid).toBe(true);
    expect(clean.sheet.html).toContain('<!DOCTYPE html>');
  });

  it('keeps concurrent checks of different texts apart', async () => {
    const text = disk(SECTION_C);
    const broken = text.replace('weight: important', 'weight: nowhere');
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => post('/v1/workbench/check', { packs: ['rules/esi-2003'], files: { [SECTION_C]: i % 2 === 0 ? broken : text } })),
    );
    expect(answers.map((a) => a.json().packs[0].valid)).toEqual([false, true, false, true, false, true, false, true]);
  });
});

describe('tests, explain and impact', () => {
  it('runs the tests on the unsaved texts as criteria test does, with coverage located', async () => {
    const path = 'rules/esi-2003/tests/derbyshire.yaml';
    const expected = await runPackTests(join(ws.folder, 'rules/esi-2003'));
    if ('errors' in expected) throw new Error('the pack tests do not run');
    const clean = (await post('/v1/workbench/tests', { pack: 'rules/esi-2003' })).json();
    expect(clean.passed).toBe(expected.outcomes.filter((o) => o.passed).length);
    expect(clean.failed).toBe(0);
    const broken = disk(path).replace(/C1: \{ score: (\d+) \}/, (_, n) => `C1: { score: ${Number(n) + 1} }`);
    const run = (await post('/v1/workbench/tests', { pack: 'rules/esi-2003', files: { [path]: broken } })).json();
    expect(run.failed).toBe(1);
    const failed = run.outcomes.find((o: { passed: boolean }) => !o.passed);
    expect(failed.file).toBe(path);
    const actual = expected.outcomes.length > 0 ? failed.mismatches[0].actual : undefined;
    expect(failed.mismatches).toEqual([{ id: 'C1', property: 'score', expected: actual + 1, actual }]);
    // A gap in coverage points at the line that declares it: a weight class no test weighs with.
    const root = 'rules/esi-2003/pack.yaml';
    const lines = disk(root).split('\n');
    const at = lines.findIndex((l) => l.startsWith('weightClasses:')) + 1;
    lines.splice(at, 0, '  neverUsed: 5');
    const gaps = (await post('/v1/workbench/tests', { pack: 'rules/esi-2003', files: { [root]: lines.join('\n') } })).json();
    expect(gaps.coverage.gaps).toContainEqual(expect.objectContaining({ kind: 'weightClass', id: 'neverUsed', file: root, line: at + 1, column: 3 }));
  });

  it('explains a result as criteria explain does', async () => {
    const explained = (await post('/v1/workbench/explain', { inspection: INSPECTION, id: 'C1' })).json();
    const expected = await explainInspection(join(ws.folder, INSPECTION), { id: 'C1' });
    if ('errors' in expected) throw new Error('C1 cannot be explained');
    expect(explained.text).toBe(renderTraceText(expected.trace));
    expect(explained.trace.id).toBe('C1');
    const unknown = (await post('/v1/workbench/explain', { inspection: INSPECTION, id: 'C9' })).json();
    expect(unknown.errors[0].code).toBe('USAGE');
  });

  it('measures the impact of a weight change against the last commit: the section moves and a minor bump is needed', async () => {
    const changed = disk(SECTION_C).replace(/(- id: C1\n(?:.*\n)*?\s+weight: )\w+/, '$1important');
    const impact = (await post('/v1/workbench/impact', { pack: 'rules/esi-2003', files: { [SECTION_C]: changed } })).json();
    expect(impact.against.label).toMatch(/^HEAD \([0-9a-f]{7}\)$/);
    expect(impact.changes).toContainEqual(expect.objectContaining({ area: 'criterion', id: 'C1', kind: 'changed', field: 'weight', bump: 'minor' }));
    expect(impact.verdict).toMatchObject({ required: 'minor', written: 'none', ok: false });
    const derbyshire = impact.inspections.find((i: { file: string }) => i.file === INSPECTION);
    // The expected figures: scored from a copy with the change saved.
    writeFileSync(join(ws.folder, SECTION_C), changed);
    const after = await scoreInspectionFile(join(ws.folder, INSPECTION));
    if ('errors' in after) throw new Error('the changed pack does not score');
    const sectionC = after.result.sections.find((s) => s.id === 'C')!;
    expect(derbyshire.changes).toContainEqual(expect.objectContaining({ id: 'C', kind: 'section', after: `${sectionC.score}%` }));
    // Nothing changed: no bump needed, nothing moves.
    ws.reset();
    const none = (await post('/v1/workbench/impact', { pack: 'rules/esi-2003' })).json();
    expect(none.changes).toEqual([]);
    expect(none.inspections[0].changes).toEqual([]);
  });

  it('compares with another ref or folder, and refuses refs that are not refs', async () => {
    expect((await post('/v1/workbench/impact', { pack: 'rules/esi-2003', against: { ref: '--output=/tmp/x' } })).statusCode).toBe(400);
    expect((await post('/v1/workbench/impact', { pack: 'rules/esi-2003', against: { ref: 'no-such-branch' } })).statusCode).toBe(400);
    const versions = (await get('/v1/workbench/versions?pack=rules/esi-2003')).json();
    expect(versions.commits).toHaveLength(1);
    const byCommit = (await post('/v1/workbench/impact', { pack: 'rules/esi-2003', against: { ref: versions.commits[0].ref } })).json();
    expect(byCommit.changes).toEqual([]);
    const other = (await post('/v1/workbench/impact', { pack: 'thematics/ebs-2003', against: { pack: 'thematics/victims-2003' } })).json();
    expect(other.changes.length).toBeGreaterThan(0);
  });
});

describe('the page', () => {
  it('is served with a Content-Security-Policy that allows no inline script and no eval', async () => {
    const page = await get('/');
    if (page.statusCode === 503) return expect(page.body).toContain('npm run build');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.body).not.toMatch(/<script>/);
  });
});

describe('with a token', () => {
  it('serves the page to anyone but the workbench API only with Authorization: Bearer', async () => {
    const guarded = await buildWorkbenchApp(ws.folder, { token: 'a-token-for-tests' });
    try {
      expect((await guarded.inject({ method: 'GET', url: '/v1/workbench/packs' })).statusCode).toBe(401);
      expect((await guarded.inject({ method: 'GET', url: '/v1/workbench/packs', headers: { authorization: 'Bearer wrong-token-here' } })).statusCode).toBe(401);
      expect((await guarded.inject({ method: 'POST', url: '/v1/workbench/check', payload: { packs: ['rules/esi-2003'] } })).statusCode).toBe(401);
      expect((await guarded.inject({ method: 'GET', url: '/v1/workbench/packs', headers: { authorization: 'Bearer a-token-for-tests' } })).statusCode).toBe(
        200,
      );
      expect([200, 503]).toContain((await guarded.inject({ method: 'GET', url: '/' })).statusCode);
    } finally {
      await guarded.close();
    }
  });
});

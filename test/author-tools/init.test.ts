// `criteria init thematic`: a scaffolded thematic validates, passes its own test, and scores on the
// Derbyshire example once the example's cases answer its question; init never overwrites, and
// works for a methodology without an example (the test's inspection is then written out in full).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { scoreInspectionFile } from '../../src/pipeline/score-file.js';
import type { InspectionResult } from '../../src/model/result.js';

const DERBYSHIRE = 'rules/esi-2003/examples/derbyshire-2003';
let root: string;
let pack: string;

function cli(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { encoding: 'utf8', timeout: 60_000 });
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'criteria-init-'));
  pack = join(root, 'housing-2003');
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('criteria init thematic', () => {
  it('writes pack.yaml and tests/basic.yaml', () => {
    const out = cli('init', 'thematic', 'housing-2003', '--methodology', 'rules/esi-2003', '--dir', root);
    expect(out.status).toBe(0);
    expect(out.stdout).toMatch(/^created .*housing-2003\/pack\.yaml, .*housing-2003\/tests\/basic\.yaml\n/);
    const text = readFileSync(join(pack, 'pack.yaml'), 'utf8');
    const schema = /^# yaml-language-server: \$schema=(\S+)\n/.exec(text)?.[1];
    expect(schema).toMatch(/pack\.schema\.json$/);
    expect(resolve(pack, schema!)).toBe(resolve('schemas/pack.schema.json'));
    const value = parse(text) as Record<string, any>;
    expect(value).toMatchObject({ kind: 'thematic', id: 'housing-2003', version: '0.1.0', attachesTo: { methodology: 'esi-2003', versions: '^1.0.0' } });
    expect(resolve(pack, value.attachesTo.path)).toBe(resolve('rules/esi-2003'));
    expect(value.criteria[0].questions[0]).toEqual({
      id: 'A1.1',
      text: 'The sample question was answered well',
      appliesWhen: { all: [{ fact: 'disability', operator: 'equal', value: true }] },
      scale: 'judgement',
    });
    const test = readFileSync(join(pack, 'tests', 'basic.yaml'), 'utf8');
    expect(resolve(join(pack, 'tests'), /\$schema=(\S+)/.exec(test)![1]!)).toBe(resolve('schemas/pack-test.schema.json'));
    const tests = parse(test) as { tests: Array<{ inspection: { base: string } }> };
    expect(resolve(join(pack, 'tests'), tests.tests[0]!.inspection.base)).toBe(resolve(DERBYSHIRE, 'inspection.yaml'));
  });

  it('the new thematic validates and passes its test (with coverage)', () => {
    const validate = cli('validate', pack);
    expect(validate.status).toBe(0);
    expect(validate.stdout).toBe(`ok ${pack} (housing-2003 0.1.0): 1 criterion, 1 question\n`);
    const test = cli('test', pack, '--coverage');
    expect(test.status).toBe(0);
    expect(test.stdout).toContain('  pass  A1.1 is met in 1 of the 2 cases it applies to');
    expect(test.stdout).toContain('coverage: questions 1/1 relevant and unmet');
    expect(test.stdout.trim().endsWith('1 passed, 0 failed')).toBe(true);
  });

  it('refuses to overwrite', () => {
    const out = cli('init', 'thematic', 'housing-2003', '--methodology', 'rules/esi-2003', '--dir', root);
    expect(out.status).toBe(2);
    expect(out.stderr).toContain(`${pack} already exists`);
  });

  it('refuses a name that cannot be an id, and needs a methodology when rules/ holds several', () => {
    expect(cli('init', 'thematic', 'no spaces', '--methodology', 'rules/esi-2003', '--dir', root).status).toBe(2);
    const out = cli('init', 'thematic', 'x', '--dir', root);
    expect(out.status).toBe(2);
    expect(out.stderr).toContain('several methodologies under rules/');
  });

  it('scores the Derbyshire example with it included: first its cases must answer the new question', async () => {
    const thematics = [resolve('thematics/ebs-2003'), pack];
    // As it stands, the example's 10 cases with a disability do not answer housing-2003:A1.1.
    const missing = await scoreInspectionFile(`${DERBYSHIRE}/inspection.yaml`, { thematics });
    expect('errors' in missing).toBe(true);
    if (!('errors' in missing)) return;
    const unanswered = missing.errors.filter((e) => e.code === 'CASE_MISSING_ANSWER' && e.caseId !== undefined);
    expect(unanswered).toHaveLength(10);
    expect(unanswered.every((e) => e.message.includes('question housing-2003:A1.1 applies to this case but has no answer'))).toBe(true);

    // A copy of the example whose cases answer it: sufficient, except insufficient for the first three.
    const folder = join(root, 'derbyshire-housing');
    cpSync(DERBYSHIRE, folder, { recursive: true });
    const [header, ...rows] = readFileSync(join(folder, 'cases.csv'), 'utf8').trim().split('\n');
    const column = header!.split(',').indexOf('disability');
    let disabled = 0;
    const answered = rows.map((row) => {
      if (row.split(',')[column] !== 'true') return `${row},`;
      return `${row},${disabled++ < 3 ? 'insufficient' : 'sufficient'}`;
    });
    writeFileSync(join(folder, 'cases.csv'), [`${header},housing-2003:A1.1`, ...answered].join('\n') + '\n');
    const inspection = parse(readFileSync(join(folder, 'inspection.yaml'), 'utf8')) as Record<string, unknown>;
    inspection.pack = resolve('rules/esi-2003');
    inspection.thematics = thematics;
    writeFileSync(join(folder, 'inspection.yaml'), stringify(inspection));

    const scored = await scoreInspectionFile(join(folder, 'inspection.yaml'));
    if ('errors' in scored) throw new Error(scored.errors[0]!.message);
    const result: InspectionResult = scored.result;
    const housing = result.thematics.find((t) => t.id === 'housing-2003')!;
    // 10 relevant, 7 met: 70%, pooled in A1 and in section A alike.
    expect(housing.sections[0]!.criteria[0]!.questions[0]).toMatchObject({ id: 'A1.1', relevant: 10, met: 7, percent: 70 });
    expect(housing.sections[0]).toMatchObject({ id: 'A', score: 70, summary: 'Sample section: 70% of relevant judgements met' });
    // The methodology and the other thematic score as before.
    expect(result.overall?.score).toBe(79);
    expect(result.sections.find((s) => s.id === 'C')?.score).toBe(83);
    expect(result.thematics.find((t) => t.id === 'ebs-2003')?.sections.find((s) => s.id === 'B')?.score).toBe(57);
  });

  it('for another methodology, and for one without an example (the test inspection written out in full)', () => {
    const probation = join(root, 'p2018-theme');
    expect(cli('init', 'thematic', 'p2018-theme', '--methodology', 'rules/probation-2018', '--dir', root).status).toBe(0);
    expect(cli('test', probation).status).toBe(0);

    const methodology = join(root, 'bare-methodology');
    cpSync('rules/esi-2003', methodology, { recursive: true });
    rmSync(join(methodology, 'examples'), { recursive: true });
    rmSync(join(methodology, 'tests'), { recursive: true });
    expect(cli('init', 'thematic', 'bare-theme', '--methodology', methodology, '--dir', root).status).toBe(0);
    const test = parse(readFileSync(join(root, 'bare-theme', 'tests', 'basic.yaml'), 'utf8')) as { tests: Array<{ inspection: Record<string, any> }> };
    const inspection = test.tests[0]!.inspection;
    expect(inspection.base).toBeUndefined();
    expect(resolve(join(root, 'bare-theme', 'tests'), inspection.pack)).toBe(resolve(methodology));
    expect(Object.keys(inspection.evidence)).toHaveLength(25);
    expect(inspection.area).toEqual({ name: 'Sample area', facts: { oasysInUse: false } });
    const out = cli('test', join(root, 'bare-theme'));
    expect(out.stdout).toContain('1 passed, 0 failed');
    expect(out.status).toBe(0);
    expect(existsSync(dirname(methodology))).toBe(true);
  });
});

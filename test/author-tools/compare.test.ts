// `criteria compare`: the Derbyshire example beside an inspection derived from it in a temporary
// folder (another area name, A3's training and D3's research and outcomes rated strong), in every
// format; refused when the inspections use different methodology packs.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync, rmSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';

const EXAMPLE = 'rules/esi-2003/examples/derbyshire-2003';
let folder: string;
let derived: string;

function run(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'compare', ...args], { encoding: 'utf8', timeout: 60_000 });
}

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'criteria-compare-'));
  const inspection = parse(readFileSync(`${EXAMPLE}/inspection.yaml`, 'utf8')) as Record<string, any>;
  inspection.pack = resolve('rules/esi-2003');
  inspection.thematics = [resolve('thematics/ebs-2003')];
  inspection.area.name = 'Derbyshire revisited';
  // A3: six items strong → wellMet (was: four strong, two satisfactory → satisfactorilyMet).
  inspection.evidence['A3.supervision'] = 'strong';
  inspection.evidence['A3.training'] = 'strong';
  // D3: three of four strong, the other satisfactory → satisfactorilyMet (was one strong → partlyMet).
  inspection.evidence['D3.research'] = 'strong';
  inspection.evidence['D3.outcomes'] = 'strong';
  copyFileSync(`${EXAMPLE}/cases.csv`, join(folder, 'cases.csv'));
  derived = join(folder, 'inspection.yaml');
  writeFileSync(derived, stringify(inspection));
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('criteria compare', () => {
  it('puts the two inspections side by side, a column each', () => {
    const out = run(EXAMPLE, derived);
    expect(out.status).toBe(0);
    const line = (id: string) =>
      out.stdout
        .split('\n')
        .find((l) => l.startsWith(`${id} `))
        ?.replace(/\s+/g, ' ');
    expect(out.stdout).toContain('Derbyshire (2003-10)');
    expect(out.stdout).toContain('Derbyshire revisited (2003-10)');
    expect(line('A3')).toMatch(/^A3 Management and supervision of.* Satisfactorily met Well met$/);
    expect(line('D3')).toMatch(/Partly met Satisfactorily met$/);
    expect(line('C1')).toMatch(/^C1 Managing attendance and enforc.* 93% 93%$/);
  });

  it('as JSON, one value per area on each row', () => {
    const out = run(EXAMPLE, derived, '--format', 'json');
    expect(out.status).toBe(0);
    const doc = JSON.parse(out.stdout) as {
      areas: Array<{ name: string }>;
      rows: Array<{ id: string; values: Array<{ score: number | null; band: string | null } | null> }>;
    };
    expect(doc.areas.map((a) => a.name)).toEqual(['Derbyshire', 'Derbyshire revisited']);
    const row = (id: string) => doc.rows.find((r) => r.id === id)!.values;
    expect(row('A3').map((v) => v?.band)).toEqual(['Satisfactorily met', 'Well met']);
    expect(row('D3').map((v) => v?.band)).toEqual(['Partly met', 'Satisfactorily met']);
    expect(row('overall').map((v) => v?.score)).toEqual([79, 79]);
    expect(row('ebs-2003/B').map((v) => v?.score)).toEqual([57, 57]);
  });

  it('writes Markdown and HTML to a file with --out, leaving no temporary file behind', () => {
    const md = join(folder, 'comparison.md');
    expect(run(EXAMPLE, derived, '--format', 'markdown', '--out', md).status).toBe(0);
    expect(readFileSync(md, 'utf8')).toMatch(/\| A3 \| Management and supervision of staff \| Satisfactorily met \| Well met \|/);
    const html = join(folder, 'comparison.html');
    expect(run(EXAMPLE, derived, '--format', 'html', '--out', html).status).toBe(0);
    expect(readFileSync(html, 'utf8')).toContain('Derbyshire revisited');
    expect(readdirSync(folder).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses inspections of different methodology packs', () => {
    const out = run(EXAMPLE, 'rules/probation-2018/examples/northmoor-2019');
    expect(out.status).toBe(1);
    expect(out.stderr).toContain(
      'these inspections use different methodology packs: esi-2003 (rules/esi-2003/examples/derbyshire-2003); probation-2018 (rules/probation-2018/examples/northmoor-2019)',
    );
    expect(out.stdout).toBe('');
  });

  it('needs two inspections', () => {
    expect(run(EXAMPLE).status).toBe(2);
  });
});

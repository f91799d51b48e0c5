/**
 * The package as a user gets it: `npm pack` holds what it should (the build, the schemas, the
 * bundled packs, no sources, no build cache), and installed from the tarball into a fresh project
 * outside this repository it scores the Derbyshire example through the public API alone.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, REPO } from '../hostile/built-cli.js';

const npm = (args: string[], cwd: string) =>
  spawnSync('npm', args, {
    cwd,
    encoding: 'utf8',
    timeout: 240_000,
    env: { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' },
  });

let folder: string;
let files: string[];
let tarball: string;

beforeAll(() => {
  ensureBuilt();
  folder = mkdtempSync(join(tmpdir(), 'criteria-pack-'));
  // The build is current; packing must not rebuild (prepare) into the tree the other tests use.
  const packed = npm(['pack', '--json', '--ignore-scripts', '--pack-destination', folder], REPO);
  expect(packed.status, packed.stderr).toBe(0);
  const [info] = JSON.parse(packed.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
  files = info!.files.map((f) => f.path);
  tarball = join(folder, info!.filename);
}, 240_000);

afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('the package', () => {
  it('holds the build, the schemas and the bundled packs, and no sources, tests or build cache', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'dist/index.js',
        'dist/index.d.ts',
        'dist/cli/main.js',
        'dist/check/generated/pack.validate.cjs',
        'schemas/pack.schema.json',
        'rules/esi-2003/pack.yaml',
        'thematics/ebs-2003/pack.yaml',
        'README.md',
        'package.json',
      ]),
    );
    expect(files.filter((f) => /\.tsbuildinfo$|^src\/|^test\/|^bench\/|^\.ci\/|\.test\.(js|ts)$/.test(f))).toEqual([]);
  });

  it('installs from the tarball into a fresh project and scores the Derbyshire example through the public API', () => {
    const project = join(folder, 'user');
    spawnSync('mkdir', ['-p', project]);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'user', private: true, type: 'module' }));
    const installed = npm(['install', tarball, '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'], project);
    expect(installed.status, installed.stderr).toBe(0);
    // No warning at install but the registry's own notices about install scripts and the cache.
    expect(installed.stderr.split('\n').filter((l) => /^npm warn/i.test(l) && !/install-scripts|cache/.test(l))).toEqual([]);
    writeFileSync(
      join(project, 'score.mjs'),
      `import { scoreInspectionFile } from 'criteria';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
const root = dirname(createRequire(import.meta.url).resolve('criteria/package.json'));
const scored = await scoreInspectionFile(join(root, 'rules/esi-2003/examples/derbyshire-2003/inspection.yaml'));
if ('errors' in scored) { console.error(scored.errors); process.exit(1); }
console.log(JSON.stringify({ overall: scored.result.overall?.score, sections: scored.result.sections.map((s) => [s.id, s.score]) }));
`,
    );
    const run = spawnSync(process.execPath, ['score.mjs'], { cwd: project, encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).toBe('');
    const figures = JSON.parse(run.stdout) as { overall: number; sections: Array<[string, number]> };
    // The published scoring summary (test/golden/derbyshire-2003-published.json): sections B 76, C 83, D 76, overall 79.
    expect(figures.overall).toBe(79);
    expect(figures.sections.filter(([id]) => ['B', 'C', 'D'].includes(id))).toEqual([
      ['B', 76],
      ['C', 83],
      ['D', 76],
    ]);
  }, 240_000);
});

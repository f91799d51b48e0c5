/**
 * The documentation's code compiles: every TypeScript block of README.md and docs/*.md is
 * type-checked against the built package as a strict `nodenext` project imports it (by the name
 * `criteria`, through its exports map), and the blocks marked `ts runnable` are run.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, REPO } from '../hostile/built-cli.js';

interface Block {
  source: string;
  index: number;
  code: string;
  runnable: boolean;
}

function blocksOf(file: string): Block[] {
  const text = readFileSync(join(REPO, file), 'utf8');
  return [...text.matchAll(/^```ts( runnable)?\n([\s\S]*?)^```/gm)].map((m, index) => ({ source: file, index, code: m[2]!, runnable: m[1] !== undefined }));
}

const docs = [
  'README.md',
  ...readdirSync(join(REPO, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];
const blocks = docs.flatMap(blocksOf);
// Inside the repository, so that the package's own dependencies (and @types/node) resolve as they would installed.
const project = join(REPO, '.tmp', `readme-code-${process.pid}`);
const fileOf = (b: Block) => join(project, `${b.source.replace(/[/.]/g, '-')}-${b.index}.ts`);

beforeAll(() => {
  ensureBuilt();
  mkdirSync(join(project, 'node_modules'), { recursive: true });
  symlinkSync(REPO, join(project, 'node_modules', 'criteria'), 'dir');
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'readme-code', private: true, type: 'module' }));
  writeFileSync(
    join(project, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        module: 'nodenext',
        moduleResolution: 'nodenext',
        target: 'es2022',
        noEmit: true,
        types: ['node'],
        skipLibCheck: false,
        noUncheckedIndexedAccess: true,
      },
    }),
  );
  for (const b of blocks) writeFileSync(fileOf(b), b.code.includes('import ') || b.code.includes('export ') ? b.code : `${b.code}\nexport {};\n`);
}, 120_000);

afterAll(() => rmSync(project, { recursive: true, force: true }));

describe('the documentation code', () => {
  it('has TypeScript blocks to check, some of them runnable', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(2);
    expect(blocks.some((b) => b.runnable)).toBe(true);
  });

  it('type-checks against the built package (strict, nodenext), importing only its public entry points', () => {
    for (const b of blocks) {
      const imports = [...b.code.matchAll(/from '([^']+)'/g)].map((m) => m[1]!);
      expect(
        imports.filter((i) => i !== 'criteria' && !i.startsWith('criteria/') && !i.startsWith('node:')),
        `${b.source} block ${b.index}`,
      ).toEqual([]);
    }
    const tsc = spawnSync(process.execPath, [join(REPO, 'node_modules/typescript/bin/tsc'), '-p', project], { encoding: 'utf8' });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  }, 120_000);

  it('runs the runnable blocks', () => {
    for (const b of blocks.filter((x) => x.runnable)) {
      const run = spawnSync(process.execPath, ['--import', 'tsx', fileOf(b)], { cwd: REPO, encoding: 'utf8', timeout: 60_000 });
      expect(run.stderr, `${b.source} block ${b.index}`).toBe('');
      expect(run.status).toBe(0);
      if (b.code.includes('// 79')) expect(run.stdout.trim()).toBe('79');
    }
  }, 120_000);
});

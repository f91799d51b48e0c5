/**
 * The command as installed: the one-file bundle behind its bin, run from V8's code cache. Built
 * here under another name beside the real one (dist/cli/bundle-check.*), so the other tests'
 * build of dist/ is left alone. V8 must accept the cache the build writes, and every command that
 * loads a module at run time (a Node built-in, the server's packages, DuckDB, the workbench) must
 * still load it: a script compiled from a code cache cannot use its own import().
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, REPO, STACK_TRACE } from '../hostile/built-cli.js';
import { BASE_PACK } from '../../scripts/generate-error-docs.js';

const NAME = 'bundle-check';
const BIN = join(REPO, `dist/cli/${NAME}.js`);
const BUNDLE = join(REPO, `dist/cli/${NAME}.cjs`);
const work = mkdtempSync(join(tmpdir(), 'criteria-bundle-'));

const cacheHome = join(work, 'cache');
const run = (args: string[], cwd = REPO, env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 60_000, env: { ...process.env, XDG_CACHE_HOME: cacheHome, ...env } });
const cached = () => readdirSync(join(cacheHome, 'criteria/values')).filter((name) => name.endsWith('.json'));

beforeAll(() => {
  ensureBuilt();
  for (const script of ['scripts/build-command.mjs', 'scripts/build-code-cache.mjs']) {
    const built = spawnSync(process.execPath, [script, NAME], { cwd: REPO, encoding: 'utf8', timeout: 120_000 });
    expect(built.status, built.stderr).toBe(0);
  }
}, 240_000);

afterAll(() => {
  for (const suffix of ['.js', '.cjs', '.cjs.cache']) rmSync(join(REPO, `dist/cli/${NAME}${suffix}`), { force: true });
  rmSync(work, { recursive: true, force: true });
});

describe('the bundled command', () => {
  it("has a code cache that V8 accepts (the bin's wrapper, its V8 flags)", () => {
    // The same script as the bin compiles; V8 refuses a cache made for other bytes or other flags.
    const check = `
      const { readFileSync } = require('node:fs');
      require('node:v8').setFlagsFromString('--interrupt-budget=1000000');
      const vm = require('node:vm');
      const source = '(function (exports, require, module, __filename, __dirname, __criteriaImport) {' + readFileSync(${JSON.stringify(BUNDLE)}, 'utf8') + '\\n})';
      const script = new vm.Script(source, { filename: ${JSON.stringify(BUNDLE)}, cachedData: readFileSync(${JSON.stringify(`${BUNDLE}.cache`)}) });
      process.stdout.write(String(script.cachedDataRejected));`;
    const accepted = spawnSync(process.execPath, ['-e', check], { encoding: 'utf8' });
    expect(accepted.stdout).toBe('false');
    // The bin's own wrapper is the one checked here.
    expect(readFileSync(BIN, 'utf8')).toContain('(function (exports, require, module, __filename, __dirname, __criteriaImport) {');
  });

  it('validates and scores the bundled example', () => {
    expect(run(['validate', 'rules/esi-2003']).stdout).toContain('ok rules/esi-2003');
    const scored = run(['score', 'rules/esi-2003/examples/derbyshire-2003', '--format', 'json']);
    expect(scored.status, scored.stderr).toBe(0);
    expect(JSON.parse(scored.stdout).provenance.pack).toBe('esi-2003');
  });

  it('loads Node built-ins and DuckDB at run time (init, --engine duckdb)', () => {
    const init = run(['init', 'methodology', 'demo'], work);
    expect(init.status, init.stderr).toBe(0);
    expect(init.stdout).toContain('created rules/demo/pack.yaml');
    const duck = run(['score', 'rules/esi-2003/examples/derbyshire-2003', '--engine', 'duckdb', '--format', 'json']);
    expect(duck.status, duck.stderr).toBe(0);
    expect(JSON.parse(duck.stdout).provenance.caseSource.engine).toMatch(/^duckdb /);
  });

  it('serves the API and the workbench (the server packages, the workbench module)', async () => {
    const server = spawn(process.execPath, [BIN, 'serve', '--port', '0'], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    let errors = '';
    server.stderr.on('data', (b: Buffer) => (errors += b.toString()));
    try {
      const base = await new Promise<string>((resolve, reject) => {
        let out = '';
        server.stdout.on('data', (b: Buffer) => {
          out += b.toString();
          const url = /listening on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out)?.[1];
          if (url && out.includes('workbench:')) resolve(url);
        });
        server.on('exit', () => reject(new Error(`the server stopped: ${errors}`)));
      });
      const api = await fetch(`${base}openapi.json`);
      expect(api.status).toBe(200);
      expect(((await api.json()) as { openapi: string }).openapi).toMatch(/^3\./);
      // The workbench module answers: with its page, or (when its page has not been built) saying so.
      const page = await fetch(base);
      const text = await page.text();
      expect(page.status === 200 ? text.includes('<html') : page.status === 503 && text.includes('The workbench is not built')).toBe(true);
      expect(errors).not.toMatch(STACK_TRACE);
    } finally {
      server.kill();
    }
  });

  it('keeps parsed files between runs, with the same results and the same positions in diagnostics', () => {
    rmSync(cacheHome, { recursive: true, force: true });
    // A pack that parses but does not check: its diagnostic's line and column come from a parse made only when asked for.
    const pack = join(work, 'broken/pack.yaml');
    mkdirSync(join(work, 'broken'), { recursive: true });
    writeFileSync(pack, BASE_PACK.replace('weight: heavy', 'weight: hevy'));
    const first = run(['validate', join(work, 'broken')]);
    expect(first.status).toBe(1);
    expect(first.stderr).toMatch(/pack\.yaml:\d+:\d+ error /);
    expect(cached().length).toBe(1);
    const second = run(['validate', join(work, 'broken')]);
    expect(second.stderr).toBe(first.stderr);
    expect(second.status).toBe(1);

    const scored = run(['score', 'rules/esi-2003/examples/derbyshire-2003', '--format', 'json']);
    const entries = cached().length;
    expect(entries).toBeGreaterThan(2);
    const again = run(['score', 'rules/esi-2003/examples/derbyshire-2003', '--format', 'json']);
    expect(again.stdout).toBe(scored.stdout);
    expect(cached().length).toBe(entries);
  });

  it('reads past a damaged cache entry, and keeps nothing with CRITERIA_CACHE=off', () => {
    for (const name of cached()) writeFileSync(join(cacheHome, 'criteria/values', name), '{"half": ');
    const scored = run(['score', 'rules/esi-2003/examples/derbyshire-2003']);
    expect(scored.status, scored.stderr).toBe(0);
    expect(scored.stdout).toContain('Derbyshire');
    rmSync(cacheHome, { recursive: true, force: true });
    expect(run(['validate', 'rules/esi-2003'], REPO, { CRITERIA_CACHE: 'off' }).status).toBe(0);
    expect(() => readdirSync(cacheHome)).toThrow();
  });
});

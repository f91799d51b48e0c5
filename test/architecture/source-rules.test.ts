// Rules the source itself must keep: no methodology's specifics in src/ (they belong in YAML), no
// code executed from data, and the engine version stamped on results equals the package's.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ENGINE_VERSION } from '../../src/engine-version.js';

function files(folder: string, keep: (f: string) => boolean): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return name === 'generated' ? [] : files(path, keep);
    return keep(path) ? [path] : [];
  });
}

const sources = files('src', (f) => f.endsWith('.ts')).map((path) => ({ path, text: readFileSync(path, 'utf8') }));

/** Words that only a methodology would bring: read from the shipped packs and examples themselves. */
function methodologyWords(): string[] {
  const words = new Set(['ESI', 'EBS', 'SDA', 'NPD', 'OASys', 'MAPPA', 'HMIP', 'Derbyshire']);
  const packFiles = ['rules', 'thematics'].flatMap((root) => files(root, (f) => /\.ya?ml$/.test(f) && !f.includes('/tests/')));
  for (const file of packFiles) {
    const value = parse(readFileSync(file, 'utf8'), { uniqueKeys: false }) as Record<string, unknown> | null;
    if (!value || typeof value !== 'object') continue;
    if (typeof value.id === 'string') words.add(value.id);
    for (const name of Object.keys((value.weightClasses as object) ?? {})) words.add(name);
    for (const scale of Object.values((value.scales as Record<string, { levels?: Array<{ label: string }> }>) ?? {})) {
      for (const level of scale.levels ?? []) if (/\s/.test(level.label) || /^[A-Z/ ]{2,}$/.test(level.label)) words.add(level.label);
    }
    for (const c of (value.criteria as Array<{ title: string }>) ?? []) words.add(c.title);
    const area = (value.area as { name?: string } | undefined)?.name;
    if (area) words.add(area);
  }
  return [...words];
}

describe('src/ holds no methodology', () => {
  const words = methodologyWords();
  it('knows what to look for', () => {
    expect(words).toEqual(expect.arrayContaining(['esi-2003', 'ebs-2003', 'critical', 'Well met', 'PARTLY MET', 'Derbyshire']));
  });
  it.each(words)('no source file mentions %s', (word) => {
    const pattern = new RegExp(`(^|[^A-Za-z0-9_-])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^A-Za-z0-9_-])`);
    expect(sources.filter((s) => pattern.test(s.text)).map((s) => s.path)).toEqual([]);
  });
});

describe('no code is executed from data', () => {
  it('src/ never calls eval, new Function or vm', () => {
    const offenders = sources
      .filter((s) => /\beval\s*\(|new\s+Function\s*\(|from\s+['"](node:)?vm['"]|require\(['"](node:)?vm['"]\)/.test(s.text))
      .map((s) => s.path);
    expect(offenders).toEqual([]);
  });
});

describe('the engine version', () => {
  it('equals package.json', () => {
    expect(ENGINE_VERSION).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });
});

describe('the pipeline runs one way', () => {
  /** The stages in order: each may import only itself and the stages before it (and the engine version, a leaf). */
  const stages = ['model', 'source', 'load', 'check', 'compile', 'evaluate', 'report'];
  const stageOf = (path: string) => path.split('/')[1]!;
  const targetOf = (file: string, specifier: string) => join(file, '..', specifier).split('/');

  it.each(stages)('src/%s imports no later stage and nothing built on the stages', (stage) => {
    const allowed = new Set(stages.slice(0, stages.indexOf(stage) + 1));
    const offenders = sources
      .filter((s) => stageOf(s.path) === stage)
      .flatMap((s) => [...s.text.matchAll(/(?:from|import\(?)\s*['"](\.[^'"]+)['"]/g)].map((m) => ({ file: s.path, target: targetOf(s.path, m[1]!) })))
      .filter(({ target }) => !(target.length > 2 && allowed.has(target[1]!)) && target.join('/') !== 'src/engine-version.js')
      .map(({ file, target }) => `${file} -> ${target.join('/')}`);
    expect(offenders).toEqual([]);
  });
});

describe('the pipeline does not depend on what is built on it', () => {
  /** The folders built over the library (each loaded only by its own command): no stage may import them. */
  const outer = ['serve', 'workbench', 'sql'];
  const imports = (text: string) => [...text.matchAll(/(?:from|import\()\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);

  it.each(outer)('no file outside src/%s and the commands imports it', (folder) => {
    const offenders = sources
      .filter(
        (s) =>
          !s.path.startsWith(join('src', folder)) &&
          !s.path.startsWith(join('src', 'cli', 'commands')) &&
          !outer.some((o) => s.path.startsWith(join('src', o))),
      )
      .filter((s) => imports(s.text).some((i) => i.includes(`/${folder}/`)))
      .map((s) => s.path);
    expect(offenders).toEqual([]);
  });

  it('the HTTP framework is imported only by the service and the workbench', () => {
    const offenders = sources
      .filter((s) => imports(s.text).some((i) => /^(fastify|@fastify\/)/.test(i)) && !/^src\/(serve|workbench)\//.test(s.path))
      .map((s) => s.path);
    expect(offenders).toEqual([]);
  });

  it('the command line loads the service only when `serve` runs', () => {
    const command = readFileSync('src/cli/commands/serve.ts', 'utf8');
    expect(imports(command).filter((i) => i.includes('/serve/'))).toEqual(['../../serve/serve-options.js', '../../serve/start-server.js']);
    expect(command).not.toMatch(/^import [^t].*serve\//m);
  });
});

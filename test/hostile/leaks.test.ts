/**
 * Nothing leaks and nothing is injected: a file named by an inspection is quoted at most as a
 * short excerpt and a non-text file not at all; `--root` confines every read; terminal escape
 * sequences in data never reach the terminal raw (in JSON they are escapes, the data unchanged);
 * a lone carriage return does not break a Markdown table; a title with a line break does not
 * inject YAML keys into a scaffolded pack.
 */
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { sanitizeJson, sanitizeText } from '../../src/cli/sanitize-text.js';
import { openInspection } from '../../src/pipeline/load-inspection.js';
import { ensureBuilt, REPO, runCliAsync, STACK_TRACE } from './built-cli.js';
import { BASE, inspectionText, scratch, writeCsvInspection } from './workspace.js';

beforeAll(() => {
  ensureBuilt();
}, 180_000);

const SECRET = 'root:$6$saltsalt$aVeryLongSecretHashThatShouldNeverBePrintedInFullxxxxxxxxxxxxxxxxxxxxxxxxxx:19000:0:99999:7:::';
const ESCAPES = ['\u001b]0;pwned\u0007', '\u001b[2J', '\u001b]8;;http://evil.example/\u001b\\', '\u009b31m', '\r', '\u202e'];
const HOSTILE = `T${ESCAPES.join('x')}end`;

describe('files named by an inspection', () => {
  it.runIf(existsSync('/proc/self/environ'))('a non-text file (/proc/self/environ) as pack or case file is refused and not shown', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'a.yaml'), 'pack: /proc/self/environ\narea: { name: X }\ncases: []\n');
    writeFileSync(join(dir, 'b.yaml'), inspectionText('{ file: /proc/self/environ, format: csv }'));
    for (const file of ['a.yaml', 'b.yaml']) {
      for (const format of ['table', 'json']) {
        const run = await runCliAsync(['score', join(dir, file), '--format', format], 10_000);
        expect(run.status).toBe(1);
        expect(run.stdout + run.stderr).toContain('is not a text file (it holds a NUL byte)');
        expect(run.stdout + run.stderr).not.toContain('PATH=');
        expect(run.stdout + run.stderr).not.toMatch(STACK_TRACE);
      }
    }
  });

  it('a text file that is no case file or pack is quoted as a short excerpt at most, in text and JSON', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'shadow'), `${SECRET}\nbin:*:19000:0:99999:7:::\n`);
    writeFileSync(join(dir, 'a.yaml'), 'pack: shadow\narea: { name: X }\ncases: []\n');
    writeFileSync(join(dir, 'b.yaml'), inspectionText('{ file: shadow, format: csv }'));
    for (const file of ['a.yaml', 'b.yaml']) {
      for (const format of ['table', 'json']) {
        const run = await runCliAsync(['score', join(dir, file), '--format', format], 10_000);
        expect(run.status).toBe(1);
        expect(run.stdout + run.stderr).not.toContain(SECRET.slice(0, 90));
      }
    }
  });
});

describe('--root', () => {
  function layout(): { root: string; outside: string } {
    const top = scratch();
    const root = join(top, 'data');
    const outside = join(top, 'elsewhere');
    mkdirSync(root);
    mkdirSync(outside);
    writeFileSync(join(outside, 'cases.csv'), 'id,risk,Q1.1,Q1.2\nc1,low,yes,\n');
    return { root, outside };
  }

  it('refuses an inspection, a pack, a case file or a link outside, without reading them', async () => {
    const { root, outside } = layout();
    writeCsvInspection(root);
    // The base pack lies outside the root: the inspection inside names it.
    const packOutside = await runCliAsync(['score', join(root, 'inspection.yaml'), '--root', root]);
    expect(packOutside.status).toBe(1);
    expect(packOutside.stderr).toMatch(/inspection\.yaml:1:7 error READ_OUTSIDE_ROOT: /);
    const inside = join(root, 'pack');
    mkdirSync(inside);
    writeFileSync(join(inside, 'pack.yaml'), readFileSync(join(BASE, 'pack.yaml')));
    writeFileSync(join(root, 'ok.yaml'), inspectionText('{ file: cases.csv }').replace(/^pack: .*$/m, 'pack: pack'));
    expect((await runCliAsync(['score', join(root, 'ok.yaml'), '--root', root])).status).toBe(0);
    writeFileSync(join(root, 'far.yaml'), inspectionText(`{ file: ${JSON.stringify(join(outside, 'cases.csv'))} }`).replace(/^pack: .*$/m, 'pack: pack'));
    const far = await runCliAsync(['score', join(root, 'far.yaml'), '--root', root, '--format', 'json']);
    expect(far.status).toBe(1);
    expect(JSON.parse(far.stderr).errors[0]).toMatchObject({ code: 'READ_OUTSIDE_ROOT', line: 6 });
    symlinkSync(join(outside, 'cases.csv'), join(root, 'link.csv'));
    writeFileSync(join(root, 'link.yaml'), inspectionText('{ file: link.csv }').replace(/^pack: .*$/m, 'pack: pack'));
    const link = await runCliAsync(['score', join(root, 'link.yaml'), '--root', root]);
    expect(link.stderr).toContain('error READ_OUTSIDE_ROOT');
    expect((await runCliAsync(['score', join(outside, '..', 'data', 'ok.yaml'), '--root', outside])).stderr).toContain('error READ_OUTSIDE_ROOT');
    expect((await runCliAsync(['validate', BASE, '--root', root])).stderr).toContain('error READ_OUTSIDE_ROOT');
  });

  it('is an option of the library: openInspection(path, { root })', () => {
    const { root } = layout();
    const file = writeCsvInspection(root);
    const opened = openInspection(file, { root });
    expect('errors' in opened && opened.errors.map((e) => e.code)).toEqual(['READ_OUTSIDE_ROOT']);
    expect('errors' in openInspection(file, { root: REPO.slice(0, 1) })).toBe(false);
  });
});

describe('terminal escape sequences in data', () => {
  it('never reach the terminal raw from a title, an area name, a case id or a CSV header cell', async () => {
    const dir = scratch();
    const pack = join(dir, 'pack');
    mkdirSync(pack);
    writeFileSync(
      join(pack, 'pack.yaml'),
      readFileSync(join(BASE, 'pack.yaml'), 'utf8')
        .replace('title: Hostile corpus base', `title: ${JSON.stringify(HOSTILE)}`)
        .replace('title: Casework\n', `title: ${JSON.stringify(HOSTILE)}\n`),
    );
    const rows = ['c1,low,yes,', `${JSON.stringify(`c${ESCAPES[1]}2`)},low,maybe,`];
    const inspection = writeCsvInspection(dir, rows);
    writeFileSync(
      inspection,
      readFileSync(inspection, 'utf8')
        .replace(/^pack: .*$/m, 'pack: pack')
        .replace('name: Testshire', `name: ${JSON.stringify(HOSTILE)}`),
    );
    const runs = await Promise.all([
      ...['table', 'markdown', 'html', 'json'].map((format) => runCliAsync(['score', inspection, '--exclude-invalid', '--format', format])),
      runCliAsync(['score', inspection]),
      runCliAsync(['validate', pack]),
      runCliAsync(['explain', inspection, 'Q1', '--exclude-invalid']),
    ]);
    for (const run of runs) {
      expect(run.status === 0 || run.status === 1, run.stderr).toBe(true);
      expect(run.stdout + run.stderr).not.toMatch(/[\u001b\u0007\u009b\u202e]/);
      expect(run.stdout + run.stderr).not.toMatch(/\r/);
    }
    // JSON keeps the data: the escapes are \u escapes of the same characters.
    expect(JSON.parse(runs[3]!.stdout).title).toBe(HOSTILE);
    // A header cell with an escape sequence, in a message.
    writeFileSync(join(dir, 'cases.csv'), `id,risk,Q1.1,${ESCAPES[0]}\nc1,low,yes,\n`);
    const header = await runCliAsync(['score', inspection]);
    expect(header.stderr).toContain('error CSV_HEADER');
    expect(header.stderr).not.toMatch(/[\u001b\u0007]/);
  });

  it('are made visible or escaped, whatever the text (property)', () => {
    const unsafe = /[\x00-\x08\x0B-\x1F\x7F-\x9F\u202A-\u202E\u2066-\u2069]/;
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '\n', '\t', '\u001b', '\u0007', '\r', '\u009b', '\u202e', '[', ']', '0', ';', 'é') }), (text) => {
        expect(sanitizeText(text)).not.toMatch(unsafe);
        const json = sanitizeJson(JSON.stringify({ text }));
        expect(json).not.toMatch(unsafe);
        expect(JSON.parse(json).text).toBe(text);
      }),
      { numRuns: 1000 },
    );
    expect(sanitizeText('\u001b[1mbold\u001b[22m \u001b[2J', { keepStyles: true })).toBe('\u001b[1mbold\u001b[22m \u241b[2J');
  });
});

describe('line breaks where a line is a unit', () => {
  it('a lone carriage return in a title keeps every Markdown table row one line with its cells', async () => {
    const dir = scratch();
    const pack = join(dir, 'pack');
    mkdirSync(pack);
    writeFileSync(join(pack, 'pack.yaml'), readFileSync(join(BASE, 'pack.yaml'), 'utf8').replace('title: Casework\n', 'title: "Case\\rwork"\n'));
    const inspection = writeCsvInspection(dir);
    writeFileSync(inspection, readFileSync(inspection, 'utf8').replace(/^pack: .*$/m, 'pack: pack'));
    const run = await runCliAsync(['score', inspection, '--format', 'markdown']);
    expect(run.status).toBe(0);
    const rows = run.stdout.split('\n').filter((l) => l.includes('Case') && l.startsWith('|'));
    expect(rows.length).toBeGreaterThan(0);
    const header = run.stdout.split('\n').find((l) => l.startsWith('|'))!;
    for (const row of rows) expect(row.split('|').length).toBe(header.split('|').length);
    expect(run.stdout).not.toContain('\r');
  });

  it('init thematic --title with a line break injects no YAML key', async () => {
    const dir = scratch();
    const run = await runCliAsync([
      'init',
      'thematic',
      'theme',
      '--methodology',
      join(REPO, 'rules/esi-2003'),
      '--dir',
      dir,
      '--title',
      'Housing\nstatus: approved\nid: evil',
    ]);
    expect(run.status, run.stderr).toBe(0);
    const text = readFileSync(join(dir, 'theme', 'pack.yaml'), 'utf8');
    const pack = parse(text) as Record<string, unknown>;
    expect(pack.id).toBe('theme');
    expect(pack.status).not.toBe('approved');
    expect(pack.title).toBe('Housing\nstatus: approved\nid: evil');
    expect((await runCliAsync(['validate', join(dir, 'theme')])).status).toBe(0);
  });
});

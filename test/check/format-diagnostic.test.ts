/**
 * Printing diagnostics: the place, code and message, the source line (from the text given, else
 * read from disk when it is a small regular text file) cut to a window around the column with a
 * caret under it, and the hint; many diagnostics grouped by file with a closing count; and the
 * shortening of very long words and very long texts in messages (`shorten`), whose cuts never split
 * a surrogate pair.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { excerptAround, formatDiagnostic, formatDiagnostics, shorten } from '../../src/check/format-diagnostic.js';
import { editDistance, listNames, suggestName } from '../../src/source/suggest-name.js';
import type { Diagnostic } from '../../src/model/errors.js';

const text = 'criteria:\n  - id: B1\n    weight: heavey\n';
const d: Diagnostic = {
  code: 'UNKNOWN_WEIGHT_CLASS',
  severity: 'error',
  message: "unknown weight class 'heavey'",
  hint: 'declare it under weightClasses',
  file: 'p/pack.yaml',
  line: 3,
  column: 13,
};

describe('formatDiagnostic', () => {
  it('prints the place, the code, the source line, a caret under the column and the hint', () => {
    expect(formatDiagnostic(d, text)).toBe(
      [
        "p/pack.yaml:3:13 error UNKNOWN_WEIGHT_CLASS: unknown weight class 'heavey'",
        '  |',
        '3 |     weight: heavey',
        '  |             ^',
        '  hint: declare it under weightClasses',
      ].join('\n'),
    );
  });

  it('prints what it knows when there is no file or position', () => {
    expect(formatDiagnostic({ code: 'USAGE', severity: 'error', message: 'no packs named' })).toBe('error USAGE: no packs named');
    expect(formatDiagnostic({ ...d, line: undefined, column: undefined }, text)).toBe(
      "p/pack.yaml error UNKNOWN_WEIGHT_CLASS: unknown weight class 'heavey'\n  hint: declare it under weightClasses",
    );
  });

  it('groups by file, orders by position, and counts', () => {
    const a = { ...d, file: 'a.yaml', line: 2, column: 1, message: 'second' };
    const b = { ...d, file: 'a.yaml', line: 1, column: 5, message: 'first' };
    const c: Diagnostic = { ...d, file: 'b.yaml', line: 1, column: 1, message: 'other file', severity: 'warning' };
    const texts = new Map([
      ['a.yaml', 'x: 1\ny: 2\n'],
      ['b.yaml', 'z: 3\n'],
    ]);
    const out = formatDiagnostics([c, a, b], { texts, label: 'my pack' });
    expect(out.indexOf('first')).toBeLessThan(out.indexOf('second'));
    expect(out.indexOf('second')).toBeLessThan(out.indexOf('other file'));
    expect(out).toContain('b.yaml:1:1 warning UNKNOWN_WEIGHT_CLASS');
    expect(out.endsWith('my pack: 2 errors, 1 warning')).toBe(true);
  });
});

describe('suggestName', () => {
  it.each([
    ['titel', ['id', 'title', 'description'], 'title'],
    ['riskLevel', ['riskOfHarm', 'orderType'], 'riskOfHarm'],
    ['equl', ['equal', 'notEqual'], 'equal'],
    ['Heavy', ['heavy', 'light'], 'heavy'],
    ['zzz', ['heavy', 'light'], undefined],
    ['risk', [], undefined],
  ])('%s among %j suggests %s', (name, candidates, expected) => {
    expect(suggestName(name, candidates)).toBe(expected);
  });

  it('counts a swap of neighbours as one edit', () => {
    expect(editDistance('titel', 'title')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('cuts long lists short', () => {
    expect(listNames(['a', 'b', 'c'], 2)).toBe('a, b, … (1 more)');
    expect(listNames([])).toBe('(none)');
  });
});

const LARGEST_SHOWN = 10 * 1024 * 1024;
let dir = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'format-diagnostic-'));
  writeFileSync(join(dir, 'small.yaml'), 'a: 1\nweight: heavey\n');
  writeFileSync(join(dir, 'binary.yaml'), 'a: 1\0\nweight: heavey\n');
  // The largest file shown, and one byte more: the first line, then one long line.
  writeFileSync(join(dir, 'largest.yaml'), 'weight: heavey\n' + 'x'.repeat(LARGEST_SHOWN - 15));
  writeFileSync(join(dir, 'too-large.yaml'), 'weight: heavey\n' + 'x'.repeat(LARGEST_SHOWN - 14));
  mkdirSync(join(dir, 'folder.yaml'));
  writeFileSync(join(dir, 'b-disk.yaml'), 'k: v\n');
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const at = (line: number, column?: number): Diagnostic => ({
  code: 'UNKNOWN_WEIGHT_CLASS',
  severity: 'error',
  message: 'm',
  file: 'f.yaml',
  line,
  ...(column !== undefined ? { column } : {}),
});

describe('formatDiagnostic: the source line', () => {
  it('prints a line without a column with no caret, tabs shown as spaces', () => {
    expect(formatDiagnostic(at(2), 'a: 1\nb:\t2\n')).toBe(['f.yaml:2 error UNKNOWN_WEIGHT_CLASS: m', '  |', '2 | b: 2'].join('\n'));
  });

  it.each([
    ['a line past the end', 'a: 1\nb: 2', 3],
    ['a line longer than 400 characters', 'k: ' + 'v'.repeat(398), 1],
    ['an empty text', '', 1],
  ])('prints no source for %s', (_, text, line) => {
    expect(formatDiagnostic(at(line, 1), text)).toBe(`f.yaml:${line}:1 error UNKNOWN_WEIGHT_CLASS: m`);
  });

  it('prints a line of 400 characters cut to a window', () => {
    const line = 'k: ' + 'v'.repeat(397);
    expect(formatDiagnostic(at(1, 1), line)).toBe(['f.yaml:1:1 error UNKNOWN_WEIGHT_CLASS: m', '  |', `1 | ${line.slice(0, 80)}…`, '  | ^'].join('\n'));
  });

  it('puts the caret under the column within the window of a long line', () => {
    const line = 'k: ' + 'v'.repeat(97) + 'X' + 'w'.repeat(99);
    expect(formatDiagnostic(at(1, 101), line)).toBe(
      ['f.yaml:1:101 error UNKNOWN_WEIGHT_CLASS: m', '  |', `1 | …${line.slice(60, 140)}…`, `  | ${' '.repeat(41)}^`].join('\n'),
    );
    expect(line[100]).toBe('X');
  });

  it('drops a byte-order mark at the start of the file only', () => {
    expect(formatDiagnostic(at(1, 1), '\uFEFFx: 1\n')).toBe(['f.yaml:1:1 error UNKNOWN_WEIGHT_CLASS: m', '  |', '1 | x: 1', '  | ^'].join('\n'));
    expect(formatDiagnostic(at(2, 1), 'x: 1\ny: \uFEFF2\n')).toBe(['f.yaml:2:1 error UNKNOWN_WEIGHT_CLASS: m', '  |', '2 | y: \uFEFF2', '  | ^'].join('\n'));
  });

  it('reads the line from a small text file on disk', () => {
    const file = join(dir, 'small.yaml');
    expect(formatDiagnostic({ ...at(2, 9), file })).toBe(
      [`${file}:2:9 error UNKNOWN_WEIGHT_CLASS: m`, '  |', '2 | weight: heavey', `  | ${' '.repeat(8)}^`].join('\n'),
    );
  });

  it('reads a file of the largest size shown', () => {
    const file = join(dir, 'largest.yaml');
    expect(formatDiagnostic({ ...at(1, 9), file })).toBe(
      [`${file}:1:9 error UNKNOWN_WEIGHT_CLASS: m`, '  |', '1 | weight: heavey', `  | ${' '.repeat(8)}^`].join('\n'),
    );
  });

  it.each([
    ['a larger file', 'too-large.yaml'],
    ['a file with a NUL character', 'binary.yaml'],
    ['a folder', 'folder.yaml'],
    ['a missing file', 'missing.yaml'],
  ])('shows no line of %s', (_, name) => {
    const file = join(dir, name);
    expect(formatDiagnostic({ ...at(1, 1), file })).toBe(`${file}:1:1 error UNKNOWN_WEIGHT_CLASS: m`);
  });
});

describe('formatDiagnostics', () => {
  it('takes a text given before the disk, reads other files, and shows nothing of a missing file', () => {
    const code = 'UNKNOWN_WEIGHT_CLASS';
    const memory = join(dir, 'a-memory.yaml');
    const disk = join(dir, 'b-disk.yaml');
    const missing = join(dir, 'c-missing.yaml');
    const list: Diagnostic[] = [
      { code: 'USAGE', severity: 'error', message: 'no file' },
      { code, severity: 'error', message: 'missing', file: missing, line: 1, column: 1 },
      { code, severity: 'warning', message: 'on disk', file: disk, line: 1, column: 4 },
      { code, severity: 'error', message: 'in memory', file: memory, line: 2, column: 4 },
    ];
    expect(formatDiagnostics(list, { texts: new Map([[memory, 'x: 1\ny: 2\n']]) })).toBe(
      [
        `${memory}:2:4 error ${code}: in memory\n  |\n2 | y: 2\n  |    ^`,
        `${disk}:1:4 warning ${code}: on disk\n  |\n1 | k: v\n  |    ^`,
        `${missing}:1:1 error ${code}: missing`,
        'error USAGE: no file',
        '3 errors, 1 warning',
      ].join('\n\n'),
    );
  });

  it('counts nothing when there is nothing, without a label or warnings', () => {
    expect(formatDiagnostics([])).toBe('0 errors');
    expect(formatDiagnostics([{ code: 'USAGE', severity: 'error', message: 'no file' }])).toBe('error USAGE: no file\n\n1 error');
  });
});

/** 200 letters a–z over and over: every window of it is told apart by where it starts. */
const LONG_LINE = Array.from({ length: 200 }, (_, i) => String.fromCharCode(97 + (i % 26))).join('');

describe('excerptAround', () => {
  it.each<[string, number | undefined, { text: string; column?: number }]>([
    ['a line of 80 characters whole', 5, { text: 'x'.repeat(80), column: 5 }],
    ['a short line whole, its column as given', 10, { text: 'abc', column: 10 }],
    ['a short line without a column', undefined, { text: 'abc' }],
  ])('keeps %s', (_, column, expected) => {
    expect(excerptAround(expected.text, column)).toStrictEqual(expected);
  });

  it.each<[string, number | undefined, { text: string; column?: number }]>([
    ['the start', 1, { text: `${LONG_LINE.slice(0, 80)}…`, column: 1 }],
    ['the start, without a column', undefined, { text: `${LONG_LINE.slice(0, 80)}…` }],
    ['the middle', 101, { text: `…${LONG_LINE.slice(60, 140)}…`, column: 42 }],
    ['the end', 200, { text: `…${LONG_LINE.slice(120, 200)}`, column: 81 }],
    ['the end, for a column past it', 500, { text: `…${LONG_LINE.slice(120, 200)}`, column: 82 }],
  ])('shows 80 characters of a longer line around %s', (_, column, expected) => {
    expect(excerptAround(LONG_LINE, column)).toStrictEqual(expected);
  });

  it('cuts a line of 81 characters', () => {
    expect(excerptAround('y'.repeat(81), 1)).toStrictEqual({ text: `${'y'.repeat(80)}…`, column: 1 });
  });
});

describe('shorten', () => {
  it.each([
    ['a text of 200 characters', 'w'.repeat(200)],
    ['a word of 200 characters in a longer text', `${'a'.repeat(200)} b`],
    ['a text of 2000 characters', `${'abc '.repeat(499)}abcd`],
  ])('keeps %s whole', (_, text) => {
    expect(shorten(text)).toBe(text);
  });

  it.each([
    ['a word of 201 characters', `${'a'.repeat(201)} b`, `${'a'.repeat(60)}… (201 characters) b`],
    ['a long word after a short one, keeping the spaces around', ` id ${'x'.repeat(300)}  `, ` id ${'x'.repeat(60)}… (300 characters)  `],
    ['a word with no surrogate pair at the cut', 'b'.repeat(250), `${'b'.repeat(60)}… (250 characters)`],
    ['a word with a pair across the cut, before the pair', `${'a'.repeat(59)}😀${'a'.repeat(200)}`, `${'a'.repeat(59)}… (261 characters)`],
    ['a word with a pair ending at the cut, with the pair', `${'a'.repeat(58)}😀${'a'.repeat(200)}`, `${'a'.repeat(58)}😀… (260 characters)`],
    ['a word with the lowest high surrogate at the cut', `${'a'.repeat(59)}\u{10000}${'a'.repeat(200)}`, `${'a'.repeat(59)}… (261 characters)`],
    ['a word with the highest high surrogate at the cut', `${'a'.repeat(59)}\u{10FFFF}${'a'.repeat(200)}`, `${'a'.repeat(59)}… (261 characters)`],
  ])('cuts %s to its start and its length', (_, text, expected) => {
    expect(shorten(text)).toBe(expected);
  });

  it.each([
    ['a text of 2001 characters', `${'abc '.repeat(499)}abcde`, `${'abc '.repeat(475)}… (101 more characters)`],
    ['a text with a long word after the first 2000 characters', `${'abc '.repeat(600)}${'x'.repeat(5000)}`, `${'abc '.repeat(475)}… (5500 more characters)`],
    ['a text of only spaces', ' '.repeat(2500), `${' '.repeat(1900)}… (600 more characters)`],
  ])('cuts %s to 1900 characters and the count of the rest', (_, text, expected) => {
    expect(shorten(text)).toBe(expected);
  });
});

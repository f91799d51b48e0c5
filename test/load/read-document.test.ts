import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../src/load/read-document.js';
import type { SourceDocument } from '../../src/source/source-document.js';

function valueOf(file: string, text: string): unknown {
  const result = readDocument(file, text);
  if ('errors' in result) throw new Error(JSON.stringify(result.errors));
  return result.doc.value;
}

function docOf(file: string, text: string): SourceDocument {
  const result = readDocument(file, text);
  if ('errors' in result) throw new Error(JSON.stringify(result.errors));
  return result.doc;
}

function firstError(file: string, text: string) {
  const result = readDocument(file, text);
  if (!('errors' in result)) throw new Error('expected errors');
  return result.errors[0]!;
}

const tmp = mkdtempSync(join(tmpdir(), 'criteria-read-'));

describe('readDocument', () => {
  it('strips a byte order mark and accepts CRLF line ends, with positions on the right lines', () => {
    const doc = docOf('a.yaml', '\uFEFFa: 1\r\nb:\r\n  - x\r\n  - y\r\n');
    expect(doc.value).toEqual({ a: 1, b: ['x', 'y'] });
    expect(doc.text.startsWith('a:')).toBe(true);
    expect(doc.locate('/b/1')).toEqual({ line: 4, column: 5 });
    expect(doc.locate('/b', true)).toEqual({ line: 2, column: 1 });
  });

  it('strips a byte order mark read from disk', () => {
    const file = join(tmp, 'bom.yaml');
    writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('a: 1\n')]));
    const result = readDocument(file);
    expect('doc' in result && result.doc.value).toEqual({ a: 1 });
  });

  it('reports invalid UTF-8 with its line and column', () => {
    const file = join(tmp, 'latin1.yaml');
    writeFileSync(file, Buffer.concat([Buffer.from('a: 1\nb: caf'), Buffer.from([0xe9]), Buffer.from('\n')]));
    const result = readDocument(file);
    expect('errors' in result && result.errors[0]).toMatchObject({ code: 'NOT_UTF8', line: 2, column: 7 });
  });

  it('rejects overlong and surrogate encodings', () => {
    for (const bad of [
      [0xc0, 0xaf],
      [0xed, 0xa0, 0x80],
      [0xf4, 0x90, 0x80, 0x80],
      [0xe2, 0x82],
    ]) {
      const file = join(tmp, 'bad.yaml');
      writeFileSync(file, Buffer.concat([Buffer.from('a: '), Buffer.from(bad)]));
      const result = readDocument(file);
      expect('errors' in result && result.errors[0]).toMatchObject({ code: 'NOT_UTF8', line: 1, column: 4 });
    }
  });

  it('reports 10,000 levels of nesting as too deep, quickly and without a RangeError', () => {
    const started = Date.now();
    expect(firstError('deep.yaml', '['.repeat(10_000) + ']'.repeat(10_000))).toMatchObject({ code: 'YAML_TOO_DEEP', line: 1, column: 101 });
    expect(firstError('deep.yaml', '- '.repeat(10_000) + 'x\n')).toMatchObject({ code: 'YAML_TOO_DEEP', line: 1, column: 201 });
    expect(firstError('deep.json', '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000))).toMatchObject({ code: 'YAML_TOO_DEEP' });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('accepts 100 levels and refuses 101', () => {
    let hundred: unknown = [];
    for (let i = 1; i < 100; i++) hundred = [hundred];
    expect(valueOf('ok.yaml', '['.repeat(100) + ']'.repeat(100))).toEqual(hundred);
    expect(firstError('no.yaml', '['.repeat(101) + ']'.repeat(101)).code).toBe('YAML_TOO_DEEP');
  });

  it('refuses depth built up through aliases', () => {
    const lines = ['a0: &a0 ' + '['.repeat(60) + ']'.repeat(60)];
    lines.push('a1: &a1 ' + '['.repeat(60) + '*a0' + ']'.repeat(60));
    expect(firstError('alias-deep.yaml', lines.join('\n') + '\n').code).toBe('YAML_TOO_DEEP');
  });

  it('stops an alias bomb', () => {
    const text = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
      'e: [*d, *d, *d, *d, *d, *d, *d, *d, *d]',
    ].join('\n');
    expect(firstError('bomb.yaml', text)).toMatchObject({ code: 'YAML_ALIAS_LIMIT', line: 3 });
  });

  it('expands a few aliases into separate copies', () => {
    const value = valueOf('alias.yaml', 'a: &x {k: [1]}\nb: *x\n') as { a: object; b: object };
    expect(value.b).toEqual({ k: [1] });
    expect(value.b).not.toBe(value.a);
  });

  it('reports an alias without an anchor', () => {
    expect(firstError('a.yaml', 'a: *nowhere\n')).toMatchObject({ code: 'YAML_SYNTAX', line: 1, column: 4 });
  });

  it('reports duplicate keys at the second one', () => {
    expect(firstError('dup.yaml', 'a: 1\nb:\n  c: 1\n  c: 2\n')).toMatchObject({ code: 'YAML_DUPLICATE_KEY', line: 4, column: 3 });
    // Keys that differ in YAML but not in JSON.
    expect(firstError('dup.yaml', '1: a\n"1": b\n')).toMatchObject({ code: 'YAML_DUPLICATE_KEY', line: 2, column: 1 });
  });

  it('refuses __proto__, constructor and prototype keys and leaves Object.prototype untouched', () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    expect(firstError('p.yaml', 'x:\n  __proto__:\n    polluted: yes\n')).toMatchObject({ code: 'FORBIDDEN_KEY', line: 2, column: 3 });
    expect(firstError('p.json', '{"a": {"constructor": {"prototype": {"polluted": true}}}}')).toMatchObject({ code: 'FORBIDDEN_KEY', line: 1, column: 8 });
    expect(firstError('p.yaml', '- prototype: 1\n')).toMatchObject({ code: 'FORBIDDEN_KEY', line: 1, column: 3 });
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses unknown tags, which yaml only warns about', () => {
    expect(firstError('t.yaml', 'a: 1\nb: !secret x\n')).toEqual({
      code: 'YAML_UNKNOWN_TAG',
      severity: 'error',
      message: 'the tag !secret is not allowed here',
      hint: 'remove the tag: files hold plain strings, numbers, booleans, null, mappings and lists',
      file: 't.yaml',
      line: 2,
      column: 4,
    });
    expect(firstError('t.yaml', 'a: !!binary aGk=\n')).toMatchObject({ code: 'YAML_UNKNOWN_TAG', line: 1, column: 4 });
    expect(valueOf('t.yaml', 'a: !!str 1\n')).toEqual({ a: '1' });
  });

  it('reads core scalars as plain values', () => {
    expect(valueOf('s.yaml', 'a: yes\nb: true\nc: ~\nd: 1.5\ne: "2"\nf: 2003-10-01\n')).toEqual({
      a: 'yes',
      b: true,
      c: null,
      d: 1.5,
      e: '2',
      f: '2003-10-01',
    });
  });

  it('refuses more than one document', () => {
    expect(firstError('m.yaml', 'a: 1\n---\nb: 2\n')).toEqual({
      code: 'YAML_MULTIPLE_DOCUMENTS',
      severity: 'error',
      message: 'm.yaml holds more than one document',
      hint: "keep one document per file: remove the '---' line and what follows, or move it to its own file",
      file: 'm.yaml',
      line: 2,
      column: 1,
    });
  });

  it('reports empty files', () => {
    for (const text of ['', '# only a comment\n', '---\n', '\n\n'])
      expect(firstError('e.yaml', text)).toEqual({
        code: 'EMPTY_FILE',
        severity: 'error',
        message: 'e.yaml holds no data',
        hint: 'write a YAML mapping (key: value lines)',
        file: 'e.yaml',
        line: 1,
        column: 1,
      });
  });

  it('reports YAML syntax errors with a position and a hint', () => {
    const e = firstError('s.yaml', 'a: [1, 2\nb: 3\n');
    expect(e).toEqual({
      code: 'YAML_SYNTAX',
      severity: 'error',
      message: 'flow sequence in block collection must be sufficiently indented and end with a ]',
      hint: 'indent with spaces so that the entries of one mapping or list start in the same column',
      file: 's.yaml',
      line: 2,
      column: 1,
    });
  });

  it('reads JSON with positions, and reports JSON syntax errors as JSON_SYNTAX', () => {
    const doc = docOf('a.json', '{\n  "a": [1, {"b": true}]\n}\n');
    expect(doc.locate('/a/1/b')).toEqual({ line: 2, column: 18 });
    expect(firstError('b.json', '{"a": [1, 2}')).toMatchObject({ code: 'JSON_SYNTAX', line: 1, column: 12 });
    const jsonHint = 'check the JSON: quotes around keys and strings, commas between entries and none after the last, no comments';
    expect(firstError('c.json', '{"a": 1,}')).toEqual({
      code: 'JSON_SYNTAX',
      severity: 'error',
      message: 'not valid JSON: expected double-quoted property name',
      hint: jsonHint,
      file: 'c.json',
      line: 1,
      column: 9,
    });
    expect(firstError('d.json', '{"a": 1 # comment\n}')).toEqual({
      code: 'JSON_SYNTAX',
      severity: 'error',
      message: "not valid JSON: expected ',' or '}' after property value",
      hint: jsonHint,
      file: 'd.json',
      line: 1,
      column: 9,
    });
  });

  it('reports missing files, folders and files too large', () => {
    expect(firstError(join(tmp, 'nope.yaml'), undefined as unknown as string)).toMatchObject({ code: 'FILE_NOT_FOUND' });
    mkdirSync(join(tmp, 'folder.yaml'), { recursive: true });
    expect(readDocument(join(tmp, 'folder.yaml'))).toMatchObject({ errors: [{ code: 'FILE_UNREADABLE' }] });
    expect(firstError('big.yaml', 'a: "' + 'x'.repeat(10 * 1024 * 1024) + '"\n').code).toBe('FILE_TOO_LARGE');
  });

  it('locates pointers, keys, escaped segments and misses', () => {
    const doc = docOf('l.yaml', 'criteria:\n  - id: B1\n    titel: x\n    "a/b": 1\n    empty:\n');
    expect(doc.locate('/criteria/0')).toEqual({ line: 2, column: 5 });
    expect(doc.locate('/criteria/0/titel')).toEqual({ line: 3, column: 12 });
    expect(doc.locate('/criteria/0/titel', true)).toEqual({ line: 3, column: 5 });
    expect(doc.locate('/criteria/0/a~1b')).toEqual({ line: 4, column: 12 });
    // A key with no value: the place just after its colon, where the value would be written.
    expect(doc.locate('/criteria/0/empty')).toEqual({ line: 5, column: 11 });
    expect(doc.locate('/criteria/1')).toBeUndefined();
    expect(doc.locate('/nope')).toBeUndefined();
    expect(doc.locate('nope')).toBeUndefined();
  });
});

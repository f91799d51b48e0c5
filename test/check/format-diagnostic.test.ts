import { describe, expect, it } from 'vitest';
import { formatDiagnostic, formatDiagnostics } from '../../src/check/format-diagnostic.js';
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

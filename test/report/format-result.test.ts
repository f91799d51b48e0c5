import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatHtml, formatJson, formatMarkdown, formatResult, formatSheet } from '../../src/report/index.js';
import { readSample } from './hand-result.js';

describe('formatResult', () => {
  const sample = readSample();

  it('prints JSON exactly as the engine wrote it, with a final newline', () => {
    const text = readFileSync(new URL('../fixtures/results/sample-result.json', import.meta.url), 'utf8');
    expect(formatJson(sample)).toBe(text.trimEnd() + '\n');
  });

  it.each([
    ['table', formatSheet(sample)],
    ['markdown', formatMarkdown(sample)],
    ['json', formatJson(sample)],
    ['html', formatHtml(sample)],
  ] as const)('dispatches %s', (format, expected) => {
    expect(formatResult(sample, format)).toBe(expected);
  });

  it('passes the sheet options on', () => {
    expect(formatResult(sample, 'table', { detail: false })).toBe(formatSheet(sample, { detail: false }));
    expect(formatResult(sample, 'table', { color: true })).toContain('\u001b[1m');
  });
});

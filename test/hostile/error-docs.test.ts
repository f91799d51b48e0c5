/**
 * docs/errors.md cannot drift from ERROR_CODES: every code has its entry (meaning, example, what
 * the tool printed, how to mend it), and the page names no code that no longer exists. Whether
 * the printed text is still what the tool prints is checked by
 * `npx tsx scripts/generate-error-docs.ts --check` (it runs the command 80 times).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/model/errors.js';
import { codeGroups, DOC_PATH, EXAMPLES } from '../../scripts/generate-error-docs.js';

const doc = readFileSync(DOC_PATH, 'utf8');
const codes = Object.keys(ERROR_CODES);

/** The entries of the page: `### CODE` headings with their text. */
function entries(): Map<string, string> {
  const map = new Map<string, string>();
  const parts = doc.split(/^### /m).slice(1);
  for (const part of parts) {
    const [heading = '', ...rest] = part.split('\n');
    map.set(heading.trim(), rest.join('\n'));
  }
  return map;
}

describe('docs/errors.md', () => {
  it('has an entry for every code of ERROR_CODES', () => {
    const documented = [...entries().keys()];
    expect(codes.filter((c) => !documented.includes(c))).toEqual([]);
  });

  it('names no code that ERROR_CODES does not have', () => {
    const documented = [...entries().keys()];
    expect(documented.filter((c) => !codes.includes(c))).toEqual([]);
    // Codes the printed output and the index name.
    const printed = [...doc.matchAll(/\b(?:error|warning) ([A-Z][A-Z0-9_]+):/g)].map((m) => m[1]!);
    const linked = [...doc.matchAll(/\[([A-Z][A-Z0-9_]+)\]\(#/g)].map((m) => m[1]!);
    expect([...printed, ...linked].filter((c) => !codes.includes(c))).toEqual([]);
    expect(new Set(documented).size).toBe(documented.length);
  });

  it('gives each code its meaning, an example, what was printed and how to mend it', () => {
    for (const [code, text] of entries()) {
      if (!codes.includes(code)) continue;
      expect(text, code).toContain(`**Meaning.** ${ERROR_CODES[code as keyof typeof ERROR_CODES]}`);
      expect(text, code).toMatch(/\*\*Example\*\*/);
      expect(text, code).toMatch(/\*\*Printed\*\* by `criteria [^`]+` \(exit \d+\):\n\n```text\n.+/);
      expect(text, code).toMatch(/\*\*To mend it\.\*\* \S/);
      // What was printed names the code, except for pack tests, whose failures print as FAIL lines.
      if (code !== 'TEST_FAILED') expect(text, code).toMatch(new RegExp(`(error|warning) ${code}:`));
    }
  });

  it('is generated from an example for every code, grouped as ERROR_CODES is', () => {
    expect(codes.filter((c) => !EXAMPLES.some((e) => e.code === c))).toEqual([]);
    expect(EXAMPLES.filter((e) => !codes.includes(e.code)).map((e) => e.code)).toEqual([]);
    expect(
      codeGroups()
        .flatMap((g) => g.codes)
        .sort(),
    ).toEqual([...codes].sort());
    for (const group of codeGroups()) expect(doc).toContain(`## ${group.title}\n`);
  });
});

/** The SQL compiler is a stage of its own at the end of the pipeline: no earlier stage imports it, so the library works without it. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(folder, e.name)) : e.name.endsWith('.ts') ? [join(folder, e.name)] : [],
  );
}

describe('src/sql', () => {
  it.each(['model', 'load', 'check', 'compile', 'evaluate', 'explain', 'report'])('is not imported by src/%s', (stage) => {
    const importers = sources(join('src', stage)).filter(
      (file) => /from '(\.\.\/)+sql\//.test(readFileSync(file, 'utf8')) || /import\('(\.\.\/)+sql\//.test(readFileSync(file, 'utf8')),
    );
    expect(importers).toEqual([]);
  });

  it('is loaded by the command line only when asked for (lazily)', () => {
    const score = readFileSync('src/cli/commands/score.ts', 'utf8');
    expect(score).not.toMatch(/^import .*sql\//m);
    expect(score).toContain("await import('../../sql/score-with-sql.js')");
  });
});

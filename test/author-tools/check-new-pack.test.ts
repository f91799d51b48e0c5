// The checks both init scaffolds make before writing: a name that cannot be a pack id and a folder
// that exists are refused with a USAGE diagnostic, the same for a methodology and a thematic.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkFolderFree, checkPackName } from '../../src/init/check-new-pack.js';
import { scaffoldMethodology } from '../../src/init/scaffold-methodology.js';
import { scaffoldThematic } from '../../src/init/scaffold-thematic.js';

const root = mkdtempSync(join(tmpdir(), 'check-new-pack-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('checkPackName', () => {
  it.each([
    { name: 'care-2025', ok: true },
    { name: 'a.b_c(d)-1', ok: true },
    { name: 'x'.repeat(64), ok: true },
    { name: 'x'.repeat(65), ok: false },
    { name: 'no spaces', ok: false },
    { name: '-leading', ok: false },
    { name: '', ok: false },
    { name: 'a/b', ok: false },
  ])('$name: ok $ok', ({ name, ok }) => {
    const problem = checkPackName(name, 'an-example');
    if (ok) expect(problem).toBeNull();
    else {
      expect(problem?.errors).toHaveLength(1);
      expect(problem?.errors[0]).toMatchObject({ code: 'USAGE', severity: 'error', message: `'${name}' cannot be a pack id` });
      expect(problem?.errors[0]?.hint).toContain('e.g. an-example');
    }
  });
});

describe('checkFolderFree', () => {
  it('refuses a folder that exists and passes one that does not', () => {
    expect(checkFolderFree(join(root, 'not-there'))).toBeNull();
    const taken = checkFolderFree(root);
    expect(taken?.errors[0]).toMatchObject({ code: 'USAGE', message: `${root} already exists` });
    expect(taken?.errors[0]?.hint).toContain('init never overwrites');
  });
});

describe('both scaffolds refuse a bad name with their own example id', () => {
  it.each([
    { scaffold: () => scaffoldMethodology({ name: 'no spaces', kind: 'sample', dir: root }), example: 'care-2025' },
    { scaffold: () => scaffoldThematic({ name: 'no spaces', methodology: 'rules/esi-2003', dir: root }), example: 'housing-2003' },
  ])('e.g. $example', ({ scaffold, example }) => {
    const out = scaffold();
    expect('errors' in out && out.errors[0]).toMatchObject({ code: 'USAGE', message: "'no spaces' cannot be a pack id" });
    expect('errors' in out && out.errors[0]?.hint).toContain(`e.g. ${example}`);
  });
});

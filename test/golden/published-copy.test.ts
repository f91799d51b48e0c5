// The golden figures are a verbatim copy of the published reference, kept in the repository so
// the tests pass on any clone; when the shared reference is beside the repository, the copy must
// equal it byte for byte.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const copy = new URL('./derbyshire-2003-published.json', import.meta.url);
const shared = new URL('../../../shared/reference/derbyshire-2003-published.json', import.meta.url);

describe('golden copy of the published Derbyshire figures', () => {
  it('is valid JSON with the published scoring summary', () => {
    const published = JSON.parse(readFileSync(copy, 'utf8'));
    expect(published.overall.score).toBeTypeOf('number');
    expect(Object.keys(published.sectionA)).toHaveLength(5);
  });
  it.runIf(existsSync(shared))('equals the shared reference byte for byte', () => {
    expect(readFileSync(copy, 'utf8')).toBe(readFileSync(shared, 'utf8'));
  });
});

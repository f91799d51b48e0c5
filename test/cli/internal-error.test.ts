/** An unexpected exception inside a command ends with `internal error: …` and exit 70, no stack trace. */
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../src/pipeline/load-pack.js', () => ({
  loadPack: () => {
    throw new Error('the loader broke');
  },
}));

describe('criteria on an internal error', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    process.exitCode = undefined;
  });

  it('prints internal error and returns 70', async () => {
    const written: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    const { main } = await import('../../src/cli/main.js');
    expect(await main(['validate', 'test/fixtures/packs/valid/full'])).toBe(70);
    expect(written.join('')).toBe('internal error: the loader broke\n');
  });
});

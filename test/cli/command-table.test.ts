import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildProgram, COMMANDS } from '../../src/cli/main.js';

describe('the command table', () => {
  it('names every command file, each under the name it registers', async () => {
    const files = readdirSync('src/cli/commands')
      .filter((f) => f.endsWith('.ts'))
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    expect(Object.keys(COMMANDS).sort()).toEqual(files);
    for (const name of files) {
      const program = await buildProgram([name]);
      expect(program.commands.map((c) => c.name())).toEqual([name]);
    }
  });

  it('registers every command for help and for a word that names none', async () => {
    for (const argv of [[], ['--help'], ['help'], ['scroe']]) {
      const program = await buildProgram(argv);
      expect(program.commands.map((c) => c.name())).toEqual(Object.keys(COMMANDS).sort());
    }
  });
});

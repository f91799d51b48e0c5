/**
 * The service's examples work as written: the README's curl commands, run by a shell against
 * `criteria serve` started as the README starts it, give the command line's result; and the
 * committed request body is what scripts/write-service-example.ts writes.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, ensureBuilt, REPO, runCli } from '../hostile/built-cli.js';
import { EXAMPLE_FOLDER, serviceExample } from '../../scripts/write-service-example.js';

const readme = readFileSync(join(REPO, 'README.md'), 'utf8');

/** The shell block of the README's service section, its commands joined across continued lines. */
function readmeCommands(): string[] {
  const section = readme.slice(readme.indexOf('## The scoring service'));
  const block = /```sh\n([\s\S]*?)```/.exec(section)![1]!;
  return block
    .replace(/\\\n\s*/g, '')
    .split('\n')
    .map((l) => l.replace(/\s+#.*$/, '').trim())
    .filter((l) => l !== '');
}

describe('the service examples', () => {
  it('the committed request body is the Derbyshire inspection as scripts/write-service-example.ts writes it', async () => {
    expect(readFileSync(join(REPO, EXAMPLE_FOLDER, 'request.json'), 'utf8')).toBe(await serviceExample());
  });

  it("the README's curl commands work as written", async () => {
    const [start, ...curls] = readmeCommands();
    expect(start).toBe('npx criteria serve --port 8080 &');
    expect(curls).toHaveLength(2);
    if (spawnSync('curl', ['--version']).status !== 0) {
      if (process.env.CI === 'true') throw new Error('curl is missing');
      console.log('curl is not installed: the README curl example was not run');
      return;
    }
    ensureBuilt();
    // As `npx criteria serve` would run it, on a free port in place of 8080 (which may be taken here).
    const child = spawn(process.execPath, [CLI, 'serve', '--port', '0'], { cwd: REPO, stdio: ['ignore', 'pipe', 'ignore'] });
    try {
      const port = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (b: Buffer) => {
          out += b.toString();
          const match = /127\.0\.0\.1:(\d+)\//.exec(out);
          if (match) resolve(match[1]!);
        });
        setTimeout(() => reject(new Error('the server printed no URL')), 20_000);
      });
      const run = (command: string) =>
        spawnSync('sh', ['-c', command.replace(':8080', `:${port}`)], { cwd: REPO, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
      const packs = run(curls[0]!);
      expect(packs.status).toBe(0);
      expect((JSON.parse(packs.stdout) as { packs: Array<{ id: string }> }).packs.map((p) => p.id)).toContain('esi-2003');
      const scored = run(curls[1]!);
      expect(scored.status).toBe(0);
      const cli = runCli(['score', EXAMPLE_FOLDER, '--format', 'json'], 20_000);
      const strip = (text: string) => {
        const value = JSON.parse(text) as { provenance: Record<string, unknown> };
        delete value.provenance.inputSha256;
        return value;
      };
      expect(strip(scored.stdout)).toEqual(strip(cli.stdout));
    } finally {
      child.kill('SIGTERM');
    }
  });
});

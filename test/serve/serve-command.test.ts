/**
 * `criteria serve` as a user runs it: it prints the URL it listens on (a free port with --port 0),
 * binds to 127.0.0.1, refuses bad options with exit 2, and on SIGTERM or SIGINT lets a request in
 * flight finish, then exits 0.
 */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CLI, ensureBuilt, REPO, runCli } from '../hostile/built-cli.js';
import { derbyshireRequest } from './service-client.js';

function startCli(args: string[]): Promise<{ url: string; child: ReturnType<typeof spawn>; output: () => string; exited: Promise<number | null> }> {
  ensureBuilt();
  const child = spawn(process.execPath, [CLI, 'serve', ...args], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr.on('data', (b: Buffer) => (out += b.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL printed: ${out}`)), 20_000);
    child.stdout.on('data', () => {
      const match = /listening on (http:\/\/\S+\/) /.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1]!, child, output: () => out, exited });
      }
    });
  });
}

describe('criteria serve', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`prints its URL on 127.0.0.1, and on ${signal} finishes the request in flight and exits 0`, async () => {
      const { url, child, output, exited } = await startCli(['--port', '0']);
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const health = await fetch(`${url}healthz`);
      expect(health.status).toBe(200);
      // A request whose body is still arriving when the signal comes.
      const { request } = await derbyshireRequest();
      const { cases, ...header } = request;
      let release!: () => void;
      const released = new Promise<void>((r) => (release = r));
      let step = 0;
      const body = new ReadableStream<Uint8Array>({
        async pull(c) {
          if (step === 0) c.enqueue(Buffer.from(JSON.stringify(header) + '\n'));
          else if (step === 1) {
            await released;
            c.enqueue(Buffer.from(cases!.map((r) => JSON.stringify(r)).join('\n')));
          } else c.close();
          step++;
        },
      });
      const inFlight = fetch(`${url}v1/score`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-ndjson' },
        body,
        duplex: 'half',
      } as RequestInit).then((r) => r.status);
      while (step < 1) await new Promise((r) => setTimeout(r, 10));
      await new Promise((r) => setTimeout(r, 300));
      child.kill(signal);
      await new Promise((r) => setTimeout(r, 100));
      release();
      expect(await inFlight).toBe(200);
      expect(await exited).toBe(0);
      expect(output()).toContain('criteria serve: stopped');
      // One access-log line per request, as JSON, on standard error.
      const lines = output()
        .split('\n')
        .filter((l) => l.startsWith('{'));
      expect(lines.map((l) => (JSON.parse(l) as { route: string }).route)).toEqual(['/healthz', '/v1/score']);
    });
  }

  it('refuses bad options with exit 2', () => {
    for (const args of [
      ['--port', '70000'],
      ['--max-body', 'lots'],
      ['--timeout', 'forever'],
      ['--max-cases', '0'],
      ['--token', 'short'],
      ['no-such-folder'],
    ]) {
      const run = runCli(['serve', ...args]);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/^error USAGE: /);
    }
  });
});

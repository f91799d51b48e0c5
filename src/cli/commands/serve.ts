/**
 * `criteria serve [workspace]`: the scoring service over HTTP (JSON in and out, an OpenAPI
 * document at /openapi.json), scoring with the workspace's packs by id and version range. Runs
 * until SIGINT or SIGTERM, then lets requests in flight finish and exits 0.
 */
import { resolve } from 'node:path';
import type { Command } from 'commander';

interface ServeCommandOptions {
  host: string;
  port: string;
  token?: string;
  maxBody: string;
  maxCases: string;
  timeout: string;
  cors?: string;
}

export function register(program: Command): void {
  program
    .command('serve')
    .description('serve the scoring API (and the author workbench) over HTTP, scoring with the packs of a workspace')
    .argument('[workspace]', 'a folder of packs: its rules/ and thematics/ folders, or a pack folder', '.')
    .option('--host <address>', 'the address to listen on (only this machine by default)', '127.0.0.1')
    .option('--port <n>', 'the port; 0 picks a free one', '8080')
    .option('--token <token>', 'require Authorization: Bearer <token> on every /v1 route (or set CRITERIA_TOKEN)')
    .option('--max-body <size>', 'the largest request body, e.g. 10mb', '10mb')
    .option('--max-cases <n>', 'the most cases one request may score', '1000000')
    .option('--timeout <duration>', 'the longest a request may take, e.g. 30s', '30s')
    .option('--cors <origin>', 'let pages from this one origin call the API (CORS is off otherwise)')
    .action(async (workspace: string, options: ServeCommandOptions) => {
      process.exitCode = await runServe(workspace, options);
    });
}

export async function runServe(workspace: string, options: ServeCommandOptions): Promise<number> {
  const { existsSync, statSync } = await import('node:fs');
  const { parseDuration, parseSize } = await import('../../serve/serve-options.js');
  const usage = (message: string) => {
    process.stderr.write(`error USAGE: ${message}\n`);
    return 2;
  };
  const port = Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) return usage(`--port takes a whole number from 0 to 65535, got '${options.port}'`);
  const maxBodyBytes = parseSize(options.maxBody);
  if (maxBodyBytes === undefined) return usage(`--max-body takes a size such as 10mb or 512kb, got '${options.maxBody}'`);
  const maxCases = Number(options.maxCases);
  if (!Number.isSafeInteger(maxCases) || maxCases < 1) return usage(`--max-cases takes a whole number of at least 1, got '${options.maxCases}'`);
  const timeoutMs = parseDuration(options.timeout);
  if (timeoutMs === undefined) return usage(`--timeout takes a duration such as 30s or 2m, got '${options.timeout}'`);
  const root = resolve(workspace);
  if (!existsSync(root) || !statSync(root).isDirectory()) return usage(`the workspace '${workspace}' is not a folder`);
  const token = options.token ?? process.env.CRITERIA_TOKEN;
  if (token !== undefined && !/^[\x21-\x7e]{8,256}$/.test(token)) return usage('--token takes 8 to 256 visible ASCII characters');
  const { startServer } = await import('../../serve/start-server.js');
  let started;
  try {
    started = await startServer({
      workspace: root,
      host: options.host,
      port,
      maxBodyBytes,
      maxCases,
      timeoutMs,
      ...(token !== undefined ? { token } : {}),
      ...(options.cors !== undefined ? { cors: options.cors } : {}),
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    process.stderr.write(`error USAGE: cannot listen on ${options.host}:${port}${code ? ` (${code})` : ''}\n`);
    return 1;
  }
  process.stdout.write(`criteria serve: listening on ${started.url} (API under ${started.url}v1/, OpenAPI at ${started.url}openapi.json)\n`);
  // The author workbench's page, with the token in the fragment (never sent to the server in the URL) when there is one.
  process.stdout.write(`workbench: ${started.url}${token !== undefined ? `#token=${token}` : ''}\n`);
  await started.closed;
  process.stdout.write('criteria serve: stopped\n');
  return 0;
}

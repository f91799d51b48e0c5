/**
 * The built command line (`node dist/cli/main.js`), built first when dist/ is missing or older than
 * src/. Test files that run it share one build through a lock folder, so two of them starting at
 * once do not write dist/ together. Runs are subprocesses with a time limit and captured output.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
export const CLI = join(REPO, 'dist/cli/main.js');
const STAMP = join(REPO, 'dist/.hostile-built');
const LOCK = join(REPO, 'dist/.hostile-build-lock');

function newest(folder: string, pattern: RegExp): number {
  let latest = 0;
  const stack = [folder];
  while (stack.length > 0) {
    const dir = stack.pop()!;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) stack.push(path);
      else if (pattern.test(entry.name)) latest = Math.max(latest, statSync(path).mtimeMs);
    }
  }
  return latest;
}

function isCurrent(): boolean {
  if (!existsSync(CLI) || !existsSync(STAMP)) return false;
  const source = Math.max(newest(join(REPO, 'src'), /\.(ts|cjs)$/), statSync(join(REPO, 'package.json')).mtimeMs);
  return statSync(STAMP).mtimeMs >= source;
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Builds dist/ unless it is current; returns the CLI's path. */
export function ensureBuilt(): string {
  if (isCurrent()) return CLI;
  mkdirSync(join(REPO, 'dist'), { recursive: true });
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // Another test file is building: wait for it, then use its build.
      if (Date.now() > deadline) rmSync(LOCK, { recursive: true, force: true });
      sleep(200);
      if (isCurrent()) return CLI;
    }
  }
  try {
    const started = Date.now();
    // tsc emits even when some file has a type error (another engineer's work in progress); the
    // tests then run what it emitted, and type errors are the type check's business.
    spawnSync(process.execPath, [join(REPO, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: REPO, encoding: 'utf8' });
    const copy = spawnSync(process.execPath, ['scripts/copy-generated.mjs'], { cwd: REPO, encoding: 'utf8' });
    if (!existsSync(CLI) || copy.status !== 0) throw new Error(`the build failed: ${copy.stderr}`);
    writeFileSync(STAMP, `built in ${Date.now() - started} ms\n`);
    return CLI;
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  /** Wall time, in milliseconds. */
  ms: number;
  timedOut: boolean;
}

/** Runs `criteria …args` with the built CLI from the repository folder. */
export function runCli(args: readonly string[], timeoutMs = 5_000): Run {
  const started = Date.now();
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: REPO, encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 });
  return {
    status: r.status,
    stdout: r.stdout ?? '',
    stderr: r.stderr ?? '',
    ms: Date.now() - started,
    timedOut: r.error !== undefined && 'code' in r.error && r.error.code === 'ETIMEDOUT',
  };
}

/** At most one run per processor at a time, so that a run's time measures it, not its neighbours. */
const slots = { free: Math.max(1, availableParallelism()), waiting: [] as Array<() => void> };

async function inSlot<T>(work: () => Promise<T>): Promise<T> {
  if (slots.free > 0) slots.free--;
  else await new Promise<void>((resolve) => slots.waiting.push(resolve));
  try {
    return await work();
  } finally {
    const next = slots.waiting.shift();
    if (next) next();
    else slots.free++;
  }
}

/** The same, without blocking: several runs can go at once. The time limit kills the process. */
export function runCliAsync(args: readonly string[], timeoutMs = 5_000): Promise<Run> {
  return inSlot(() => spawnRun(args, timeoutMs));
}

function spawnRun(args: readonly string[], timeoutMs: number): Promise<Run> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), ms: Date.now() - started, timedOut });
    });
  });
}

/** Lines that only a stack trace has. */
export const STACK_TRACE = /^\s+at .+|node:internal|^\s*at (?:async )?\S+ \(/m;

/**
 * Cold-start wall time of the built command: spawn `node dist/cli/main.js …`, wait for it to exit,
 * median of several runs (after one unmeasured run that warms the file cache). Builds dist/ first
 * when it is missing or older than src/.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { median } from './timing.js';
import { ROOT } from './setup.js';

/** The newest modification time of any file under a folder. */
function newest(folder: string): number {
  let latest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) latest = Math.max(latest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return latest;
}

export interface BuildState {
  /** 'fresh' (dist/ newer than src/), 'built' (npm run build just now), or 'stale' (the build failed; the old dist/ was measured). */
  state: 'fresh' | 'built' | 'stale';
  note?: string;
}

export function ensureBuilt(): BuildState {
  const main = join(ROOT, 'dist/cli/main.js');
  if (existsSync(main) && newest(join(ROOT, 'dist')) >= newest(join(ROOT, 'src'))) return { state: 'fresh' };
  const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, encoding: 'utf8' });
  if (build.status === 0) return { state: 'built' };
  if (!existsSync(main)) throw new Error(`npm run build failed and there is no dist/ to measure:\n${build.stdout}${build.stderr}`);
  return { state: 'stale', note: `npm run build failed (${(build.stdout + build.stderr).trim().split('\n')[0] ?? ''}); measured the existing dist/` };
}

export interface ColdStart {
  command: string;
  runs: number[];
  median: number;
}

export function measureColdStart(args: string[], runs = 7): ColdStart {
  const command = `node ${args.join(' ')}`;
  const once = (): number => {
    const started = performance.now();
    const child = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'ignore' });
    const ms = performance.now() - started;
    if (child.status !== 0) throw new Error(`${command} exited with ${child.status ?? child.signal}`);
    return ms;
  };
  once();
  const times = Array.from({ length: runs }, once);
  return { command, runs: times, median: median(times) };
}

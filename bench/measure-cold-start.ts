/**
 * Cold-start wall time of the built command: spawn `node dist/cli/main.js …`, wait for it to exit,
 * median of several runs (after one unmeasured run that warms the file cache), beside a bare
 * `node -e 0` measured in the same rounds. Builds dist/ first when it is missing or older than src/.
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

/** One spawn of `node …args`, in milliseconds from spawn to exit. */
function spawnOnce(args: readonly string[], env: Record<string, string> = {}): number {
  const started = performance.now();
  const child = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'ignore', env: { ...process.env, ...env } });
  const ms = performance.now() - started;
  if (child.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${child.status ?? child.signal}`);
  return ms;
}

export function measureColdStart(args: string[], runs = 7): ColdStart {
  spawnOnce(args);
  const times = Array.from({ length: runs }, () => spawnOnce(args));
  return { command: `node ${args.join(' ')}`, runs: times, median: median(times) };
}

/** The commands whose cold start is judged, by name, and the bare Node they are judged against. */
export const COLD_START_COMMANDS = {
  bare: ['-e', '0'],
  validate: ['dist/cli/main.js', 'validate', 'rules/esi-2003'],
  score: ['dist/cli/main.js', 'score', 'rules/esi-2003/examples/derbyshire-2003'],
  // The same with no value cache (CRITERIA_CACHE=off): every file parsed, as on a first run or after an edit.
  validateUncached: ['dist/cli/main.js', 'validate', 'rules/esi-2003'],
  scoreUncached: ['dist/cli/main.js', 'score', 'rules/esi-2003/examples/derbyshire-2003'],
} as const;

const ENV: Partial<Record<keyof typeof COLD_START_COMMANDS, Record<string, string>>> = {
  validateUncached: { CRITERIA_CACHE: 'off' },
  scoreUncached: { CRITERIA_CACHE: 'off' },
};

export type ColdStarts = Record<keyof typeof COLD_START_COMMANDS, ColdStart>;

/**
 * The cold starts of `node -e 0`, validate and score, taken in rounds (one run of each per round,
 * after one unmeasured round), so that other work on the machine weighs on all three alike and
 * their ratios hold even when the absolute times do not.
 */
export function measureColdStarts(rounds = 11): ColdStarts {
  const names = Object.keys(COLD_START_COMMANDS) as Array<keyof typeof COLD_START_COMMANDS>;
  for (const name of names) spawnOnce(COLD_START_COMMANDS[name], ENV[name]);
  const times = new Map(names.map((name) => [name, [] as number[]]));
  for (let round = 0; round < rounds; round++) for (const name of names) times.get(name)!.push(spawnOnce(COLD_START_COMMANDS[name], ENV[name]));
  const result = {} as ColdStarts;
  for (const name of names) {
    const env = Object.entries(ENV[name] ?? {}).map(([k, v]) => `${k}=${v} `);
    result[name] = { command: `${env.join('')}node ${COLD_START_COMMANDS[name].join(' ')}`, runs: times.get(name)!, median: median(times.get(name)!) };
  }
  return result;
}

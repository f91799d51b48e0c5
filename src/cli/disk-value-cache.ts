/**
 * The command line's value cache (see src/load/value-cache.ts) on disk: one JSON file per parsed
 * file, under $XDG_CACHE_HOME/criteria/values (by default ~/.cache/criteria/values), so a second
 * `criteria validate` or `score` of the same pack reads its files' values instead of parsing
 * them. A file that cannot be read, parsed or written is a miss, never an error. The folder is
 * emptied when the command is built anew (a new build may parse differently) and keeps at most
 * MAX_ENTRIES files, the least recently written going first. CRITERIA_CACHE=off turns it off; run
 * from the TypeScript sources (a development run) there is none.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ValueCache } from '../load/value-cache.js';
import { ENGINE_VERSION } from '../engine-version.js';

const MAX_ENTRIES = 2000;

/** The cache for this run, or undefined when there is none. */
export function openDiskValueCache(env: NodeJS.ProcessEnv = process.env): ValueCache | undefined {
  const self = fileURLToPath(import.meta.url);
  if (env.CRITERIA_CACHE === 'off' || self.endsWith('.ts')) return undefined;
  // The XDG base directory rule: a relative XDG_CACHE_HOME is ignored.
  const base = env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : join(homedir(), '.cache');
  const folder = join(base, 'criteria', 'values');
  let build: string;
  try {
    const stat = statSync(self);
    build = `${ENGINE_VERSION} ${stat.size} ${stat.mtimeMs}`;
    if (readText(join(folder, 'BUILD')) !== build) {
      rmSync(folder, { recursive: true, force: true });
      mkdirSync(folder, { recursive: true, mode: 0o700 });
      writeFileSync(join(folder, 'BUILD'), build);
    }
  } catch {
    return undefined;
  }
  const path = (key: string) => join(folder, `${key}.json`);
  return {
    get(key) {
      const text = readText(path(key));
      if (text === undefined) return undefined;
      try {
        return JSON.parse(text) as unknown;
      } catch {
        return undefined;
      }
    },
    set(key, value) {
      try {
        // Written whole then renamed: a reader never sees half a file.
        const temporary = `${path(key)}.${process.pid}.tmp`;
        writeFileSync(temporary, JSON.stringify(value), { mode: 0o600 });
        renameSync(temporary, path(key));
        prune(folder);
      } catch {
        // A cache that cannot be written is no cache.
      }
    },
  };
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** Removes the least recently written tenth of the entries when there are more than MAX_ENTRIES. */
function prune(folder: string): void {
  const entries = readdirSync(folder).filter((name) => name.endsWith('.json'));
  if (entries.length <= MAX_ENTRIES) return;
  const byAge = entries.map((name) => ({ name, written: statSync(join(folder, name)).mtimeMs })).sort((a, b) => a.written - b.written);
  for (const { name } of byAge.slice(0, entries.length - MAX_ENTRIES + MAX_ENTRIES / 10)) rmSync(join(folder, name), { force: true });
}

// Writes dist/cli/main.cjs.cache, V8's code cache for the bundled command line: the bin (see
// scripts/build-command.mjs) runs `criteria score` on the bundled example once, then saves the
// code V8 compiled for it, the bundle's top level and every function that run called. A later
// run of any command loads that code instead of compiling it again.
import { spawnSync } from 'node:child_process';
import process from 'node:process';
import { existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// The bin's name in dist/cli, as given to scripts/build-command.mjs.
const name = process.argv[2] ?? 'main';
const cache = join(root, `dist/cli/${name}.cjs.cache`);
rmSync(cache, { force: true });
const run = spawnSync(process.execPath, [join(root, `dist/cli/${name}.js`), 'score', join(root, 'rules/esi-2003/examples/derbyshire-2003')], {
  // No value cache (src/cli/disk-value-cache.ts): a build writes nothing outside the repository.
  env: { ...process.env, CRITERIA_WRITE_CODE_CACHE: '1', CRITERIA_CACHE: 'off' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
if (run.status !== 0) {
  process.stderr.write(`build-code-cache: the bundled example did not score (exit ${run.status})\n`);
  process.exit(1);
}
// Where Node cannot run the bundle from a cache (before 20.12), none is written, and none is needed.
if (!existsSync(cache)) process.stderr.write('build-code-cache: this Node writes no code cache; the command compiles its code at each run\n');

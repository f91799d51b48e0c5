// Bundles the command line (src/cli/main.ts and everything it loads) into one CommonJS file,
// dist/cli/main.cjs, and puts in place of tsc's dist/cli/main.js (the `bin`) a few lines that
// load it: one file to read and compile instead of a hundred modules to resolve, so `criteria`
// starts faster. CommonJS, because a bundled module's imports then run when that module is first
// used, not all at the start as an ES module's would. The library (dist/index.js and the rest of
// dist/) stays as tsc built it. Each bundled module keeps the import.meta.url of its own file in
// dist/, so the files it finds beside itself (the precompiled validators, the schemas, the worker
// script, the workbench) are found where tsc's build has them. The server, database and DuckDB packages stay
// outside the bundle: only serve and --engine load them, from node_modules.
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');
const outfile = join(root, 'dist/cli/main.cjs');
const bin = join(root, 'dist/cli/main.js');
const EXTERNAL = ['@duckdb/node-api', 'pg', 'fastify', '@fastify/*', 'light-my-request', 'ajv', 'ajv/*'];

/** Replaces import.meta.url in each source file by the URL of that file's build in dist/. */
const ownUrl = {
  name: 'own-import-meta-url',
  setup(bundle) {
    bundle.onLoad({ filter: /\.ts$/ }, async (args) => {
      if (!args.path.startsWith(src)) return undefined;
      const built = relative(dirname(outfile), join(root, 'dist', relative(src, args.path)))
        .replace(/\\/g, '/')
        .replace(/\.ts$/, '.js');
      const text = await readFile(args.path, 'utf8');
      const url = `new URL(${JSON.stringify(built.startsWith('.') ? built : `./${built}`)}, __bundleUrl).href`;
      return { contents: text.replace(/\bimport\.meta\.url\b/g, url), loader: 'ts' };
    });
  },
};

await build({
  entryPoints: [join(src, 'cli/main.ts')],
  outfile,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // A package's ES module build where it has one: jsonc-parser's `main` is a UMD build that
  // requires its parts by paths no bundler follows.
  mainFields: ['module', 'main'],
  external: EXTERNAL,
  plugins: [ownUrl],
  banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  legalComments: 'none',
  // Fewer bytes to read and parse at each start; no message or behaviour depends on a name.
  minify: true,
  // import.meta.resolve is used only when running from the TypeScript source (start-worker.ts), never in the bundle.
  logOverride: { 'empty-import-meta': 'silent' },
  logLevel: 'warning',
});

// The bin: sets how eagerly V8 optimises, then loads the bundle with require (an import would
// first scan its bytes for exports).
const shim = `#!/usr/bin/env node
// The criteria command line, bundled into main.cjs by scripts/build-command.mjs.
import { createRequire } from 'node:module';
import { setFlagsFromString } from 'node:v8';
// Most runs last a fraction of a second, which V8 would spend compiling optimised code (on another
// thread) that the run ends before using. A larger budget leaves that to code that runs for long,
// such as scoring a large case file, and cuts about a quarter of a short run's time.
setFlagsFromString('--interrupt-budget=1000000');
createRequire(import.meta.url)('./main.cjs');
`;
await writeFile(bin, shim, { mode: 0o755 });

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
import process from 'node:process';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');
// The name of the bin in dist/cli ('main'; a test builds one of another name beside it).
const name = process.argv[2] ?? 'main';
const outfile = join(root, `dist/cli/${name}.cjs`);
const bin = join(root, `dist/cli/${name}.js`);
const EXTERNAL = ['@duckdb/node-api', 'pg', 'fastify', '@fastify/*', 'light-my-request', 'ajv', 'ajv/*'];

/**
 * A module loaded at run time rather than bundled (a Node built-in, an external package, a URL)
 * is imported through `__import`, the bin's own import (see the banner): V8 forgets how a script
 * compiled from its code cache imports, so the bundle's own import() would fail there.
 */
const isOutside = (specifier) =>
  specifier.startsWith('node:') || EXTERNAL.some((e) => (e.endsWith('/*') ? specifier.startsWith(e.slice(0, -1)) : specifier === e));
const outsideImports = (text) =>
  text
    .replace(/\bimport\((['"])([^'"]+)\1\)/g, (call, quote, specifier) => (isOutside(specifier) ? `__import(${quote}${specifier}${quote})` : call))
    .replace(/\bimport\(([A-Za-z_$][\w$.]*)\)/g, '__import($1)');

/** Replaces import.meta.url in each source file by the URL of that file's build in dist/. */
const ownUrl = {
  name: 'own-import-meta-url',
  setup(bundle) {
    bundle.onLoad({ filter: /\.ts$/ }, async (args) => {
      if (!args.path.startsWith(src)) return undefined;
      // The entry module's file is the bin (its test of being the program run compares them).
      const built =
        args.path === join(src, 'cli/main.ts')
          ? `./${name}.js`
          : relative(dirname(outfile), join(root, 'dist', relative(src, args.path)))
              .replace(/\\/g, '/')
              .replace(/\.ts$/, '.js');
      const text = await readFile(args.path, 'utf8');
      const url = `new URL(${JSON.stringify(built.startsWith('.') ? built : `./${built}`)}, __bundleUrl).href`;
      return { contents: outsideImports(text.replace(/\bimport\.meta\.url\b/g, url)), loader: 'ts' };
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
  // __criteriaImport is the bin's import(), given when it runs the bundle from its code cache.
  banner: {
    js: [
      "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;",
      "const __import = typeof __criteriaImport === 'function' ? __criteriaImport : (specifier) => import(specifier);",
    ].join('\n'),
  },
  legalComments: 'none',
  // Fewer bytes to read and parse at each start; no message or behaviour depends on a name.
  minify: true,
  // import.meta.resolve is used only when running from the TypeScript source (start-worker.ts), never in the bundle.
  logOverride: { 'empty-import-meta': 'silent' },
  logLevel: 'warning',
});

// The bundle has no shebang: the bin below runs it, as the body of a function.
await writeFile(outfile, (await readFile(outfile, 'utf8')).replace(/^#!.*\n/, ''));

// The bin: sets how eagerly V8 optimises, then runs the bundle as Node would run a CommonJS file,
// but compiled with V8's code cache (main.cjs.cache, written by scripts/build-code-cache.mjs) when
// there is one: compiling the bundle's code is a large part of a short run. V8 refuses a cache made
// by another V8 version or for other bytes, and then compiles the code itself, as without one.
// Where Node cannot let such a script import modules (before 20.12), the bundle is simply required.
const shim = `#!/usr/bin/env node
// The criteria command line, bundled into ${name}.cjs by scripts/build-command.mjs.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import vm from 'node:vm';
// Most runs last a fraction of a second, which V8 would spend compiling optimised code (on another
// thread) that the run ends before using. A larger budget leaves that to code that runs for long,
// such as scoring a large case file, and cuts about a quarter of a short run's time.
setFlagsFromString('--interrupt-budget=1000000');
const bundle = fileURLToPath(new URL('./${name}.cjs', import.meta.url));
const importer = vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER;
if (importer === undefined) {
  createRequire(bundle)(bundle);
} else {
  let cachedData;
  try {
    cachedData = readFileSync(\`\${bundle}.cache\`);
  } catch {
    cachedData = undefined;
  }
  const source = \`(function (exports, require, module, __filename, __dirname, __criteriaImport) {\${readFileSync(bundle, 'utf8')}\\n})\`;
  const script = new vm.Script(source, { filename: bundle, cachedData, importModuleDynamically: importer });
  // The build writes the cache from a run of the bundled example (scripts/build-code-cache.mjs).
  if (process.env.CRITERIA_WRITE_CODE_CACHE === '1') process.on('exit', () => writeFileSync(\`\${bundle}.cache\`, script.createCachedData()));
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dirname(bundle), (specifier) => import(specifier));
}
`;
await writeFile(bin, shim, { mode: 0o755 });

// Bundles the workbench page (src/workbench/app) with esbuild into dist/workbench/: app.js (the
// editor and panels, CodeMirror included), app.css and index.html. Nothing is fetched at run time.
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const app = join(root, 'src/workbench/app');
const out = join(root, 'dist/workbench');
mkdirSync(out, { recursive: true });
await build({
  entryPoints: [join(app, 'main.ts')],
  outfile: join(out, 'app.js'),
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  legalComments: 'eof',
  logLevel: 'warning',
});
for (const name of ['index.html', 'app.css']) copyFileSync(join(app, name), join(out, name));

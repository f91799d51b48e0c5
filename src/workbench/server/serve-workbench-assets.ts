/**
 * The workbench page and its bundled assets, from dist/workbench/ (built by `npm run build`),
 * served with a Content-Security-Policy that allows only this server's own scripts — no inline
 * script, no eval — so that nothing from a pack's text can run in the page.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** The folder the build writes the page and its bundle to. */
export const ASSETS_FOLDER = fileURLToPath(new URL('../../../dist/workbench/', import.meta.url));

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  // CodeMirror and the scoring sheet (shown in a sandboxed frame) carry their own style elements.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const ASSETS: Record<string, string> = {
  'index.html': 'text/html; charset=utf-8',
  'app.js': 'text/javascript; charset=utf-8',
  'app.css': 'text/css; charset=utf-8',
};

export function secureHeaders(reply: FastifyReply, type: string): FastifyReply {
  return reply
    .header('content-type', type)
    .header('content-security-policy', CONTENT_SECURITY_POLICY)
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'no-referrer')
    .header('cross-origin-opener-policy', 'same-origin')
    .header('x-frame-options', 'DENY');
}

export function serveWorkbenchAssets(app: FastifyInstance, folder = ASSETS_FOLDER): void {
  const cache = new Map<string, Buffer>();
  const read = (name: string): Buffer | undefined => {
    let bytes = cache.get(name);
    if (!bytes) {
      const file = join(folder, name);
      if (!existsSync(file)) return undefined;
      bytes = readFileSync(file);
      cache.set(name, bytes);
    }
    return bytes;
  };
  const send = (name: string, reply: FastifyReply) => {
    const bytes = read(name);
    if (!bytes) {
      return secureHeaders(reply.code(503), 'text/plain; charset=utf-8').send('The workbench is not built: run npm run build, then start the server again.\n');
    }
    return secureHeaders(reply, ASSETS[name]!).send(bytes);
  };
  app.get('/', (_request, reply) => send('index.html', reply));
  for (const name of Object.keys(ASSETS).filter((n) => n !== 'index.html')) {
    app.get(`/workbench/${name}`, (_request, reply) => send(name, reply));
  }
}

// The real server (`criteria serve`'s buildServer) on a free port of 127.0.0.1 over a workspace
// folder, with the workbench it registers; its access log kept quiet.
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/serve/build-server.js';

export interface RunningServer {
  app: FastifyInstance;
  url: string;
  close(): Promise<void>;
}

export async function buildWorkbenchApp(workspace: string, options: { token?: string } = {}): Promise<FastifyInstance> {
  const service = await buildServer({
    workspace,
    host: '127.0.0.1',
    port: 0,
    maxBodyBytes: 10 * 1024 * 1024,
    maxCases: 1_000_000,
    timeoutMs: 30_000,
    log: () => {},
    ...options,
  });
  return service.app;
}

export async function startWorkbench(workspace: string, options: { token?: string } = {}): Promise<RunningServer> {
  const app = await buildWorkbenchApp(workspace, options);
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, url: `${address}/`, close: () => app.close() };
}

// A real server with the workbench on a free port of 127.0.0.1, over a workspace folder.
import Fastify, { type FastifyInstance } from 'fastify';
import { registerWorkbench } from '../../src/workbench/server/register-workbench.js';

export interface RunningServer {
  app: FastifyInstance;
  url: string;
  close(): Promise<void>;
}

export async function buildWorkbenchApp(workspace: string): Promise<FastifyInstance> {
  const app = Fastify({ bodyLimit: 10 * 1024 * 1024 });
  await registerWorkbench(app, { workspace });
  return app;
}

export async function startWorkbench(workspace: string): Promise<RunningServer> {
  const app = await buildWorkbenchApp(workspace);
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, url, close: () => app.close() };
}

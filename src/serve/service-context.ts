/** What every route of the service shares: its settings and its workspace of packs. */
import type { ServeOptions } from './serve-options.js';
import type { Workspace } from './workspace.js';

export interface ServiceContext {
  options: ServeOptions;
  workspace: Workspace;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** When the request must be done (a time from Date.now()). */
    deadline: number;
    /** How many cases it read, for the access log. */
    casesRead?: number;
  }
}

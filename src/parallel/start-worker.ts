/** Starts a scoring worker thread, from the built JavaScript or, in development, from the TypeScript source. */
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { WorkerSetup } from './worker-protocol.js';

export function startWorker(setup: WorkerSetup, resourceLimits?: ResourceLimits): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./scoring-worker.js', here), { workerData: setup, ...(resourceLimits ? { resourceLimits } : {}) });
  // Run from source (tests, tsx): loader hooks do not reach a worker thread, so a two-line
  // module registers the TypeScript loader in the worker first, then starts the worker script.
  const script = new URL('./scoring-worker.ts', here).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  const start = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(script)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(start)}`), { workerData: setup, ...(resourceLimits ? { resourceLimits } : {}) });
}

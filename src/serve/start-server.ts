/**
 * Runs the service until SIGINT or SIGTERM: listens, prints the URL, and on a signal stops taking
 * requests, lets those in flight finish, and resolves.
 */
import { buildServer } from './build-server.js';
import type { ServeOptions } from './serve-options.js';

export interface Started {
  /** The URL the service listens on, e.g. http://127.0.0.1:8080/ */
  url: string;
  /** Resolves once the service has shut down. */
  closed: Promise<void>;
  shutDown(): Promise<void>;
}

export async function startServer(options: ServeOptions, signals: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM']): Promise<Started> {
  const service = await buildServer(options);
  await service.app.listen({ host: options.host, port: options.port });
  const address = service.app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  const url = `http://${host}:${port}/`;
  let shutting: Promise<void> | undefined;
  const shutDown = () => (shutting ??= service.shutDown());
  const onSignal = () => void shutDown();
  for (const signal of signals) process.once(signal, onSignal);
  const closed = new Promise<void>((resolve) => service.app.server.once('close', () => resolve()));
  void closed.then(() => {
    for (const signal of signals) process.off(signal, onSignal);
  });
  return { url, closed, shutDown };
}

// Shared set-up for tests against the fake daemon on 127.0.0.1 (real sockets).

import { KoraClient, type KoraClientOptions } from '../../../src/core/daemon/client';
import { DaemonError } from '../../../src/core/daemon/errors';
import { startFakeDaemon, type FakeDaemon, type FakeDaemonOptions } from '../../fake-daemon/server';

/** Starts a fresh fake daemon before each test and closes it (and every client made) after. */
export function useFakeDaemon(options: FakeDaemonOptions = {}) {
  const context = {
    daemon: undefined as unknown as FakeDaemon,
    clients: [] as KoraClient[],
    client(clientOptions: KoraClientOptions = {}, url?: string): KoraClient {
      const client = new KoraClient({ name: 'fake', url: url ?? context.daemon.url }, clientOptions);
      context.clients.push(client);
      return client;
    },
  };
  beforeEach(async () => {
    context.daemon = await startFakeDaemon(options);
  });
  afterEach(async () => {
    await Promise.all(context.clients.map((client) => client.dispose()));
    context.clients = [];
    await context.daemon.close();
  });
  return context;
}

/** Awaits a promise expected to reject with a DaemonError and returns it. */
export async function daemonErrorOf(promise: Promise<unknown>): Promise<DaemonError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DaemonError) return error;
    throw error;
  }
  throw new Error('expected a DaemonError, but the call succeeded');
}

export function apiRequests(daemon: FakeDaemon, path: string): number {
  return daemon.requestLog.filter((entry) => entry.path === path).length;
}

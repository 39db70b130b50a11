// Which daemons the phrasebook operations can talk to (vscode/daemonPicker.ts chooses one): a narrow
// view of the daemon registry, so the operations depend on "a named client", not on how clients are built.
import type * as vscode from 'vscode';
import type { HealthMonitor } from '../../core/health/poller';
import { readingThroughPoller } from '../../core/health/readThrough';
import type { PhrasebookOpsClient } from '../../core/phrasebook/ops/client';
import { daemonKeyOf } from '../../core/phrasebook/ops/historyKeeping';
import type { DaemonRegistry } from '../daemons';

export interface OpsDaemon {
  name: string;
  url: string;
  /** Key of local history and bases (the URL, not the renamable name). */
  key: string;
  client: PhrasebookOpsClient;
}

export interface DaemonAccess {
  list(): OpsDaemon[];
  /** Fires when daemons are added, removed or reconfigured. */
  readonly onDidChange: vscode.Event<void>;
}

export function findDaemon(access: DaemonAccess, name: string): OpsDaemon | undefined {
  return access.list().find((daemon) => daemon.name === name);
}

/** The daemon registry seen as the operations need it: reads through the daemon's poller. */
export function opsDaemonAccess(registry: DaemonRegistry, monitor: () => HealthMonitor): DaemonAccess {
  return {
    list: () =>
      registry.list().map((daemon) => ({
        name: daemon.name,
        url: daemon.url,
        key: daemonKeyOf(daemon),
        client: readingThroughPoller(daemon.client, () => monitor().poller(daemon.name)),
      })),
    onDidChange: registry.onDidChange,
  };
}

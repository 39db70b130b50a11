// Feeds the Phrasebook section of the Health tree: reads live and the backup list of each daemon
// (when it is reachable, once, and again after every write) and rebuilds the section's nodes.
import * as vscode from 'vscode';
import type { LocalHistory } from '../../core/history/localHistory';
import type { HealthNode } from '../../core/tree/daemonTree';
import { READABLE_STATES } from '../../core/health/looks';
import type { DaemonHealth } from '../../core/health/types';
import { buildPhrasebookSection, type PhrasebookSectionData } from '../../core/tree/phrasebookNodes';
import { COMMAND } from '../constants';
import type { DaemonTreeSection } from '../health';
import type { Logger } from '../log';
import { findDaemon, type DaemonAccess } from './daemonAccess';
import { errorText } from './env';

/** After a failed read, wait this long before reading again on the next tree render. */
const RETRY_AFTER_ERROR_MS = 15_000;
const CONNECTING = 'connecting';

interface CacheEntry {
  data: PhrasebookSectionData;
  withHistory: Set<string>;
  readAt: number;
}

export class PhrasebookSection implements DaemonTreeSection, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly cache = new Map<string, CacheEntry>();
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly daemons: DaemonAccess,
    private readonly history: LocalHistory,
    private readonly log: Logger,
  ) {
    this.subscription = daemons.onDidChange(() => {
      const names = new Set(daemons.list().map((daemon) => daemon.name));
      for (const name of [...this.cache.keys()]) if (!names.has(name)) this.cache.delete(name);
      this.changed.fire();
    });
  }

  nodesFor(health: DaemonHealth, now: number): HealthNode[] {
    const name = health.daemon.name;
    const entry = this.cache.get(name);
    const reachable = READABLE_STATES.has(health.state);
    if (reachable && (!entry || (entry.data.error !== undefined && now - entry.readAt > RETRY_AFTER_ERROR_MS))) void this.refresh(name);
    if (!entry && !reachable && health.state !== CONNECTING) return [];
    const data: PhrasebookSectionData = !entry ? { loading: true } : reachable ? entry.data : { ...entry.data, error: `the daemon is ${health.state}: ${health.stateDetail}` };
    return [
      buildPhrasebookSection({
        daemonName: name,
        data,
        backupsWithHistory: entry?.withHistory ?? new Set(),
        now: new Date(now),
        compareCommand: COMMAND.compareBackupWithLive,
      }),
    ];
  }

  /** The data shown for a daemon (tests). */
  dataOf(daemonName: string): PhrasebookSectionData | undefined {
    return this.cache.get(daemonName)?.data;
  }

  /** Reads again (one read per daemon at a time) and re-renders; every daemon when no name is given. */
  refresh(daemonName?: string): Promise<void> {
    if (daemonName === undefined) return Promise.all(this.daemons.list().map((daemon) => this.refresh(daemon.name))).then(() => undefined);
    const running = this.inFlight.get(daemonName);
    if (running) return running.then(() => this.refresh(daemonName));
    const read = this.read(daemonName).finally(() => this.inFlight.delete(daemonName));
    this.inFlight.set(daemonName, read);
    return read;
  }

  private async read(daemonName: string): Promise<void> {
    const daemon = findDaemon(this.daemons, daemonName);
    if (!daemon) return;
    const previous = this.cache.get(daemonName);
    let data: PhrasebookSectionData;
    try {
      const [live, backups] = await Promise.all([daemon.client.getPhrasebook(), daemon.client.getPhrasebookBackups()]);
      data = {
        loading: false,
        live: { source: live.source, source_path: live.source_path, override_candidate_path: live.override_candidate_path, entryCount: live.entries.length },
        backups,
      };
    } catch (error) {
      this.log.warn(`phrasebook of ${daemonName} not read: ${errorText(error)}`);
      // Keep what was shown, marked as not current, rather than blanking the section.
      data = { ...(previous?.data ?? {}), loading: false, error: errorText(error) };
    }
    const records = await this.history.list(daemon.key).catch(() => []);
    const withHistory = new Set(records.flatMap((record) => record.backupFilenames));
    this.cache.set(daemonName, { data, withHistory, readAt: Date.now() });
    this.changed.fire();
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

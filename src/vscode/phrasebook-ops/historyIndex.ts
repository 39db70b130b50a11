// Which backups of each daemon local history holds (their content can be compared with live). Read
// from local history (no daemon request) when the daemons change and after every write.
import * as vscode from 'vscode';
import type { LocalHistory } from '../../core/history/localHistory';
import type { BackupHistorySource } from '../health/controller';
import type { DaemonAccess } from './daemonAccess';

export class BackupHistoryIndex implements BackupHistorySource, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly byDaemon = new Map<string, ReadonlySet<string>>();
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly daemons: DaemonAccess,
    private readonly history: LocalHistory,
  ) {
    this.subscription = daemons.onDidChange(() => void this.refresh());
    void this.refresh();
  }

  withHistory(daemonName: string): ReadonlySet<string> {
    return this.byDaemon.get(daemonName) ?? new Set();
  }

  /** Re-reads local history for one daemon (every daemon without a name). */
  async refresh(daemonName?: string): Promise<void> {
    const daemons = this.daemons.list().filter((daemon) => daemonName === undefined || daemon.name === daemonName);
    if (daemonName === undefined) this.byDaemon.clear();
    await Promise.all(
      daemons.map(async (daemon) => {
        const records = await this.history.list(daemon.key).catch(() => []);
        this.byDaemon.set(daemon.name, new Set(records.flatMap((record) => record.backupFilenames)));
      }),
    );
    this.changed.fire();
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

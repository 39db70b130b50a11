// The single owner of the health feature's lifecycle: it creates the HealthMonitor (the one reader
// of daemon data), tells it when someone is looking (window focus, view visibility, status bar),
// reacts to settings and token changes, and pushes every reading to the tree, status bar, badge
// and notifier.
import * as vscode from 'vscode';
import { systemClock, type Clock } from '../../core/health/clock';
import { HealthMonitor, type RefreshReason, type Stream } from '../../core/health/poller';
import { ALL_STREAMS } from '../../core/health/streams';
import type { DaemonHealth, DaemonState } from '../../core/health/types';
import type { DaemonView } from '../../core/tree/koraTree';
import { VIEW } from '../constants';
import type { KoraConfig, SettingsChange } from '../config';
import type { DaemonRegistry } from '../daemons';
import { DisposableStore } from '../lifecycle';
import type { Logger } from '../log';
import { UnhealthyNotifier } from './notifier';
import { HealthStatusBar } from './statusBar';
import { HealthTreeProvider, type NodeHandle } from './treeProvider';
import { HealthViewPresenter } from './viewPresenter';

/** Which backups of a daemon local history holds (the tree offers "Compare with Live" for them). */
export interface BackupHistorySource {
  withHistory(daemonName: string): ReadonlySet<string>;
  readonly onDidChange: vscode.Event<void>;
}

/** How often countdowns and "updated N s ago" are re-rendered while the view is on screen. */
const TICK_MS = 1000;

export class HealthController implements vscode.Disposable {
  readonly treeProvider: HealthTreeProvider;
  readonly statusBar = new HealthStatusBar();
  readonly view: vscode.TreeView<NodeHandle>;
  private readonly presenter: HealthViewPresenter;
  private readonly notifier: UnhealthyNotifier;
  private readonly store = new DisposableStore();
  private readonly log: Logger;
  private monitorInstance: HealthMonitor;
  private monitorSubscription: vscode.Disposable | undefined;
  private ticker: ReturnType<typeof setInterval> | undefined;
  private firstDemand: ReturnType<typeof setImmediate> | undefined;
  private readonly loggedStates = new Map<string, DaemonState>();
  private backupHistory: BackupHistorySource | undefined;

  constructor(
    private readonly config: KoraConfig,
    private readonly registry: DaemonRegistry,
    log: Logger,
    private readonly clock: Clock = systemClock,
  ) {
    this.log = log;
    this.treeProvider = this.store.add(new HealthTreeProvider());
    this.store.add(this.statusBar);
    this.view = this.store.add(
      vscode.window.createTreeView(VIEW.health, { treeDataProvider: this.treeProvider, showCollapseAll: true }),
    );
    this.presenter = new HealthViewPresenter(this.view);
    this.notifier = new UnhealthyNotifier(this.log, () => config.get('notifyOnUnhealthy'));
    this.statusBar.setEnabled(config.get('statusBarEnabled'));
    this.monitorInstance = this.createMonitor();
    this.store.add(vscode.window.onDidChangeWindowState(() => this.updateDemand()));
    this.store.add(this.view.onDidChangeVisibility(() => this.updateDemand()));
    this.store.add(config.onDidChange((change) => this.onSettingsChanged(change)));
    this.store.add(
      registry.onDidChange(() => {
        this.monitorInstance.setSources(this.sources());
        // The monitor reports changes of daemons it has; an emptied list must be shown too.
        this.showLatest();
      }),
    );
    this.store.add(
      registry.onDidChangeCredentials((daemons) => {
        for (const daemon of daemons)
          this.refresh('config', daemon.name).catch((error: unknown) =>
            this.log.warn(`refresh after token change failed: ${String(error)}`),
          );
      }),
    );
    this.showLatest();
    // The first polls (sockets, requests) start just after activate() returns, off its clock: the
    // tree shows "connecting" meanwhile, as it would while the requests are in flight.
    this.firstDemand = setImmediate(() => {
      this.firstDemand = undefined;
      this.updateDemand();
    });
  }

  /** Lets the phrasebook operations say which backups local history holds. */
  setBackupHistory(source: BackupHistorySource): vscode.Disposable {
    this.backupHistory = source;
    const subscription = source.onDidChange(() => this.showLatest());
    this.showLatest();
    return new vscode.Disposable(() => {
      subscription.dispose();
      if (this.backupHistory === source) this.backupHistory = undefined;
    });
  }

  get monitor(): HealthMonitor {
    return this.monitorInstance;
  }

  /** Reads every daemon (or the named one) now, whatever the demand; resolves when done. */
  async refresh(reason: RefreshReason, daemonName?: string, streams: readonly Stream[] = ALL_STREAMS): Promise<void> {
    let index: number | undefined;
    if (daemonName !== undefined) {
      index = this.registry.list().findIndex((daemon) => daemon.name === daemonName);
      if (index === -1) throw new Error(`no configured daemon is named "${daemonName}"`);
    }
    this.log.trace(`refresh (${reason}) of ${daemonName ?? 'every daemon'}: ${streams.join(', ')}`);
    await this.monitorInstance.refresh(reason, index, streams);
  }

  get viewState() {
    return this.presenter.viewState;
  }

  dispose(): void {
    if (this.firstDemand !== undefined) clearImmediate(this.firstDemand);
    this.stopTicker();
    this.monitorSubscription?.dispose();
    this.monitorInstance.dispose();
    this.store.dispose();
  }

  private createMonitor(): HealthMonitor {
    const minIntervalMs = this.config.get('pollingMinIntervalSeconds') * 1000;
    const maxBackoffMs = this.config.get('pollingMaxBackoffSeconds') * 1000;
    const monitor = new HealthMonitor(this.sources(), { clock: this.clock, minIntervalMs, maxBackoffMs });
    this.monitorSubscription = monitor.onDidChange(() => this.showLatest());
    return monitor;
  }

  private sources() {
    return this.registry.list().map((daemon) => daemon.client);
  }

  private showLatest(): void {
    const daemons = this.monitorInstance.daemons;
    const phrasebooks = this.monitorInstance.phrasebooks;
    const views: DaemonView[] = daemons.map((health, index) => ({
      health,
      phrasebook: phrasebooks[index],
      backupsWithHistory: this.backupHistory?.withHistory(health.daemon.name),
    }));
    const now = this.clock.now();
    this.treeProvider.update(views, now);
    this.statusBar.update(daemons, now);
    this.presenter.update(daemons, now, this.registry.problems.length > 0);
    this.notifier.observe(daemons, now);
    this.logStateChanges(daemons);
  }

  /** Polling is wanted while the window is focused and the view or the status bar shows it. */
  private updateDemand(): void {
    const focused = vscode.window.state.focused;
    const visible = this.view.visible || this.statusBar.isEnabled;
    this.monitorInstance.setDemand({ focused, visible });
    if (focused && this.view.visible) this.startTicker();
    else this.stopTicker();
  }

  private onSettingsChanged(change: SettingsChange): void {
    if (change.affects('statusBarEnabled')) {
      this.statusBar.setEnabled(this.config.get('statusBarEnabled'));
      this.updateDemand();
    }
    if (change.affects('pollingMinIntervalSeconds', 'pollingMaxBackoffSeconds')) {
      // The monitor takes its timing at construction; a new one starts with a fresh schedule.
      this.log.info('polling settings changed; restarting the health monitor');
      this.monitorSubscription?.dispose();
      this.monitorInstance.dispose();
      this.monitorInstance = this.createMonitor();
      this.updateDemand();
    }
  }

  private startTicker(): void {
    this.ticker ??= setInterval(() => {
      const now = this.clock.now();
      this.treeProvider.render(now);
      this.presenter.tick(now);
    }, TICK_MS);
  }

  private stopTicker(): void {
    if (this.ticker !== undefined) clearInterval(this.ticker);
    this.ticker = undefined;
  }

  /** One log line per state change of a daemon, so the log tells the story of an outage. */
  private logStateChanges(daemons: readonly DaemonHealth[]): void {
    for (const health of daemons) {
      const key = `${health.daemon.name} (${health.daemon.url})`;
      const before = this.loggedStates.get(key);
      if (before === health.state) continue;
      this.loggedStates.set(key, health.state);
      const detail = health.stateDetail ? `: ${health.stateDetail}` : '';
      const line = `${key}: ${before ?? 'new'} → ${health.state}${detail}`;
      if (health.state === 'ok' || health.state === 'connecting') this.log.info(line);
      else this.log.warn(line);
    }
  }
}

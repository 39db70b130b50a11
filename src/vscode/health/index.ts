// The health feature: sidebar tree, status bar, badge, welcome pages, polling. `registerHealth`
// is the one line activate() calls; commands find the controller through `healthController`.
import type { HealthMonitor, RefreshReason, Stream } from '../../core/health/poller';
import type { KoraContext } from '../context';
import { daemonRegistry, type DaemonRegistry } from '../daemons';
import { HealthController, type BackupHistorySource } from './controller';
import type { HealthTreeProvider } from './treeProvider';
import type { ViewState } from './viewPresenter';

export type { NodeHandle } from './treeProvider';
export type { BackupHistorySource } from './controller';

/** What integration tests (and other features, e.g. the phrasebook section) may observe. */
export interface HealthApi {
  readonly treeProvider: HealthTreeProvider;
  readonly registry: DaemonRegistry;
  /** The current monitor (a new one is created when the polling settings change). */
  monitor(): HealthMonitor;
  /** Status-bar text with `$(icon)` syntax, or undefined while the item is hidden. */
  statusBarText(): string | undefined;
  /** The view badge's number, or undefined when there is none. */
  badge(): number | undefined;
  /** The view description ("updated 12 s ago"). */
  description(): string | undefined;
  /** The `kora.state` value that picks the welcome page. */
  viewState(): ViewState | undefined;
  /** Whether the Health view is on screen (one of the two reasons to poll). */
  viewVisible(): boolean;
  /** Asks the daemon's poller (every daemon's, without a name) to read these streams now. */
  refresh(reason: RefreshReason, daemonName?: string, streams?: readonly Stream[]): Promise<void>;
  /** Lets the phrasebook operations say which backups local history holds. */
  setBackupHistory(source: BackupHistorySource): { dispose(): void };
}

const controllers = new WeakMap<KoraContext, HealthController>();

export function registerHealth(kora: KoraContext): HealthApi {
  const registry = daemonRegistry(kora);
  const controller = kora.register(new HealthController(kora, registry));
  controllers.set(kora, controller);
  return {
    treeProvider: controller.treeProvider,
    registry,
    monitor: () => controller.monitor,
    statusBarText: () => controller.statusBar.text,
    badge: () => controller.view.badge?.value,
    description: () => controller.view.description,
    viewState: () => controller.viewState,
    viewVisible: () => controller.view.visible,
    refresh: (reason, daemonName, streams) => controller.refresh(reason, daemonName, streams),
    setBackupHistory: (source) => controller.setBackupHistory(source),
  };
}

/** The monitor of this extension instance, once the health feature is active (readers registered earlier ask late). */
export function healthMonitorOf(kora: KoraContext): HealthMonitor | undefined {
  return controllers.get(kora)?.monitor;
}

/** The health controller of this extension instance (for commands such as Refresh). */
export function healthController(kora: KoraContext): HealthController {
  const controller = controllers.get(kora);
  if (!controller) throw new Error('the Kora health view is not active');
  return controller;
}

// The health feature: sidebar tree, status bar, badge, welcome pages, polling. activate() builds
// the HealthController (controller.ts) and hands it to whoever needs it; this is its test view.
import type { HealthMonitor, RefreshReason, Stream } from '../../core/health/poller';
import type { DaemonRegistry } from '../daemons';
import type { BackupHistorySource, HealthController } from './controller';
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

/** The health feature as the integration tests observe it. */
export function healthApi(controller: HealthController, registry: DaemonRegistry): HealthApi {
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

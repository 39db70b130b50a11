// The typed services activate() builds once and hands to every feature and command, instead of
// each looking the others up. Built in the main bundle; the phrasebook bundle receives this object
// and shares only its types (see phrasebookBundle.ts), so no module state exists twice.
import type { LocalHistory } from '../core/history/localHistory';
import type { PhrasebookFeatures } from '../phrasebookFeatures';
import type { KoraConfig } from './config';
import type { KoraContext } from './context';
import type { DaemonRegistry } from './daemons';
import type { HealthController } from './health/controller';
import type { DaemonAccess } from './phrasebook-ops/daemonAccess';
import type { BackupHistoryIndex } from './phrasebook-ops/historyIndex';
import type { SwitchablePrompter } from './phrasebook-ops/prompter';
import type { TestExplorer } from './testing/explorer';

export interface KoraServices {
  /** Owns every disposable; the log, the token store and VS Code's extension context. */
  readonly context: KoraContext;
  readonly config: KoraConfig;
  /** The configured daemons and one client each. */
  readonly daemons: DaemonRegistry;
  /** The daemons as the phrasebook operations see them: keyed, reading through their pollers. */
  readonly opsDaemons: DaemonAccess;
  /** The health feature: pollers (the one reader of daemon data), tree, status bar. */
  readonly health: HealthController;
  /** Phrasebook versions kept per daemon, and which backups of the tree it holds. */
  readonly history: LocalHistory;
  readonly backupHistory: BackupHistoryIndex;
  /** Every question an operation asks (scriptable by the integration tests). */
  readonly prompter: SwitchablePrompter;
  /** The Test Explorer's controller and run profiles; their work is done by the phrasebook bundle. */
  readonly testExplorer: TestExplorer;
  /** The phrasebook bundle's features, loaded and started on the first call. */
  phrasebook(): PhrasebookFeatures;
  /** Whether the phrasebook bundle has been loaded. */
  phrasebookLoaded(): boolean;
}

// Every identifier the manifest (package.json) and the code share, in one place.

export const EXTENSION_ID = 'kora.kora-ops';
export const OUTPUT_CHANNEL_NAME = 'Kora Ops';

export const VIEW = {
  container: 'kora',
  health: 'kora.health',
} as const;

export const COMMAND = {
  refresh: 'kora.refresh',
  refreshDaemon: 'kora.refreshDaemon',
  openCockpit: 'kora.openCockpit',
  copyDaemonUrl: 'kora.copyDaemonUrl',
  copyDetails: 'kora.copyDetails',
  configureDaemons: 'kora.configureDaemons',
  setSessionToken: 'kora.setSessionToken',
  clearSessionToken: 'kora.clearSessionToken',
  setMcpToken: 'kora.setMcpToken',
  clearMcpToken: 'kora.clearMcpToken',
  showLog: 'kora.showLog',
  openLivePhrasebook: 'kora.openLivePhrasebook',
  pullPhrasebook: 'kora.pullPhrasebook',
  pushPhrasebook: 'kora.pushPhrasebook',
  revertPhrasebook: 'kora.revertPhrasebook',
  revertToBackup: 'kora.revertToBackup',
  compareBackupWithLive: 'kora.compareBackupWithLive',
  copyBackupFileName: 'kora.copyBackupFileName',
  testMessage: 'kora.testMessage',
  addTestCase: 'kora.addTestCase',
  copyAttackString: 'kora.copyAttackString',
} as const;

/** Setting keys, relative to the `kora` section. */
export const SETTING = {
  section: 'kora',
  daemons: 'daemons',
  pollingMinIntervalSeconds: 'polling.minIntervalSeconds',
  pollingMaxBackoffSeconds: 'polling.maxBackoffSeconds',
  notifyOnUnhealthy: 'notifications.onUnhealthy',
  statusBarEnabled: 'statusBar.enabled',
  phrasebookFiles: 'phrasebook.files',
  deepAnalysisEnabled: 'phrasebook.deepAnalysis.enabled',
  deepAnalysisTimeBudgetMs: 'phrasebook.deepAnalysis.timeBudgetMs',
  phrasebookSeverity: 'phrasebook.severity',
  pythonVersion: 'pythonVersion',
  historyMaxEntriesPerDaemon: 'history.maxEntriesPerDaemon',
} as const;

/** Context keys used in `when` clauses of package.json. */
export const CONTEXT = {
  /** Health view welcome state: one of KORA_STATE. */
  state: 'kora.state',
  isPhrasebookEditor: 'kora.isPhrasebookEditor',
} as const;

/** Values of the `kora.state` context key (the Health view's `viewsWelcome` entries use them). */
export const KORA_STATE = {
  notConfigured: 'notConfigured',
  misconfigured: 'misconfigured',
  connecting: 'connecting',
  ready: 'ready',
} as const;

/** Id of the health status-bar item (users can hide it by this id). */
export const STATUS_BAR_ITEM_ID = 'kora.status';

/** Tree item contextValue strings used in package.json menus. */
export const TREE_CONTEXT = {
  daemon: 'kora.daemon',
  phrasebook: 'kora.phrasebook',
  backup: 'kora.backup',
  backupWithHistory: 'kora.backup.withHistory',
  /** Listed, but cannot be reverted to (entry count null). */
  backupCorrupt: 'kora.backup.corrupt',
  /** The "Backups" group under a daemon's Phrasebook item. */
  phrasebookBackups: 'kora.phrasebookBackups',
} as const;

/** URI scheme of the read-only live phrasebook documents. */
export const LIVE_PHRASEBOOK_SCHEME = 'kora-phrasebook';

/** URI scheme of the read-only "Test Message" result documents (not phrasebooks, so not linted). */
export const TEST_RESULT_SCHEME = 'kora-test-result';

/** Language id of YAML documents (from VS Code's built-in yaml extension). */
export const YAML_LANGUAGE_ID = 'yaml';

/** `source` of every diagnostic the extension publishes. */
export const DIAGNOSTIC_SOURCE = 'kora';

/**
 * The second bundle (built by esbuild.mjs): phrasebook language features, phrasebook operations
 * and the Test Explorer's implementation, loaded on first need (see vscode/phrasebookBundle.ts).
 */
export const PHRASEBOOK_BUNDLE = 'dist/phrasebook.js';

/** Commands whose implementation lives in the phrasebook bundle (the main bundle registers shells). */
export const PHRASEBOOK_COMMANDS = [
  COMMAND.openLivePhrasebook,
  COMMAND.pullPhrasebook,
  COMMAND.pushPhrasebook,
  COMMAND.revertPhrasebook,
  COMMAND.revertToBackup,
  COMMAND.compareBackupWithLive,
  COMMAND.copyBackupFileName,
  COMMAND.testMessage,
  COMMAND.addTestCase,
] as const;
export type PhrasebookCommandId = (typeof PHRASEBOOK_COMMANDS)[number];

/** The Test Explorer's controller of phrasebook tests. */
export const TEST_CONTROLLER_ID = 'kora.phrasebookTests';
/** The glob of phrasebook test files, for discovery and the file watcher. */
export const TEST_FILE_GLOB = '**/*.tests.{yml,yaml}';
export const EXCLUDED_FOLDERS_GLOB = '**/node_modules/**';

/** The ReDoS analysis worker bundle, relative to the extension's root (built by esbuild.mjs). */
export const REDOS_WORKER_BUNDLE = 'dist/redosWorker.js';

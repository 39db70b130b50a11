// Every identifier the manifest (package.json) and the code share, in one place.

export const EXTENSION_ID = 'kora.kora-ops';
export const OUTPUT_CHANNEL_NAME = 'Kora Ops';

export const VIEW = {
  container: 'kora',
  health: 'kora.health',
} as const;

export const COMMAND = {
  refresh: 'kora.refresh',
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
  historyMaxEntriesPerDaemon: 'history.maxEntriesPerDaemon',
} as const;

/** Context keys used in `when` clauses of package.json. */
export const CONTEXT = {
  /** Health view welcome state: notConfigured | connecting | ready. */
  state: 'kora.state',
  isPhrasebookEditor: 'kora.isPhrasebookEditor',
} as const;

/** Tree item contextValue strings used in package.json menus. */
export const TREE_CONTEXT = {
  daemon: 'kora.daemon',
  phrasebook: 'kora.phrasebook',
  backup: 'kora.backup',
  backupWithHistory: 'kora.backup.withHistory',
} as const;

/** URI scheme of the read-only live phrasebook documents. */
export const LIVE_PHRASEBOOK_SCHEME = 'kora-phrasebook';

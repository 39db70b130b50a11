// The phrasebook operations feature: documents, local history, bases, daemon diagnostics. Their
// daemon reads go through each daemon's poller (the Health tree shows what they read); local history
// tells the tree which backups it holds. `registerPhrasebookOps` is the one line activate() calls;
// the commands find the feature through `phrasebookOps(kora)`.
import * as vscode from 'vscode';
import type { HealthMonitor } from '../../core/health/poller';
import { readingThroughPoller } from '../../core/health/readThrough';
import { PHRASEBOOK_STREAMS } from '../../core/health/streams';
import { LocalHistory } from '../../core/history/localHistory';
import { daemonKeyOf } from '../../core/phrasebook/ops/historyKeeping';
import { readNumber } from '../config';
import { LIVE_PHRASEBOOK_SCHEME, SETTING, TEST_RESULT_SCHEME } from '../constants';
import type { KoraContext } from '../context';
import type { DaemonRegistry } from '../daemons';
import type { HealthApi } from '../health';
import { PhrasebookBases } from './bases';
import type { DaemonAccess } from './daemonAccess';
import { DaemonDiagnostics } from './daemonDiagnostics';
import { notifier, type OpsEnv } from './env';
import { GlobalStorageHistory } from './historyStorage';
import { OpsDocumentProvider } from './opsDocuments';
import { BackupHistoryIndex } from './historyIndex';
import { SwitchablePrompter } from './prompter';
import { testHooksEnabled } from '../testHooks';
import { TestResultDocuments } from './testResultDocuments';

const DEFAULT_HISTORY_MAX = 50;

/** What integration tests may drive and observe. */
export interface PhrasebookOpsApi {
  /** Real dialogs unless a test queues answers with `useScript`. */
  readonly prompter: SwitchablePrompter;
  readonly history: LocalHistory;
  readonly bases: PhrasebookBases;
  /** Which backups local history holds, per daemon (the tree's "Compare with Live"). */
  readonly backupHistory: BackupHistoryIndex;
  /** The key history and bases use for a daemon. */
  daemonKey(daemonName: string): string | undefined;
}

const features = new WeakMap<KoraContext, OpsEnv>();

/** The daemon registry seen as the operations need it: reads through the daemon's poller. */
function accessOf(registry: DaemonRegistry, monitor: () => HealthMonitor): DaemonAccess {
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

export function registerPhrasebookOps(kora: KoraContext, health: HealthApi): PhrasebookOpsApi {
  const log = kora.logger('phrasebook-ops');
  const daemons = accessOf(health.registry, () => health.monitor());
  const history = new LocalHistory(new GlobalStorageHistory(kora.extension.globalStorageUri), {
    maxEntriesPerDaemon: () => readNumber(SETTING.historyMaxEntriesPerDaemon, DEFAULT_HISTORY_MAX),
    onCorrupt: (key, reason) => log.warn(`local history of ${key} was unreadable (${reason}); starting afresh`),
  });
  const documents = kora.register(new OpsDocumentProvider(daemons, history, log));
  const testResults = new TestResultDocuments();
  const backupHistory = kora.register(new BackupHistoryIndex(daemons, history));
  kora.register(vscode.workspace.registerTextDocumentContentProvider(LIVE_PHRASEBOOK_SCHEME, documents));
  kora.register(vscode.workspace.registerTextDocumentContentProvider(TEST_RESULT_SCHEME, testResults));
  kora.register(health.setBackupHistory(backupHistory));
  const prompter = new SwitchablePrompter(testHooksEnabled(kora.extension));
  const bases = new PhrasebookBases(kora.extension.workspaceState);
  const env: OpsEnv = {
    daemons,
    prompter,
    history,
    bases,
    documents,
    testResults,
    diagnostics: kora.register(new DaemonDiagnostics()),
    log,
    notify: notifier(log),
    afterWrite: (daemonName) => {
      documents.refreshLive(daemonName);
      void backupHistory.refresh(daemonName);
      health.refresh('write', daemonName, PHRASEBOOK_STREAMS).catch((error: unknown) => log.warn(`re-reading ${daemonName} after a write failed: ${String(error)}`));
    },
    now: () => new Date(),
  };
  features.set(kora, env);
  return {
    prompter,
    history,
    bases,
    backupHistory,
    daemonKey: (name) => daemons.list().find((daemon) => daemon.name === name)?.key,
  };
}

/** The phrasebook operations of this extension instance (for the commands). */
export function phrasebookOps(kora: KoraContext): OpsEnv {
  const env = features.get(kora);
  if (!env) throw new Error('the Kora phrasebook operations are not active');
  return env;
}

// The phrasebook operations feature: documents, local history, bases, daemon diagnostics. Their
// daemon reads go through each daemon's poller (the Health tree shows what they read); local history
// (built in the main bundle, services.history) tells the tree which backups it holds. The phrasebook
// bundle calls `registerPhrasebookOps` once; the commands receive the OpsEnv it returns.
import { PHRASEBOOK_STREAMS } from '../../core/health/streams';
import type { LocalHistory } from '../../core/history/localHistory';
import type { KoraServices } from '../services';
import { PhrasebookBases } from './bases';
import { DaemonDiagnostics } from './daemonDiagnostics';
import { notifier, type OpsEnv } from './env';
import type { BackupHistoryIndex } from './historyIndex';
import { OpsDocumentProvider } from './opsDocuments';
import type { SwitchablePrompter } from './prompter';
import { TestResultDocuments } from './testResultDocuments';

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

export function registerPhrasebookOps(services: KoraServices): { env: OpsEnv; api: PhrasebookOpsApi } {
  const { context: kora, opsDaemons: daemons, history, backupHistory, prompter, health } = services;
  const log = kora.logger('phrasebook-ops');
  const documents = kora.register(new OpsDocumentProvider(daemons, history, log));
  const bases = new PhrasebookBases(kora.extension.workspaceState);
  const env: OpsEnv = {
    daemons,
    prompter,
    history,
    bases,
    documents,
    testResults: new TestResultDocuments(),
    diagnostics: kora.register(new DaemonDiagnostics()),
    log,
    notify: notifier(log),
    afterWrite: (daemonName) => {
      documents.refreshLive(daemonName);
      void backupHistory.refresh(daemonName);
      health
        .refresh('write', daemonName, PHRASEBOOK_STREAMS)
        .catch((error: unknown) => log.warn(`re-reading ${daemonName} after a write failed: ${String(error)}`));
    },
    now: () => new Date(),
  };
  const api: PhrasebookOpsApi = {
    prompter,
    history,
    bases,
    backupHistory,
    daemonKey: (name) => daemons.list().find((daemon) => daemon.name === name)?.key,
  };
  return { env, api };
}

// Context actions of a backup in the tree: Compare with Live (when local history knows its
// content) and Copy File Name.
import * as vscode from 'vscode';
import { HISTORY_REASON_LABEL } from '../../core/history/localHistory';
import { findDaemon } from './daemonAccess';
import { showDiff, type OpsEnv } from './env';
import { historyDocumentUri, liveDocumentUri } from './opsDocuments';

export interface BackupRef {
  daemon: string;
  filename: string;
}

export async function compareBackupWithLiveFlow(env: OpsEnv, ref: BackupRef): Promise<boolean> {
  const daemon = findDaemon(env.daemons, ref.daemon);
  if (!daemon) throw new Error(`no configured daemon is named "${ref.daemon}"`);
  const record = await env.history.findByBackup(daemon.key, ref.filename);
  if (!record) {
    env.notify.info(
      `The daemon cannot serve the content of ${ref.filename}, and local history has no copy of it (it was written before this machine saw it).`,
    );
    return false;
  }
  env.documents.refreshLive(daemon.name);
  const backupUri = historyDocumentUri(daemon.name, record.entriesHash, `${daemon.name} · ${ref.filename}`);
  await showDiff(
    backupUri,
    liveDocumentUri(daemon.name),
    `${ref.filename} (${HISTORY_REASON_LABEL[record.reason]}) ↔ ${daemon.name} live`,
  );
  return true;
}

export async function copyBackupFileNameFlow(ref: BackupRef): Promise<string> {
  await vscode.env.clipboard.writeText(ref.filename);
  vscode.window.setStatusBarMessage(`Copied ${ref.filename}`, 3000);
  return ref.filename;
}

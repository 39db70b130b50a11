// What the operations hand to local history, and under which backup name. A PUT backs up the
// override it replaces; the content of that backup is the live content read just before the PUT,
// unless someone wrote in between. We only tie the two when the daemon's backup list agrees (same
// entry count for that file), so "Compare with Live" never shows a wrong backup.

import type { LocalHistory } from '../../history/localHistory';
import {
  LIVE_SOURCE,
  type PhrasebookBackupsResponse,
  type PhrasebookPutResponse,
  type PhrasebookRevertResponse,
} from '../../daemon/schemas';
import type { DaemonConfig } from '../../daemon/client';
import { type LiveState } from './live';

/** History and bases are keyed by the daemon's URL: names are labels and may be renamed. */
export function daemonKeyOf(daemon: Pick<DaemonConfig, 'url'>): string {
  return daemon.url.trim().replace(/\/+$/, '').toLowerCase();
}

/** True when the backup the daemon lists under `filename` plausibly holds `replaced`. */
export function backupMatches(
  backups: PhrasebookBackupsResponse | undefined,
  filename: string,
  replaced: LiveState,
): boolean {
  const listed = backups?.backups.find((backup) => backup.filename === filename);
  return listed !== undefined && listed.entry_count === replaced.entries.length;
}

export interface KeptAfterPush {
  /** The backup name tied to the replaced content, or null when there was none or it did not match. */
  backupFilename: string | null;
  backupMatched: boolean;
}

/** After an accepted PUT: keep what was replaced (tied to its backup when it matches) and what was pushed. */
export async function keepAfterPush(
  history: LocalHistory,
  daemonKey: string,
  replaced: LiveState,
  pushed: LiveState,
  response: PhrasebookPutResponse,
  backups: PhrasebookBackupsResponse | undefined,
): Promise<KeptAfterPush> {
  const filename = response.backup_filename;
  const matched = filename !== null && backupMatches(backups, filename, replaced);
  // Nothing is backed up when live was the bundled default; its content is still worth keeping.
  await history.record(daemonKey, {
    entriesHash: replaced.hash,
    entryCount: replaced.entries.length,
    yaml: replaced.yaml,
    reason: 'pushed-over',
    backupFilename: matched ? filename : null,
  });
  await history.record(daemonKey, {
    entriesHash: pushed.hash,
    entryCount: pushed.entries.length,
    yaml: pushed.yaml,
    reason: 'pushed',
  });
  return { backupFilename: matched ? filename : null, backupMatched: matched || filename === null };
}

/** Before a revert: the daemon will not back up what it replaces, so we keep it. */
export async function keepBeforeRevert(history: LocalHistory, daemonKey: string, current: LiveState): Promise<void> {
  await history.record(daemonKey, {
    entriesHash: current.hash,
    entryCount: current.entries.length,
    yaml: current.yaml,
    reason: 'reverted-away',
  });
}

/** After a revert to a backup: live now is that backup's content, so we learn it. */
export async function keepAfterRevert(
  history: LocalHistory,
  daemonKey: string,
  response: PhrasebookRevertResponse,
  liveAfter: LiveState | undefined,
): Promise<void> {
  if (
    !liveAfter ||
    liveAfter.response.source !== LIVE_SOURCE.override ||
    response.reverted_to === LIVE_SOURCE.bundledDefault
  )
    return;
  await history.record(daemonKey, {
    entriesHash: liveAfter.hash,
    entryCount: liveAfter.entries.length,
    yaml: liveAfter.yaml,
    reason: 'reverted-to',
    backupFilename: response.reverted_to,
  });
}

/** After a pull: what the file is based on. */
export async function keepPulled(history: LocalHistory, daemonKey: string, live: LiveState): Promise<void> {
  await history.record(daemonKey, {
    entriesHash: live.hash,
    entryCount: live.entries.length,
    yaml: live.yaml,
    reason: 'pulled',
  });
}

// Revert: restore a daemon backup (or, with none, remove the override). The daemon does not back up
// what a revert replaces and cannot serve a backup's content, so the current live content is handed
// to `keepCurrent` (local history) before the write, and live is read again afterwards so the
// operator sees what changed.

import type { DaemonError } from '../../daemon/errors';
import {
  LIVE_SOURCE,
  type KoraErrorBody,
  type PhrasebookBackupsResponse,
  type PhrasebookRevertResponse,
} from '../../daemon/schemas';
import { buildBackupChoices, type BackupChoice, type BackupInfo } from './backupChoices';
import type { PhrasebookOpsClient } from './client';
import { fingerprintOf, readLive, tryReadLive, type LiveState } from './live';
import { reconcileWrite, type ExpectedLive, type Reconciliation, type WriteFailureCause } from './reconcile';
import { failureCauseOf } from './writeFailure';

export type RevertTarget =
  /** `filename` undefined: let the daemon pick its most recent backup (the CLI's default). */
  | { kind: 'backup'; filename: string | undefined; backup: BackupInfo | undefined }
  /** No backups: delete the override so the daemon serves its bundled default. */
  | { kind: 'bundled_default' };

export interface RevertRequest {
  /** A backup chosen up front (tree item, `--to`); undefined → ask `choose`. */
  filename?: string;
  /** Without a filename and without `choose`: the daemon's own "most recent" (CLI default). */
  useDaemonDefault?: boolean;
}

export interface RevertPlan {
  live: LiveState;
  backups: PhrasebookBackupsResponse;
  target: RevertTarget;
}

export type RevertStep = 'reading_live' | 'writing' | 'reading_result';

export interface RevertHooks {
  /** Pick among the backups (newest first, "most recent" on top); undefined = cancel. */
  choose?(choices: BackupChoice[], live: LiveState): Promise<BackupChoice | undefined>;
  confirm(plan: RevertPlan): Promise<boolean>;
  /** Called after confirmation, before the write: the content about to be replaced. */
  keepCurrent?(live: LiveState): Promise<void>;
  /** The content hash of a backup when known locally (history), for an exact reconciliation. */
  knownHashOf?(filename: string): Promise<string | undefined>;
  onStep?(step: RevertStep): void;
  now?(): Date;
}

export type RevertOutcome =
  | { kind: 'live_unreadable'; error: DaemonError }
  /** No backups and no override: live already is the bundled default. */
  | { kind: 'nothing_to_revert'; live: LiveState }
  /** The chosen backup is corrupt: the daemon would silently serve its bundled default. */
  | { kind: 'refused_corrupt'; backup: BackupInfo }
  | { kind: 'cancelled' }
  | { kind: 'reverted'; plan: RevertPlan; response: PhrasebookRevertResponse; liveAfter: LiveState | undefined }
  /** 400 invalid_filename / 404 backup_not_found; nothing changed. */
  | { kind: 'rejected'; plan: RevertPlan; status: 400 | 404; body: KoraErrorBody }
  | { kind: 'unauthorized'; plan: RevertPlan; error: DaemonError }
  | {
      kind: 'interrupted';
      plan: RevertPlan;
      cause: WriteFailureCause;
      failure: string;
      reconciliation: Reconciliation;
      liveAfter: LiveState | undefined;
    };

/** The backup the daemon restores for "no filename": the first of its list (reverse file-name order). */
export function daemonMostRecent(backups: PhrasebookBackupsResponse): BackupInfo | undefined {
  return backups.backups[0];
}

async function chooseTarget(
  request: RevertRequest,
  hooks: RevertHooks,
  live: LiveState,
  backups: PhrasebookBackupsResponse,
): Promise<RevertTarget | 'cancelled' | 'nothing'> {
  if (request.filename !== undefined) {
    // Unknown names still go to the daemon: it is the judge (400 shape check, 404 absent).
    return {
      kind: 'backup',
      filename: request.filename,
      backup: backups.backups.find((b) => b.filename === request.filename),
    };
  }
  if (backups.backups.length === 0)
    return live.response.source === LIVE_SOURCE.bundledDefault ? 'nothing' : { kind: 'bundled_default' };
  if (request.useDaemonDefault || !hooks.choose)
    return { kind: 'backup', filename: undefined, backup: daemonMostRecent(backups) };
  const choice = await hooks.choose(buildBackupChoices(backups.backups, hooks.now?.() ?? new Date()), live);
  if (!choice) return 'cancelled';
  return { kind: 'backup', filename: choice.filename, backup: choice.backup };
}

export async function revertPhrasebook(
  client: PhrasebookOpsClient,
  request: RevertRequest,
  hooks: RevertHooks,
): Promise<RevertOutcome> {
  hooks.onStep?.('reading_live');
  let live: LiveState;
  let backups: PhrasebookBackupsResponse;
  try {
    [live, backups] = await Promise.all([readLive(client), client.getPhrasebookBackups()]);
  } catch (error) {
    return { kind: 'live_unreadable', error: error as DaemonError };
  }
  const target = await chooseTarget(request, hooks, live, backups);
  if (target === 'nothing') return { kind: 'nothing_to_revert', live };
  if (target === 'cancelled') return { kind: 'cancelled' };
  if (target.kind === 'backup' && target.backup && target.backup.entry_count === null)
    return { kind: 'refused_corrupt', backup: target.backup };

  const plan: RevertPlan = { live, backups, target };
  if (!(await hooks.confirm(plan))) return { kind: 'cancelled' };
  await hooks.keepCurrent?.(live);

  hooks.onStep?.('writing');
  const result = await client.revertPhrasebook(target.kind === 'backup' ? target.filename : undefined);
  switch (result.kind) {
    case 'ok':
      hooks.onStep?.('reading_result');
      return { kind: 'reverted', plan, response: result.body, liveAfter: await tryReadLive(client) };
    case 'invalid_filename':
      return { kind: 'rejected', plan, status: 400, body: result.body };
    case 'not_found':
      return { kind: 'rejected', plan, status: 404, body: result.body };
    case 'unauthorized':
      return { kind: 'unauthorized', plan, error: result.error };
    default: {
      hooks.onStep?.('reading_result');
      const { cause, detail } = failureCauseOf(result);
      const liveAfter = await tryReadLive(client);
      const knownHash =
        target.kind === 'backup' && target.filename ? await hooks.knownHashOf?.(target.filename) : undefined;
      const reconciliation = reconcileWrite(
        cause,
        fingerprintOf(live),
        expectedAfter(target, knownHash),
        liveAfter && fingerprintOf(liveAfter),
      );
      return { kind: 'interrupted', plan, cause, failure: detail, reconciliation, liveAfter };
    }
  }
}

/** What live should look like after the revert; a backup's content is unknown, its entry count is not. */
function expectedAfter(target: RevertTarget, knownHash: string | undefined): ExpectedLive {
  if (target.kind === 'bundled_default') return { source: LIVE_SOURCE.bundledDefault };
  return { source: LIVE_SOURCE.override, entriesHash: knownHash, entryCount: target.backup?.entry_count ?? undefined };
}

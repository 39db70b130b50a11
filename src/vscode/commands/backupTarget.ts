// The backup a tree action is about: a backup node of the Health tree (its id names the file), or
// `{ daemonName, filename }` (our own node commands and tests).
import { backupFilenameOfNodeId } from '../../core/tree/phrasebookNodes';
import type { BackupRef } from '../phrasebook-ops/backupActions';

export function backupOf(argument: unknown): BackupRef {
  const value = (typeof argument === 'object' && argument !== null ? argument : {}) as {
    daemonName?: unknown;
    filename?: unknown;
    id?: unknown;
  };
  const filename =
    typeof value.filename === 'string'
      ? value.filename
      : typeof value.id === 'string'
        ? backupFilenameOfNodeId(value.id)
        : undefined;
  if (typeof value.daemonName !== 'string' || !filename)
    throw new Error('this command acts on a backup in the Kora tree');
  return { daemon: value.daemonName, filename };
}

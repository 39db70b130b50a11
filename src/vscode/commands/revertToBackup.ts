// Revert to this Backup — on a backup item of the tree.
import type { PhrasebookCommandFactory } from '../../phrasebookFeatures';
import { revertFlow } from '../phrasebook-ops/revertFlow';
import { backupOf } from './backupTarget';

export const revertToBackup: PhrasebookCommandFactory =
  ({ ops }) =>
  (target) => {
    const { daemon, filename } = backupOf(target);
    return revertFlow(ops, { daemon, filename });
  };

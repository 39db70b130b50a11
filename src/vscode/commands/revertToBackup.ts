// Revert to this Backup — on a backup item of the tree.
import type { CommandFactory } from '.';
import { phrasebookOps } from '../phrasebook-ops';
import { revertFlow } from '../phrasebook-ops/revertFlow';
import { backupOf } from './backupTarget';

export const revertToBackup: CommandFactory = (kora) => (target) => {
  const { daemon, filename } = backupOf(target);
  return revertFlow(phrasebookOps(kora), { daemon, filename });
};

// Compare with Live — on a backup item whose content local history holds.
import type { CommandFactory } from '.';
import { phrasebookOps } from '../phrasebook-ops';
import { compareBackupWithLiveFlow } from '../phrasebook-ops/backupActions';
import { backupOf } from './backupTarget';

export const compareBackupWithLive: CommandFactory = (kora) => (target) => compareBackupWithLiveFlow(phrasebookOps(kora), backupOf(target));

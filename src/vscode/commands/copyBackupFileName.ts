// Copy File Name — on a backup item (for `kora-ops phrasebook revert --to`, tickets, ...).
import type { CommandFactory } from '.';
import { copyBackupFileNameFlow } from '../phrasebook-ops/backupActions';
import { backupOf } from './backupTarget';

export const copyBackupFileName: CommandFactory = () => (target) => copyBackupFileNameFlow(backupOf(target));

// Copy File Name — on a backup item (for `kora-ops phrasebook revert --to`, tickets, ...).
import type { PhrasebookCommandFactory } from '../../phrasebookFeatures';
import { copyBackupFileNameFlow } from '../phrasebook-ops/backupActions';
import { backupOf } from './backupTarget';

export const copyBackupFileName: PhrasebookCommandFactory = () => (target) => copyBackupFileNameFlow(backupOf(target));

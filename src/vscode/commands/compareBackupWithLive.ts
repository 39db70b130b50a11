// Compare with Live — on a backup item whose content local history holds.
import type { PhrasebookCommandFactory } from '../../phrasebookFeatures';
import { compareBackupWithLiveFlow } from '../phrasebook-ops/backupActions';
import { backupOf } from './backupTarget';

export const compareBackupWithLive: PhrasebookCommandFactory =
  ({ ops }) =>
  (target) =>
    compareBackupWithLiveFlow(ops, backupOf(target));

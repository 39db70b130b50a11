// Kora: Revert Phrasebook… — palette, or a daemon's Phrasebook item: pick a backup.
import type { PhrasebookCommandFactory } from '../../phrasebookFeatures';
import { daemonNameOf } from '../daemonPicker';
import { revertFlow } from '../phrasebook-ops/revertFlow';

export const revertPhrasebook: PhrasebookCommandFactory =
  ({ ops }) =>
  (target) =>
    revertFlow(ops, { daemon: daemonNameOf(target) });

// Kora: Open Live Phrasebook — palette, or the inline action of a daemon's Phrasebook item.
import type { PhrasebookCommandFactory } from '../../phrasebookFeatures';
import { daemonNameOf } from '../daemonPicker';
import { openLiveFlow } from '../phrasebook-ops/pullFlow';

export const openLivePhrasebook: PhrasebookCommandFactory =
  ({ ops }) =>
  (target) =>
    openLiveFlow(ops, { daemon: daemonNameOf(target) });

// Kora: Open Live Phrasebook — palette, or the inline action of a daemon's Phrasebook item.
import type { CommandFactory } from '.';
import { daemonNameOf } from '../daemons';
import { phrasebookOps } from '../phrasebook-ops';
import { openLiveFlow } from '../phrasebook-ops/pullFlow';

export const openLivePhrasebook: CommandFactory = (kora) => (target) => openLiveFlow(phrasebookOps(kora), { daemon: daemonNameOf(target) });

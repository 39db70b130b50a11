// Kora: Revert Phrasebook… — palette, or a daemon's Phrasebook item: pick a backup.
import type { CommandFactory } from '.';
import { daemonNameOf } from '../daemons';
import { phrasebookOps } from '../phrasebook-ops';
import { revertFlow } from '../phrasebook-ops/revertFlow';

export const revertPhrasebook: CommandFactory = (kora) => (target) => revertFlow(phrasebookOps(kora), { daemon: daemonNameOf(target) });

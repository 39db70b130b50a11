// Kora: Pull Live Phrasebook into File… — (daemon?, target file?) — tests pass both.
import * as vscode from 'vscode';
import type { CommandFactory } from '.';
import { daemonNameOf } from '../daemons';
import { phrasebookOps } from '../phrasebook-ops';
import { pullFlow } from '../phrasebook-ops/pullFlow';

export const pullPhrasebook: CommandFactory = (kora) => (target, file) =>
  pullFlow(phrasebookOps(kora), { daemon: daemonNameOf(target), target: file instanceof vscode.Uri ? file : undefined });

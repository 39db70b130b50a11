// Kora: Push Phrasebook to Daemon — editor title and explorer pass the file's URI (the explorer
// also the selection); the palette passes nothing (the active editor). A daemon may follow.
import * as vscode from 'vscode';
import type { CommandFactory } from '.';
import { daemonNameOf } from '../daemons';
import { phrasebookOps } from '../phrasebook-ops';
import { pushFlow } from '../phrasebook-ops/pushFlow';

export const pushPhrasebook: CommandFactory = (kora) => (file, daemon) =>
  pushFlow(phrasebookOps(kora), file instanceof vscode.Uri ? file : undefined, { daemon: daemonNameOf(daemon) });

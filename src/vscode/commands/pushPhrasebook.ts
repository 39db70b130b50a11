// Kora: Push Phrasebook to Daemon — editor title and explorer pass the file's URI (the explorer
// also the selection); the palette passes nothing (the active editor). A daemon may follow.
import * as vscode from 'vscode';
import type { PhrasebookCommandFactory } from '../../phrasebookFeatures';
import { daemonNameOf } from '../daemonPicker';
import { pushFlow } from '../phrasebook-ops/pushFlow';

export const pushPhrasebook: PhrasebookCommandFactory =
  ({ ops }) =>
  (file, daemon) =>
    pushFlow(ops, file instanceof vscode.Uri ? file : undefined, { daemon: daemonNameOf(daemon) });

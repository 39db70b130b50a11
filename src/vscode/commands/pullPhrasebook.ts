// Kora: Pull Live Phrasebook into File… — (daemon?, target file?) — tests pass both.
import * as vscode from 'vscode';
import type { PhrasebookCommandFactory } from '../../phrasebookFeatures';
import { daemonNameOf } from '../daemonPicker';
import { pullFlow } from '../phrasebook-ops/pullFlow';

export const pullPhrasebook: PhrasebookCommandFactory =
  ({ ops }) =>
  (target, file) =>
    pullFlow(ops, { daemon: daemonNameOf(target), target: file instanceof vscode.Uri ? file : undefined });

// `kora.refresh`: polls every daemon now (view title button), or one daemon when a tree item
// passes its name (the "Offline — retrying in N s" node). Shows progress on the view meanwhile.
import * as vscode from 'vscode';
import { VIEW } from '../constants';
import { daemonNameOf } from '../daemons';
import { healthController } from '../health';
import type { CommandFactory } from './index';

export const refresh: CommandFactory = (kora) => async (argument?: unknown) => {
  const controller = healthController(kora);
  await vscode.window.withProgress({ location: { viewId: VIEW.health } }, () => controller.refresh('manual', daemonNameOf(argument)));
};

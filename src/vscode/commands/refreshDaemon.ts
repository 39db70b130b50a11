// `kora.refreshDaemon`: the inline action of a daemon row — reads that daemon (all of its streams) now.
import * as vscode from 'vscode';
import { VIEW } from '../constants';
import { daemonNameOf } from '../daemonPicker';
import type { CommandFactory } from './index';

export const refreshDaemon: CommandFactory =
  ({ health: controller }) =>
  async (argument?: unknown) => {
    const daemonName = daemonNameOf(argument);
    if (daemonName === undefined) throw new Error('this command acts on a daemon in the Kora tree');
    await vscode.window.withProgress({ location: { viewId: VIEW.health } }, () =>
      controller.refresh('manual', daemonName),
    );
  };

// `kora.refresh`: reads every daemon now (palette and view title — VS Code passes the view title
// button the selected row, which must not narrow it), or the one daemon named by a string (the
// "Offline — retrying in N s" node's action). Shows progress on the view meanwhile.
import * as vscode from 'vscode';
import { VIEW } from '../constants';
import type { CommandFactory } from './index';

export const refresh: CommandFactory =
  ({ health: controller }) =>
  async (argument?: unknown) => {
    const daemonName = typeof argument === 'string' ? argument : undefined;
    await vscode.window.withProgress({ location: { viewId: VIEW.health } }, () =>
      controller.refresh('manual', daemonName),
    );
  };

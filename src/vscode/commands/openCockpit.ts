// `kora.openCockpit`: opens a daemon's cockpit (its admin URL) in the browser.
import * as vscode from 'vscode';
import { chooseDaemon, daemonNameOf } from '../daemonPicker';
import type { CommandFactory } from './index';

export const openCockpit: CommandFactory =
  ({ daemons, prompter }) =>
  async (argument?: unknown) => {
    const daemon = await chooseDaemon(daemons.list(), prompter, 'Open the cockpit of which daemon?', {
      name: daemonNameOf(argument),
      whenNone: 'offerSettings',
    });
    if (daemon) await vscode.env.openExternal(vscode.Uri.parse(daemon.url));
  };

// `kora.copyDaemonUrl`: copies a daemon's admin URL.
import * as vscode from 'vscode';
import { chooseDaemon, daemonNameOf } from '../daemonPicker';
import type { CommandFactory } from './index';

export const copyDaemonUrl: CommandFactory =
  ({ daemons, prompter }) =>
  async (argument?: unknown) => {
    const daemon = await chooseDaemon(daemons.list(), prompter, 'Copy the URL of which daemon?', {
      name: daemonNameOf(argument),
      whenNone: 'offerSettings',
    });
    if (daemon) await vscode.env.clipboard.writeText(daemon.url);
  };

// `kora.copyDaemonUrl`: copies a daemon's admin URL.
import * as vscode from 'vscode';
import { daemonForCommand } from '../daemonPicker';
import type { CommandFactory } from './index';

export const copyDaemonUrl: CommandFactory = (services) => async (argument?: unknown) => {
  const daemon = await daemonForCommand(services, 'Copy the URL of which daemon?', argument);
  if (daemon) await vscode.env.clipboard.writeText(daemon.url);
};

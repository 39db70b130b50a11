// `kora.openCockpit`: opens a daemon's cockpit (its admin URL) in the browser.
import * as vscode from 'vscode';
import { daemonForCommand } from '../daemonPicker';
import type { CommandFactory } from './index';

export const openCockpit: CommandFactory = (services) => async (argument?: unknown) => {
  const daemon = await daemonForCommand(services, 'Open the cockpit of which daemon?', argument);
  if (daemon) await vscode.env.openExternal(vscode.Uri.parse(daemon.url));
};

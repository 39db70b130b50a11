// `kora.openCockpit`: opens a daemon's cockpit (its admin URL) in the browser.
import * as vscode from 'vscode';
import { daemonRegistry, pickDaemon } from '../daemons';
import type { CommandFactory } from './index';

export const openCockpit: CommandFactory = (kora) => async (argument?: unknown) => {
  const daemon = await pickDaemon(daemonRegistry(kora), 'Open the cockpit of which daemon?', argument);
  if (daemon) await vscode.env.openExternal(vscode.Uri.parse(daemon.url));
};

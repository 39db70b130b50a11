// `kora.copyDaemonUrl`: copies a daemon's admin URL.
import * as vscode from 'vscode';
import { daemonRegistry, pickDaemon } from '../daemons';
import type { CommandFactory } from './index';

export const copyDaemonUrl: CommandFactory = (kora) => async (argument?: unknown) => {
  const daemon = await pickDaemon(daemonRegistry(kora), 'Copy the URL of which daemon?', argument);
  if (daemon) await vscode.env.clipboard.writeText(daemon.url);
};

// The command table: one file per command, each a factory of its dependencies.
import * as vscode from 'vscode';
import type { KoraContext } from '../context';
import { COMMAND } from '../constants';
import { openDaemonSettings } from '../config';
import { copyAttackString } from './copyAttackString';
import { refresh } from './refresh';
import { refreshDaemon } from './refreshDaemon';
import { openCockpit } from './openCockpit';
import { copyDaemonUrl } from './copyDaemonUrl';
import { copyDetails } from './copyDetails';
import { clearMcpToken, clearSessionToken } from './clearToken';
import { setMcpToken, setSessionToken } from './setToken';
import { openLivePhrasebook } from './openLivePhrasebook';
import { pullPhrasebook } from './pullPhrasebook';
import { pushPhrasebook } from './pushPhrasebook';
import { revertPhrasebook } from './revertPhrasebook';
import { revertToBackup } from './revertToBackup';
import { compareBackupWithLive } from './compareBackupWithLive';
import { copyBackupFileName } from './copyBackupFileName';
import { testMessage } from './testMessage';
import { safeLine } from '../../core/text/sanitize';

export type CommandHandler = (...args: unknown[]) => unknown;
export type CommandFactory = (kora: KoraContext) => CommandHandler;

const COMMANDS: Partial<Record<(typeof COMMAND)[keyof typeof COMMAND], CommandFactory>> = {
  [COMMAND.showLog]: (kora) => () => kora.log.channel.show(true),
  [COMMAND.configureDaemons]: () => () => openDaemonSettings(),
  [COMMAND.copyAttackString]: copyAttackString,
  [COMMAND.refresh]: refresh,
  [COMMAND.refreshDaemon]: refreshDaemon,
  [COMMAND.openCockpit]: openCockpit,
  [COMMAND.copyDaemonUrl]: copyDaemonUrl,
  [COMMAND.copyDetails]: copyDetails,
  [COMMAND.setSessionToken]: setSessionToken,
  [COMMAND.clearSessionToken]: clearSessionToken,
  [COMMAND.setMcpToken]: setMcpToken,
  [COMMAND.clearMcpToken]: clearMcpToken,
  [COMMAND.openLivePhrasebook]: openLivePhrasebook,
  [COMMAND.pullPhrasebook]: pullPhrasebook,
  [COMMAND.pushPhrasebook]: pushPhrasebook,
  [COMMAND.revertPhrasebook]: revertPhrasebook,
  [COMMAND.revertToBackup]: revertToBackup,
  [COMMAND.compareBackupWithLive]: compareBackupWithLive,
  [COMMAND.copyBackupFileName]: copyBackupFileName,
  [COMMAND.testMessage]: testMessage,
};

/** Registers every command of the table, reporting failures instead of letting them escape. */
export function registerCommands(kora: KoraContext, extra: Partial<Record<string, CommandFactory>> = {}): void {
  const log = kora.logger('commands');
  for (const [id, factory] of Object.entries({ ...COMMANDS, ...extra })) {
    if (!factory) continue;
    const handler = factory(kora);
    kora.register(
      vscode.commands.registerCommand(id, async (...args: unknown[]) => {
        try {
          return await handler(...args);
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          log.error(`${id} failed: ${message}`);
          void vscode.window.showErrorMessage(`Kora: ${safeLine(message)}`);
          return undefined;
        }
      }),
    );
  }
}

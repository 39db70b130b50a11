// The command table: one file per command, each a factory of the services it uses. Commands of the
// phrasebook bundle (phrasebookTable.ts) are registered here as shells that load it on first use.
import * as vscode from 'vscode';
import { safeLine } from '../../core/text/sanitize';
import { openDaemonSettings } from '../config';
import { COMMAND, PHRASEBOOK_COMMANDS, type PhrasebookCommandId } from '../constants';
import type { KoraServices } from '../services';
import { clearMcpToken, clearSessionToken } from './clearToken';
import { copyAttackString } from './copyAttackString';
import { copyDaemonUrl } from './copyDaemonUrl';
import { copyDetails } from './copyDetails';
import { openCockpit } from './openCockpit';
import { refresh } from './refresh';
import { refreshDaemon } from './refreshDaemon';
import { setMcpToken, setSessionToken } from './setToken';
import { errorText } from '../../core/text/errorText';

export type CommandHandler = (...args: unknown[]) => unknown;
export type CommandFactory<S = KoraServices> = (services: S) => CommandHandler;

type CommandId = (typeof COMMAND)[keyof typeof COMMAND];

/** Every command but the phrasebook bundle's: the compiler checks that none is missing. */
const COMMANDS: Record<Exclude<CommandId, PhrasebookCommandId>, CommandFactory> = {
  [COMMAND.showLog]:
    ({ context }) =>
    () =>
      context.log.channel.show(true),
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
};

/** Registers every command, reporting failures instead of letting them escape. */
export function registerCommands(services: KoraServices): void {
  const { context } = services;
  const log = context.logger('commands');
  const handlers: [string, CommandHandler][] = [
    ...Object.entries(COMMANDS).map(([id, factory]): [string, CommandHandler] => [id, factory(services)]),
    ...PHRASEBOOK_COMMANDS.map((id): [string, CommandHandler] => [
      id,
      (...args) => services.phrasebook().commands[id](...args),
    ]),
  ];
  for (const [id, handler] of handlers) {
    context.register(
      vscode.commands.registerCommand(id, async (...args: unknown[]) => {
        try {
          return await handler(...args);
        } catch (error) {
          const message = errorText(error);
          log.error(`${id} failed: ${message}`);
          void vscode.window.showErrorMessage(`Kora: ${safeLine(message)}`);
          return undefined;
        }
      }),
    );
  }
}

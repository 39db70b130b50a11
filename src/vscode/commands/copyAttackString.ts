// `kora.copyAttackString`: copies the input that makes a pattern backtrack catastrophically, so an
// operator can reproduce the problem (e.g. in the daemon's test endpoint). Invoked from the ReDoS
// quick fix and from the hover's command link, both of which pass the attack string.
import * as vscode from 'vscode';
import { attackStringFromArgument } from '../phrasebook/attackString';
import type { CommandFactory } from './index';

/** Returns the copied string, or undefined when there was nothing to copy. */
export const copyAttackString: CommandFactory =
  ({ context }) =>
  async (argument: unknown) => {
    const attackString = attackStringFromArgument(argument);
    if (attackString === undefined || attackString === '') {
      void vscode.window.showWarningMessage(
        'Kora: no attack string to copy. Use the quick fix or hover of a ReDoS diagnostic.',
      );
      return undefined;
    }
    await vscode.env.clipboard.writeText(attackString);
    context.logger('phrasebook').info(`attack string copied (${attackString.length} characters)`);
    vscode.window.setStatusBarMessage(`Kora: attack string copied (${attackString.length} characters)`, 4000);
    return attackString;
  };

// `kora.copyAttackString`: copies the input that makes a pattern backtrack catastrophically, so an
// operator can reproduce the problem (e.g. in the daemon's test endpoint). Invoked from the ReDoS
// quick fix and from the hover's command link, both of which pass the attack string.
import * as vscode from 'vscode';
import type { CommandFactory } from './index';

/** Accepts the attack string itself or `{ attackString }` (the shape of a finding's `data`). */
export function attackStringFromArgument(argument: unknown): string | undefined {
  if (typeof argument === 'string') return argument;
  if (typeof argument === 'object' && argument !== null) {
    const candidate = (argument as Record<string, unknown>).attackString;
    if (typeof candidate === 'string') return candidate;
  }
  return undefined;
}

/** Returns the copied string, or undefined when there was nothing to copy. */
export const copyAttackString: CommandFactory = (kora) => async (argument: unknown) => {
  const attackString = attackStringFromArgument(argument);
  if (attackString === undefined || attackString === '') {
    void vscode.window.showWarningMessage('Kora: no attack string to copy. Use the quick fix or hover of a ReDoS diagnostic.');
    return undefined;
  }
  await vscode.env.clipboard.writeText(attackString);
  kora.logger('phrasebook').info(`attack string copied (${attackString.length} characters)`);
  vscode.window.setStatusBarMessage(`Kora: attack string copied (${attackString.length} characters)`, 4000);
  return attackString;
};

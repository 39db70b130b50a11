// `kora.copyDetails`: copies what a tree row knows (state and error of a daemon, a listener or a
// service) as plain text, for a ticket or a chat.
import * as vscode from 'vscode';
import { nodeDetailsText } from '../../core/tree/details';
import type { CommandFactory } from './index';

export const copyDetails: CommandFactory =
  ({ health: controller }) =>
  async (argument?: unknown) => {
    const id = typeof argument === 'object' && argument !== null ? (argument as { id?: unknown }).id : undefined;
    if (typeof id !== 'string') throw new Error('this command acts on a row of the Kora tree');
    const text = nodeDetailsText(controller.monitor.daemons, id, Date.now());
    if (text === undefined) throw new Error('that row is no longer shown; refresh and try again');
    await vscode.env.clipboard.writeText(text);
  };

// `kora.clearSessionToken` / `kora.clearMcpToken`: forgets a stored token of one daemon.
import * as vscode from 'vscode';
import type { TokenKind } from '../secrets';
import { daemonForCommand } from '../daemonPicker';
import type { CommandFactory } from './index';
import { TOKEN_TEXT } from './tokenKinds';

/** Returns true when a stored token was removed. */
function clearToken(kind: TokenKind): CommandFactory {
  const text = TOKEN_TEXT[kind];
  return (services) => async (argument?: unknown) => {
    const kora = services.context;
    const daemon = await daemonForCommand(services, `Clear the ${text.name} of which daemon?`, argument);
    if (!daemon) return false;
    if ((await kora.tokens.get(kind, daemon.url)) === undefined) {
      void vscode.window.showInformationMessage(`Kora: no ${text.name} is stored for ${daemon.name}.`);
      return false;
    }
    await kora.tokens.clear(kind, daemon.url);
    kora.logger('tokens').info(`${text.name} cleared for ${daemon.name}`);
    void vscode.window.showInformationMessage(`Kora: ${text.name} cleared for ${daemon.name}.`);
    return true;
  };
}

export const clearSessionToken = clearToken('session');
export const clearMcpToken = clearToken('mcp');

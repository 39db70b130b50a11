// `kora.setSessionToken` / `kora.setMcpToken`: asks for a token (masked) and keeps it in VS Code's
// secret storage under the daemon's origin. The value is never echoed, logged or put in settings.
import * as vscode from 'vscode';
import type { TokenKind } from '../secrets';
import { daemonForCommand } from '../daemonPicker';
import type { CommandFactory } from './index';
import { TOKEN_TEXT } from './tokenKinds';

/** Returns true when a token was stored (tests and callers may chain on it). */
function setToken(kind: TokenKind): CommandFactory {
  const text = TOKEN_TEXT[kind];
  return (services) => async (argument?: unknown) => {
    const kora = services.context;
    const daemon = await daemonForCommand(services, `Set the ${text.name} of which daemon?`, argument);
    if (!daemon) return false;
    const value = await vscode.window.showInputBox({
      title: `Kora: ${text.name} for ${daemon.name}`,
      prompt: `${text.hint} Stored in VS Code's secret storage for ${new URL(daemon.url).origin}.`,
      password: true,
      ignoreFocusOut: true,
      validateInput: (input) => {
        const trimmed = input.trim();
        if (!trimmed) return 'Enter the token, or press Escape to cancel.';
        return /\s/.test(trimmed) ? 'A token contains no spaces.' : undefined;
      },
    });
    if (value === undefined) return false;
    await kora.tokens.set(kind, daemon.url, value.trim());
    kora.logger('tokens').info(`${text.name} stored for ${daemon.name}`);
    void vscode.window.showInformationMessage(`Kora: ${text.name} stored for ${daemon.name}.`);
    return true;
  };
}

export const setSessionToken = setToken('session');
export const setMcpToken = setToken('mcp');

// Wording shared by the token commands, per kind of token.
import type { TokenKind } from '../secrets';

export interface TokenKindText {
  /** "session token" */
  name: string;
  /** Where the operator finds the value. */
  hint: string;
}

export const TOKEN_TEXT: Record<TokenKind, TokenKindText> = {
  session: {
    name: 'session token',
    hint: 'Used only when the daemon has no cockpit page to read it from. Find it in the cockpit page source (window.__HERMES_SESSION_TOKEN__) of a daemon that has one.',
  },
  mcp: {
    name: 'MCP token',
    hint: "Optional: the daemon's KORA_MCP_BEARER_TOKEN. With it, the view shows live daemon state, uptime and which listeners started.",
  },
};

// How every CLI command reaches a daemon: the default URL, the session-token fallback variable
// and the client built from them.
import { KoraClient } from '../core/daemon/client';
import { displayUrl } from '../core/text/displayUrl';
import type { CliIo } from './args';

export const DEFAULT_DAEMON_URL = 'http://127.0.0.1:9119';
/** The stored session token, used when the cockpit page does not give one. */
export const SESSION_TOKEN_ENV = 'KORA_SESSION_TOKEN';

export interface ClientOptions {
  /** Shown in messages; the URL by default. */
  name?: string;
  /** Environment variable holding an MCP bearer token (`status --mcp-token-env`). */
  mcpTokenEnv?: string;
}

export function openClient(
  io: CliIo,
  url: string,
  allowInsecureHttp: boolean,
  options: ClientOptions = {},
): KoraClient {
  const { mcpTokenEnv } = options;
  return new KoraClient(
    { name: options.name ?? displayUrl(url), url, allowInsecureHttp },
    {
      sessionTokens: { getStoredSessionToken: async () => io.env[SESSION_TOKEN_ENV] || undefined },
      mcpTokens: mcpTokenEnv ? { getMcpToken: async () => io.env[mcpTokenEnv] || undefined } : undefined,
    },
  );
}

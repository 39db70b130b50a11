// The MCP surface on the admin port (contract §3.10): bearer-authenticated JSON-RPC with the one
// tool the extension uses, `kora__daemon_status`.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { isObject, parseJsonBody, readBody, sendJson } from './httpUtil';

export const MCP_PATH = '/mcp';
export const MCP_TOOLS_PATH = '/mcp/tools/list';
const STATUS_TOOL = 'kora__daemon_status';
const SHUTDOWN_TIMEOUT_SECONDS = 10.0;

export interface CoordinatorView {
  state: 'booting' | 'running' | 'shutting_down' | 'not_running';
  uptimeSeconds: number | null;
  sessionId: string;
  listeners: { name: string; started: boolean }[];
}

/** Checks `Authorization: Bearer …` against the configured token(s); answers 401 itself when not. */
function authorized(req: IncomingMessage, res: ServerResponse, acceptedTokens: readonly string[]): boolean {
  const header = req.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header.trim()) : null;
  if (!match) {
    sendJson(res, 401, { detail: 'missing or malformed Authorization header' });
    return false;
  }
  if (!acceptedTokens.includes(match[1])) {
    sendJson(res, 401, { detail: 'invalid bearer token' });
    return false;
  }
  return true;
}

export async function handleMcp(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  acceptedTokens: readonly string[],
  coordinator: () => CoordinatorView,
): Promise<void> {
  if (!authorized(req, res, acceptedTokens)) return;
  if (path === MCP_TOOLS_PATH && req.method === 'GET') {
    sendJson(res, 200, {
      tools: [
        {
          name: STATUS_TOOL,
          description: 'Coordinator status of the Kora daemon',
          inputSchema: { type: 'object', properties: {} },
        },
      ],
    });
    return;
  }
  if (path !== MCP_PATH || req.method !== 'POST') {
    sendJson(res, 405, { detail: 'Method Not Allowed' });
    return;
  }
  const parsed = parseJsonBody(await readBody(req));
  if (parsed.kind !== 'json') return rpcError(res, null, -32700, 'Parse error');
  const call = parsed.value;
  if (!isObject(call) || call.jsonrpc !== '2.0' || typeof call.method !== 'string')
    return rpcError(res, null, -32600, 'Invalid Request');
  const id = call.id ?? null;
  if (call.method !== 'tools/call') return rpcError(res, id, -32601, `method not found: ${call.method}`);
  const params = isObject(call.params) ? call.params : {};
  if (params.name !== STATUS_TOOL) return rpcError(res, id, -32602, `unknown tool: ${String(params.name)}`);
  sendJson(res, 200, {
    jsonrpc: '2.0',
    id,
    result: { content: [{ type: 'text', text: JSON.stringify(statusObject(coordinator())) }] },
  });
}

function rpcError(res: ServerResponse, id: unknown, code: number, message: string): void {
  sendJson(res, 200, { jsonrpc: '2.0', id, error: { code, message } });
}

/** The coordinator's `get_status()` with keys sorted, as the tool serializes it. */
function statusObject(view: CoordinatorView): Record<string, unknown> {
  return {
    daemon_session_id: view.sessionId,
    listeners: view.listeners.map(({ name, started }) => ({
      name,
      shutdown_timeout_seconds: SHUTDOWN_TIMEOUT_SECONDS,
      started,
    })),
    shutdown_reason: null,
    state: view.state,
    uptime_seconds: view.uptimeSeconds,
  };
}

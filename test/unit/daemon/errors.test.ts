import * as assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { KoraClient } from '../../../src/core/daemon/client';
import { DaemonError, describeNetworkError, sanitizeExcerpt } from '../../../src/core/daemon/errors';
import { indexHtml } from '../../fake-daemon/indexPage';
import { daemonErrorOf } from './helpers';

const SESSION_TOKEN = 'SeSsIoN-ToKeN-0123456789-abcdefghijklmnopqr';
const MCP_TOKEN = 'McP-ToKeN-0123456789-abcdefghijklmnopqrstu';

/** A hostile daemon that echoes whatever credentials it receives into every kind of answer. */
function startEchoServer(): Promise<Server> {
  const server = createServer((req, res) => {
    const echoed = `${String(req.headers['x-hermes-session-token'])} ${String(req.headers.authorization)}`;
    const send = (status: number, type: string, body: string) => {
      res.writeHead(status, { 'content-type': type });
      res.end(body);
    };
    switch (req.url) {
      case '/':
        return send(200, 'text/html', indexHtml(SESSION_TOKEN));
      case '/api/snapshot':
        return send(500, 'text/plain', `boom, your token was ${echoed}`);
      case '/api/heartbeat/services':
        return send(200, 'application/json', JSON.stringify({ services: [{ name: 42, status: echoed }] }));
      case '/api/phrasebook/slack_dm':
        return send(
          502,
          'text/html',
          `<p>proxy error</p><script>window.__HERMES_SESSION_TOKEN__="${SESSION_TOKEN}"</script>`,
        );
      case '/mcp':
        return send(
          200,
          'application/json',
          JSON.stringify({ jsonrpc: '2.0', id: 1, error: { code: -32603, message: `tool error: ${echoed}` } }),
        );
      default:
        return send(404, 'application/json', '{}');
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function assertNoSecret(error: DaemonError): void {
  for (const text of [
    error.message,
    error.detail,
    error.bodyExcerpt ?? '',
    JSON.stringify(error),
    String(error.stack),
  ]) {
    assert.ok(!text.includes(SESSION_TOKEN), `session token leaked: ${text}`);
    assert.ok(!text.includes(MCP_TOKEN), `MCP token leaked: ${text}`);
  }
}

describe('daemon errors never carry a token', () => {
  let server: Server;
  let client: KoraClient;

  before(async () => {
    server = await startEchoServer();
    client = new KoraClient(
      { name: 'echo', url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` },
      { mcpTokens: { getMcpToken: async () => MCP_TOKEN } },
    );
  });

  after(async () => {
    await client.dispose();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('redacts a token echoed in a 500 body', async () => {
    const error = await daemonErrorOf(client.getSnapshot());
    assert.equal(error.kind, 'http_status');
    assert.match(error.bodyExcerpt ?? '', /boom, your token was \[redacted\]/);
    assertNoSecret(error);
  });

  it('names schema paths, never values, for an unreadable body', async () => {
    const error = await daemonErrorOf(client.getHeartbeatServices());
    assert.equal(error.kind, 'malformed');
    assert.deepEqual(error.issuePaths, ['services.0.name']);
    assertNoSecret(error);
  });

  it('redacts a cockpit page returned as an error body', async () => {
    const error = await daemonErrorOf(client.getPhrasebook());
    assert.equal(error.status, 502);
    assertNoSecret(error);
  });

  it('redacts the MCP token echoed in a JSON-RPC error', async () => {
    const error = await daemonErrorOf(client.getDaemonStatusViaMcp());
    assert.match(error.message, /MCP error -32603/);
    assertNoSecret(error);
  });

  it('sanitizes token fragments, control characters and length in excerpts', () => {
    assert.equal(sanitizeExcerpt('Authorization: Bearer abc.DEF-123 ok'), 'Authorization: Bearer [redacted] ok');
    assert.equal(
      sanitizeExcerpt(`window.__HERMES_SESSION_TOKEN__ = 'x1y2z3'`),
      `window.__HERMES_SESSION_TOKEN__ = [redacted]`,
    );
    assert.equal(sanitizeExcerpt('X-Hermes-Session-Token: qwertyuiop'), 'X-Hermes-Session-Token: [redacted]');
    assert.equal(sanitizeExcerpt('a\u001b[31mred\u0007\nline'), 'a\\x1b[31mred\\x07 line');
    assert.equal(sanitizeExcerpt('x'.repeat(500)).length, 201);
    assert.equal(sanitizeExcerpt('the secret is hunter2hunter2', ['hunter2hunter2']), 'the secret is [redacted]');
  });

  it('describes network failures by code only', () => {
    assert.deepEqual(describeNetworkError(Object.assign(new Error('x'), { code: 'ECONNREFUSED' })), {
      kind: 'offline',
      detail: 'connection refused',
      reset: false,
    });
    const wrapped = Object.assign(new Error('other side closed'), {
      code: 'UND_ERR_SOCKET',
      cause: Object.assign(new Error('y'), { code: 'ECONNRESET' }),
    });
    assert.equal(describeNetworkError(wrapped).reset, true);
    assert.equal(
      describeNetworkError(Object.assign(new Error('t'), { code: 'UND_ERR_HEADERS_TIMEOUT' })).kind,
      'timeout',
    );
    assert.equal(describeNetworkError(new Error('mystery')).detail, 'network error');
  });
});

// Security checks, unit layer: a token that could not travel in a header (control characters, a
// space) is refused before any request with a sentence that says what to do, never a low-level
// HTTP client error (formerly UND_ERR_INVALID_ARG), and never quoted.
import * as assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { KoraClient } from '../../../src/core/daemon/client';
import { isDaemonError } from '../../../src/core/daemon/errors';
import { runCli } from '../../../src/cli/main';
import type { CliIo } from '../../../src/cli/args';
import { startDaemonStandIn, startScriptedServer, type ScriptedServer } from './scriptedServer';

const BAD_TOKEN = 'abc\u0001def-0123456789';

describe('security (unit): unusable tokens get a sentence, not a low-level error', () => {
  let server: ScriptedServer | undefined;
  afterEach(async () => server?.close());

  it('a scraped token with a control character: refused before any API request', async () => {
    server = await startDaemonStandIn(BAD_TOKEN, (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{}');
    });
    const client = new KoraClient({ name: 'hostile', url: server.url });
    try {
      await assert.rejects(client.getPhrasebook(), (error: unknown) => {
        assert.ok(isDaemonError(error), String(error));
        assert.equal(error.kind, 'unauthorized');
        assert.match(
          error.message,
          /session token on the daemon's cockpit page contains characters no token can have.*not sent/,
        );
        assert.doesNotMatch(error.message, /UND_ERR|abc/);
        return true;
      });
    } finally {
      await client.dispose();
    }
    assert.deepEqual(
      server.requests.map((request) => request.path),
      ['/'],
      'only the cockpit page was read',
    );
  });

  it('a stored token (KORA_SESSION_TOKEN) with a control character: the CLI says what to do, exit 2', async () => {
    server = await startScriptedServer((_req, res) => {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('Frontend not built');
    });
    let out = '';
    const io: CliIo = {
      stdout: { write: (t: string) => (out += t) },
      stderr: { write: (t: string) => (out += t) },
      stdin: new PassThrough(),
      env: { KORA_SESSION_TOKEN: BAD_TOKEN },
      cwd: '/',
    };
    const code = await runCli(['phrasebook', 'pull', '--url', server.url], io);
    assert.equal(code, 2, out);
    assert.match(out, /stored session token contains characters no token can have.*KORA_SESSION_TOKEN/);
    assert.doesNotMatch(out, /abc|UND_ERR/);
    assert.deepEqual(
      server.requests.map((request) => request.path),
      ['/'],
    );
  });

  it('an MCP token with a line break: refused before POST /mcp', async () => {
    server = await startDaemonStandIn('good-token-0123456789', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{}');
    });
    const client = new KoraClient(
      { name: 'hostile', url: server.url },
      { mcpTokens: { getMcpToken: async () => 'mcp\ninjected: header' } },
    );
    try {
      await assert.rejects(client.getDaemonStatusViaMcp(), /The MCP token contains characters no token can have/);
    } finally {
      await client.dispose();
    }
    assert.equal(server.requests.filter((request) => request.path === '/mcp').length, 0);
  });

  it('a stored token with surrounding whitespace (a trailing newline) still works', async () => {
    server = await startScriptedServer((req, res) => {
      if (req.url === '/') {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('Frontend not built');
        return;
      }
      const ok = req.headers['x-hermes-session-token'] === 'good-token-0123456789';
      res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
      res.end(
        ok
          ? JSON.stringify({ source: 'bundled_default', source_path: '/x', override_candidate_path: null, entries: [] })
          : '{"detail":"Unauthorized"}',
      );
    });
    const client = new KoraClient(
      { name: 'd', url: server.url },
      { sessionTokens: { getStoredSessionToken: async () => 'good-token-0123456789\n' } },
    );
    try {
      assert.equal((await client.getPhrasebook()).source, 'bundled_default');
    } finally {
      await client.dispose();
    }
  });
});

// Security checks, unit layer: the session and MCP tokens never appear in a DaemonError or a write
// outcome, whatever the daemon (or a proxy) answers; they are only ever sent to their own origin
// (redirects are not followed, not even to 127.0.0.1 on another port); cleartext http to a remote
// host is refused before any socket is opened.
import * as assert from 'node:assert/strict';
import * as net from 'node:net';
import type { ServerResponse } from 'node:http';
import { KoraClient } from '../../../src/core/daemon/client';
import { SESSION_TOKEN_HEADER } from '../../../src/core/daemon/auth';
import { DaemonError } from '../../../src/core/daemon/errors';
import { FAULTS } from '../../fake-daemon/faults';
import { SEED_ENTRIES } from '../../fake-daemon/seed';
import { startFakeDaemon, type FakeDaemon } from '../../fake-daemon/server';
import { SHORT_TIMEOUTS } from '../faults/support';
import { assertNoSecrets, SecretLedger, type Secret } from './secrets';
import { startDaemonStandIn, startOtherOrigin, startScriptedServer, type ScriptedServer } from './scriptedServer';

const MCP_TOKEN = 'mcp-TEST-token-0123456789abcdefghijklmnopqrstuvw';
const STAND_IN_TOKEN = 'session-TEST-token-0123456789abcdefghijklmnopq';
const OTHER_ORIGIN_TOKEN = 'other-origin-TEST-token-0123456789abcdefghijk';
/** TEST-NET-3 (RFC 5737): never routed; and the socket spy below keeps anything from leaving anyway. */
const REMOTE_URL = 'http://203.0.113.9:9119';
const REDIRECT_STATUSES = [301, 302, 303, 307, 308] as const;

/** Everything a client call can hand back to a caller, as text: the value or the error's fields. */
async function outcomeText(call: () => Promise<unknown>): Promise<string> {
  try {
    return JSON.stringify(await call()) ?? '';
  } catch (error) {
    if (!(error instanceof DaemonError)) throw error;
    return JSON.stringify({ text: String(error), ...error, message: error.message, stack: error.stack });
  }
}

/** Every read and write a KoraClient offers, each turned into its outcome text. */
function everyCall(client: KoraClient): Array<{ name: string; call: () => Promise<unknown> }> {
  return [
    { name: 'getSnapshot', call: () => client.getSnapshot() },
    { name: 'getHeartbeatServices', call: () => client.getHeartbeatServices() },
    { name: 'getDaemonStatusViaMcp', call: () => client.getDaemonStatusViaMcp() },
    { name: 'getPhrasebook', call: () => client.getPhrasebook() },
    { name: 'testPhrasebook', call: () => client.testPhrasebook('status') },
    { name: 'getPhrasebookBackups', call: () => client.getPhrasebookBackups() },
    { name: 'putPhrasebook', call: () => client.putPhrasebook(SEED_ENTRIES.map((entry) => ({ ...entry }))) },
    { name: 'revertPhrasebook', call: () => client.revertPhrasebook() },
  ];
}

async function assertNoSecretInAnyOutcome(client: KoraClient, secrets: () => Secret[], where: string): Promise<void> {
  const texts = await Promise.all(
    everyCall(client).map(async ({ name, call }) => ({ name, text: await outcomeText(call) })),
  );
  for (const { name, text } of texts) assertNoSecrets(text, secrets(), `${name} ${where}`);
}

describe('security (unit): tokens never leave their daemon', function () {
  this.timeout(30_000);

  describe('error messages and write outcomes', () => {
    let daemon: FakeDaemon;
    let client: KoraClient;
    const ledger = new SecretLedger();

    beforeEach(async () => {
      daemon = await startFakeDaemon({ mcpToken: MCP_TOKEN });
      ledger.add('MCP token', MCP_TOKEN);
      ledger.add('session token', daemon.token);
      client = new KoraClient(
        { name: 'fake', url: daemon.url },
        { timeouts: SHORT_TIMEOUTS, mcpTokens: { getMcpToken: async () => MCP_TOKEN } },
      );
    });

    afterEach(async () => {
      await client.dispose();
      await daemon.close();
    });

    for (const fault of FAULTS) {
      it(`carry no token under the "${fault}" fault (the cockpit page with the token is one of the bodies)`, async () => {
        daemon.addFault({ name: fault, persistent: true });
        await assertNoSecretInAnyOutcome(client, () => ledger.all, `under ${fault}`);
      });
    }

    it('carry no token after a restart (401, re-scrape) nor when a stored token is rejected', async () => {
      await client.getSnapshot();
      daemon.restart();
      ledger.add('rotated session token', daemon.token);
      await assertNoSecretInAnyOutcome(client, () => ledger.all, 'after a token rotation');

      const stored = 'stored-TEST-token-0123456789abcdefghijklmnopqr';
      ledger.add('stored session token', stored);
      await daemon.setScenario('no_frontend');
      daemon.restart();
      ledger.add('second rotated session token', daemon.token);
      const withStored = new KoraClient(
        { name: 'stored', url: daemon.url },
        { sessionTokens: { getStoredSessionToken: async () => stored } },
      );
      try {
        const error = await withStored.getSnapshot().then(
          () => undefined,
          (rejection: unknown) => rejection,
        );
        assert.ok(
          error instanceof DaemonError && error.kind === 'unauthorized',
          `the stored token is rejected: ${String(error)}`,
        );
        await assertNoSecretInAnyOutcome(withStored, () => ledger.all, 'with a rejected stored token');
      } finally {
        await withStored.dispose();
      }
    });
  });

  describe('redirects are never followed', () => {
    let other: ScriptedServer;
    const servers: ScriptedServer[] = [];
    const clients: KoraClient[] = [];

    before(async () => {
      other = await startOtherOrigin();
    });

    afterEach(async () => {
      await Promise.all(clients.splice(0).map((client) => client.dispose()));
      await Promise.all(servers.splice(0).map((server) => server.close()));
    });

    after(async () => {
      await other.close();
    });

    function clientOf(url: string): KoraClient {
      const client = new KoraClient(
        { name: 'redirecting', url },
        { timeouts: SHORT_TIMEOUTS, mcpTokens: { getMcpToken: async () => MCP_TOKEN } },
      );
      clients.push(client);
      return client;
    }

    for (const status of REDIRECT_STATUSES) {
      it(`HTTP ${status} from every API route: the other origin receives nothing, the tokens went only to the daemon`, async () => {
        const redirect = (path: string | undefined, res: ServerResponse) => {
          res.writeHead(status, { location: `${other.url}${path ?? '/'}`, 'content-length': '0' });
          res.end();
        };
        const daemon = await startDaemonStandIn(STAND_IN_TOKEN, (req, res) => redirect(req.url, res));
        servers.push(daemon);
        const client = clientOf(daemon.url);
        for (const { name, call } of everyCall(client)) {
          const text = await outcomeText(call);
          assert.match(text, /redirect_refused/, `${name} refuses the redirect: ${text.slice(0, 300)}`);
          assertNoSecrets(
            text,
            [
              { name: 'session token', value: STAND_IN_TOKEN },
              { name: 'MCP token', value: MCP_TOKEN },
            ],
            name,
          );
        }
        assert.deepEqual(other.requests, [], 'the other origin was never contacted');
        const apiRequests = daemon.requests.filter((request) => request.path.startsWith('/api/'));
        assert.ok(apiRequests.length >= 6, 'the daemon received the API requests');
        for (const request of apiRequests)
          assert.equal(
            request.headers[SESSION_TOKEN_HEADER.toLowerCase()],
            STAND_IN_TOKEN,
            `${request.method} ${request.path} carried the session token to its own origin`,
          );
        assert.equal(
          daemon.requests.find((request) => request.path === '/mcp')?.headers.authorization,
          `Bearer ${MCP_TOKEN}`,
          'the MCP token went to its own origin',
        );
      });
    }

    it('does not read a session token from a cockpit page that redirects to another origin', async () => {
      const tokenPage = await startDaemonStandIn(OTHER_ORIGIN_TOKEN, (_req, res) => res.writeHead(404).end());
      const redirecting = await startScriptedServer((req, res) => {
        res.writeHead(302, { location: `${tokenPage.url}${req.url ?? '/'}`, 'content-length': '0' });
        res.end();
      });
      servers.push(tokenPage, redirecting);
      const text = await outcomeText(() => clientOf(redirecting.url).getSnapshot());
      assert.match(text, /redirect_refused/);
      assert.deepEqual(tokenPage.requests, [], 'the page with the other token was never fetched');
      assert.equal(
        redirecting.requests.some((request) => request.headers[SESSION_TOKEN_HEADER.toLowerCase()] !== undefined),
        false,
        'no token was sent at all',
      );
    });
  });

  describe('cleartext http to a remote host', () => {
    interface ConnectAttempt {
      host: string | undefined;
      port: number | undefined;
    }
    let attempts: ConnectAttempt[];
    let restore: () => void;

    beforeEach(() => {
      // Every outgoing TCP connection of this process goes through Socket#connect: record it and
      // fail it locally, so nothing can leave the machine whatever the client does.
      attempts = [];
      const original = net.Socket.prototype.connect;
      net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
        // net.connect() passes its normalized arguments as one array: [options, callback].
        const first = Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0];
        const options = (typeof first === 'object' && first !== null ? first : { port: first, host: args[1] }) as {
          host?: string;
          port?: number;
        };
        attempts.push({ host: options.host, port: Number(options.port) });
        process.nextTick(() =>
          this.destroy(Object.assign(new Error('blocked by the security test'), { code: 'ECONNREFUSED' })),
        );
        return this;
      } as typeof net.Socket.prototype.connect;
      restore = () => {
        net.Socket.prototype.connect = original;
      };
    });

    afterEach(() => restore());

    it('is refused before any socket is opened, for reads, writes and MCP', async () => {
      const client = new KoraClient(
        { name: 'remote', url: REMOTE_URL },
        { mcpTokens: { getMcpToken: async () => MCP_TOKEN } },
      );
      try {
        for (const { name, call } of everyCall(client)) {
          const text = await outcomeText(call);
          assert.match(text, /insecure_refused/, `${name}: ${text.slice(0, 200)}`);
          assert.match(text, /refusing cleartext http to 203\.0\.113\.9:9119/);
        }
        assert.equal(client.requestCount(), 0, 'no request was sent');
        assert.deepEqual(attempts, [], 'no connection was even attempted');
      } finally {
        await client.dispose();
      }
    });

    it('is attempted only when the user opted in for that daemon (the attempt is stopped locally here)', async () => {
      const client = new KoraClient(
        { name: 'remote', url: REMOTE_URL, allowInsecureHttp: true },
        { timeouts: SHORT_TIMEOUTS },
      );
      try {
        const text = await outcomeText(() => client.getSnapshot());
        assert.match(text, /"kind":"offline"/, `the blocked connection reads as offline: ${text.slice(0, 200)}`);
        assert.ok(
          attempts.length > 0 && attempts.every((attempt) => attempt.host === '203.0.113.9' && attempt.port === 9119),
          JSON.stringify(attempts),
        );
      } finally {
        await client.dispose();
      }
    });
  });
});

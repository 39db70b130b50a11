import * as assert from 'node:assert/strict';
import { extractSessionToken } from '../../../src/core/daemon/auth';
import { apiRequests, daemonErrorOf, useFakeDaemon } from './helpers';

describe('session token: scrape, re-scrape, fallback', () => {
  describe('extractSessionToken', () => {
    it('reads the daemon’s injected script without running into the next quoted global', () => {
      const html =
        '<head><script>window.__HERMES_SESSION_TOKEN__="tok-EXAMPLE_123";window.__HERMES_DASHBOARD_EMBEDDED_CHAT__=true;window.__HERMES_BASE_PATH__="";</script></head>';
      assert.equal(extractSessionToken(html), 'tok-EXAMPLE_123');
    });

    it('tolerates spacing and single quotes', () => {
      assert.equal(extractSessionToken("window.__HERMES_SESSION_TOKEN__ =  'abc_DEF-123' ;"), 'abc_DEF-123');
    });

    it('finds nothing in a page without the token or with an empty one', () => {
      assert.equal(extractSessionToken('<html><head></head></html>'), undefined);
      assert.equal(extractSessionToken('window.__HERMES_SESSION_TOKEN__="";'), undefined);
    });
  });

  describe('against the fake daemon', () => {
    const fake = useFakeDaemon();

    it('scrapes the token once and reuses it', async () => {
      const client = fake.client();
      await client.getSnapshot();
      await client.getHeartbeatServices();
      await client.getSnapshot();
      assert.equal(client.requestCount('/'), 1);
      assert.equal(client.tokenSource, 'scraped');
      assert.ok(
        fake.daemon.requestLog.filter((entry) => entry.path.startsWith('/api/')).every((entry) => entry.status === 200),
      );
    });

    it('shares one scrape between concurrent first calls', async () => {
      const client = fake.client();
      await Promise.all([client.getSnapshot(), client.getHeartbeatServices(), client.getPhrasebook()]);
      assert.equal(client.requestCount('/'), 1);
    });

    it('re-scrapes once after a 401 (daemon restarted) and retries the request', async () => {
      const client = fake.client();
      await client.getSnapshot();
      const oldToken = fake.daemon.token;
      fake.daemon.restart();
      assert.notEqual(fake.daemon.token, oldToken);
      const result = await client.getSnapshot();
      assert.equal(result.kind, 'snapshot');
      assert.equal(client.requestCount('/'), 2);
      const snapshotStatuses = fake.daemon.requestLog
        .filter((entry) => entry.path === '/api/snapshot')
        .map((entry) => entry.status);
      assert.deepEqual(snapshotStatuses, [200, 401, 200]);
    });

    it('falls back to the stored token when the cockpit is not built', async () => {
      await fake.daemon.setScenario('no_frontend');
      const client = fake.client({ sessionTokens: { getStoredSessionToken: async () => fake.daemon.token } });
      const result = await client.getSnapshot();
      assert.equal(result.kind, 'snapshot');
      assert.equal(client.tokenSource, 'stored');
    });

    it('reports no_frontend (and sends no API request) without a stored token', async () => {
      await fake.daemon.setScenario('no_frontend');
      const client = fake.client({ sessionTokens: { getStoredSessionToken: async () => undefined } });
      const error = await daemonErrorOf(client.getSnapshot());
      assert.equal(error.kind, 'no_frontend');
      assert.match(error.message, /Frontend not built/);
      assert.equal(apiRequests(fake.daemon, '/api/snapshot'), 0);
    });

    it('reports unauthorized when the stored token is rejected, without retrying the same token', async () => {
      await fake.daemon.setScenario('no_frontend');
      const client = fake.client({ sessionTokens: { getStoredSessionToken: async () => 'not-the-token-0123456789' } });
      const error = await daemonErrorOf(client.getSnapshot());
      assert.equal(error.kind, 'unauthorized');
      assert.match(error.detail, /stored session token/);
      assert.equal(apiRequests(fake.daemon, '/api/snapshot'), 1);
    });

    it('recovers on the next call once the user stores the right token', async () => {
      await fake.daemon.setScenario('no_frontend');
      let stored = 'wrong-token-0123456789';
      const client = fake.client({ sessionTokens: { getStoredSessionToken: async () => stored } });
      await daemonErrorOf(client.getSnapshot());
      stored = fake.daemon.token;
      assert.equal((await client.getSnapshot()).kind, 'snapshot');
    });

    it('accepts the token for writes too, re-scraping when it rotated mid-way', async () => {
      const client = fake.client();
      const live = await client.getPhrasebook();
      fake.daemon.restart();
      const result = await client.putPhrasebook(live.entries);
      assert.equal(result.kind, 'ok');
    });
  });
});

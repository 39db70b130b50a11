import * as assert from 'node:assert/strict';
import { KoraClient, parseDaemonUrl } from '../../../src/core/daemon/client';
import { isLoopbackHost } from '../../../src/core/daemon/http';
import { REDIRECT_TARGET } from '../../fake-daemon/faults';
import { apiRequests, daemonErrorOf, useFakeDaemon } from './helpers';

describe('daemon transport: content type, size cap, timeouts, redirects, cleartext', () => {
  const fake = useFakeDaemon();

  it('reports an endpoint the daemon does not have (SPA HTML with 200) as endpoint_missing', async () => {
    await fake.daemon.setScenario('old_daemon');
    const client = fake.client();
    for (const read of [
      () => client.getSnapshot(),
      () => client.getHeartbeatServices(),
      () => client.getPhrasebook(),
    ]) {
      const error = await daemonErrorOf(read());
      assert.equal(error.kind, 'endpoint_missing');
      assert.match(error.message, /endpoint not available on this daemon/);
    }
  });

  it('reports a one-off HTML answer and a 405 as endpoint_missing', async () => {
    const client = fake.client();
    fake.daemon.addFault({ name: 'html_200', path: '/api/snapshot' });
    assert.equal((await daemonErrorOf(client.getSnapshot())).kind, 'endpoint_missing');
    await fake.daemon.setScenario('old_daemon');
    const put = await client.putPhrasebook([]);
    assert.equal(put.kind, 'transport');
    assert.equal(put.kind === 'transport' && put.error.kind, 'endpoint_missing');
  });

  it('reports invalid JSON as malformed', async () => {
    fake.daemon.addFault({ name: 'malformed_json' });
    const error = await daemonErrorOf(fake.client().getHeartbeatServices());
    assert.equal(error.kind, 'malformed');
    assert.match(error.message, /not valid JSON/);
  });

  it('reports a plain-text 500 as http_status with a short excerpt', async () => {
    fake.daemon.addFault({ name: 'plain_500' });
    const error = await daemonErrorOf(fake.client().getSnapshot());
    assert.equal(error.kind, 'http_status');
    assert.equal(error.status, 500);
    assert.equal(error.bodyExcerpt, 'Internal Server Error');
  });

  it('aborts a 50 MB body at the size cap instead of buffering it', async () => {
    fake.daemon.addFault({ name: 'huge_body' });
    const client = fake.client({ maxResponseBytes: 1024 * 1024 });
    const error = await daemonErrorOf(client.getSnapshot());
    assert.equal(error.kind, 'too_large');
    assert.match(error.message, /response too large \(over 1 MB\)/);
    // The client is still usable afterwards.
    assert.equal((await client.getSnapshot()).kind, 'snapshot');
  });

  it('times out a daemon that never answers', async () => {
    fake.daemon.addFault({ name: 'hang' });
    const error = await daemonErrorOf(fake.client({ timeouts: { headersMs: 300 } }).getSnapshot());
    assert.equal(error.kind, 'timeout');
  });

  it('times out a body that stalls, and one that trickles past the total deadline', async () => {
    fake.daemon.addFault({ name: 'slow_body' });
    const stalled = await daemonErrorOf(fake.client({ timeouts: { bodyMs: 200 } }).getSnapshot());
    assert.equal(stalled.kind, 'timeout');
    fake.daemon.addFault({ name: 'slow_body' });
    const trickled = await daemonErrorOf(fake.client({ timeouts: { bodyMs: 5_000, totalMs: 1_200 } }).getSnapshot());
    assert.equal(trickled.kind, 'timeout');
    assert.match(trickled.message, /within 1 s/);
  });

  it('reports a connection reset mid-body as offline', async () => {
    fake.daemon.addFault({ name: 'reset_mid_body' });
    const error = await daemonErrorOf(fake.client().getHeartbeatServices());
    assert.equal(error.kind, 'offline');
  });

  it('reports a closed port as offline (connection refused)', async () => {
    const client = fake.client();
    await fake.daemon.setScenario('offline');
    const error = await daemonErrorOf(client.getSnapshot());
    assert.equal(error.kind, 'offline');
    assert.match(error.detail, /connection refused/);
  });

  it('waits in the slow scenario and gives up at the configured timeout', async () => {
    await fake.daemon.setScenario('slow', { slowMs: 300 });
    assert.equal((await fake.client().getSnapshot()).kind, 'snapshot');
    // undici checks its header/body timers about every half second: keep a wide margin.
    await fake.daemon.setScenario('slow', { slowMs: 5_000 });
    assert.equal(
      (await daemonErrorOf(fake.client({ timeouts: { headersMs: 200 } }).getHeartbeatServices())).kind,
      'timeout',
    );
  });

  it('never follows a redirect: the token stays with this daemon', async () => {
    fake.daemon.addFault({ name: 'redirect_other_origin', path: '/api/snapshot' });
    const client = fake.client();
    const error = await daemonErrorOf(client.getSnapshot());
    assert.equal(error.kind, 'redirect_refused');
    assert.equal(error.redirectOrigin, new URL(REDIRECT_TARGET).origin);
    assert.ok(!error.message.includes('/collect'), 'only the origin is named');
    assert.equal(apiRequests(fake.daemon, '/api/snapshot'), 1);
    assert.ok(!error.message.includes(fake.daemon.token));
  });

  it('refuses cleartext http to a non-loopback host before sending anything', async () => {
    const client = new KoraClient({ name: 'remote', url: 'http://192.0.2.10:9119' });
    const error = await daemonErrorOf(client.getSnapshot());
    assert.equal(error.kind, 'insecure_refused');
    assert.equal(client.requestCount(), 0);
    const putResult = await client.putPhrasebook([]);
    assert.equal(putResult.kind === 'transport' && putResult.error.kind, 'insecure_refused');
    await client.dispose();
  });

  it('allows https anywhere, http on loopback, and http elsewhere only when opted in', () => {
    assert.equal(parseDaemonUrl({ name: 'a', url: 'https://kora.example.com' }).refusal, undefined);
    assert.equal(parseDaemonUrl({ name: 'a', url: 'http://localhost:9119' }).refusal, undefined);
    assert.equal(
      parseDaemonUrl({ name: 'a', url: 'http://10.0.0.5:9119', allowInsecureHttp: true }).refusal,
      undefined,
    );
    assert.equal(parseDaemonUrl({ name: 'a', url: 'http://10.0.0.5:9119' }).refusal?.kind, 'insecure_refused');
    assert.match(parseDaemonUrl({ name: 'a', url: 'not a url' }).refusal?.message ?? '', /invalid daemon URL/);
    assert.match(
      parseDaemonUrl({ name: 'a', url: 'ftp://127.0.0.1' }).refusal?.message ?? '',
      /unsupported URL scheme/,
    );
    assert.match(
      parseDaemonUrl({ name: 'a', url: 'http://user:pw@127.0.0.1:9119' }).refusal?.message ?? '',
      /credentials/,
    );
  });

  it('knows loopback hosts as the daemon does', () => {
    for (const host of [
      '127.0.0.1',
      '127.8.9.10',
      'localhost',
      '[::1]',
      '::1',
      new URL('http://[::ffff:127.0.0.1]/').hostname,
    ]) {
      assert.equal(isLoopbackHost(host), true, host);
    }
    for (const host of ['10.0.0.1', '127.0.0.1.nip.io', 'localhost.example.com', '[::2]', '0.0.0.0']) {
      assert.equal(isLoopbackHost(host), false, host);
    }
  });
});

import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { request } from 'undici';
import { extractSessionToken } from '../../../src/core/daemon/auth';
import { READY_PREFIX } from '../../fake-daemon/main';
import { LISTENER_NAMES } from '../../fake-daemon/scenarios';
import { PUBLIC_API_PATHS, startFakeDaemon, type FakeDaemon } from '../../fake-daemon/server';
import { useFakeDaemon } from './helpers';

async function get(url: string, headers: Record<string, string> = {}) {
  const response = await request(url, { headers });
  const text = await response.body.text();
  return {
    status: response.statusCode,
    type: String(response.headers['content-type']),
    text,
    headers: response.headers,
  };
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.statusCode, json: (await response.body.json()) as Record<string, unknown> };
}

function authed(daemon: FakeDaemon) {
  return { 'x-hermes-session-token': daemon.token };
}

describe('fake daemon (contract fidelity)', () => {
  const fake = useFakeDaemon();

  it('injects a fresh 43-character token into the cockpit page, uncached', async () => {
    const page = await get(`${fake.daemon.url}/`);
    assert.equal(page.status, 200);
    assert.equal(page.headers['cache-control'], 'no-store, no-cache, must-revalidate');
    assert.equal(extractSessionToken(page.text), fake.daemon.token);
    assert.equal(fake.daemon.token.length, 43);
    fake.daemon.restart();
    assert.equal(extractSessionToken((await get(`${fake.daemon.url}/`)).text), fake.daemon.token);
  });

  it('answers 401 {"detail":"Unauthorized"} without or with a wrong token, except on the 7 public paths', async () => {
    const attempts: Record<string, string>[] = [{}, { 'x-hermes-session-token': 'wrong' }];
    for (const headers of attempts) {
      const denied = await get(`${fake.daemon.url}/api/snapshot`, headers);
      assert.equal(denied.status, 401);
      assert.deepEqual(JSON.parse(denied.text), { detail: 'Unauthorized' });
    }
    assert.equal(PUBLIC_API_PATHS.size, 7);
    for (const path of PUBLIC_API_PATHS) assert.notEqual((await get(`${fake.daemon.url}${path}`)).status, 401, path);
    assert.equal(
      (await get(`${fake.daemon.url}/api/snapshot`, { authorization: `Bearer ${fake.daemon.token}` })).status,
      200,
      'legacy bearer form',
    );
  });

  it('serves the SPA for unknown /api paths with a valid token (there is no /api/daemon/status)', async () => {
    const page = await get(`${fake.daemon.url}/api/daemon/status`, authed(fake.daemon));
    assert.equal(page.status, 200);
    assert.match(page.type, /^text\/html/);
  });

  it('serves the heartbeat with exactly the documented keys, in canonical order, and the warming branch', async () => {
    const body = JSON.parse((await get(`${fake.daemon.url}/api/heartbeat/services`, authed(fake.daemon))).text);
    assert.deepEqual(Object.keys(body).sort(), ['cache_warming', 'generated_at', 'services', 'stub']);
    assert.deepEqual(
      body.services.map((service: { name: string }) => service.name),
      ['vercel', 'sentry', 'doppler', 'supabase', 'fly'],
    );
    for (const service of body.services)
      assert.deepEqual(Object.keys(service).sort(), [
        'details',
        'error',
        'last_check_at',
        'latency_ms',
        'name',
        'status',
      ]);
    assert.match(body.generated_at, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    await fake.daemon.setScenario('warming');
    const warming = JSON.parse((await get(`${fake.daemon.url}/api/heartbeat/services`, authed(fake.daemon))).text);
    assert.deepEqual(
      { ...warming, generated_at: 'x' },
      { services: [], generated_at: 'x', stub: false, cache_warming: true },
    );
  });

  it('serves a fresh v4 snapshot with sorted keys and the 12 listeners, or the stale body', async () => {
    const text = (await get(`${fake.daemon.url}/api/snapshot`, authed(fake.daemon))).text;
    const snapshot = JSON.parse(text);
    assert.equal(snapshot.schema_version, 4);
    assert.deepEqual(Object.keys(snapshot), [...Object.keys(snapshot)].sort());
    assert.deepEqual(Object.keys(snapshot.daemon_health.listeners), [...LISTENER_NAMES].sort());
    const age = Date.now() - Date.parse(snapshot.computed_at);
    assert.ok(age >= 0 && age < 600_000, `age ${age}`);
    await fake.daemon.setScenario('stale');
    assert.deepEqual(JSON.parse((await get(`${fake.daemon.url}/api/snapshot`, authed(fake.daemon))).text), {
      error: 'no_snapshot',
      stale: true,
    });
  });

  it('answers 404 "Frontend not built" for the cockpit in the no_frontend scenario', async () => {
    await fake.daemon.setScenario('no_frontend');
    const page = await get(`${fake.daemon.url}/`);
    assert.equal(page.status, 404);
    assert.deepEqual(JSON.parse(page.text), { error: 'Frontend not built. Run: cd web && npm run build' });
  });

  it('serves kora__daemon_status over MCP with the bearer token only', async () => {
    const call = {
      jsonrpc: '2.0',
      id: 7,
      method: 'tools/call',
      params: { name: 'kora__daemon_status', arguments: {} },
    };
    assert.deepEqual((await post(`${fake.daemon.url}/mcp`, call)).json, {
      detail: 'missing or malformed Authorization header',
    });
    assert.deepEqual((await post(`${fake.daemon.url}/mcp`, call, { authorization: 'Bearer nope' })).json, {
      detail: 'invalid bearer token',
    });
    const answer = (await post(`${fake.daemon.url}/mcp`, call, { authorization: `Bearer ${fake.daemon.mcpToken}` }))
      .json as { id: number; result: { content: Array<{ text: string }> } };
    assert.equal(answer.id, 7);
    const status = JSON.parse(answer.result.content[0].text);
    assert.equal(status.state, 'running');
    assert.equal(status.listeners.length, 12);
    assert.deepEqual(Object.keys(status), [
      'daemon_session_id',
      'listeners',
      'shutdown_reason',
      'state',
      'uptime_seconds',
    ]);
    const unknownTool = (
      await post(
        `${fake.daemon.url}/mcp`,
        { ...call, params: { name: 'nope' } },
        { authorization: `Bearer ${fake.daemon.mcpToken}` },
      )
    ).json;
    assert.deepEqual(unknownTool.error, { code: -32602, message: 'unknown tool: nope' });
  });

  it('is driven over HTTP through /__fake/ (scenario, restart, faults, snapshot patch, reset)', async () => {
    const base = fake.daemon.url;
    assert.equal((await post(`${base}/__fake/scenario`, { name: 'degraded' })).status, 200);
    assert.equal(fake.daemon.scenario, 'degraded');
    const before = fake.daemon.token;
    await post(`${base}/__fake/restart`, {});
    assert.notEqual(fake.daemon.token, before);
    await post(`${base}/__fake/fault`, { name: 'plain_500', path: '/api/snapshot' });
    assert.equal((await get(`${base}/api/snapshot`, authed(fake.daemon))).status, 500);
    assert.equal((await get(`${base}/api/snapshot`, authed(fake.daemon))).status, 200, 'one-shot by default');
    await post(`${base}/__fake/snapshot`, { operational_state: { primary: 'paused', paused: true } });
    assert.equal(
      JSON.parse((await get(`${base}/api/snapshot`, authed(fake.daemon))).text).operational_state.primary,
      'paused',
    );
    await post(`${base}/__fake/services`, { sentry: { status: 'unhealthy', error: 'HTTP 500' } });
    const services = JSON.parse((await get(`${base}/api/heartbeat/services`, authed(fake.daemon))).text).services;
    assert.equal(services.find((service: { name: string }) => service.name === 'sentry').status, 'unhealthy');
    const state = JSON.parse((await get(`${base}/__fake/state`)).text);
    assert.equal(state.token, fake.daemon.token);
    assert.equal((await post(`${base}/__fake/reset`, {})).status, 200);
    assert.equal(fake.daemon.scenario, 'healthy');
    assert.equal((await post(`${base}/__fake/scenario`, { name: 'bogus' })).status, 400);
  });
});

describe('fake daemon process (npm run demo, integration tests)', () => {
  it('prints one ready line, goes offline and back through the control port, and exits on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      [join(__dirname, '..', '..', 'fake-daemon', 'main.js'), '--scenario', 'healthy'],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let buffered = '';
        child.stdout.on('data', (chunk: Buffer) => {
          buffered += chunk.toString('utf8');
          if (buffered.includes('\n')) resolve(buffered.split('\n')[0]);
        });
        child.once('exit', (code) => reject(new Error(`exited early with ${code}`)));
      });
      assert.ok(line.startsWith(`${READY_PREFIX} `));
      const { url, controlUrl } = JSON.parse(line.slice(READY_PREFIX.length + 1)) as {
        url: string;
        controlUrl: string;
      };
      assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.equal((await get(`${url}/`)).status, 200);
      await post(`${url}/__fake/scenario`, { name: 'offline' });
      await new Promise((resolve) => setTimeout(resolve, 100));
      await assert.rejects(get(`${url}/`), (error: NodeJS.ErrnoException) =>
        /ECONNREFUSED/.test(`${error.code} ${String(error.cause)}`),
      );
      await post(`${controlUrl}/__fake/scenario`, { name: 'healthy' });
      assert.equal((await get(`${url}/`)).status, 200, 'back on the same port');
    } finally {
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      assert.equal(await exited, 0);
    }
  });

  it('starts closed in the offline scenario', async () => {
    const daemon = await startFakeDaemon({ scenario: 'offline' });
    try {
      assert.equal(daemon.state.listening, false);
    } finally {
      await daemon.close();
    }
  });
});

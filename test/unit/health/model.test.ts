import * as assert from 'node:assert/strict';
import { DaemonError, type DaemonErrorKind } from '../../../src/core/daemon/errors';
import {
  heartbeatSchema,
  parseSnapshotBody,
  parseWith,
  type HeartbeatResponse,
  type McpDaemonStatus,
  type SnapshotResult,
} from '../../../src/core/daemon/schemas';
import { buildHealth, type HealthInputs, type Outcome } from '../../../src/core/health/model';
import {
  heartbeatBody,
  scenarioServices,
  snapshotBody,
  type ScenarioName,
  type ServiceRecord,
  type Timeline,
} from '../../fake-daemon/scenarios';

const NOW = Date.UTC(2026, 4, 23, 10, 6, 0);
const DAEMON = { name: 'local', url: 'http://127.0.0.1:9119' };
const TIMELINE: Timeline = {
  bootAt: NOW - 14_700_000,
  snapshotEpoch: NOW - 60_000,
  snapshotIntervalMs: 300_000,
  probeEpoch: NOW - 100_000,
  probeIntervalMs: 300_000,
  probeStepMs: 1_000,
};

function ok<T>(value: T, at = NOW): Outcome<T> {
  return { ok: true, value, at };
}

function failed(kind: DaemonErrorKind, detail = `${kind} happened`): Outcome<never> {
  return { ok: false, error: new DaemonError({ kind, detail, path: '/api/snapshot' }), at: NOW };
}

function snapshotOf(
  scenario: ScenarioName,
  patch: (body: Record<string, unknown>) => void = () => undefined,
): SnapshotResult {
  const body = snapshotBody(scenario, scenarioServices(scenario), TIMELINE, NOW);
  patch(body);
  return parseSnapshotBody(body, '/api/snapshot');
}

function heartbeatOf(scenario: ScenarioName, services?: ServiceRecord[]): HeartbeatResponse {
  return parseWith(
    heartbeatSchema,
    heartbeatBody(services ?? scenarioServices(scenario), scenario === 'warming', TIMELINE, NOW),
    '/hb',
  );
}

function inputs(scenario: ScenarioName, extra: Partial<HealthInputs> = {}): HealthInputs {
  return {
    daemon: DAEMON,
    snapshot: ok(snapshotOf(scenario)),
    heartbeat: ok(heartbeatOf(scenario)),
    lastSuccessAt: NOW,
    ...extra,
  };
}

describe('buildHealth (health model)', () => {
  it('is connecting before the first result', () => {
    const health = buildHealth({ daemon: DAEMON }, NOW);
    assert.equal(health.state, 'connecting');
    assert.equal(health.overallStatus, 'unknown');
    assert.deepEqual(health.listeners, []);
    assert.match(health.stateDetail, /Connecting to http:\/\/127\.0\.0\.1:9119/);
  });

  it('derives a healthy daemon: listeners, services in canonical order, alerts, cost, uptime', () => {
    const health = buildHealth(inputs('healthy'), NOW);
    assert.equal(health.state, 'ok');
    assert.equal(health.overallStatus, 'healthy');
    assert.equal(health.listeners.length, 12);
    assert.ok(
      health.listeners.every(
        (listener) => listener.status === 'up' && listener.consecutiveErrors === null && listener.lastEventAt === null,
      ),
    );
    assert.deepEqual(
      health.services.map((service) => service.name),
      ['vercel', 'sentry', 'doppler', 'supabase', 'fly'],
    );
    assert.equal(health.services[0].latencyMs, 120);
    assert.deepEqual(health.alerts, { activeCount: 0, critical: 0, warning: 0, info: 0 });
    assert.deepEqual(health.cost, {
      tier: 'NORMAL',
      monthlyBudgetPctUsed: 42.5,
      spentToDateUsd: 85,
      creditPoolUsd: 200,
    });
    assert.equal(health.snapshotAgeSeconds, 60);
    // Uptime as of computed_at plus the snapshot's age = now − boot.
    assert.equal(health.uptimeSeconds, 14_700);
    assert.equal(health.bootAt, '2026-05-23T06:01:00Z');
    assert.equal(health.recentErrorCount5min, 0);
    assert.equal(health.lastSuccessAt, NOW);
  });

  it('combines the daemon status with troubled services (degraded, never unhealthy from services alone)', () => {
    const degraded = buildHealth(inputs('degraded'), NOW);
    assert.equal(degraded.overallStatus, 'degraded');
    assert.equal(degraded.listeners.find((listener) => listener.name === 'email_inbound_imap')?.status, 'down');
    assert.equal(degraded.services.find((service) => service.name === 'supabase')?.error, 'HTTP 503');

    const unhealthyService = scenarioServices('healthy').map((service) =>
      service.name === 'fly' ? { ...service, status: 'unhealthy' } : service,
    );
    const servicesOnly = buildHealth(
      { ...inputs('healthy'), heartbeat: ok(heartbeatOf('healthy', unhealthyService)) },
      NOW,
    );
    assert.equal(servicesOnly.overallStatus, 'degraded');

    const daemonUnhealthy = buildHealth(
      {
        ...inputs('healthy'),
        snapshot: ok(
          snapshotOf(
            'healthy',
            (body) => ((body.daemon_health as Record<string, unknown>).overall_status = 'unhealthy'),
          ),
        ),
      },
      NOW,
    );
    assert.equal(daemonUnhealthy.overallStatus, 'unhealthy');

    const unknownServices = scenarioServices('healthy').map((service) => ({ ...service, status: 'unknown' }));
    const noDaemonHealth = buildHealth(
      {
        ...inputs('healthy'),
        snapshot: ok(snapshotOf('healthy', (body) => delete body.daemon_health)),
        heartbeat: ok(heartbeatOf('healthy', unknownServices)),
      },
      NOW,
    );
    assert.equal(noDaemonHealth.overallStatus, 'unknown', 'nothing known → unknown');
  });

  const errorCases: Array<[DaemonErrorKind, string]> = [
    ['offline', 'offline'],
    ['timeout', 'offline'],
    ['unauthorized', 'unauthorized'],
    ['no_frontend', 'no_frontend'],
    ['endpoint_missing', 'endpoint_missing'],
    ['malformed', 'malformed'],
    ['too_large', 'malformed'],
    ['http_status', 'malformed'],
    ['redirect_refused', 'malformed'],
    ['insecure_refused', 'insecure_refused'],
  ];
  for (const [kind, state] of errorCases) {
    it(`names the ${state} state for a ${kind} failure, with the error as one sentence`, () => {
      const health = buildHealth(
        {
          daemon: DAEMON,
          snapshot: failed(kind, 'something went wrong'),
          heartbeat: failed(kind, 'something went wrong'),
        },
        NOW,
      );
      assert.equal(health.state, state);
      assert.equal(health.stateDetail, 'Something went wrong (/api/snapshot).');
      assert.equal(health.overallStatus, 'unknown');
    });
  }

  it('reports the worst failure when endpoints fail differently, and keeps the data it has', () => {
    const health = buildHealth({ ...inputs('healthy'), snapshot: failed('endpoint_missing') }, NOW);
    assert.equal(health.state, 'endpoint_missing');
    assert.equal(health.services.length, 5, 'heartbeat data still shown');
    const mixed = buildHealth({ daemon: DAEMON, snapshot: failed('malformed'), heartbeat: failed('offline') }, NOW);
    assert.equal(mixed.state, 'offline');
  });

  it('is warming while the probe cache is empty, and falls back to the snapshot service statuses', () => {
    const health = buildHealth(inputs('warming'), NOW);
    assert.equal(health.state, 'warming');
    assert.equal(health.servicesWarming, true);
    assert.deepEqual(
      health.services.map((service) => [service.name, service.status, service.latencyMs]),
      [
        ['vercel', 'healthy', null],
        ['sentry', 'healthy', null],
        ['doppler', 'healthy', null],
        ['supabase', 'healthy', null],
        ['fly', 'healthy', null],
      ],
    );
  });

  it('is stale for the no_snapshot body, an old computed_at, or one in the future', () => {
    const unavailable = buildHealth(
      { ...inputs('healthy'), snapshot: ok(parseSnapshotBody({ error: 'no_snapshot', stale: true }, '/s')) },
      NOW,
    );
    assert.equal(unavailable.state, 'stale');
    assert.equal(unavailable.snapshotStale, true);
    assert.equal(unavailable.snapshotAgeSeconds, null);
    assert.equal(unavailable.listeners.length, 0);
    assert.equal(unavailable.overallStatus, 'healthy', 'services still count');

    const old = buildHealth(inputs('healthy'), NOW + 601_000 - 60_000);
    assert.equal(old.state, 'stale');
    assert.match(old.stateDetail, /601 s old/);

    const future = buildHealth(inputs('healthy'), NOW - 3_600_000);
    assert.equal(future.state, 'stale');
    assert.match(future.stateDetail, /future/);

    const skewed = buildHealth(inputs('healthy'), NOW - 90_000);
    assert.equal(skewed.state, 'ok', 'a few seconds of clock skew are tolerated');
    assert.equal(skewed.snapshotAgeSeconds, 0);
  });

  it('tolerates schema drift (v5, numeric tasks, unknown types) as ok', () => {
    const health = buildHealth(inputs('schema_drift'), NOW);
    assert.equal(health.state, 'ok');
    assert.equal(health.cost?.monthlyBudgetPctUsed, null, 'a text percentage degrades to null');
    assert.equal(health.listeners[0].consecutiveErrors, 0);
    assert.ok(health.listeners[0].lastEventAt);
    assert.deepEqual(
      health.services.map((service) => service.name),
      ['vercel', 'sentry', 'doppler', 'supabase', 'fly', 'github'],
    );
    assert.equal(
      health.services[5].status,
      'maintenance',
      'a status value we do not know is kept as the daemon sent it',
    );
  });

  it('keeps an overall status it does not know as sent, and does not count such services as healthy', () => {
    const health = buildHealth(
      {
        daemon: DAEMON,
        snapshot: ok(
          snapshotOf(
            'healthy',
            (body) => ((body.daemon_health as Record<string, unknown>).overall_status = 'maintenance'),
          ),
        ),
        heartbeat: ok(heartbeatOf('healthy')),
      },
      NOW,
    );
    assert.equal(health.overallStatus, 'maintenance');
  });

  it('prefers MCP for uptime, coordinator state, listener order and started flags', () => {
    const mcp: McpDaemonStatus = {
      state: 'running',
      uptime_seconds: 100,
      shutdown_reason: null,
      daemon_session_id: 'abc',
      listeners: [
        { name: 'web', started: true, shutdown_timeout_seconds: 10 },
        { name: 'heartbeat', started: true, shutdown_timeout_seconds: 10 },
        { name: 'cost_telemetry', started: false, shutdown_timeout_seconds: 10 },
      ],
    };
    const health = buildHealth({ ...inputs('healthy'), mcpStatus: ok(mcp, NOW - 5_000) }, NOW);
    assert.equal(health.coordinatorState, 'running');
    assert.equal(health.uptimeSeconds, 105);
    assert.deepEqual(
      health.listeners.slice(0, 3).map((listener) => [listener.name, listener.status, listener.started]),
      [
        ['web', 'up', true],
        ['heartbeat', 'up', true],
        ['cost_telemetry', 'down', false],
      ],
    );
    assert.equal(health.listeners.length, 13);
    const withoutToken = buildHealth({ ...inputs('healthy'), mcpStatus: ok(undefined) }, NOW);
    assert.equal(withoutToken.coordinatorState, null);
    assert.equal(withoutToken.listeners[0].started, undefined);
  });

  it('ignores an MCP failure for the state (MCP is optional)', () => {
    const health = buildHealth({ ...inputs('healthy'), mcpStatus: failed('unauthorized') }, NOW);
    assert.equal(health.state, 'ok');
  });
});

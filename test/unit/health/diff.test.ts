import * as assert from 'node:assert/strict';
import { changedNodePaths, diffHealth } from '../../../src/core/health/diff';
import type { DaemonHealth } from '../../../src/core/health/types';

function health(overrides: Partial<DaemonHealth> = {}): DaemonHealth {
  return {
    daemon: { name: 'local', url: 'http://127.0.0.1:9119' },
    state: 'ok',
    stateDetail: 'Reading live data from the daemon.',
    overallStatus: 'healthy',
    uptimeSeconds: 14_700,
    bootAt: '2026-05-23T06:00:00Z',
    coordinatorState: null,
    snapshotComputedAt: '2026-05-23T10:05:00Z',
    snapshotAgeSeconds: 42,
    snapshotStale: false,
    servicesWarming: false,
    recentErrorCount5min: 0,
    listeners: [
      { name: 'heartbeat', status: 'up', consecutiveErrors: null, lastEventAt: null },
      { name: 'web', status: 'up', consecutiveErrors: null, lastEventAt: null },
    ],
    services: [
      { name: 'vercel', status: 'healthy', latencyMs: 120, lastCheckAt: '2026-05-23T10:05:00Z', details: {}, error: null },
      { name: 'sentry', status: 'healthy', latencyMs: 230, lastCheckAt: '2026-05-23T10:05:01Z', details: {}, error: null },
    ],
    alerts: { activeCount: 0, critical: 0, warning: 0, info: 0 },
    cost: { tier: 'NORMAL', monthlyBudgetPctUsed: 42.5, spentToDateUsd: 85, creditPoolUsd: 200 },
    lastSuccessAt: 1_000,
    nextPollAt: 2_000,
    ...overrides,
  };
}

describe('diffHealth', () => {
  it('reports nothing for identical models', () => {
    const diff = diffHealth(health(), health());
    assert.equal(diff.changed, false);
    assert.deepEqual(changedNodePaths(diff), []);
  });

  it('refreshes the whole daemon the first time', () => {
    assert.deepEqual(changedNodePaths(diffHealth(undefined, health())), [[]]);
  });

  it('names exactly the service that changed', () => {
    const next = health();
    next.services = next.services.map((service) => (service.name === 'sentry' ? { ...service, status: 'degraded' } : service));
    const diff = diffHealth(health(), next);
    assert.deepEqual(diff.services, ['sentry']);
    assert.equal(diff.root, false);
    assert.deepEqual(changedNodePaths(diff), [['services'], ['services', 'sentry']]);
  });

  it('names exactly the listener that changed', () => {
    const next = health();
    next.listeners = next.listeners.map((listener) => (listener.name === 'web' ? { ...listener, status: 'down' } : listener));
    assert.deepEqual(changedNodePaths(diffHealth(health(), next)), [['listeners'], ['listeners', 'web']]);
  });

  it('refreshes a group when its members are added, removed or reordered', () => {
    const next = health({ services: [...health().services].reverse() });
    assert.deepEqual(changedNodePaths(diffHealth(health(), next)), [['services']]);
  });

  it('treats timing-only changes as freshness, not as data changes', () => {
    const diff = diffHealth(health(), health({ lastSuccessAt: 5_000, nextPollAt: 9_000, uptimeSeconds: 14_710, snapshotAgeSeconds: 50 }));
    assert.equal(diff.changed, true);
    assert.equal(diff.root, false, 'uptime compared to the minute');
    assert.equal(diff.freshness, true);
    assert.equal(diff.snapshot, false);
    assert.deepEqual(changedNodePaths(diff), [['state']]);
  });

  it('flags summary nodes separately', () => {
    const diff = diffHealth(health(), health({ alerts: { activeCount: 1, critical: 1, warning: 0, info: 0 }, recentErrorCount5min: 3 }));
    assert.deepEqual(changedNodePaths(diff), [['errors'], ['alerts']]);
  });

  it('refreshes the whole daemon when its state (and so its children) changes', () => {
    const diff = diffHealth(health(), health({ state: 'offline', stateDetail: 'Connection refused.' }));
    assert.equal(diff.structure, true);
    assert.deepEqual(changedNodePaths(diff), [[]]);
  });
});

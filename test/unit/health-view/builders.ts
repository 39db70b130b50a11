// Fluent builders of health models for the tree tests: a healthy daemon by default, changed
// only where a test says so.
import type {
  DaemonHealth,
  DaemonState,
  ListenerHealth,
  ServiceHealth,
  ServiceStatus,
} from '../../../src/core/health/types';

/** A fixed "now" for every test: 2026-05-23T10:10:00Z. */
export const NOW = Date.UTC(2026, 4, 23, 10, 10, 0);

export function listener(
  name: string,
  status: ListenerHealth['status'] = 'up',
  extra: Partial<ListenerHealth> = {},
): ListenerHealth {
  return { name, status, consecutiveErrors: null, lastEventAt: null, ...extra };
}

export function service(
  name: string,
  status: ServiceStatus = 'healthy',
  extra: Partial<ServiceHealth> = {},
): ServiceHealth {
  return {
    name,
    status,
    latencyMs: status === 'unknown' ? null : 120,
    lastCheckAt: '2026-05-23T10:05:00Z',
    details: {},
    error: null,
    ...extra,
  };
}

export class HealthBuilder {
  private health: DaemonHealth;

  constructor(name = 'alpha') {
    this.health = {
      daemon: { name, url: 'http://127.0.0.1:9119' },
      state: 'ok',
      stateDetail: '',
      overallStatus: 'healthy',
      uptimeSeconds: 4 * 3600 + 5 * 60 + 7,
      bootAt: '2026-05-23T06:04:53Z',
      coordinatorState: null,
      snapshotComputedAt: '2026-05-23T10:08:00Z',
      snapshotAgeSeconds: 120,
      snapshotStale: false,
      servicesWarming: false,
      recentErrorCount5min: 0,
      listeners: [listener('heartbeat'), listener('web'), listener('mcp')],
      services: ['vercel', 'sentry', 'doppler', 'supabase', 'fly'].map((serviceName) => service(serviceName)),
      alerts: { activeCount: 0, critical: 0, warning: 0, info: 0 },
      cost: { tier: 'NORMAL', monthlyBudgetPctUsed: 12.5, spentToDateUsd: 25, creditPoolUsd: 200 },
      lastSuccessAt: NOW,
      lastContactAt: NOW,
      nextPollAt: NOW + 15_000,
      expectedUpdateMs: 300_000,
    };
  }

  with(fields: Partial<DaemonHealth>): this {
    this.health = { ...this.health, ...fields };
    return this;
  }

  /** A named problem state with no data (what a daemon that could not be read looks like). */
  inState(state: DaemonState, stateDetail = `detail of ${state}`): this {
    return this.with({
      state,
      stateDetail,
      overallStatus: 'unknown',
      uptimeSeconds: null,
      bootAt: null,
      snapshotComputedAt: null,
      snapshotAgeSeconds: null,
      recentErrorCount5min: null,
      listeners: [],
      services: [],
      alerts: null,
      cost: null,
      lastSuccessAt: null,
    });
  }

  degraded(): this {
    return this.with({
      overallStatus: 'degraded',
      listeners: [listener('heartbeat'), listener('web'), listener('slack_client', 'down')],
      services: [
        service('vercel', 'unknown', { error: "auth env unset or empty: 'KORA_VERCEL_API_TOKEN'" }),
        service('sentry', 'degraded', { latencyMs: 230, details: { unresolved_issues: 12 } }),
        service('doppler'),
        service('supabase', 'unhealthy', { error: 'connection pool exhausted' }),
        service('fly'),
      ],
      recentErrorCount5min: 7,
      alerts: { activeCount: 2, critical: 0, warning: 2, info: 0 },
      cost: { tier: 'WARN_75', monthlyBudgetPctUsed: 78.12, spentToDateUsd: 156.24, creditPoolUsd: 200 },
    });
  }

  build(): DaemonHealth {
    return structuredClone(this.health);
  }
}

export const aDaemon = (name?: string) => new HealthBuilder(name);

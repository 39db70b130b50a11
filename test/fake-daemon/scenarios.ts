// What the fake daemon reports in each scenario: the snapshot (schema v4 per contract §6, v5 for
// schema drift) and the heartbeat (§3.6). Pure functions of the scenario, the time and the
// daemon's timeline, shared by the HTTP fake and the in-memory simulated source.

export const SCENARIOS = [
  'healthy',
  'degraded',
  'offline',
  'warming',
  'stale',
  'old_daemon',
  'no_frontend',
  'slow',
  'malformed',
  'schema_drift',
] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

export function isScenarioName(value: unknown): value is ScenarioName {
  return typeof value === 'string' && (SCENARIOS as readonly string[]).includes(value);
}

/** The 12 listeners the stored `kora_cli/listeners/__init__.py` starts, in FIFO order (§7). */
export const LISTENER_NAMES = [
  'heartbeat',
  'web',
  'mcp',
  'webhooks',
  'mcp_consumption',
  'heartbeat_probes',
  'reasoning_engine',
  'slack_client',
  'purelymail_client',
  'email_inbound_imap',
  'alert_notifier',
  'snapshot',
] as const;

export const CANONICAL_SERVICE_NAMES = ['vercel', 'sentry', 'doppler', 'supabase', 'fly'] as const;

export interface ServiceRecord {
  name: string;
  status: 'healthy' | 'degraded' | 'unhealthy' | 'unknown' | string;
  latency_ms: number | null;
  details: Record<string, unknown>;
  error: string | null;
  [extra: string]: unknown;
}

/** When things happen in the fake daemon's life (epoch ms). */
export interface Timeline {
  bootAt: number;
  /** A snapshot was computed at `snapshotEpoch + k × snapshotIntervalMs`. */
  snapshotEpoch: number;
  snapshotIntervalMs: number;
  /** A probe cycle started at `probeEpoch + k × probeIntervalMs`; probes run one per `probeStepMs`. */
  probeEpoch: number;
  probeIntervalMs: number;
  probeStepMs: number;
}

const HEALTHY_SERVICES: readonly ServiceRecord[] = [
  {
    name: 'vercel',
    status: 'healthy',
    latency_ms: 120,
    details: { deployments_last_24h: 4, error_rate_24h: 0.0 },
    error: null,
  },
  { name: 'sentry', status: 'healthy', latency_ms: 230, details: { unresolved_issues: 0 }, error: null },
  {
    name: 'doppler',
    status: 'healthy',
    latency_ms: 95,
    details: { projects_total: 3, oldest_secret_age_days: 41 },
    error: null,
  },
  { name: 'supabase', status: 'healthy', latency_ms: 48, details: { connections_pct: 23 }, error: null },
  { name: 'fly', status: 'healthy', latency_ms: 310, details: { apps_running: 2, deploys_last_24h: 1 }, error: null },
];

const DEGRADED_OVERRIDES: Record<string, Partial<ServiceRecord>> = {
  vercel: {
    status: 'unknown',
    latency_ms: null,
    details: {},
    error: "auth env unset or empty: 'KORA_VERCEL_API_TOKEN'",
  },
  sentry: { status: 'degraded', details: { unresolved_issues: 12 } },
  supabase: { status: 'unhealthy', latency_ms: 10_004, error: 'HTTP 503' },
};

/** The listener a degraded daemon reports as down (registered but not started). */
export const DEGRADED_DOWN_LISTENER = 'email_inbound_imap';

export function scenarioServices(scenario: ScenarioName): ServiceRecord[] {
  const services: ServiceRecord[] = HEALTHY_SERVICES.map((service) => ({
    ...service,
    details: { ...service.details },
  }));
  if (scenario === 'degraded') return services.map((service) => ({ ...service, ...DEGRADED_OVERRIDES[service.name] }));
  if (scenario === 'schema_drift') {
    // A newer daemon: an extra probe, extra keys per service, a status value we do not know.
    services.push({
      name: 'github',
      status: 'maintenance',
      latency_ms: 80,
      details: { open_prs: 3 },
      error: null,
      region: 'iad',
    });
    return services.map((service) => ({ ...service, probe_version: 2 }));
  }
  return services;
}

export function formatUtc(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Latest `epoch + k × interval` not after `now`. */
export function latestTick(epoch: number, intervalMs: number, now: number): number {
  return epoch + Math.floor((now - epoch) / intervalMs) * intervalMs;
}

export function heartbeatBody(
  services: readonly ServiceRecord[],
  warming: boolean,
  timeline: Timeline,
  now: number,
): Record<string, unknown> {
  if (warming) return { services: [], generated_at: formatUtc(now), stub: false, cache_warming: true };
  const cycleStart = latestTick(timeline.probeEpoch, timeline.probeIntervalMs, now);
  const ordered = orderServiceRecords(services);
  const body = ordered.map((service, index) => {
    // Probes run serially: a probe later in the cycle may not have run yet in this cycle.
    let checkedAt = cycleStart + index * timeline.probeStepMs;
    if (checkedAt > now) checkedAt -= timeline.probeIntervalMs;
    const { name, status, latency_ms, details, error, ...extra } = service;
    return { name, status, last_check_at: formatUtc(checkedAt), latency_ms, details, error, ...extra };
  });
  return { services: body, generated_at: formatUtc(now), stub: false, cache_warming: false };
}

/** vercel, sentry, doppler, supabase, fly, then extras alphabetically (§3.6). */
export function orderServiceRecords(services: readonly ServiceRecord[]): ServiceRecord[] {
  const rank = (name: string) => {
    const index = (CANONICAL_SERVICE_NAMES as readonly string[]).indexOf(name);
    return index === -1 ? CANONICAL_SERVICE_NAMES.length : index;
  };
  return [...services].sort((a, b) => rank(a.name) - rank(b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export function listenerStatuses(scenario: ScenarioName): Record<string, 'up' | 'down'> {
  return Object.fromEntries(
    LISTENER_NAMES.map((name) => [name, scenario === 'degraded' && name === DEGRADED_DOWN_LISTENER ? 'down' : 'up']),
  );
}

export function snapshotBody(
  scenario: ScenarioName,
  services: readonly ServiceRecord[],
  timeline: Timeline,
  now: number,
): Record<string, unknown> {
  const computedAt = Math.max(timeline.bootAt, latestTick(timeline.snapshotEpoch, timeline.snapshotIntervalMs, now));
  const degraded = scenario === 'degraded';
  const drift = scenario === 'schema_drift';
  const listenerStatus = listenerStatuses(scenario);
  const listeners = Object.fromEntries(
    Object.keys(listenerStatus)
      .sort()
      .map((name) => [
        name,
        drift
          ? {
              consecutive_errors: 0,
              last_event_at: formatUtc(computedAt - 5_000),
              status: listenerStatus[name],
              restarts: 0,
            }
          : { consecutive_errors: 'unknown', last_event_at: 'unknown', status: listenerStatus[name] },
      ]),
  );
  const serviceHealth = Object.fromEntries(
    orderServiceRecords(services)
      .filter((service) => drift || (CANONICAL_SERVICE_NAMES as readonly string[]).includes(service.name))
      .map((service) => [service.name, service.status]),
  );
  const warningAlerts = degraded ? 2 : 0;
  return {
    alerts: {
      active_count: warningAlerts,
      by_category: degraded ? { service_unhealthy: 2 } : {},
      by_severity: drift
        ? { critical: 0, info: 0, warning: 0, debug: 3 }
        : { critical: 0, info: 0, warning: warningAlerts },
    },
    computed_at: formatUtc(computedAt),
    cost_ladder: {
      credit_pool_usd: 200.0,
      current_tier: degraded ? 'WARN_75' : 'NORMAL',
      model_default: 'claude-haiku-4-5-20251001',
      // Drift: a newer daemon formats the percentage as text — the client must degrade, not fail.
      monthly_budget_pct_used: drift ? '42.5%' : degraded ? 78.12 : 42.5,
      spent_to_date_usd: degraded ? 156.24 : 85.0,
    },
    cost_telemetry: { monthly: {}, rolling_24h: {} },
    daemon_health: {
      boot_at: formatUtc(timeline.bootAt),
      listeners,
      overall_status: degraded ? 'degraded' : 'healthy',
      recent_error_count_5min: degraded ? 6 : 0,
      uptime_seconds: Math.round((computedAt - timeline.bootAt) / 100) / 10,
      ...(drift ? { workers: { dispatch: { status: 'up' } } } : {}),
    },
    operational_state: { pause_reason: null, paused: false, primary: 'ready' },
    schema_version: drift ? 5 : 4,
    service_health: serviceHealth,
    tasks: drift ? { in_progress_count: 2, open_count: 7 } : { in_progress_count: 'unknown', open_count: 'unknown' },
    ...(drift ? { region: 'iad', feature_flags: ['tasks_v5'] } : {}),
  };
}

/** RFC 7386 JSON merge patch. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return patch;
  const result: Record<string, unknown> =
    typeof target === 'object' && target !== null && !Array.isArray(target)
      ? { ...(target as Record<string, unknown>) }
      : {};
  for (const [key, value] of Object.entries(patch as Record<string, unknown>)) {
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key], value);
  }
  return result;
}

// Snapshot + heartbeat (+ optional MCP status) → DaemonHealth. Pure: the poller, the CLI and the
// tests call it with the latest outcomes and a time.
//
// State rule (first match wins):
//   1. no outcome yet                                        → connecting
//   2. any endpoint failed → the worst failure, in the order insecure_refused, offline (incl.
//      timeout), no_frontend, unauthorized, endpoint_missing, malformed (incl. too_large,
//      unexpected HTTP status, refused redirect)
//   3. heartbeat `cache_warming`                              → warming (at daemon start the snapshot
//      is usually missing too; "warming" is the truer word then)
//   4. snapshot `no_snapshot`, `computed_at` older than 600 s, or more than a clock-skew allowance
//      in the future                                          → stale
//   5.                                                        → ok
//
// Overall status rule (only while the data is readable — ok, warming, stale; else `unknown`):
//   the daemon's own `daemon_health.overall_status` (listeners + recent errors), worsened to
//   `degraded` when any probed service is degraded or unhealthy. An external service failing does
//   not make Kora itself unhealthy — the daemon's alert aggregator rates it a warning, too. Services
//   reporting `unknown` (could not probe) do not change the status. Without daemon_health, the
//   services alone decide (healthy / degraded), else `unknown`.

import type { DaemonError, DaemonErrorKind } from '../daemon/errors';
import type { HeartbeatResponse, McpDaemonStatus, Snapshot, SnapshotListener, SnapshotResult } from '../daemon/schemas';
import { isReadableState } from './looks';
import { orderServices } from './services';
import type {
  AlertSummary,
  CostSummary,
  DaemonHealth,
  DaemonRef,
  DaemonState,
  ListenerHealth,
  ServiceHealth,
  ServiceStatus,
} from './types';
import { displayUrl } from '../text/displayUrl';

export type Outcome<T> = { ok: true; value: T; at: number } | { ok: false; error: DaemonError; at: number };

export interface HealthInputs {
  daemon: DaemonRef;
  snapshot?: Outcome<SnapshotResult>;
  heartbeat?: Outcome<HeartbeatResponse>;
  /** Value undefined = no MCP token configured. Failures never change the state (MCP is optional). */
  mcpStatus?: Outcome<McpDaemonStatus | undefined>;
  lastSuccessAt?: number | null;
  lastContactAt?: number | null;
  nextPollAt?: number | null;
  expectedUpdateMs?: number | null;
}

/** The daemon serves a snapshot only while `computed_at` is at most this old (contract §3.7). */
const SNAPSHOT_FRESH_SECONDS = 600;
/** How far in the future `computed_at` may lie before we call it stale (daemon/client clock skew). */
export const FUTURE_SKEW_ALLOWANCE_SECONDS = 60;

const UNKNOWN = 'unknown';

const ERROR_STATE: Record<DaemonErrorKind, DaemonState> = {
  insecure_refused: 'insecure_refused',
  offline: 'offline',
  timeout: 'offline',
  no_frontend: 'no_frontend',
  unauthorized: 'unauthorized',
  endpoint_missing: 'endpoint_missing',
  malformed: 'malformed',
  too_large: 'malformed',
  http_status: 'malformed',
  redirect_refused: 'malformed',
};

const ERROR_STATE_PRECEDENCE: readonly DaemonState[] = [
  'insecure_refused',
  'offline',
  'no_frontend',
  'unauthorized',
  'endpoint_missing',
  'malformed',
];

export function buildHealth(inputs: HealthInputs, now: number): DaemonHealth {
  const snapshot =
    inputs.snapshot?.ok && inputs.snapshot.value.kind === 'snapshot' ? inputs.snapshot.value.snapshot : undefined;
  const heartbeat = inputs.heartbeat?.ok ? inputs.heartbeat.value : undefined;
  const mcp = inputs.mcpStatus?.ok ? inputs.mcpStatus.value : undefined;
  const mcpAt = inputs.mcpStatus?.at ?? now;
  const freshness = snapshotFreshness(inputs.snapshot, snapshot, now);
  const { state, stateDetail } = deriveState(inputs, freshness);
  const readable = isReadableState(state);
  const services = buildServices(heartbeat, snapshot);
  const daemonHealth = snapshot?.daemon_health;

  return {
    daemon: { name: inputs.daemon.name, url: displayUrl(inputs.daemon.url) },
    state,
    stateDetail,
    overallStatus: readable ? combineOverall(daemonHealth?.overall_status, services) : UNKNOWN,
    uptimeSeconds: uptime(mcp, mcpAt, snapshot, freshness, now),
    bootAt: knownString(daemonHealth?.boot_at),
    coordinatorState: mcp?.state ?? null,
    snapshotComputedAt: snapshot?.computed_at ?? null,
    snapshotAgeSeconds: freshness.ageSeconds,
    snapshotStale: freshness.stale,
    servicesWarming: heartbeat?.cache_warming ?? false,
    recentErrorCount5min: daemonHealth?.recent_error_count_5min ?? null,
    listeners: buildListeners(daemonHealth?.listeners ?? {}, mcp),
    services,
    alerts: buildAlerts(snapshot),
    cost: buildCost(snapshot),
    lastSuccessAt: inputs.lastSuccessAt ?? null,
    lastContactAt: inputs.lastContactAt ?? inputs.lastSuccessAt ?? null,
    nextPollAt: inputs.nextPollAt ?? null,
    expectedUpdateMs: inputs.expectedUpdateMs ?? null,
  };
}

// ---- state --------------------------------------------------------------------------------------

interface Freshness {
  stale: boolean;
  ageSeconds: number | null;
  /** Why it is stale, as a sentence; undefined when fresh or unknown. */
  reason?: string;
}

function snapshotFreshness(outcome: HealthInputs['snapshot'], snapshot: Snapshot | undefined, now: number): Freshness {
  if (!outcome?.ok) return { stale: false, ageSeconds: null };
  if (outcome.value.kind === 'unavailable') {
    return {
      stale: true,
      ageSeconds: null,
      reason: 'The daemon has no fresh snapshot (missing, unreadable or older than 10 minutes).',
    };
  }
  const computedAt = Date.parse(snapshot?.computed_at ?? '');
  if (!Number.isFinite(computedAt))
    return { stale: true, ageSeconds: null, reason: 'The snapshot has no readable computed_at time.' };
  const ageSeconds = Math.round((now - computedAt) / 100) / 10;
  if (ageSeconds < -FUTURE_SKEW_ALLOWANCE_SECONDS) {
    return {
      stale: true,
      ageSeconds,
      reason: `The snapshot claims to be computed ${Math.round(-ageSeconds)} s in the future (clock skew?).`,
    };
  }
  if (ageSeconds > SNAPSHOT_FRESH_SECONDS) {
    return {
      stale: true,
      ageSeconds,
      reason: `The snapshot is ${Math.round(ageSeconds)} s old (fresh means at most ${SNAPSHOT_FRESH_SECONDS} s).`,
    };
  }
  return { stale: false, ageSeconds: Math.max(0, ageSeconds) };
}

function deriveState(inputs: HealthInputs, freshness: Freshness): { state: DaemonState; stateDetail: string } {
  if (!inputs.snapshot && !inputs.heartbeat)
    return { state: 'connecting', stateDetail: `Connecting to ${displayUrl(inputs.daemon.url)}…` };
  const failure = worstFailure([inputs.snapshot, inputs.heartbeat]);
  if (failure) return { state: ERROR_STATE[failure.kind], stateDetail: sentence(failure.message) };
  if (inputs.heartbeat?.ok && inputs.heartbeat.value.cache_warming) {
    return { state: 'warming', stateDetail: 'The daemon has not finished its first round of service probes yet.' };
  }
  if (freshness.stale) return { state: 'stale', stateDetail: freshness.reason ?? 'The snapshot is stale.' };
  return { state: 'ok', stateDetail: 'Reading live data from the daemon.' };
}

function worstFailure(outcomes: ReadonlyArray<Outcome<unknown> | undefined>): DaemonError | undefined {
  let worst: DaemonError | undefined;
  let worstRank = Number.POSITIVE_INFINITY;
  for (const outcome of outcomes) {
    if (!outcome || outcome.ok) continue;
    const rank = ERROR_STATE_PRECEDENCE.indexOf(ERROR_STATE[outcome.error.kind]);
    if (rank < worstRank) {
      worst = outcome.error;
      worstRank = rank;
    }
  }
  return worst;
}

function sentence(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return '';
  const capitalized = trimmed[0].toUpperCase() + trimmed.slice(1);
  return /[.!?…]$/.test(capitalized) ? capitalized : `${capitalized}.`;
}

// ---- status -------------------------------------------------------------------------------------

/** Statuses that say something about a service's health ("unknown" and values we do not know do not). */
const RATED_STATUSES: readonly ServiceStatus[] = ['healthy', 'degraded', 'unhealthy'];

function combineOverall(daemonStatus: ServiceStatus | undefined, services: readonly ServiceHealth[]): ServiceStatus {
  const known = services.filter((service) => RATED_STATUSES.includes(service.status));
  const servicesTroubled = known.some((service) => service.status === 'degraded' || service.status === 'unhealthy');
  if (daemonStatus === 'unhealthy') return 'unhealthy';
  if (daemonStatus === 'degraded' || servicesTroubled) return 'degraded';
  // "healthy", or a value we do not know (e.g. "maintenance"): the daemon's own word, as sent.
  if (daemonStatus !== undefined && daemonStatus !== '' && daemonStatus !== UNKNOWN) return daemonStatus;
  return known.length > 0 ? 'healthy' : UNKNOWN;
}

function asServiceStatus(value: unknown): ServiceStatus {
  return typeof value === 'string' && value !== '' ? value : UNKNOWN;
}

function uptime(
  mcp: McpDaemonStatus | undefined,
  mcpAt: number,
  snapshot: Snapshot | undefined,
  freshness: Freshness,
  now: number,
): number | null {
  // MCP's value is live (as of its read); the snapshot's is as of computed_at, so add the age.
  if (mcp && typeof mcp.uptime_seconds === 'number') return roundTenth(mcp.uptime_seconds + (now - mcpAt) / 1000);
  const fromSnapshot = snapshot?.daemon_health?.uptime_seconds;
  if (typeof fromSnapshot !== 'number') return null;
  return freshness.stale || freshness.ageSeconds === null
    ? fromSnapshot
    : roundTenth(fromSnapshot + freshness.ageSeconds);
}

function roundTenth(value: number): number {
  return Math.round(value * 10) / 10;
}

function knownString(value: string | null | undefined): string | null {
  return value && value !== UNKNOWN ? value : null;
}

// ---- listeners, services, summaries -------------------------------------------------------------

function buildListeners(
  fromSnapshot: Record<string, SnapshotListener>,
  mcp: McpDaemonStatus | undefined,
): ListenerHealth[] {
  const listeners = new Map<string, ListenerHealth>();
  // Snapshot keys are sorted (the daemon writes with sort_keys); MCP lists registration order.
  const mcpOrder = mcp?.listeners.map((listener) => listener.name) ?? [];
  const names = [
    ...mcpOrder,
    ...Object.keys(fromSnapshot)
      .filter((name) => !mcpOrder.includes(name))
      .sort(),
  ];
  for (const name of names) {
    const snapshotEntry = fromSnapshot[name];
    const mcpEntry = mcp?.listeners.find((listener) => listener.name === name);
    const health: ListenerHealth = {
      name,
      status: snapshotEntry ? snapshotEntry.status : mcpEntry?.started ? 'up' : 'down',
      consecutiveErrors:
        typeof snapshotEntry?.consecutive_errors === 'number' ? snapshotEntry.consecutive_errors : null,
      lastEventAt: knownString(snapshotEntry?.last_event_at),
    };
    if (mcpEntry) health.started = mcpEntry.started;
    listeners.set(name, health);
  }
  return [...listeners.values()];
}

function buildServices(heartbeat: HeartbeatResponse | undefined, snapshot: Snapshot | undefined): ServiceHealth[] {
  if (heartbeat && heartbeat.services.length > 0) {
    return orderServices(
      heartbeat.services.map((service) => ({
        name: service.name,
        status: service.status,
        latencyMs: service.latency_ms,
        lastCheckAt: service.last_check_at,
        details: { ...service.details },
        error: service.error,
      })),
    );
  }
  // While probes warm up (or the heartbeat route failed), the snapshot's one-word statuses are all
  // we have; better than an empty group.
  return orderServices(
    Object.entries(snapshot?.service_health ?? {}).map(([name, status]) => ({
      name,
      status: asServiceStatus(status),
      latencyMs: null,
      lastCheckAt: null,
      details: {},
      error: null,
    })),
  );
}

function buildAlerts(snapshot: Snapshot | undefined): AlertSummary | null {
  const alerts = snapshot?.alerts;
  if (!alerts) return null;
  const critical = alerts.by_severity.critical ?? 0;
  const warning = alerts.by_severity.warning ?? 0;
  const info = alerts.by_severity.info ?? 0;
  return { activeCount: alerts.active_count ?? critical + warning + info, critical, warning, info };
}

function buildCost(snapshot: Snapshot | undefined): CostSummary | null {
  const cost = snapshot?.cost_ladder;
  if (!cost) return null;
  return {
    tier: knownString(cost.current_tier),
    monthlyBudgetPctUsed: cost.monthly_budget_pct_used,
    spentToDateUsd: typeof cost.spent_to_date_usd === 'number' ? cost.spent_to_date_usd : null,
    creditPoolUsd: cost.credit_pool_usd,
  };
}

// The health model: what the tree, the status bar and the CLI render. Built from the daemon's
// snapshot and heartbeat (and MCP daemon status when a token is set) by ./model.ts.

/** The known values, or whatever else the daemon sent (shown verbatim, never coerced). */
export type ServiceStatus = 'healthy' | 'degraded' | 'unhealthy' | 'unknown' | (string & {});
export type ListenerStatus = 'up' | 'down' | 'unknown' | (string & {});

/**
 * Why the daemon's data is (or is not) shown. The CLI prints the snake_case form
 * (`ok, offline, unauthorized, no_frontend, warming, stale, endpoint_missing, malformed`).
 */
export type DaemonState =
  | 'connecting'
  | 'ok'
  | 'offline'
  | 'unauthorized'
  | 'no_frontend'
  | 'warming'
  | 'stale'
  | 'endpoint_missing'
  | 'malformed'
  | 'insecure_refused';

export interface DaemonRef {
  name: string;
  url: string;
}

export interface ListenerHealth {
  name: string;
  status: ListenerStatus;
  /** null when the daemon reports "unknown" (always, in snapshot v4). */
  consecutiveErrors: number | null;
  lastEventAt: string | null;
  /** From MCP `kora__daemon_status` when an MCP token is set; otherwise undefined. */
  started?: boolean;
}

export interface ServiceHealth {
  name: string;
  status: ServiceStatus;
  latencyMs: number | null;
  lastCheckAt: string | null;
  details: Record<string, unknown>;
  error: string | null;
}

export interface AlertSummary {
  activeCount: number;
  critical: number;
  warning: number;
  info: number;
}

export interface CostSummary {
  tier: string | null;
  monthlyBudgetPctUsed: number | null;
  spentToDateUsd: number | null;
  creditPoolUsd: number | null;
}

export interface DaemonHealth {
  daemon: DaemonRef;
  state: DaemonState;
  /** One sentence for the operator: "connection refused", "token rejected after re-scrape", ... */
  stateDetail: string;
  overallStatus: ServiceStatus;
  uptimeSeconds: number | null;
  bootAt: string | null;
  /** From MCP when available: booting | running | shutting_down | not_running. */
  coordinatorState: string | null;
  snapshotComputedAt: string | null;
  snapshotAgeSeconds: number | null;
  snapshotStale: boolean;
  servicesWarming: boolean;
  recentErrorCount5min: number | null;
  listeners: ListenerHealth[];
  services: ServiceHealth[];
  alerts: AlertSummary | null;
  cost: CostSummary | null;
  /** Epoch ms of the last successful read of any endpoint, or null. */
  lastSuccessAt: number | null;
  /** Epoch ms of the last answer to any request (the liveness check included), or null. */
  lastContactAt: number | null;
  /** Epoch ms of the next scheduled poll (for "retrying in N s"), or null when not scheduled. */
  nextPollAt: number | null;
  /** How often the daemon publishes new data (learned, else its default); null for a one-off read. */
  expectedUpdateMs: number | null;
}

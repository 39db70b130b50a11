// The machine-readable form of `kora-ops status --format json` (issue 2, point 10):
// {"daemons":[{"name","url","state","overall_status","uptime_seconds","snapshot_age_seconds",
//   "listeners":[{"name","status"}],"services":[{"name","status","latency_ms","error"}]}]}
// plus a few extra keys (allowed) that help scripts explain a failure.

import { isReadableState } from './looks';
import type { DaemonHealth, DaemonState, ListenerStatus, ServiceStatus } from './types';

/** The eight states the CLI reports. */
export type CliState =
  'ok' | 'offline' | 'unauthorized' | 'no_frontend' | 'warming' | 'stale' | 'endpoint_missing' | 'malformed';

interface CliDaemonStatus {
  name: string;
  url: string;
  state: CliState;
  overall_status: ServiceStatus;
  uptime_seconds: number | null;
  snapshot_age_seconds: number | null;
  listeners: { name: string; status: ListenerStatus }[];
  services: { name: string; status: ServiceStatus; latency_ms: number | null; error: string | null }[];
  /** Extra: one sentence on why the state is what it is. */
  detail: string;
  /** Extra: the precise reason when `state` had to be folded into the eight (e.g. `insecure_refused`). */
  reason?: string;
  /** Extra: `daemon_health.recent_error_count_5min`. */
  recent_error_count_5min: number | null;
  /** Extra: services probes are still warming up. */
  services_warming: boolean;
}

export interface CliStatusDocument {
  daemons: CliDaemonStatus[];
}

// A refused cleartext URL and a never-answered request both mean "could not read the daemon".
const FOLDED_STATES: Partial<Record<DaemonState, CliState>> = { insecure_refused: 'offline', connecting: 'offline' };

export function toCliState(state: DaemonState): CliState {
  return FOLDED_STATES[state] ?? (state as CliState);
}

/** True when the CLI "could read the daemon" (exit code 0). */
export function isReadable(health: DaemonHealth): boolean {
  return isReadableState(health.state);
}

function toCliStatus(health: DaemonHealth): CliDaemonStatus {
  const state = toCliState(health.state);
  const status: CliDaemonStatus = {
    name: health.daemon.name,
    url: health.daemon.url,
    state,
    overall_status: health.overallStatus,
    uptime_seconds: health.uptimeSeconds,
    snapshot_age_seconds: health.snapshotAgeSeconds === null ? null : Math.round(health.snapshotAgeSeconds),
    listeners: health.listeners.map((listener) => ({ name: listener.name, status: listener.status })),
    services: health.services.map((service) => ({
      name: service.name,
      status: service.status,
      latency_ms: service.latencyMs,
      error: service.error,
    })),
    detail: health.stateDetail,
    recent_error_count_5min: health.recentErrorCount5min,
    services_warming: health.servicesWarming,
  };
  if (state !== health.state) status.reason = health.state;
  return status;
}

export function toCliStatusDocument(daemons: readonly DaemonHealth[]): CliStatusDocument {
  return { daemons: daemons.map(toCliStatus) };
}

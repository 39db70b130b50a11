// How each status and state looks: a codicon id and a theme colour id. One table per concept so
// the tree, the status bar and the badge agree on what "bad" means.
import type { DaemonState, ListenerStatus, ServiceStatus } from './types';

/** Theme colour ids (see VS Code's theme color reference) used for status icons. */
export const COLOR = {
  passed: 'testing.iconPassed',
  warning: 'problemsWarningIcon.foreground',
  error: 'errorForeground',
  info: 'problemsInfoIcon.foreground',
  muted: 'disabledForeground',
} as const;
export type ColorId = (typeof COLOR)[keyof typeof COLOR];

export interface Look {
  iconId: string;
  colorId?: ColorId;
}

/** How bad something is, ordered: the worst of several things is the maximum. */
export enum Severity {
  ok = 0,
  unknown = 1,
  warning = 2,
  error = 3,
}

type KnownServiceStatus = 'healthy' | 'degraded' | 'unhealthy' | 'unknown';
type KnownListenerStatus = 'up' | 'down' | 'unknown';

const SERVICE_LOOK: Record<KnownServiceStatus, Look> = {
  healthy: { iconId: 'pass-filled', colorId: COLOR.passed },
  degraded: { iconId: 'warning', colorId: COLOR.warning },
  unhealthy: { iconId: 'error', colorId: COLOR.error },
  unknown: { iconId: 'question', colorId: COLOR.muted },
};

/** A status the daemon sent that we do not know: shown as sent, with a neutral icon, rated like "unknown". */
const UNRECOGNIZED_LOOK: Look = { iconId: 'circle-outline', colorId: COLOR.muted };

const SERVICE_SEVERITY: Record<KnownServiceStatus, Severity> = {
  healthy: Severity.ok,
  degraded: Severity.warning,
  unhealthy: Severity.error,
  unknown: Severity.unknown,
};

const LISTENER_LOOK: Record<KnownListenerStatus, Look> = {
  up: SERVICE_LOOK.healthy,
  down: SERVICE_LOOK.unhealthy,
  unknown: SERVICE_LOOK.unknown,
};

const LISTENER_SEVERITY: Record<KnownListenerStatus, Severity> = {
  up: Severity.ok,
  down: Severity.error,
  unknown: Severity.unknown,
};

function known<K extends string, V>(table: Record<K, V>, key: string): V | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key as K] : undefined;
}

export function serviceLook(status: ServiceStatus): Look {
  return known(SERVICE_LOOK, status) ?? UNRECOGNIZED_LOOK;
}

export function serviceSeverity(status: ServiceStatus): Severity {
  return known(SERVICE_SEVERITY, status) ?? Severity.unknown;
}

export function listenerLook(status: ListenerStatus): Look {
  return known(LISTENER_LOOK, status) ?? UNRECOGNIZED_LOOK;
}

export function listenerSeverity(status: ListenerStatus): Severity {
  return known(LISTENER_SEVERITY, status) ?? Severity.unknown;
}

/** The worst of several severities; `ok` for none. */
export function worstSeverity(severities: Iterable<Severity>): Severity {
  let worst = Severity.ok;
  for (const severity of severities) if (severity > worst) worst = severity;
  return worst;
}

/** What each daemon state is called, how it looks, and how bad it is for the status bar. */
export interface StateLook extends Look {
  /** Short wording for descriptions and the status bar ("offline"). */
  word: string;
  severity: Severity;
}

export const STATE_LOOK: Record<DaemonState, StateLook> = {
  connecting: { word: 'connecting', iconId: 'loading~spin', severity: Severity.unknown },
  ok: { word: 'ok', iconId: 'pass-filled', colorId: COLOR.passed, severity: Severity.ok },
  offline: { word: 'offline', iconId: 'debug-disconnect', colorId: COLOR.error, severity: Severity.error },
  unauthorized: { word: 'unauthorized', iconId: 'lock', colorId: COLOR.warning, severity: Severity.error },
  no_frontend: { word: 'needs a token', iconId: 'key', colorId: COLOR.warning, severity: Severity.error },
  // Not a problem by itself: the snapshot's overall status still counts.
  warming: { word: 'warming up', iconId: 'watch', colorId: COLOR.info, severity: Severity.ok },
  stale: { word: 'snapshot stale', iconId: 'history', colorId: COLOR.warning, severity: Severity.warning },
  endpoint_missing: { word: 'daemon too old', iconId: 'versions', colorId: COLOR.warning, severity: Severity.error },
  malformed: { word: 'malformed response', iconId: 'bracket-error', colorId: COLOR.error, severity: Severity.error },
  insecure_refused: { word: 'insecure URL refused', iconId: 'shield', colorId: COLOR.error, severity: Severity.error },
};

/** States in which the daemon's data is being read normally (the rest are named problems). */
export const READABLE_STATES: ReadonlySet<DaemonState> = new Set<DaemonState>(['ok', 'warming', 'stale']);

/** The one rule for "the daemon's data is being read" (tree, poller, model and CLI exit code agree). */
export function isReadableState(state: DaemonState): boolean {
  return READABLE_STATES.has(state);
}

export const SEVERITY_LOOK: Record<Severity, Look> = {
  [Severity.ok]: SERVICE_LOOK.healthy,
  [Severity.unknown]: SERVICE_LOOK.unknown,
  [Severity.warning]: SERVICE_LOOK.degraded,
  [Severity.error]: SERVICE_LOOK.unhealthy,
};

/** Thresholds of the daemon's own overall-status rule (contract §6) for recent errors. */
const RECENT_ERRORS_DEGRADED = 5;
const RECENT_ERRORS_UNHEALTHY = 20;

export function recentErrorsSeverity(count: number | null): Severity {
  if (count === null) return Severity.unknown;
  if (count >= RECENT_ERRORS_UNHEALTHY) return Severity.error;
  if (count >= RECENT_ERRORS_DEGRADED) return Severity.warning;
  return Severity.ok;
}

/** Cost-ladder tiers (upper-case in the snapshot) and how worrying each is. */
export function costTierSeverity(tier: string | null): Severity {
  switch (tier?.toUpperCase()) {
    case 'NORMAL':
      return Severity.ok;
    case 'WARN_75':
    case 'DOWNSHIFT_90':
      return Severity.warning;
    case 'HARD_STOP_100':
      return Severity.error;
    default:
      return Severity.unknown;
  }
}

// One-line summaries of all daemons: the status bar text, the view badge, the view description
// and which welcome page (if any) the empty view shows. Pure, so the editor glue stays trivial.
import { formatAgo } from '../text/duration';
import { MarkdownBuilder, escapeMarkdown } from '../text/markdown';
import {
  listenerSeverity,
  READABLE_STATES,
  serviceSeverity,
  SEVERITY_LOOK,
  STATE_LOOK,
  Severity,
  worstSeverity,
} from './looks';
import type { DaemonHealth } from './types';

/** Which welcome content the (then empty) view shows; `ready` means the tree has roots. */
export type WelcomeState = 'notConfigured' | 'connecting' | 'ready';

export function welcomeState(daemons: readonly DaemonHealth[]): WelcomeState {
  if (daemons.length === 0) return 'notConfigured';
  return daemons.every((health) => health.state === 'connecting' && health.lastSuccessAt === null)
    ? 'connecting'
    : 'ready';
}

/** How bad one daemon is: its state, and when readable also its overall status. */
export function daemonSeverity(health: DaemonHealth): Severity {
  const state = STATE_LOOK[health.state].severity;
  return READABLE_STATES.has(health.state) ? worstSeverity([state, serviceSeverity(health.overallStatus)]) : state;
}

/** "offline", "degraded", "snapshot stale", ... — the word for a daemon that needs attention. */
export function daemonProblemWord(health: DaemonHealth): string {
  if (!READABLE_STATES.has(health.state) || health.state === 'stale') return STATE_LOOK[health.state].word;
  return health.overallStatus === 'healthy' ? STATE_LOOK[health.state].word : health.overallStatus;
}

export interface StatusSummary {
  /** Status-bar text with a leading codicon, e.g. `$(warning) Kora: beta degraded`. */
  text: string;
  /** Markdown, one line per daemon (names escaped). */
  tooltip: string;
  severity: Severity;
}

const STATUS_PREFIX = 'Kora';

/** Data older than the daemon's update period plus this is marked stale. */
export const STALE_GRACE_MS = 60_000;

/** The daemon is readable but nothing was read for longer than it takes to publish an update. */
export function isDataStale(health: DaemonHealth, now: number): boolean {
  if (!READABLE_STATES.has(health.state) || health.lastSuccessAt === null || health.expectedUpdateMs === null)
    return false;
  return now - health.lastSuccessAt > health.expectedUpdateMs + STALE_GRACE_MS;
}

/** "read 12 s ago · reachable 3 s ago", or "never read"; what the tooltips say about freshness. */
export function freshnessText(health: DaemonHealth, now: number): string {
  if (health.lastSuccessAt === null)
    return health.lastContactAt === null
      ? 'never read'
      : `reachable ${ago(health.lastContactAt, now)}, no data read yet`;
  const parts = [`read ${ago(health.lastSuccessAt, now)}`];
  if (health.lastContactAt !== null && health.lastContactAt > health.lastSuccessAt)
    parts.push(`reachable ${ago(health.lastContactAt, now)}`);
  if (isDataStale(health, now)) parts.push('stale');
  return parts.join(' · ');
}

function ago(epochMs: number, now: number): string {
  return formatAgo(Math.max(0, (now - epochMs) / 1000));
}

export function summarizeStatus(daemons: readonly DaemonHealth[], now: number = Date.now()): StatusSummary {
  if (daemons.length === 0) {
    return {
      text: `$(circle-slash) ${STATUS_PREFIX}`,
      tooltip: 'No Kora daemon is configured.',
      severity: Severity.unknown,
    };
  }
  const severities = daemons.map(daemonSeverity);
  const severity = worstSeverity(severities);
  const tooltip = new MarkdownBuilder().heading('Kora daemons');
  for (const health of daemons)
    tooltip.field(
      `$(${iconOf(health)}) ${escapeMarkdown(health.daemon.name)}`,
      `${describeForTooltip(health)} (${freshnessText(health, now)})`,
    );
  tooltip.text('Click to show the Health view.');

  const allConnecting = daemons.every((health) => health.state === 'connecting');
  const iconId = allConnecting ? STATE_LOOK.connecting.iconId : SEVERITY_LOOK[severity].iconId;
  // "unknown" (e.g. no probe results yet) is not worth the operator's attention in the status bar.
  const attention = daemons.filter((_, index) => severities[index] > Severity.unknown);
  let suffix = '';
  if (attention.length === 1) suffix = `: ${attention[0].daemon.name} ${daemonProblemWord(attention[0])}`;
  else if (attention.length > 1) suffix = `: ${attention.length} daemons need attention`;
  return { text: `$(${iconId}) ${STATUS_PREFIX}${suffix}`, tooltip: tooltip.toString(), severity };
}

function iconOf(health: DaemonHealth): string {
  return health.state === 'connecting' ? STATE_LOOK.connecting.iconId : SEVERITY_LOOK[daemonSeverity(health)].iconId;
}

function describeForTooltip(health: DaemonHealth): string {
  return health.state === 'ok' ? health.overallStatus : daemonProblemWord(health);
}

export interface BadgeSummary {
  /** Daemons that cannot be read (offline, token rejected, …) plus non-healthy listeners and services. */
  count: number;
  /** Plain text, e.g. "3 need attention: alpha offline, beta/sentry degraded, …". */
  tooltip: string;
}

const BADGE_TOOLTIP_ITEMS = 6;

export function summarizeBadge(daemons: readonly DaemonHealth[]): BadgeSummary {
  const problems: string[] = [];
  for (const health of daemons) {
    // An unreadable daemon has no listeners or services to count, but is the first thing to fix.
    if (!READABLE_STATES.has(health.state) && health.state !== 'connecting')
      problems.push(`${health.daemon.name} ${STATE_LOOK[health.state].word}`);
    for (const listener of health.listeners) {
      if (listenerSeverity(listener.status) !== Severity.ok)
        problems.push(`${health.daemon.name}/${listener.name} ${listener.status}`);
    }
    for (const service of health.services) {
      if (serviceSeverity(service.status) !== Severity.ok)
        problems.push(`${health.daemon.name}/${service.name} ${service.status}`);
    }
  }
  const shown = problems.slice(0, BADGE_TOOLTIP_ITEMS).join(', ');
  const more = problems.length > BADGE_TOOLTIP_ITEMS ? `, and ${problems.length - BADGE_TOOLTIP_ITEMS} more` : '';
  return {
    count: problems.length,
    tooltip:
      problems.length === 0
        ? ''
        : `${problems.length} ${problems.length === 1 ? 'needs' : 'need'} attention: ${shown}${more}`,
  };
}

/** "updated 12 s ago" from the most recent successful read, or undefined before any. */
export function freshnessDescription(daemons: readonly DaemonHealth[], now: number): string | undefined {
  const reads = daemons.map((health) => health.lastSuccessAt).filter((at): at is number => at !== null);
  if (reads.length === 0) return undefined;
  return `updated ${formatAgo(Math.max(0, (now - Math.max(...reads)) / 1000))}`;
}

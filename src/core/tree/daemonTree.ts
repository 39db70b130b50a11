// DaemonHealth[] → renderer-neutral tree nodes. Pure: the same input and clock give the same
// nodes, so the VS Code tree (and anything else) can diff two builds and refresh only what
// changed. Labels and descriptions are plain text; tooltips are Markdown in which every value
// that came from the daemon is escaped. The state and metric nodes live in their own modules.
import { formatAgo, formatSpan, formatUptime, parseTimestamp } from '../text/duration';
import { isDataStale } from '../health/summary';
import { MarkdownBuilder, escapeMarkdown, toPlainLine } from '../text/markdown';
import {
  listenerLook,
  listenerSeverity,
  READABLE_STATES,
  serviceLook,
  serviceSeverity,
  SEVERITY_LOOK,
  STATE_LOOK,
  Severity,
  worstSeverity,
  type Look,
} from '../health/looks';
import { metricNodes } from './metricNodes';
import { LABEL_MAX, makeNode, secondsSince, type HealthNode } from './node';
import { stateNodes } from './stateNodes';
import { orderServices } from '../health/services';
import type { DaemonHealth, ListenerHealth, ServiceHealth } from '../health/types';

export type { HealthNode, NodeAction } from './node';
export { CANONICAL_SERVICES, orderServices } from '../health/services';

/** Data younger than this goes without an age on the root (so its text does not tick every second). */
const JUST_NOW_SECONDS = 60;

export function buildHealthTree(daemons: readonly DaemonHealth[], now: number): HealthNode[] {
  return daemons.map((health) => daemonNode(health, now));
}

// ---------------------------------------------------------------- daemon root

function daemonNode(health: DaemonHealth, now: number): HealthNode {
  const children = [
    ...stateNodes(health, now),
    ...listenerGroup(health, now),
    ...serviceGroup(health, now),
    ...metricNodes(health, now),
  ];
  return makeNode(
    health,
    [],
    'daemon',
    {
      label: toPlainLine(health.daemon.name, LABEL_MAX),
      description: rootDescription(health, now),
      tooltip: rootTooltip(health, now),
      collapsible: children.length > 0 ? 'expanded' : 'none',
      children,
    },
    rootLook(health),
  );
}

function rootLook(health: DaemonHealth): Look {
  if (health.state === 'ok' || health.state === 'warming') return serviceLook(health.overallStatus);
  return STATE_LOOK[health.state];
}

function rootDescription(health: DaemonHealth, now: number): string {
  const parts = [
    READABLE_STATES.has(health.state) && health.state !== 'stale'
      ? health.overallStatus
      : STATE_LOOK[health.state].word,
  ];
  // Right after the status, so a narrow sidebar still shows it; the tooltip has the details.
  const readAgo = health.lastSuccessAt === null ? undefined : formatAgo(secondsSince(health.lastSuccessAt, now));
  if (isDataStale(health, now)) parts.push(`stale, read ${readAgo}`);
  else if (
    !READABLE_STATES.has(health.state) &&
    readAgo !== undefined &&
    secondsSince(health.lastSuccessAt!, now) >= JUST_NOW_SECONDS
  )
    parts.push(`read ${readAgo}`);
  if (health.uptimeSeconds !== null && READABLE_STATES.has(health.state))
    parts.push(`up ${formatUptime(health.uptimeSeconds)}`);
  return parts.join(' · ');
}

function rootTooltip(health: DaemonHealth, now: number): string {
  const md = new MarkdownBuilder().heading('Kora daemon', health.daemon.name).field('URL', health.daemon.url);
  md.field('Overall status', health.overallStatus).field('State', STATE_LOOK[health.state].word);
  if (health.stateDetail) md.field('Detail', health.stateDetail);
  if (health.uptimeSeconds !== null) md.field('Uptime', formatUptime(health.uptimeSeconds));
  md.field('Booted at', health.bootAt).field('Coordinator', health.coordinatorState);
  md.field(
    'Last successful read',
    health.lastSuccessAt === null ? 'never' : formatAgo(secondsSince(health.lastSuccessAt, now), JUST_NOW_SECONDS),
  );
  md.field(
    'Last answer',
    health.lastContactAt === null ? 'never' : formatAgo(secondsSince(health.lastContactAt, now), JUST_NOW_SECONDS),
  );
  if (health.expectedUpdateMs !== null)
    md.field('Daemon publishes', `every ${formatSpan(health.expectedUpdateMs / 1000)}`);
  if (isDataStale(health, now))
    md.text('**Stale:** nothing was read for longer than the daemon takes to publish an update.');
  return md.toString();
}

// ---------------------------------------------------------------- listeners and services

/** What a status means for the operator; statuses we do not know are shown as sent. */
const STATUS_MEANING: Partial<Record<string, string>> = {
  up: 'The listener is running.',
  down: 'The listener is not running, or keeps failing: the daemon counts it against its overall status.',
  healthy: 'The last probe succeeded.',
  degraded: 'The last probe succeeded only partly or slowly; the daemon rates this a warning.',
  unhealthy: 'The last probe failed; see the error.',
  unknown: 'The daemon could not tell (not probed yet, or no data).',
};
const UNRECOGNIZED_MEANING = 'A status value this extension does not know, shown as the daemon sent it.';
const ROW_HINT = 'Right-click for Copy Details and Show Log.';

function reportedIn(health: DaemonHealth, now: number): string {
  const computed = parseTimestamp(health.snapshotComputedAt);
  return computed === null
    ? "the daemon's coordinator status"
    : `the snapshot computed ${formatAgo(secondsSince(computed, now))}`;
}

function listenerGroup(health: DaemonHealth, now: number): HealthNode[] {
  if (health.listeners.length === 0 && !READABLE_STATES.has(health.state)) return [];
  const children = health.listeners.map((listener) => listenerNode(health, listener, now));
  const counts = countBy(
    health.listeners.map((listener) => listener.status),
    ['up', 'down', 'unknown'],
  );
  const noSnapshot = health.snapshotComputedAt === null;
  const worst = worstSeverity(health.listeners.map((listener) => listenerSeverity(listener.status)));
  return [
    makeNode(
      health,
      ['listeners'],
      'listeners',
      {
        label: 'Listeners',
        description: counts || (noSnapshot ? 'unknown without a snapshot' : 'none reported'),
        tooltip: new MarkdownBuilder()
          .heading('Listeners')
          .text(
            counts
              ? `Daemon listeners: ${counts}.`
              : noSnapshot
                ? 'Listeners are read from the snapshot, which is unavailable.'
                : 'The daemon reports no listeners (no coordinator).',
          )
          .toString(),
        collapsible: children.length === 0 ? 'none' : worst >= Severity.error ? 'expanded' : 'collapsed',
        children,
      },
      children.length === 0
        ? SEVERITY_LOOK[Severity.unknown]
        : { iconId: 'radio-tower', colorId: SEVERITY_LOOK[worst].colorId },
    ),
  ];
}

function listenerNode(health: DaemonHealth, listener: ListenerHealth, now: number): HealthNode {
  const parts: string[] = [listener.status];
  if (listener.started === false) parts.push('not started');
  if (listener.consecutiveErrors !== null)
    parts.push(`${listener.consecutiveErrors} consecutive error${listener.consecutiveErrors === 1 ? '' : 's'}`);
  const lastEvent = parseTimestamp(listener.lastEventAt);
  if (lastEvent !== null) parts.push(`last event ${formatAgo(secondsSince(lastEvent, now))}`);
  const tooltip = new MarkdownBuilder()
    .heading('Listener', listener.name)
    .field('Status', listener.status)
    .field('Started', listener.started === undefined ? undefined : listener.started ? 'yes' : 'no')
    .field('Consecutive errors', listener.consecutiveErrors)
    .field('Last event', withAgo(listener.lastEventAt, now))
    .field('Reported in', reportedIn(health, now));
  return memberNode(health, 'listeners', listener.name, listener.status, parts, tooltip, listenerLook(listener.status));
}

function serviceGroup(health: DaemonHealth, now: number): HealthNode[] {
  if (health.services.length === 0 && !READABLE_STATES.has(health.state)) return [];
  const services = orderServices(health.services);
  const children = services.map((service) => serviceNode(health, service, now));
  const counts = countBy(
    services.map((service) => service.status),
    ['healthy', 'degraded', 'unhealthy', 'unknown'],
  );
  const empty = health.servicesWarming ? 'probes warming up' : 'none reported';
  const worst = worstSeverity(services.map((service) => serviceSeverity(service.status)));
  return [
    makeNode(
      health,
      ['services'],
      'services',
      {
        label: 'Services',
        description: counts || empty,
        tooltip: new MarkdownBuilder()
          .heading('Services')
          .text(counts ? `Probed services: ${counts}.` : `No service results: ${empty}.`)
          .toString(),
        collapsible: children.length === 0 ? 'none' : 'expanded',
        children,
      },
      children.length === 0
        ? SEVERITY_LOOK[Severity.unknown]
        : { iconId: 'pulse', colorId: SEVERITY_LOOK[worst].colorId },
    ),
  ];
}

function serviceNode(health: DaemonHealth, service: ServiceHealth, now: number): HealthNode {
  const parts: string[] = [service.status];
  if (service.latencyMs !== null) parts.push(`${Math.round(service.latencyMs)} ms`);
  const tooltip = new MarkdownBuilder()
    .heading('Service', service.name)
    .field('Status', service.status)
    .field('Latency', service.latencyMs === null ? 'no round trip' : `${Math.round(service.latencyMs)} ms`)
    .field('Last check', withAgo(service.lastCheckAt, now))
    .field('Error', service.error);
  for (const [key, value] of Object.entries(service.details))
    tooltip.field(`Detail ${escapeMarkdown(key, LABEL_MAX)}`, value);
  tooltip.field(
    'Reported in',
    service.lastCheckAt === null
      ? reportedIn(health, now)
      : "the daemon's heartbeat (one probe per service each cycle)",
  );
  return memberNode(health, 'services', service.name, service.status, parts, tooltip, serviceLook(service.status));
}

/** A listener or service row; what its status means and where to go next close the tooltip. */
function memberNode(
  health: DaemonHealth,
  group: 'listeners' | 'services',
  name: string,
  status: string,
  parts: string[],
  tooltip: MarkdownBuilder,
  look: Look,
): HealthNode {
  tooltip.text(STATUS_MEANING[status] ?? UNRECOGNIZED_MEANING).text(ROW_HINT);
  const kind = group === 'listeners' ? 'listener' : 'service';
  return makeNode(
    health,
    [group, name],
    kind,
    { label: toPlainLine(name, LABEL_MAX), description: parts.join(' · '), tooltip: tooltip.toString() },
    look,
  );
}

/** "2026-05-23T10:05:00Z (3 min ago)", the value alone when it is no timestamp, null when absent. */
function withAgo(timestamp: string | null, now: number): string | null {
  if (timestamp === null) return null;
  const at = parseTimestamp(timestamp);
  return at === null ? timestamp : `${timestamp} (${formatAgo(secondsSince(at, now))})`;
}

// ---------------------------------------------------------------- helpers

/** "11 up · 1 down" in the given order, skipping zero counts; "" for an empty list. */
function countBy<T extends string>(values: readonly T[], order: readonly T[]): string {
  return order
    .map((key) => [key, values.filter((value) => value === key).length] as const)
    .filter(([, count]) => count > 0)
    .map(([key, count]) => `${count} ${key}`)
    .join(' · ');
}

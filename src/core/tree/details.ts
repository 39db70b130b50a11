// "Copy Details" of a tree row: what the row's daemon, listener or service knows, as plain lines
// (no Markdown), so an operator can paste it into a ticket. Daemon text is made one plain line each.
import { formatAgo, formatUptime } from '../text/duration';
import { toPlainLine } from '../text/markdown';
import { freshnessText } from '../health/summary';
import { STATE_LOOK } from '../health/looks';
import type { DaemonHealth } from '../health/types';

const VALUE_MAX = 500;

/** The details of the row with this id (`<daemon>[/listeners|services/<name>]`), or undefined when it is gone. */
export function nodeDetailsText(daemons: readonly DaemonHealth[], nodeId: string, now: number): string | undefined {
  const [daemonPart, group, namePart] = nodeId.split('/').map(decodeURIComponent);
  const health = daemons.find((daemon) => daemon.daemon.name === daemonPart);
  if (!health) return undefined;
  const lines = [`Kora daemon ${line(health.daemon.name)} (${line(health.daemon.url)})`];
  if (group === 'listeners' && namePart !== undefined) {
    const listener = health.listeners.find((item) => item.name === namePart);
    if (!listener) return undefined;
    lines.push(`Listener ${line(listener.name)}: ${line(listener.status)}`);
    if (listener.started !== undefined) lines.push(`Started: ${listener.started ? 'yes' : 'no'}`);
    if (listener.consecutiveErrors !== null) lines.push(`Consecutive errors: ${listener.consecutiveErrors}`);
    if (listener.lastEventAt !== null) lines.push(`Last event: ${line(listener.lastEventAt)}`);
  } else if (group === 'services' && namePart !== undefined) {
    const service = health.services.find((item) => item.name === namePart);
    if (!service) return undefined;
    lines.push(`Service ${line(service.name)}: ${line(service.status)}`);
    if (service.latencyMs !== null) lines.push(`Latency: ${Math.round(service.latencyMs)} ms`);
    if (service.lastCheckAt !== null) lines.push(`Last check: ${line(service.lastCheckAt)}`);
    if (service.error !== null) lines.push(`Error: ${line(service.error)}`);
    for (const [key, value] of Object.entries(service.details))
      lines.push(`${line(key)}: ${line(typeof value === 'string' ? value : JSON.stringify(value))}`);
  } else {
    lines.push(`State: ${STATE_LOOK[health.state].word}`, `Overall status: ${line(health.overallStatus)}`);
    if (health.stateDetail) lines.push(`Detail: ${line(health.stateDetail)}`);
    if (health.uptimeSeconds !== null) lines.push(`Uptime: ${formatUptime(health.uptimeSeconds)}`);
    if (health.snapshotAgeSeconds !== null) lines.push(`Snapshot computed: ${formatAgo(health.snapshotAgeSeconds)}`);
  }
  lines.push(`Data: ${freshnessText(health, now)}`);
  return `${lines.join('\n')}\n`;
}

function line(text: string): string {
  return toPlainLine(text, VALUE_MAX);
}

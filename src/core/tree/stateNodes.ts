// The first child of a daemon that could not be read normally: what is wrong, in the operator's
// words, and the one action that helps (retry, set a token, configure, show the log).
import { formatSpan } from '../text/duration';
import { MarkdownBuilder } from '../text/markdown';
import { STATE_LOOK } from '../health/looks';
import { snapshotAgeText } from './metricNodes';
import { makeNode, type HealthNode, type NodeAction } from './node';
import type { DaemonHealth } from '../health/types';

interface StateWording {
  label: string;
  description: string;
  /** What to do, in our words (shown in the tooltip under the daemon's detail). */
  advice: string;
  action?: NodeAction;
}

function stateWording(health: DaemonHealth, now: number): StateWording | undefined {
  switch (health.state) {
    case 'ok':
      return undefined;
    case 'connecting':
      return { label: 'Connecting…', description: '', advice: 'The first request is on its way.' };
    case 'offline':
      return {
        label: 'Offline',
        description:
          health.nextPollAt === null
            ? 'click to retry'
            : `retrying in ${formatSpan(Math.max(0, (health.nextPollAt - now) / 1000))}`,
        advice:
          'Is the daemon running and the admin port reachable (e.g. through `flyctl proxy 9119:9119`)? Click to retry now.',
        action: 'retry',
      };
    case 'unauthorized':
      return {
        label: 'Token rejected',
        description: 'Set Session Token…',
        advice:
          'The daemon rejected the session token even after re-reading it from the cockpit page. Click to set a token.',
        action: 'setSessionToken',
      };
    case 'no_frontend':
      return {
        label: 'Cockpit not built',
        description: 'set a session token',
        advice:
          'The daemon serves no cockpit page, so its session token cannot be read automatically. Click to store one.',
        action: 'setSessionToken',
      };
    case 'warming':
      return {
        label: 'Probes warming up',
        description: 'services appear after the first probe cycle',
        advice: 'The daemon has not finished its first round of service probes yet.',
      };
    case 'stale':
      return {
        label: 'Snapshot stale',
        description: snapshotAgeText(health, now) ?? 'no snapshot available',
        advice: 'The daemon has no snapshot younger than 10 minutes; its snapshot task may be stuck.',
        action: 'showLog',
      };
    case 'endpoint_missing':
      return {
        label: 'Endpoint missing',
        description: 'daemon too old',
        advice: 'This daemon does not serve the health API. Update Kora on that host.',
        action: 'showLog',
      };
    case 'malformed':
      return {
        label: 'Malformed response',
        description: 'see the log',
        advice: 'The daemon answered with data this extension could not read.',
        action: 'showLog',
      };
    case 'insecure_refused':
      return {
        label: 'Insecure URL refused',
        description: 'use https or allow http',
        advice:
          'Cleartext http is only used for loopback hosts. Use https, or set `allowInsecureHttp` for this daemon.',
        action: 'configureDaemons',
      };
  }
}

export function stateNodes(health: DaemonHealth, now: number): HealthNode[] {
  const wording = stateWording(health, now);
  if (!wording) return [];
  const tooltip = new MarkdownBuilder()
    .heading(wording.label)
    .field('Daemon says', health.stateDetail)
    .text(wording.advice);
  return [
    makeNode(
      health,
      ['state'],
      'state',
      {
        label: wording.label,
        description: wording.description,
        tooltip: tooltip.toString(),
        action: wording.action,
      },
      STATE_LOOK[health.state],
    ),
  ];
}

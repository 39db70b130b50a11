// The daemon's numbers below its listeners and services: recent errors, snapshot age, alerts and
// the cost ladder. Each shows only when the daemon reported it.
import { formatAgo, parseTimestamp } from '../text/duration';
import { MarkdownBuilder, toPlainLine } from '../text/markdown';
import { COLOR, SEVERITY_LOOK, Severity, costTierSeverity, recentErrorsSeverity, type Look } from '../health/looks';
import { LABEL_MAX, makeNode, secondsSince, type HealthNode } from './node';
import type { AlertSummary, CostSummary, DaemonHealth } from '../health/types';

export function metricNodes(health: DaemonHealth, now: number): HealthNode[] {
  const nodes: HealthNode[] = [];
  if (health.recentErrorCount5min !== null) {
    const count = health.recentErrorCount5min;
    nodes.push(
      makeNode(
        health,
        ['errors'],
        'errors',
        {
          label: 'Recent errors (5 min)',
          description: String(count),
          tooltip: new MarkdownBuilder()
            .heading('Recent errors', count)
            .text(
              'Dead-lettered webhooks, failed Slack DM replies and failed notifications in the last 5 minutes. The daemon turns degraded at 5 and unhealthy at 20.',
            )
            .toString(),
        },
        count === 0
          ? { iconId: 'pass', colorId: COLOR.passed }
          : { iconId: 'bug', colorId: SEVERITY_LOOK[recentErrorsSeverity(count)].colorId },
      ),
    );
  }
  const snapshotNode = snapshotNodeFor(health, now);
  if (snapshotNode) nodes.push(snapshotNode);
  if (health.alerts) nodes.push(alertsNode(health, health.alerts));
  if (health.cost) nodes.push(costNode(health, health.cost));
  return nodes;
}

function snapshotNodeFor(health: DaemonHealth, now: number): HealthNode | undefined {
  const ageText = snapshotAgeText(health, now);
  // Without any snapshot there is nothing to date; the stale state node already says so.
  if (ageText === undefined) return undefined;
  const tooltip = new MarkdownBuilder()
    .heading('Snapshot')
    .field('Computed at', health.snapshotComputedAt)
    .text(
      health.snapshotStale
        ? 'The daemon has no fresh snapshot (older than 10 minutes or missing).'
        : 'The daemon recomputes its snapshot every few minutes.',
    );
  return makeNode(
    health,
    ['snapshot'],
    'snapshot',
    { label: 'Snapshot', description: ageText, tooltip: tooltip.toString() },
    health.snapshotStale ? { iconId: 'history', colorId: COLOR.warning } : { iconId: 'history' },
  );
}

function alertsNode(health: DaemonHealth, alerts: AlertSummary): HealthNode {
  const bySeverity = [
    alerts.critical ? `${alerts.critical} critical` : '',
    alerts.warning ? `${alerts.warning} warning` : '',
    alerts.info ? `${alerts.info} info` : '',
  ].filter(Boolean);
  const severity = alerts.critical > 0 ? Severity.error : alerts.warning > 0 ? Severity.warning : Severity.ok;
  const look: Look =
    alerts.activeCount === 0
      ? { iconId: 'bell', colorId: COLOR.passed }
      : { iconId: 'bell-dot', colorId: severity === Severity.ok ? COLOR.info : SEVERITY_LOOK[severity].colorId };
  return makeNode(
    health,
    ['alerts'],
    'alerts',
    {
      label: 'Alerts',
      description:
        alerts.activeCount === 0 ? 'none active' : [`${alerts.activeCount} active`, ...bySeverity].join(' · '),
      tooltip: new MarkdownBuilder()
        .heading('Alerts')
        .field('Active', alerts.activeCount)
        .field('Critical', alerts.critical)
        .field('Warning', alerts.warning)
        .field('Info', alerts.info)
        .toString(),
    },
    look,
  );
}

function costNode(health: DaemonHealth, cost: CostSummary): HealthNode {
  const parts = [cost.tier ?? 'tier unknown'];
  if (cost.monthlyBudgetPctUsed !== null) parts.push(`${cost.monthlyBudgetPctUsed.toFixed(1)}% of monthly budget`);
  const severity = costTierSeverity(cost.tier);
  const usd = (value: number | null) => (value === null ? null : `$${value.toFixed(2)}`);
  return makeNode(
    health,
    ['cost'],
    'cost',
    {
      label: 'Cost',
      description: toPlainLine(parts.join(' · '), LABEL_MAX),
      tooltip: new MarkdownBuilder()
        .heading('Cost ladder')
        .field('Tier', cost.tier)
        .field('Monthly budget used', cost.monthlyBudgetPctUsed === null ? null : `${cost.monthlyBudgetPctUsed}%`)
        .field('Spent to date', usd(cost.spentToDateUsd))
        .field('Credit pool', usd(cost.creditPoolUsd))
        .toString(),
    },
    {
      iconId: 'credit-card',
      colorId: severity === Severity.ok || severity === Severity.unknown ? undefined : SEVERITY_LOOK[severity].colorId,
    },
  );
}

function snapshotAgeSeconds(health: DaemonHealth, now: number): number | null {
  // From the timestamp, so the age keeps growing between polls (the model's age is as of its build).
  const computedAt = parseTimestamp(health.snapshotComputedAt);
  return computedAt === null ? health.snapshotAgeSeconds : secondsSince(computedAt, now);
}

export function snapshotAgeText(health: DaemonHealth, now: number): string | undefined {
  const age = snapshotAgeSeconds(health, now);
  return age === null ? undefined : `computed ${formatAgo(age)}`;
}

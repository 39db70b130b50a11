// Which parts of a daemon's tree changed between two health models, so the view refreshes only
// those nodes (no flicker, expansion kept). Node paths match treeModel.ts ids:
// [] root, ['state'], ['listeners'], ['listeners', name], ['services'], ['services', name],
// ['errors'], ['snapshot'], ['alerts'], ['cost'].

import type { DaemonHealth, ListenerHealth, ServiceHealth } from './types';

export interface HealthDiff {
  /** Anything at all differs (including freshness-only fields). */
  changed: boolean;
  /** What the root shows: state, detail, overall status, uptime (to the minute), boot, coordinator. */
  root: boolean;
  /** Only timing changed: last success, next poll, snapshot age. */
  freshness: boolean;
  /** The root's set of children changed (a state node or a group appeared/vanished): refresh the root subtree. */
  structure: boolean;
  listenersGroup: boolean;
  /** Listeners were added, removed or reordered: refresh the group's children. */
  listenersStructure: boolean;
  /** Names of listeners whose own data changed. */
  listeners: string[];
  servicesGroup: boolean;
  servicesStructure: boolean;
  services: string[];
  errors: boolean;
  snapshot: boolean;
  alerts: boolean;
  cost: boolean;
}

const SECONDS_PER_MINUTE = 60;

export function diffHealth(previous: DaemonHealth | undefined, next: DaemonHealth): HealthDiff {
  if (!previous || previous.daemon.name !== next.daemon.name || previous.daemon.url !== next.daemon.url) return everythingChanged(next);
  const listenerDiff = diffNamed(previous.listeners, next.listeners);
  const serviceDiff = diffNamed(previous.services, next.services);
  const diff: HealthDiff = {
    changed: !same(previous, next),
    root:
      previous.state !== next.state ||
      previous.stateDetail !== next.stateDetail ||
      previous.overallStatus !== next.overallStatus ||
      minutes(previous.uptimeSeconds) !== minutes(next.uptimeSeconds) ||
      previous.bootAt !== next.bootAt ||
      previous.coordinatorState !== next.coordinatorState,
    freshness:
      previous.lastSuccessAt !== next.lastSuccessAt ||
      previous.nextPollAt !== next.nextPollAt ||
      minutes(previous.snapshotAgeSeconds) !== minutes(next.snapshotAgeSeconds),
    structure: shapeKey(previous) !== shapeKey(next),
    listenersGroup: listenerDiff.structure || listenerDiff.changed.length > 0,
    listenersStructure: listenerDiff.structure,
    listeners: listenerDiff.changed,
    servicesGroup: serviceDiff.structure || serviceDiff.changed.length > 0 || previous.servicesWarming !== next.servicesWarming,
    servicesStructure: serviceDiff.structure,
    services: serviceDiff.changed,
    errors: previous.recentErrorCount5min !== next.recentErrorCount5min,
    snapshot:
      previous.snapshotComputedAt !== next.snapshotComputedAt ||
      previous.snapshotStale !== next.snapshotStale ||
      minutes(previous.snapshotAgeSeconds) !== minutes(next.snapshotAgeSeconds),
    alerts: !same(previous.alerts, next.alerts),
    cost: !same(previous.cost, next.cost),
  };
  return diff;
}

/** Tree-node paths to refresh for a diff (a parent's refresh covers its children). */
export function changedNodePaths(diff: HealthDiff): string[][] {
  if (diff.structure) return [[]];
  const paths: string[][] = [];
  if (diff.root) paths.push([], ['state']);
  else if (diff.freshness) paths.push(['state']);
  if (diff.listenersStructure) paths.push(['listeners']);
  else {
    if (diff.listenersGroup) paths.push(['listeners']);
    for (const name of diff.listeners) paths.push(['listeners', name]);
  }
  if (diff.servicesStructure) paths.push(['services']);
  else {
    if (diff.servicesGroup) paths.push(['services']);
    for (const name of diff.services) paths.push(['services', name]);
  }
  if (diff.errors) paths.push(['errors']);
  if (diff.snapshot) paths.push(['snapshot']);
  if (diff.alerts) paths.push(['alerts']);
  if (diff.cost) paths.push(['cost']);
  return paths;
}

function everythingChanged(next: DaemonHealth): HealthDiff {
  return {
    changed: true,
    root: true,
    freshness: true,
    structure: true,
    listenersGroup: true,
    listenersStructure: true,
    listeners: next.listeners.map((listener) => listener.name),
    servicesGroup: true,
    servicesStructure: true,
    services: next.services.map((service) => service.name),
    errors: true,
    snapshot: true,
    alerts: true,
    cost: true,
  };
}

function diffNamed<T extends ListenerHealth | ServiceHealth>(previous: readonly T[], next: readonly T[]): { structure: boolean; changed: string[] } {
  const structure = previous.length !== next.length || previous.some((item, index) => item.name !== next[index].name);
  const before = new Map(previous.map((item) => [item.name, item]));
  const changed = next.filter((item) => before.has(item.name) && !same(before.get(item.name), item)).map((item) => item.name);
  return { structure, changed };
}

/** Which optional root children exist; a change here reshapes the root's child list. */
function shapeKey(health: DaemonHealth): string {
  return [
    health.state,
    health.listeners.length > 0,
    health.services.length > 0,
    health.recentErrorCount5min !== null,
    health.snapshotComputedAt !== null || health.snapshotStale,
    health.alerts !== null,
    health.cost !== null,
  ].join('|');
}

function minutes(seconds: number | null): number | null {
  return seconds === null ? null : Math.floor(seconds / SECONDS_PER_MINUTE);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

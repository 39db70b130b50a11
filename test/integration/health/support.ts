// Helpers for the health view's integration tests: read the real tree through the extension's
// test API (the same provider VS Code renders) and wait for the fake daemons' changes to show.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { KoraApi } from '../../../src/extension';
import type { HealthNode } from '../../../src/core/tree/daemonTree';
import type { DaemonHealth, DaemonState } from '../../../src/core/health/types';
import { COMMAND } from '../../../src/vscode/constants';
import { activateKora, fakeDaemon, testDaemons, waitFor } from '../helpers';

/** Generous: a poll is a few local requests, but the machine may be busy. */
export const SHOW_TIMEOUT_MS = 15000;

export async function koraApi(): Promise<KoraApi> {
  return activateKora();
}

/** The daemon's root node as the view has it now, or undefined. */
export function rootNode(api: KoraApi, daemonName: string): HealthNode | undefined {
  const provider = api.health.treeProvider;
  return provider
    .getChildren()
    .map((handle) => provider.node(handle))
    .find((node) => node?.daemonName === daemonName && node.kind === 'daemon');
}

/** A node below a daemon's root by kinds and labels, e.g. `['services', 'sentry']`. */
export function findNode(api: KoraApi, daemonName: string, ...path: string[]): HealthNode | undefined {
  let current = rootNode(api, daemonName);
  for (const step of path) {
    const children = api.health.treeProvider.getChildren({
      id: current?.id ?? '',
      daemonName,
      kind: current?.kind ?? '',
    });
    current = children
      .map((handle) => api.health.treeProvider.node(handle))
      .find((node) => node?.kind === step || node?.label === step);
    if (!current) return undefined;
  }
  return current;
}

/** The VS Code TreeItem the view renders for a node (label, icon, colour, command). */
export function treeItemOf(api: KoraApi, node: HealthNode): vscode.TreeItem {
  return api.health.treeProvider.getTreeItem({ id: node.id, daemonName: node.daemonName, kind: node.kind });
}

export function iconOf(item: vscode.TreeItem): { id: string; color?: string } {
  const icon = item.iconPath;
  assert.ok(icon instanceof vscode.ThemeIcon, `tree item ${String(item.label)} has a codicon`);
  return { id: icon.id, color: icon.color?.id };
}

export function healthOf(api: KoraApi, daemonName: string): DaemonHealth {
  const health = api.health.monitor().daemons.find((daemon) => daemon.daemon.name === daemonName);
  assert.ok(health, `the monitor knows daemon ${daemonName}`);
  return health;
}

/** Waits until the daemon's tree satisfies `accept`; the message says what was last seen. */
export async function waitForTree(
  api: KoraApi,
  daemonName: string,
  what: string,
  accept: (root: HealthNode) => boolean,
): Promise<HealthNode> {
  let lastSeen = 'no root';
  return waitFor(
    () => {
      const root = rootNode(api, daemonName);
      if (root)
        lastSeen = `${root.description} / ${root.children.map((child) => `${child.label}: ${child.description}`).join(', ')}`;
      return root && accept(root) ? root : undefined;
    },
    { timeoutMs: SHOW_TIMEOUT_MS, message: `${daemonName} ${what}` },
  ).catch((error: Error) => {
    throw new Error(`${error.message}; last seen: ${lastSeen}`);
  });
}

/** Switches a fake daemon's scenario, polls at once (as Refresh does), and waits for the state. */
export async function switchScenario(
  api: KoraApi,
  daemonName: string,
  scenario: string,
  state: DaemonState,
  options: { restart?: boolean } = {},
): Promise<HealthNode> {
  const control = fakeDaemon(daemonName);
  await control.setScenario(scenario);
  if (options.restart) await control.restart();
  return refreshUntilState(api, daemonName, state);
}

/** Runs Refresh until the daemon is in `state` (one refresh normally suffices). */
export async function refreshUntilState(api: KoraApi, daemonName: string, state: DaemonState): Promise<HealthNode> {
  let seen = 'not configured yet';
  await waitFor(
    async () => {
      // Throws while the daemon is not (yet) registered, e.g. right after a settings change.
      await vscode.commands.executeCommand(COMMAND.refresh, daemonName);
      const health = healthOf(api, daemonName);
      seen = `${health.state}: ${health.stateDetail}`;
      return health.state === state;
    },
    { timeoutMs: SHOW_TIMEOUT_MS, intervalMs: 250, message: `${daemonName} in state ${state}` },
  ).catch((error: Error) => {
    throw new Error(`${error.message}; last seen ${seen}`);
  });
  return waitForTree(api, daemonName, `shows state ${state}`, () => true);
}

/** Every fake daemon back to its start scenario, and the view back to what it showed. */
export async function restoreDaemons(api: KoraApi): Promise<void> {
  await Promise.all(testDaemons().map((daemon) => fakeDaemon(daemon.name).reset()));
  for (const daemon of testDaemons()) await refreshUntilState(api, daemon.name, 'ok');
}

/** Whether the test run has the two fake daemons this suite is written for. */
export function hasAlphaAndBeta(): boolean {
  const names = testDaemons().map((daemon) => daemon.name);
  return names.includes('alpha') && names.includes('beta');
}

// What an operator sees without touching anything: the view-title Refresh reads every daemon (even
// with a row selected), the badge counts a daemon that went offline, and going offline, coming back
// and restarting show within the liveness interval while the window is focused.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { KoraApi } from '../../../src/extension';
import { COMMAND } from '../../../src/vscode/constants';
import { fakeDaemon, waitFor } from '../helpers';
import { hasAlphaAndBeta, healthOf, koraApi, restoreDaemons, rootNode } from './support';

/** The promise is 15 s (one liveness interval); the rest is slack for a saturated machine's timers and IPC. */
const LIVENESS_INTERVAL_MS = 15_000;
const SHOWS_WITHIN_MS = LIVENESS_INTERVAL_MS + 3_000;

function snapshotRequests(api: KoraApi, name: string): number {
  return api.health.registry.get(name)?.client.requestCount('/api/snapshot') ?? 0;
}

/** A row handle as VS Code passes it to a view-title command when that row is selected. */
function selectedRow(api: KoraApi, name: string) {
  const root = rootNode(api, name);
  assert.ok(root, `${name} has a root`);
  return { id: root.id, daemonName: root.daemonName, kind: root.kind };
}

describe('health view: refresh all and liveness', function () {
  let api: KoraApi;

  before(async function () {
    if (!hasAlphaAndBeta()) this.skip();
    api = await koraApi();
    await restoreDaemons(api);
  });

  afterEach(async function () {
    this.timeout(60_000);
    await restoreDaemons(api);
  });

  it('the view-title Refresh reads every daemon even when a row is selected', async () => {
    await fakeDaemon('alpha').setScenario('degraded');
    await fakeDaemon('beta').setScenario('healthy');
    const before = ['alpha', 'beta'].map((name) => snapshotRequests(api, name));
    // VS Code hands a view-title command the focused row; that must not narrow the refresh.
    await vscode.commands.executeCommand(COMMAND.refresh, selectedRow(api, 'beta'));
    const after = ['alpha', 'beta'].map((name) => snapshotRequests(api, name));
    assert.ok(after[0] > before[0] && after[1] > before[1], `snapshot requests before ${before}, after ${after}`);
    assert.equal(healthOf(api, 'alpha').overallStatus, 'degraded', 'alpha shows its new status');
    assert.equal(healthOf(api, 'beta').overallStatus, 'healthy', 'beta shows its new status');
  });

  it('the inline Refresh of a row reads only that daemon', async () => {
    const alphaBefore = snapshotRequests(api, 'alpha');
    const betaBefore = snapshotRequests(api, 'beta');
    await vscode.commands.executeCommand(COMMAND.refreshDaemon, selectedRow(api, 'beta'));
    assert.ok(snapshotRequests(api, 'beta') > betaBefore, 'beta read');
    assert.equal(snapshotRequests(api, 'alpha'), alphaBefore, 'alpha not read');
  });

  describe('without any Refresh (window focused)', function () {
    before(function () {
      if (!vscode.window.state.focused) this.skip(); // polling waits for focus, by design
    });

    it('shows a daemon going offline within 15 s, counts it in the badge, and shows its recovery within 15 s', async function () {
      this.timeout(2 * SHOWS_WITHIN_MS + 10_000);
      const badgeBefore = api.health.badge() ?? 0;
      await fakeDaemon('alpha').setScenario('offline');
      await waitFor(() => healthOf(api, 'alpha').state === 'offline', {
        timeoutMs: SHOWS_WITHIN_MS,
        intervalMs: 250,
        message: 'alpha offline without a Refresh',
      });
      await waitFor(() => (api.health.badge() ?? 0) === badgeBefore + 1, {
        timeoutMs: 2_000,
        message: `the badge counts alpha (was ${badgeBefore}, is ${api.health.badge()})`,
      });
      // Its content retries back off (to minutes); the liveness check does not.
      await fakeDaemon('alpha').reset();
      await waitFor(() => healthOf(api, 'alpha').state === 'ok', {
        timeoutMs: SHOWS_WITHIN_MS,
        intervalMs: 250,
        message: 'alpha back without a Refresh',
      });
    });

    it('shows a restart (new boot time, new token) within 15 s', async function () {
      this.timeout(SHOWS_WITHIN_MS + 10_000);
      const bootBefore = healthOf(api, 'alpha').bootAt;
      await fakeDaemon('alpha').restart();
      await waitFor(() => healthOf(api, 'alpha').bootAt !== bootBefore, {
        timeoutMs: SHOWS_WITHIN_MS,
        intervalMs: 250,
        message: `alpha's new boot time (was ${bootBefore})`,
      });
      assert.equal(healthOf(api, 'alpha').state, 'ok', 'the new token was read without a rejected request showing');
    });
  });
});

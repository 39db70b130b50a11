// Who polls and when, seen from outside: Refresh polls at once, a daemon restart (new session
// token) is absorbed without the user doing anything, and the daemon list follows the settings.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { KoraApi } from '../../../src/extension';
import { COMMAND, KORA_STATE, SETTING } from '../../../src/vscode/constants';
import { fakeDaemon, waitFor } from '../helpers';
import { SHOW_TIMEOUT_MS, hasAlphaAndBeta, healthOf, koraApi, restoreDaemons, rootNode } from './support';

function client(api: KoraApi, name: string) {
  const daemon = api.health.registry.get(name);
  assert.ok(daemon, `daemon ${name} is registered`);
  return daemon.client;
}

describe('health view: polling and recovery', function () {
  let api: KoraApi;

  before(async function () {
    if (!hasAlphaAndBeta()) this.skip();
    api = await koraApi();
    await restoreDaemons(api);
  });

  it('Refresh polls every daemon immediately', async () => {
    const before = ['alpha', 'beta'].map((name) => client(api, name).requestCount('/api/snapshot'));
    await vscode.commands.executeCommand(COMMAND.refresh);
    const after = ['alpha', 'beta'].map((name) => client(api, name).requestCount('/api/snapshot'));
    assert.ok(after[0] > before[0] && after[1] > before[1], `snapshot requests before ${before}, after ${after}`);
  });

  it('Refresh with a daemon name polls only that daemon', async () => {
    const alphaBefore = client(api, 'alpha').requestCount('/api/heartbeat/services');
    const betaBefore = client(api, 'beta').requestCount('/api/heartbeat/services');
    await vscode.commands.executeCommand(COMMAND.refresh, 'beta');
    assert.ok(client(api, 'beta').requestCount('/api/heartbeat/services') > betaBefore, 'beta polled');
    assert.equal(client(api, 'alpha').requestCount('/api/heartbeat/services'), alphaBefore, 'alpha not polled');
  });

  it('recovers after a daemon restart (token rotation) by reading the new token itself', async () => {
    const control = fakeDaemon('alpha');
    const scrapesBefore = client(api, 'alpha').requestCount('/');
    const { tokenRotations } = await control.state<{ tokenRotations: number }>();
    await control.restart();
    // The next poll (here requested rather than waited for) meets a 401, re-reads the cockpit page
    // and retries: nobody sets a token, and the tree never leaves "ok".
    await api.health.monitor().refreshNow();
    const health = healthOf(api, 'alpha');
    assert.equal(health.state, 'ok', `alpha is ${health.state}: ${health.stateDetail}`);
    assert.equal((await control.state<{ tokenRotations: number }>()).tokenRotations, tokenRotations + 1);
    assert.ok(client(api, 'alpha').requestCount('/') > scrapesBefore, 'the token was scraped again');
    assert.equal(client(api, 'alpha').tokenSource, 'scraped');
    assert.match(rootNode(api, 'alpha')?.description ?? '', /^healthy/);
  });

  it('recovers from offline when the daemon comes back', async () => {
    await fakeDaemon('beta').setScenario('offline');
    await waitFor(
      async () => {
        await vscode.commands.executeCommand(COMMAND.refresh, 'beta');
        return healthOf(api, 'beta').state === 'offline';
      },
      { timeoutMs: SHOW_TIMEOUT_MS, message: 'beta offline' },
    );
    assert.equal(rootNode(api, 'beta')?.children[0]?.label, 'Offline');
    await restoreDaemons(api);
    assert.match(rootNode(api, 'beta')?.description ?? '', /^degraded/);
    assert.equal(
      rootNode(api, 'beta')?.children.some((node) => node.kind === 'state'),
      false,
    );
  });

  describe('settings', () => {
    const configuration = () => vscode.workspace.getConfiguration(SETTING.section);
    let original: unknown;

    before(function () {
      original = configuration().inspect(SETTING.daemons)?.globalValue;
      // The harness writes the fake daemons into the user settings; without that there is nothing to restore.
      if (!Array.isArray(original)) this.skip();
    });

    afterEach(async () => {
      await configuration().update(SETTING.daemons, original, vscode.ConfigurationTarget.Global);
      await restoreDaemons(api);
      assert.equal(api.health.treeProvider.getChildren().length, 2, 'both daemons back');
    });

    it('shows the "not configured" welcome page when no daemon is configured', async () => {
      await configuration().update(SETTING.daemons, [], vscode.ConfigurationTarget.Global);
      await waitFor(() => api.health.viewState() === KORA_STATE.notConfigured, {
        timeoutMs: SHOW_TIMEOUT_MS,
        message: 'notConfigured',
      });
      assert.deepEqual(api.health.treeProvider.getChildren(), [], 'an empty tree lets the welcome page show');
      assert.equal(api.health.statusBarText(), '$(circle-slash) Kora');
      assert.equal(api.health.badge(), undefined);
    });

    it('says the setting is wrong when no entry is usable', async () => {
      await configuration().update(SETTING.daemons, [{ name: 'broken' }], vscode.ConfigurationTarget.Global);
      await waitFor(() => api.health.viewState() === KORA_STATE.misconfigured, {
        timeoutMs: SHOW_TIMEOUT_MS,
        message: 'misconfigured',
      });
      assert.deepEqual(api.health.treeProvider.getChildren(), []);
    });

    it('polls a newly configured daemon by itself while the window is focused', async function () {
      if (!vscode.window.state.focused) this.skip(); // polling waits for focus, by design
      const daemons = (original as { name: string; url: string }[]).map((entry) =>
        entry.name === 'beta' ? { ...entry, name: 'beta-auto' } : entry,
      );
      await configuration().update(SETTING.daemons, daemons, vscode.ConfigurationTarget.Global);
      // No Refresh here: the monitor's own schedule reads the new daemon at once.
      await waitFor(() => /^degraded/.test(rootNode(api, 'beta-auto')?.description ?? ''), {
        timeoutMs: SHOW_TIMEOUT_MS,
        message: 'beta-auto read without Refresh',
      });
    });

    it('hides the status bar item when disabled, and then polls only for the visible view', async () => {
      await configuration().update(SETTING.statusBarEnabled, false, vscode.ConfigurationTarget.Global);
      try {
        await waitFor(() => api.health.statusBarText() === undefined, {
          timeoutMs: SHOW_TIMEOUT_MS,
          message: 'status bar hidden',
        });
        const demand = api.health.monitor().currentDemand;
        assert.equal(demand.focused, vscode.window.state.focused);
        assert.equal(demand.visible, api.health.viewVisible(), 'demand follows the view alone');
      } finally {
        await configuration().update(SETTING.statusBarEnabled, undefined, vscode.ConfigurationTarget.Global);
      }
      await waitFor(() => api.health.statusBarText() !== undefined, {
        timeoutMs: SHOW_TIMEOUT_MS,
        message: 'status bar shown again',
      });
      assert.equal(api.health.monitor().currentDemand.visible, true, 'the status bar needs polling again');
    });

    it('follows a renamed daemon without losing the other', async () => {
      const daemons = (original as { name: string; url: string }[]).map((entry) =>
        entry.name === 'beta' ? { ...entry, name: 'beta-renamed' } : entry,
      );
      await configuration().update(SETTING.daemons, daemons, vscode.ConfigurationTarget.Global);
      await waitFor(() => rootNode(api, 'beta-renamed'), { timeoutMs: SHOW_TIMEOUT_MS, message: 'the renamed root' });
      await vscode.commands.executeCommand(COMMAND.refresh);
      await waitFor(() => /^degraded/.test(rootNode(api, 'beta-renamed')?.description ?? ''), {
        timeoutMs: SHOW_TIMEOUT_MS,
        message: 'beta-renamed read',
      });
      assert.equal(rootNode(api, 'beta'), undefined);
      assert.match(rootNode(api, 'alpha')?.description ?? '', /^healthy/);
    });
  });
});

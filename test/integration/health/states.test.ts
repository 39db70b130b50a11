// Every state of a daemon is named in the tree (never a blank tree), and the status bar follows.
// Drives the fake daemon "beta" through its scenarios; "alpha" stays healthy throughout.
import * as assert from 'node:assert/strict';
import type { KoraApi } from '../../../src/extension';
import type { DaemonState } from '../../../src/core/health/types';
import { COMMAND } from '../../../src/vscode/constants';
import { fakeDaemon, testDaemon } from '../helpers';
import { hasAlphaAndBeta, koraApi, refreshUntilState, restoreDaemons, rootNode, switchScenario } from './support';

interface Case {
  scenario: string;
  /** Restart the daemon after switching: its token then changes and must be read again. */
  restart?: boolean;
  state: DaemonState;
  label: string;
  description: RegExp;
  statusBar: string;
  command?: string;
}

const CASES: Case[] = [
  {
    scenario: 'offline',
    state: 'offline',
    label: 'Offline',
    description: /^(retrying in \d+ (s|min)|click to retry)$/,
    statusBar: '$(error) Kora: beta offline',
    command: COMMAND.refresh,
  },
  {
    scenario: 'warming',
    state: 'warming',
    label: 'Probes warming up',
    description: /first probe cycle/,
    statusBar: '$(pass-filled) Kora',
  },
  {
    scenario: 'stale',
    state: 'stale',
    label: 'Snapshot stale',
    description: /^(computed \d+ (s|min|h) ago|no snapshot available)$/,
    statusBar: '$(warning) Kora: beta snapshot stale',
    command: COMMAND.showLog,
  },
  {
    scenario: 'old_daemon',
    state: 'endpoint_missing',
    label: 'Endpoint missing',
    description: /daemon too old/,
    statusBar: '$(error) Kora: beta daemon too old',
    command: COMMAND.showLog,
  },
  {
    scenario: 'malformed',
    state: 'malformed',
    label: 'Malformed response',
    description: /see the log/,
    statusBar: '$(error) Kora: beta malformed response',
    command: COMMAND.showLog,
  },
  // The cockpit is missing from the start in reality, so the token in memory is from before:
  // only a restart (new token) makes the client look for the page again.
  {
    scenario: 'no_frontend',
    restart: true,
    state: 'no_frontend',
    label: 'Cockpit not built',
    description: /set a session token/,
    statusBar: '$(error) Kora: beta needs a token',
    command: COMMAND.setSessionToken,
  },
];

describe('health view: every state is named', function () {
  let api: KoraApi;

  before(async function () {
    if (!hasAlphaAndBeta()) this.skip();
    api = await koraApi();
  });

  afterEach(async function () {
    if (!api) return;
    await api.context.tokens.clear('session', testDaemon('beta').url);
    await restoreDaemons(api);
  });

  for (const expected of CASES) {
    it(`${expected.scenario}: "${expected.label}" under beta, and the status bar says so`, async () => {
      const root = await switchScenario(api, 'beta', expected.scenario, expected.state, { restart: expected.restart });
      const stateNode = root.children[0];
      assert.equal(
        stateNode?.kind,
        'state',
        `first child of beta: ${root.children.map((child) => child.label).join(', ')}`,
      );
      assert.equal(stateNode.label, expected.label);
      assert.match(stateNode.description, expected.description);
      const item = api.health.treeProvider.getTreeItem({ id: stateNode.id, daemonName: 'beta', kind: 'state' });
      assert.equal(item.command?.command, expected.command, 'the action a click runs');
      if (expected.command) assert.deepEqual(item.command?.arguments, ['beta'], 'the action targets beta');
      assert.equal(api.health.statusBarText(), expected.statusBar);
      assert.equal(
        rootNode(api, 'alpha')?.children.some((child) => child.kind === 'state'),
        false,
        'alpha is unaffected',
      );
    });
  }

  it('unauthorized: a stored token that the restarted daemon rejects says "Token rejected"', async () => {
    const beta = testDaemon('beta');
    const control = fakeDaemon('beta');
    await switchScenario(api, 'beta', 'no_frontend', 'no_frontend', { restart: true });
    // Without a cockpit the stored token is the only way in: store the daemon's current one.
    const { token } = await control.state<{ token: string }>();
    await api.context.tokens.set('session', beta.url, token);
    await refreshUntilState(api, 'beta', 'ok');
    // A restart rotates the daemon's token; the stored one is now rejected and cannot be re-read.
    await control.restart();
    const root = await refreshUntilState(api, 'beta', 'unauthorized');
    assert.equal(root.children[0]?.label, 'Token rejected');
    assert.equal(root.children[0]?.description, 'Set Session Token…');
    assert.equal(api.health.statusBarText(), '$(error) Kora: beta unauthorized');
  });
});

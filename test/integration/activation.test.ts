// Activation registers the health view, the status bar and every command as cheap shells; the
// phrasebook bundle (dist/phrasebook.js) loads on first need. This suite must meet a cold host:
// its file name sorts first, so in a full run no other suite has opened a YAML document yet.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { COMMAND } from '../../src/vscode/constants';
import { activateKora, openFixture, waitFor, waitForDiagnostics } from './helpers';
import { withCode } from './phrasebook/support';

/** Loading the bundle and a first analysis on a saturated machine. */
const LAZY_LOAD_BUDGET_MS = 60_000;

describe('activation (cold host)', () => {
  it('serves the health view and its commands before the phrasebook bundle loads, then loads it when a phrasebook opens', async function () {
    this.timeout(LAZY_LOAD_BUDGET_MS);
    const api = await activateKora();
    assert.equal(
      api.phrasebookLoaded(),
      false,
      'activate() must not load the phrasebook bundle (is a YAML document open in the host?)',
    );

    const registered = new Set(await vscode.commands.getCommands(true));
    for (const id of [COMMAND.refresh, COMMAND.pushPhrasebook, COMMAND.testMessage, COMMAND.addTestCase])
      assert.ok(registered.has(id), `${id} is registered`);
    await vscode.commands.executeCommand(COMMAND.refresh);
    assert.ok(api.health.monitor().daemons.length > 0, 'the health monitor reads the configured daemons');
    assert.ok(api.health.treeProvider, 'the health tree exists');
    assert.equal(api.phrasebookLoaded(), false, 'a health command must not load the phrasebook bundle');

    const { document } = await openFixture('phrasebook/broken.yml');
    const diagnostics = await waitForDiagnostics(
      document.uri,
      (found) => withCode(found, 'daemon/invalid-regex').length === 1,
      { timeoutMs: LAZY_LOAD_BUDGET_MS / 2 },
    );
    assert.equal(withCode(diagnostics, 'daemon/invalid-regex')[0].source, 'kora');
    await waitFor(() => api.phrasebookLoaded(), { message: 'the phrasebook bundle to be loaded' });
    assert.equal(api.phrasebook.isPhrasebook(document), true);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});

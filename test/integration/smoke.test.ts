// Smoke suite: the extension under test is the one we think it is, it activates, its manifest is
// honoured, and the harness around it (settings, fixture workspace, fake daemons) is in place.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { COMMAND, SETTING } from '../../src/vscode/constants';
import {
  expectedExtensionRoot,
  FakeDaemonControl,
  harnessMode,
  koraExtension,
  openFixture,
  testDaemons,
} from './helpers';

interface ManifestCommand {
  command: string;
}

interface DaemonSetting {
  name: string;
  url: string;
}

const realpath = (file: string) => fs.realpathSync(file);

describe('smoke', () => {
  it('activates the extension', async () => {
    await koraExtension().activate();
    assert.equal(koraExtension().isActive, true);
  });

  it('loads the extension from the expected place (development path or installed package)', function () {
    const expectedRoot = expectedExtensionRoot();
    if (!expectedRoot) this.skip(); // not run by our harness (e.g. @vscode/test-electron)
    const loadedFrom = realpath(koraExtension().extensionPath);
    if (harnessMode() === 'installed') {
      assert.equal(
        path.dirname(loadedFrom),
        realpath(expectedRoot),
        'installed extension must come from the extensions dir',
      );
      assert.ok(
        fs.existsSync(path.join(loadedFrom, 'dist', 'extension.js')),
        'the package must contain dist/extension.js',
      );
    } else {
      assert.equal(loadedFrom, realpath(expectedRoot), 'development extension must be the repository');
    }
  });

  it('registers every command its manifest contributes', async () => {
    await koraExtension().activate();
    const contributed = (koraExtension().packageJSON.contributes.commands as ManifestCommand[]).map(
      (entry) => entry.command,
    );
    assert.ok(contributed.includes(COMMAND.refresh), 'the manifest lists kora.refresh');
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.filter((command) => !registered.has(command));
    assert.deepEqual(missing, [], 'contributed commands without a registered handler');
  });

  it('reads kora.daemons from machine settings and ignores the workspace redirect', () => {
    // The fixture's .vscode/settings.json points kora.daemons at 203.0.113.9; machine scope must win.
    const configured = vscode.workspace.getConfiguration(SETTING.section).get<DaemonSetting[]>(SETTING.daemons);
    const expected = testDaemons().map(({ name, url }) => ({ name, url }));
    assert.deepEqual(
      configured?.map(({ name, url }) => ({ name, url })),
      expected,
    );
  });

  it('opens the fixture workspace with phrasebook files as YAML', async () => {
    const editor = await openFixture('phrasebook/slack_dm.yml');
    assert.equal(editor.document.languageId, 'yaml');
    assert.match(editor.document.getText(), /^entries:$/m);
  });

  it('reaches every fake daemon through its control API', async function () {
    const daemons = testDaemons();
    if (daemons.length === 0) this.skip(); // the harness warns when the fake daemon is not built
    for (const daemon of daemons) {
      const state = await new FakeDaemonControl(daemon).state<{ scenario?: unknown }>();
      assert.equal(typeof state, 'object', `state of ${daemon.name}`);
      if (state && 'scenario' in state) assert.equal(state.scenario, daemon.scenario, `scenario of ${daemon.name}`);
    }
  });

  if (process.env.HARNESS_FORCE_FAIL === '1') {
    it('fails on purpose (HARNESS_FORCE_FAIL=1) to prove the failure path', () => {
      assert.fail('forced failure: HARNESS_FORCE_FAIL=1');
    });
  }
});

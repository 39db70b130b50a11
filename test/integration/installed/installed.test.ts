// Installed-package smoke suite (issue 5 point 2): run by `scripts/run-integration.js --installed`
// against the extension installed from the built .vsix, not the repository. It proves the package
// is complete: it activates from the extensions folder, polls the fake daemons, a phrasebook gets
// the daemon-rule diagnostics, a push goes through the command up to its confirmation, and the
// ReDoS worker (its own lazily loaded bundle) runs from the package. A production build hands out
// no test API (issue 11), so this suite sees only what any extension sees: commands, diagnostics,
// and the daemon's side.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { toDaemonYaml } from '../../../src/core/phrasebook/ops/writeFormat';
import { COMMAND, PHRASEBOOK_BUNDLE, REDOS_WORKER_BUNDLE } from '../../../src/vscode/constants';
import type { PushSummary } from '../../../src/vscode/phrasebook-ops/pushFlow';
import { SEED_ENTRIES } from '../../fake-daemon/seed';
import {
  expectedExtensionRoot,
  fakeDaemon,
  harnessMode,
  koraExtension,
  openFixture,
  testDaemons,
  waitFor,
  waitForDiagnostics,
  workspaceRoot,
} from '../helpers';
import { DEEP_ANALYSIS_TIMEOUT_MS, describeDiagnostics, rangeOf, withCode } from '../phrasebook/support';

const DAEMON = 'alpha';
const PACKAGED_FILES = ['dist/extension.js', PHRASEBOOK_BUNDLE, REDOS_WORKER_BUNDLE, 'package.json'];
/** What `.vscodeignore` keeps out of the package. */
const NOT_PACKAGED = ['src', 'test', 'out', 'node_modules', 'tsconfig.json', 'esbuild.mjs'];

const realpath = (file: string) => fs.realpathSync(file);

describe('installed package (the .vsix in real VS Code)', function () {
  this.timeout(60_000);

  before(async function () {
    // Meaningless against the development extension: this suite proves the package.
    if (harnessMode() !== 'installed' || testDaemons().length === 0) this.skip();
    await koraExtension().activate();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    if (harnessMode() === 'installed') await fakeDaemon(DAEMON).reset();
  });

  it('activates from the extensions folder, with its bundles and without sources', () => {
    const extension = koraExtension();
    assert.equal(extension.isActive, true);
    assert.deepEqual(
      Object.keys(extension.exports),
      ['activateMs'],
      'a production build exports one number and no test API',
    );
    assert.equal(typeof extension.exports.activateMs, 'number');
    const root = expectedExtensionRoot();
    assert.ok(root, 'the harness says where the installed extensions are');
    const loadedFrom = realpath(extension.extensionPath);
    assert.equal(path.dirname(loadedFrom), realpath(root), `loaded from ${loadedFrom}`);
    for (const file of PACKAGED_FILES)
      assert.ok(fs.existsSync(path.join(loadedFrom, file)), `the package contains ${file}`);
    for (const file of NOT_PACKAGED)
      assert.equal(fs.existsSync(path.join(loadedFrom, file)), false, `the package leaves out ${file}`);
  });

  it('polls alpha when asked to refresh', async () => {
    const before = await fakeDaemon(DAEMON).state<{ requestCount: number }>();
    await vscode.commands.executeCommand(COMMAND.refresh, DAEMON);
    await waitFor(
      async () => (await fakeDaemon(DAEMON).state<{ requestCount: number }>()).requestCount > before.requestCount,
      {
        message: 'a request from the installed extension on alpha',
      },
    );
  });

  it('puts the daemon-rule error of broken.yml on its exact range', async () => {
    const { document } = await openFixture('phrasebook/broken.yml');
    const diagnostics = await waitForDiagnostics(
      document.uri,
      (found) => withCode(found, 'daemon/invalid-regex').length > 0,
    );
    const invalid = withCode(diagnostics, 'daemon/invalid-regex');
    assert.equal(invalid.length, 1, describeDiagnostics(diagnostics));
    assert.equal(invalid[0].message, 'invalid regex: missing ), unterminated subpattern at position 1');
    const groupStart = rangeOf(document, "'^(unclosed group'").start.translate(0, 2);
    assert.ok(
      invalid[0].range.isEqual(new vscode.Range(groupStart, groupStart.translate(0, 1))),
      JSON.stringify(invalid[0].range),
    );
  });

  it('takes a valid file through the push command up to the confirmation, which nobody can answer for the operator', async () => {
    await fakeDaemon(DAEMON).reset();
    const file = vscode.Uri.joinPath(workspaceRoot(), 'installed', 'slack_dm.installed.yml');
    const entries = [
      ...SEED_ENTRIES,
      {
        pattern: '^installed$',
        category: 'installed',
        description: 'Pushed by the installed package',
        reply_template: 'Installed.',
      },
    ];
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(toDaemonYaml(entries)));
    // A test host refuses to show the modal confirmation ("refused to show dialog in tests"), and a
    // production build has no scripted answers: the command fails at the confirmation.
    const before = await fakeDaemon(DAEMON).state<{ requestCount: number }>();
    const summary = await vscode.commands.executeCommand<PushSummary>(COMMAND.pushPhrasebook, file, DAEMON);
    assert.equal(summary, undefined, 'the push did not complete');
    const { koraHome, requestCount } = await fakeDaemon(DAEMON).state<{ koraHome: string; requestCount: number }>();
    assert.ok(requestCount > before.requestCount, 'live was read for the preview');
    assert.equal(fs.existsSync(path.join(koraHome, 'phrasebook', 'slack_dm.yml')), false, 'live is still the default');
  });

  it('loads the ReDoS worker from the package: ^(a|aa)+$ is exponential', async () => {
    assert.ok(
      fs.existsSync(path.join(koraExtension().extensionPath, REDOS_WORKER_BUNDLE)),
      'the worker bundle is in the package',
    );
    const { document } = await openFixture('phrasebook/redos.yml');
    const diagnostics = await waitForDiagnostics(
      document.uri,
      (found) => withCode(found, 'redos/exponential').length > 0,
      {
        timeoutMs: DEEP_ANALYSIS_TIMEOUT_MS,
        message: 'a redos/exponential diagnostic from the worker',
      },
    );
    const exponential = withCode(diagnostics, 'redos/exponential');
    assert.equal(exponential.length, 1, describeDiagnostics(diagnostics));
    assert.ok(exponential[0].range.isEqual(rangeOf(document, "'^(a|aa)+$'")), describeDiagnostics(exponential));
  });
});

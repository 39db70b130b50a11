// Installed-package smoke suite (issue 5 point 2): run by `scripts/run-integration.js --installed`
// against the extension installed from the built .vsix, not the repository. It proves the package
// is complete: it activates from the extensions folder, the health tree reads the fake daemons, a
// phrasebook gets the daemon-rule diagnostics, a push goes through the command, and the ReDoS
// worker (its own lazily loaded bundle) runs from the package.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { KoraApi } from '../../../src/extension';
import { toDaemonYaml } from '../../../src/core/phrasebook/format';
import { COMMAND, REDOS_WORKER_BUNDLE } from '../../../src/vscode/constants';
import { PUSH_ACTION, type PushSummary } from '../../../src/vscode/phrasebook-ops/pushFlow';
import { SEED_ENTRIES } from '../../fake-daemon/seed';
import { activateKora, expectedExtensionRoot, fakeDaemon, harnessMode, koraExtension, openFixture, testDaemons, waitForDiagnostics, workspaceRoot } from '../helpers';
import { findNode, iconOf, treeItemOf, waitForTree } from '../health/support';
import { DEEP_ANALYSIS_TIMEOUT_MS, describeDiagnostics, rangeOf, waitForAnalysis, withCode } from '../phrasebook/support';

const DAEMON = 'alpha';
const PACKAGED_FILES = ['dist/extension.js', REDOS_WORKER_BUNDLE, 'package.json'];
/** What `.vscodeignore` keeps out of the package. */
const NOT_PACKAGED = ['src', 'test', 'out', 'node_modules', 'tsconfig.json', 'esbuild.mjs'];
const PASSED_COLOR = 'testing.iconPassed';

const realpath = (file: string) => fs.realpathSync(file);

describe('installed package (the .vsix in real VS Code)', function () {
  this.timeout(60_000);
  let api: KoraApi;

  before(async function () {
    // Meaningless against the development extension: this suite proves the package.
    if (harnessMode() !== 'installed' || testDaemons().length === 0) this.skip();
    api = await activateKora<KoraApi>();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    if (api) await fakeDaemon(DAEMON).reset();
  });

  it('activates from the extensions folder, with its bundles and without sources', () => {
    const extension = koraExtension();
    assert.equal(extension.isActive, true);
    assert.equal(typeof api.activateMs, 'number', 'activate() returned its API');
    const root = expectedExtensionRoot();
    assert.ok(root, 'the harness says where the installed extensions are');
    const loadedFrom = realpath(extension.extensionPath);
    assert.equal(path.dirname(loadedFrom), realpath(root), `loaded from ${loadedFrom}`);
    for (const file of PACKAGED_FILES) assert.ok(fs.existsSync(path.join(loadedFrom, file)), `the package contains ${file}`);
    for (const file of NOT_PACKAGED) assert.equal(fs.existsSync(path.join(loadedFrom, file)), false, `the package leaves out ${file}`);
  });

  it('shows alpha healthy in the tree, with a listener and a service item', async () => {
    const root = await waitForTree(api, DAEMON, 'healthy', (node) => node.description.startsWith('healthy'));
    assert.equal(iconOf(treeItemOf(api, root)).id, 'pass-filled');
    const listener = findNode(api, DAEMON, 'listeners', 'heartbeat');
    assert.ok(listener, 'the heartbeat listener is listed');
    assert.deepEqual(iconOf(treeItemOf(api, listener)), { id: 'pass-filled', color: PASSED_COLOR });
    assert.match(listener.description, /^up/);
    const service = findNode(api, DAEMON, 'services', 'vercel');
    assert.ok(service, 'the vercel service is listed');
    assert.deepEqual(iconOf(treeItemOf(api, service)), { id: 'pass-filled', color: PASSED_COLOR });
    assert.match(service.description, /^healthy · \d+ ms$/);
  });

  it('puts the daemon-rule error of broken.yml on its exact range', async () => {
    const { document } = await openFixture('phrasebook/broken.yml');
    await waitForAnalysis(api, document);
    const diagnostics = vscode.languages.getDiagnostics(document.uri);
    const invalid = withCode(diagnostics, 'daemon/invalid-regex');
    assert.equal(invalid.length, 1, describeDiagnostics(diagnostics));
    assert.equal(invalid[0].message, 'invalid regex: missing ), unterminated subpattern at position 1');
    const groupStart = rangeOf(document, "'^(unclosed group'").start.translate(0, 2);
    assert.ok(invalid[0].range.isEqual(new vscode.Range(groupStart, groupStart.translate(0, 1))), JSON.stringify(invalid[0].range));
  });

  it('pushes a valid file to alpha through the command', async () => {
    await fakeDaemon(DAEMON).reset();
    const file = vscode.Uri.joinPath(workspaceRoot(), 'installed', 'slack_dm.installed.yml');
    const entries = [...SEED_ENTRIES, { pattern: '^installed$', category: 'installed', description: 'Pushed by the installed package', reply_template: 'Installed.' }];
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(toDaemonYaml(entries)));
    const prompter = api.phrasebookOps.prompter;
    prompter.useScript([{ kind: 'modal', answer: PUSH_ACTION }]);
    try {
      const summary = await vscode.commands.executeCommand<PushSummary>(COMMAND.pushPhrasebook, file, DAEMON);
      assert.equal(summary?.kind, 'accepted', JSON.stringify(summary));
      assert.equal(prompter.pendingAnswers, 0, 'the confirmation was asked');
    } finally {
      prompter.stopScripting();
    }
    const live = await api.health.registry.get(DAEMON)?.client.getPhrasebook();
    assert.equal(live?.source, 'override');
    assert.deepEqual(live?.entries.map((entry) => entry.category), entries.map((entry) => entry.category));
  });

  it('loads the ReDoS worker from the package: ^(a|aa)+$ is exponential', async () => {
    assert.ok(fs.existsSync(path.join(koraExtension().extensionPath, REDOS_WORKER_BUNDLE)), 'the worker bundle is in the package');
    const { document } = await openFixture('phrasebook/redos.yml');
    const diagnostics = await waitForDiagnostics(document.uri, (found) => withCode(found, 'redos/exponential').length > 0, {
      timeoutMs: DEEP_ANALYSIS_TIMEOUT_MS,
      message: 'a redos/exponential diagnostic from the worker',
    });
    const exponential = withCode(diagnostics, 'redos/exponential');
    assert.equal(exponential.length, 1, describeDiagnostics(diagnostics));
    assert.ok(exponential[0].range.isEqual(rangeOf(document, "'^(a|aa)+$'")), describeDiagnostics(exponential));
  });
});

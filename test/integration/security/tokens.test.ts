// Security checks in real VS Code: after the extension has used every kind of token (scraped
// session tokens across restarts, a stored session token that works and then is rejected, an MCP
// token) and met faults whose bodies carry the token (the cockpit page as an API answer), no token
// appears in its log output channel, the settings, the files it wrote (global storage, pulled
// files), its notifications, the tree, or the documents it shows. A stored token is only offered
// to its own origin, and cleartext http to a remote host is refused without a single request.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { KoraApi } from '../../../src/extension';
import { ENDPOINTS } from '../../../src/core/daemon/client';
import { SETTING } from '../../../src/vscode/constants';
import { SecretLedger, assertNoSecrets, tokenShapedStrings } from '../../unit/security/secrets';
import { testDaemon, waitFor, workspaceRoot } from '../helpers';
import { hasAlphaAndBeta, healthOf, koraApi, refreshUntilState, restoreDaemons, rootNode } from '../health/support';
import { prepareCommand } from '../faults/commands';
import { daemonControl } from '../faults/control';
import { NotificationCounter } from '../faults/observers';
import { filesBelow, rememberTokens, treeNodes, userDataDir } from './support';

const LOG_FLUSH_TIMEOUT_MS = 20000;
/** TEST-NET-3 (RFC 5737): documentation addresses, never routed. Nothing is sent there anyway. */
const REMOTE_URL = 'http://203.0.113.9:9119';
const REMOTE_NAME = 'remote-cleartext';

describe('security (integration): tokens never leak', function () {
  this.timeout(120_000);
  const ledger = new SecretLedger();
  const notifications = new NotificationCounter();
  let api: KoraApi;

  async function refreshUntil(daemonName: string, what: string, accept: () => boolean): Promise<void> {
    await waitFor(
      async () => {
        await vscode.commands.executeCommand('kora.refresh', daemonName);
        return accept();
      },
      { timeoutMs: 15000, intervalMs: 250, message: `${daemonName}: ${what}` },
    );
  }

  /** Uses every token path the extension has, on alpha and beta (see the file comment). */
  async function exerciseTokens(): Promise<void> {
    const alpha = daemonControl('alpha');
    const beta = daemonControl('beta');
    const alphaUrl = testDaemon('alpha').url;
    const betaUrl = testDaemon('beta').url;
    await rememberTokens(ledger, 'beta');

    // MCP: the bearer token from SecretStorage brings the live coordinator state.
    const { mcpToken } = await rememberTokens(ledger, 'alpha');
    await api.context.tokens.set('mcp', alphaUrl, mcpToken);
    await refreshUntil('alpha', 'coordinator state over MCP', () => healthOf(api, 'alpha').coordinatorState !== null);

    // A restart: the next request meets a 401 and the token is read again from the cockpit page.
    await alpha.restart();
    await rememberTokens(ledger, 'alpha');
    await refreshUntilState(api, 'alpha', 'ok');

    // No cockpit: the stored token is the way in; a restart makes the daemon reject it.
    await beta.setScenario('no_frontend');
    await beta.restart();
    const { token: betaToken } = await rememberTokens(ledger, 'beta');
    await api.context.tokens.set('session', betaUrl, betaToken);
    await refreshUntilState(api, 'beta', 'ok');
    await beta.restart();
    await rememberTokens(ledger, 'beta');
    await refreshUntilState(api, 'beta', 'unauthorized');

    // Phrasebook reads and writes (audit lines, local history, a pulled file), a 500 after a write,
    // and the cockpit page (token inside) answering the phrasebook route.
    for (const command of ['pull', 'push', 'openLive'] as const) await (await prepareCommand(api, 'alpha', command))();
    await alpha.addFault({ name: 'write_then_500', path: ENDPOINTS.phrasebook });
    await (
      await prepareCommand(api, 'alpha', 'push')
    )();
    await alpha.addFault({ name: 'html_200', path: ENDPOINTS.phrasebook, persistent: true });
    for (const command of ['pull', 'openLive'] as const) await (await prepareCommand(api, 'alpha', command))();
    await alpha.clearFaults();

    // A redirect to another origin answers the health poll.
    await alpha.addFault({ name: 'redirect_other_origin', path: ENDPOINTS.snapshot, persistent: true });
    await refreshUntilState(api, 'alpha', 'malformed');
    await alpha.clearFaults();
  }

  before(async function () {
    if (!hasAlphaAndBeta()) this.skip();
    api = await koraApi();
    await restoreDaemons(api);
    notifications.install();
    await exerciseTokens();
  });

  after(async () => {
    notifications.uninstall();
    if (!api) return;
    for (const name of ['alpha', 'beta']) {
      await api.context.tokens.clear('session', testDaemon(name).url);
      await api.context.tokens.clear('mcp', testDaemon(name).url);
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await restoreDaemons(api);
  });

  it('no token in the log output channel', async () => {
    const logDir = api.context.extension.logUri.fsPath;
    const marker = `security-check-${Date.now()}`;
    api.context.logger('security-test').info(marker);
    const logText = await waitFor(
      () => {
        const text = filesBelow(logDir)
          .map(({ text }) => text)
          .join('\n');
        return text.includes(marker) ? text : undefined;
      },
      { timeoutMs: LOG_FLUSH_TIMEOUT_MS, message: `the marker line in a log file below ${logDir}` },
    );
    assert.match(logText, /audit /, 'the log holds the audit lines of the writes (so it was the right file)');
    assert.match(logText, /unauthorized/, 'and the state changes');
    assertNoSecrets(logText, ledger.all, 'the Kora Ops log');
    assert.deepEqual(tokenShapedStrings(logText), [], 'no token-shaped string at all (older tokens included)');
  });

  it('no token in any settings file, nor in the kora settings VS Code reads', () => {
    const settingsFiles = ['User', 'Machine'].map((scope) => path.join(userDataDir(api), scope, 'settings.json'));
    settingsFiles.push(path.join(workspaceRoot().fsPath, '.vscode', 'settings.json'));
    const existing = settingsFiles.filter((file) => fs.existsSync(file));
    assert.ok(existing.length >= 2, `settings files found: ${existing.join(', ')}`);
    for (const file of existing) assertNoSecrets(fs.readFileSync(file, 'utf8'), ledger.all, file);
    const inspected = JSON.stringify(vscode.workspace.getConfiguration(SETTING.section).inspect(SETTING.daemons));
    assertNoSecrets(inspected, ledger.all, 'kora.daemons as VS Code reads it');
  });

  it('no token in the files the extension wrote (global storage, pulled files) nor anywhere in user data', () => {
    const history = filesBelow(api.context.extension.globalStorageUri.fsPath);
    assert.ok(history.length > 0, 'local history was written (so the check has something to read)');
    const workspace = filesBelow(workspaceRoot().fsPath);
    assert.ok(
      workspace.some(({ file }) => /pulled-\d+\.yml$/.test(file)),
      'a pulled file is in the workspace',
    );
    for (const { file, text } of [...history, ...workspace, ...filesBelow(userDataDir(api))])
      assertNoSecrets(text, ledger.all, file);
  });

  it('no token in notifications, the tree, or the documents the extension shows', () => {
    if (notifications.effective) assertNoSecrets(notifications.messages.join('\n'), ledger.all, 'the notifications');
    const nodes = treeNodes(api);
    assert.ok(nodes.length > 0, 'the tree has nodes');
    assertNoSecrets(JSON.stringify(nodes), ledger.all, 'the health tree (labels, descriptions, tooltips)');
    const shown = vscode.workspace.textDocuments.filter((document) => document.uri.scheme !== 'file');
    for (const document of shown) assertNoSecrets(document.getText(), ledger.all, document.uri.toString());
  });

  it('offers a stored token to its own origin only', async () => {
    const stored = await api.context.tokens.get('session', testDaemon('beta').url);
    assert.ok(stored, 'beta has a stored session token');
    assert.equal(
      await api.context.tokens.get('session', testDaemon('alpha').url),
      undefined,
      'alpha (another origin) does not get it',
    );
  });

  it('refuses cleartext http to a non-loopback host without sending a request', async () => {
    const configuration = vscode.workspace.getConfiguration(SETTING.section);
    const original = configuration.inspect<unknown[]>(SETTING.daemons)?.globalValue;
    assert.ok(Array.isArray(original), 'the harness configured the daemons');
    try {
      await configuration.update(
        SETTING.daemons,
        [...original, { name: REMOTE_NAME, url: REMOTE_URL }],
        vscode.ConfigurationTarget.Global,
      );
      const remote = await waitFor(() => api.health.registry.get(REMOTE_NAME), {
        message: 'the remote daemon to be configured',
      });
      await vscode.commands.executeCommand('kora.refresh', REMOTE_NAME);
      assert.equal(healthOf(api, REMOTE_NAME).state, 'insecure_refused');
      assert.equal(rootNode(api, REMOTE_NAME)?.children[0]?.label, 'Insecure URL refused');
      assert.equal(remote.client.requestCount(), 0, 'not a single request was sent');
    } finally {
      await configuration.update(SETTING.daemons, original, vscode.ConfigurationTarget.Global);
    }
  });
});

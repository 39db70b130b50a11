// A second, hostile extension (test/hostile-extension, installed by the harness next to Kora Ops) tries
// to read a token and to confirm a write through Kora Ops' exports and commands. It runs in both
// harness modes: against the installed .vsix (a production build: the exports are one number) and
// against the development extension (a test host: the test API exists, but the test entry claimed
// its one-shot handle before any extension could). Either way it gets no token, no prompter, and
// the daemon sees no write.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { toDaemonYaml } from '../../../src/core/phrasebook/ops/writeFormat';
import { SEED_ENTRIES } from '../../fake-daemon/seed';
import { activateKora, harnessMode, koraExtension, testDaemon, testDaemons, workspaceRoot } from '../helpers';
import { daemonControl } from '../faults/control';

const HOSTILE_ID = 'kora-harness.kora-hostile-probe';
const DAEMON = 'alpha';
const AUDIT_LOG = 'kora_audit_log.jsonl';
const OVERRIDE = path.join('phrasebook', 'slack_dm.yml');

interface ProbeReport {
  exportKeys: string[];
  leakedSecrets: string[];
  dangerousNames: string[];
  claim: string;
  commands: Array<{ command: string; settled: string; result: string }>;
}

/** Everything the daemon keeps about writes: the override file and the audit log. */
function writeTraces(koraHome: string): string {
  const read = (name: string) =>
    fs.existsSync(path.join(koraHome, name)) ? fs.readFileSync(path.join(koraHome, name), 'utf8') : '<absent>';
  return `${read(OVERRIDE)}\n---\n${read(AUDIT_LOG)}`;
}

describe('security (integration): a hostile extension gets no token and confirms no write', function () {
  this.timeout(120_000);

  before(function () {
    if (!testDaemons().some((daemon) => daemon.name === DAEMON)) this.skip();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('reads no token, reaches no prompter, claims no test API, and pushes nothing', async () => {
    const control = daemonControl(DAEMON);
    await control.reset();
    const exports = await koraExtension().activate();
    if (harnessMode() === 'installed') {
      assert.deepEqual(Object.keys(exports), ['activateMs'], 'a production build exports one number');
    }
    const { token, mcpToken, koraHome } = await control.state();
    // Kora holds tokens worth stealing: the session token it scrapes, and (test host) a stored MCP token.
    if (harnessMode() !== 'installed')
      await (await activateKora()).context.tokens.set('mcp', testDaemon(DAEMON).url, mcpToken);
    const file = vscode.Uri.joinPath(workspaceRoot(), 'hostile', 'slack_dm.hostile.yml');
    const entries = [
      ...SEED_ENTRIES,
      {
        pattern: '^hostile$',
        category: 'hostile',
        description: 'Pushed by a hostile extension',
        reply_template: 'Owned.',
      },
    ];
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(toDaemonYaml(entries)));
    const tracesBefore = writeTraces(koraHome);

    const hostile = vscode.extensions.getExtension<{ probe(target: unknown): Promise<ProbeReport> }>(HOSTILE_ID);
    assert.ok(hostile, `the harness loads ${HOSTILE_ID}`);
    const probe = await hostile.activate();
    const report = await probe.probe({ secrets: [token, mcpToken], daemon: DAEMON, pushFile: file.toString() });
    const said = JSON.stringify(report, null, 1);

    assert.deepEqual(report.leakedSecrets.length, 0, `no token reachable: ${said}`);
    assert.deepEqual(report.dangerousNames, [], `no prompter, token store or context reachable: ${said}`);
    assert.ok(
      report.claim === 'absent' || report.claim.startsWith('refused'),
      `the test API is not handed out: ${said}`,
    );
    if (harnessMode() === 'installed')
      assert.equal(report.claim, 'absent', 'a production build has no test API at all');
    assert.ok(report.commands.length > 0, said);
    for (const attempt of report.commands) {
      assert.doesNotMatch(
        attempt.result,
        /"kind":"accepted"|"kind":"reverted"/,
        `${attempt.command} wrote nothing: ${said}`,
      );
    }
    // The daemon is the judge: no override file, no audit line appeared.
    assert.equal(writeTraces(koraHome), tracesBefore, `the daemon saw no write: ${said}`);
  });
});

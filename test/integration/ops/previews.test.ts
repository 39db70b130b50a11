// Writes show everything before they happen, and their previews do not pile up: the revert diff
// (live ↔ chosen backup) is open when the confirmation is asked, a second push or revert preview
// reuses the first one's tab, and read-only previews add nothing to the Problems view.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { KoraApi } from '../../../src/extension';
import { COMMAND, LIVE_PHRASEBOOK_SCHEME } from '../../../src/vscode/constants';
import type { PushSummary } from '../../../src/vscode/phrasebook-ops/pushFlow';
import type { RevertSummary } from '../../../src/vscode/phrasebook-ops/revertFlow';
import { testDaemons } from '../helpers';
import {
  DAEMON,
  answer,
  appendAndSave,
  client,
  closeAllEditors,
  entryYaml,
  koraApi,
  openDiffs,
  resetDaemon,
  workspaceFile,
} from './support';

describe('phrasebook operations: previews', function () {
  let api: KoraApi;

  before(async function () {
    if (!testDaemons().some((daemon) => daemon.name === DAEMON)) this.skip();
    api = await koraApi();
  });

  beforeEach(async () => {
    await resetDaemon(api);
    await closeAllEditors();
  });

  after(async () => {
    api?.phrasebookOps.prompter.useScript([]);
    await closeAllEditors();
  });

  /** Two pushes give the daemon an override and one backup. */
  async function withOneBackup(): Promise<string> {
    const seed = (await client(api).getPhrasebook()).entries;
    await client(api).putPhrasebook([
      ...seed,
      { pattern: '^one$', category: 'one', description: 'one', reply_template: 'One.' },
    ]);
    const second = await client(api).putPhrasebook([
      ...seed,
      { pattern: '^two$', category: 'two', description: 'two', reply_template: 'Two.' },
    ]);
    assert.equal(second.kind, 'ok');
    return second.kind === 'ok' ? (second.body.backup_filename ?? '') : '';
  }

  it('shows the diff live ↔ chosen backup before asking to revert', async () => {
    const backup = await withOneBackup();
    api.phrasebookOps.prompter.useScript([
      answer.pick((items) => items.find((item) => item.label.includes(backup))),
      answer.modal(undefined),
    ]);
    const summary = await vscode.commands.executeCommand<RevertSummary>(COMMAND.revertPhrasebook, DAEMON);
    assert.equal(summary.kind, 'cancelled');
    const [picker, modal] = api.phrasebookOps.prompter.asked;
    assert.equal(picker.kind, 'pick');
    assert.equal(
      new Set(picker.items?.map((item) => item.label)).size,
      picker.items?.length,
      'each backup listed once',
    );
    assert.equal(modal.kind, 'modal', 'the confirmation was asked');
    const previews = openDiffs().filter((diff) => diff.label.includes('revert preview'));
    assert.equal(
      previews.length,
      1,
      `diffs open: ${openDiffs()
        .map((diff) => diff.label)
        .join(', ')}`,
    );
    assert.equal(previews[0].left.scheme, LIVE_PHRASEBOOK_SCHEME);
    assert.match(previews[0].label, new RegExp(backup.replace(/\./g, '\\.')));
    const live = (await client(api).getPhrasebook()).entries.map((entry) => entry.category);
    assert.ok(live.includes('two'), 'nothing was reverted');
  });

  it('reuses the preview tabs of a second push or revert instead of piling them up', async () => {
    const backup = await withOneBackup();
    // A pulled file plus one entry: pushable, so each push stops at its confirmation.
    const file = workspaceFile('slack_dm.previews.yml');
    const pulled = await vscode.commands.executeCommand<vscode.Uri>(COMMAND.pullPhrasebook, DAEMON, file);
    assert.equal(pulled?.toString(), file.toString());
    await appendAndSave(file, entryYaml('greeting'));
    for (let round = 0; round < 2; round += 1) {
      api.phrasebookOps.prompter.useScript([answer.modal(undefined)]);
      const pushed = await vscode.commands.executeCommand<PushSummary>(COMMAND.pushPhrasebook, file, DAEMON);
      assert.equal(pushed.kind, 'cancelled');
      api.phrasebookOps.prompter.useScript([
        answer.pick((items) => items.find((item) => item.label.includes(backup))),
        answer.modal(undefined),
      ]);
      const reverted = await vscode.commands.executeCommand<RevertSummary>(COMMAND.revertPhrasebook, DAEMON);
      assert.equal(reverted.kind, 'cancelled');
    }
    const labels = openDiffs().map((diff) => diff.label);
    assert.equal(labels.filter((label) => label.includes('push preview')).length, 1, `diffs: ${labels.join(', ')}`);
    assert.equal(labels.filter((label) => label.includes('revert preview')).length, 1, `diffs: ${labels.join(', ')}`);
    const previewTabs = vscode.window.tabGroups.all
      .flatMap((group) => group.tabs)
      .filter((tab) => tab.input instanceof vscode.TabInputTextDiff);
    assert.equal(previewTabs.length, 2, 'one push preview and one revert preview');
  });

  it('publishes no diagnostics for read-only live and preview documents', async function () {
    this.timeout(30_000);
    // The seed has findings of its own (e.g. ReDoS verdicts): a linted copy would repeat them.
    const published = new Promise<vscode.Uri>((resolve) => {
      const subscription = api.phrasebook.onDidPublish((uri) => {
        if (uri.scheme !== LIVE_PHRASEBOOK_SCHEME) return;
        subscription.dispose();
        resolve(uri);
      });
    });
    await vscode.commands.executeCommand(COMMAND.openLivePhrasebook, DAEMON);
    const uri = await published;
    assert.deepEqual(vscode.languages.getDiagnostics(uri), [], uri.toString());
  });
});

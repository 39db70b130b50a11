// Phrasebook operations in real VS Code against the fake daemon "alpha": pull → edit → push, the
// gates that keep a push from sending anything, conflict, 422, a 500 after the write, revert from
// the QuickPick, test a message.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { KoraApi } from '../../../src/extension';
import { COMMAND, LIVE_PHRASEBOOK_SCHEME, TEST_RESULT_SCHEME } from '../../../src/vscode/constants';
import { DAEMON_DIAGNOSTICS_NAME } from '../../../src/vscode/phrasebook-ops/daemonDiagnostics';
import type { PushSummary } from '../../../src/vscode/phrasebook-ops/pushFlow';
import type { RevertSummary } from '../../../src/vscode/phrasebook-ops/revertFlow';
import type { TestMessageSummary } from '../../../src/vscode/phrasebook-ops/testMessageFlow';
import { testDaemons, waitFor, waitForDiagnostics } from '../helpers';
import {
  DAEMON,
  addFault,
  answer,
  appendAndSave,
  backupLabels,
  client,
  closeAllEditors,
  countPuts,
  entryYaml,
  koraApi,
  openDiffs,
  resetDaemon,
  waitForSection,
  workspaceFile,
} from './support';

const BACKUP_NAME = /^slack_dm\.\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z(?:-\d+)?\.yml$/;

describe('phrasebook operations', function () {
  let api: KoraApi;
  let fileCounter = 0;

  before(async function () {
    if (!testDaemons().some((daemon) => daemon.name === DAEMON)) this.skip();
    api = await koraApi();
  });

  beforeEach(async () => {
    await resetDaemon(api);
  });

  afterEach(async () => {
    api.phrasebookOps.prompter.stopScripting();
    await closeAllEditors();
  });

  /** Pulls alpha's live phrasebook into a new workspace file, through the command. */
  async function pull(): Promise<vscode.Uri> {
    fileCounter += 1;
    const target = workspaceFile(`slack_dm.pull-${fileCounter}.yml`);
    const pulled = await vscode.commands.executeCommand<vscode.Uri>(COMMAND.pullPhrasebook, DAEMON, target);
    assert.equal(pulled?.toString(), target.toString());
    return target;
  }

  async function push(
    file: vscode.Uri,
    ...answers: Parameters<typeof api.phrasebookOps.prompter.useScript>[0]
  ): Promise<PushSummary> {
    api.phrasebookOps.prompter.useScript(answers);
    const summary = await vscode.commands.executeCommand<PushSummary>(COMMAND.pushPhrasebook, file, DAEMON);
    assert.equal(api.phrasebookOps.prompter.pendingAnswers, 0, 'every scripted answer was used');
    return summary;
  }

  it('opens the live phrasebook read-only, in the write format, saying where it comes from', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>(COMMAND.openLivePhrasebook, DAEMON);
    assert.equal(uri?.scheme, LIVE_PHRASEBOOK_SCHEME);
    const text = vscode.window.activeTextEditor?.document.getText() ?? '';
    assert.match(text, /^# Live phrasebook of daemon "alpha"/);
    assert.match(text, /^# Source: bundled default/m);
    assert.match(text, /^entries:\n- pattern: /m);
    assert.equal(vscode.window.activeTextEditor?.document.languageId, 'yaml');
  });

  it('pull → edit → push (confirmed) → the tree shows the new backup', async () => {
    // Live starts as an override, so the push backs it up.
    const seeded = await client(api).putPhrasebook((await client(api).getPhrasebook()).entries);
    assert.equal(seeded.kind, 'ok');
    const file = await pull();
    await appendAndSave(file, entryYaml('deploy'));

    const summary = await push(file, answer.modal('Push'));
    assert.equal(summary.kind, 'accepted');
    assert.match(summary.backupFilename ?? '', BACKUP_NAME);
    const [confirmation] = api.phrasebookOps.prompter.asked;
    assert.match(confirmation.message, /"alpha"/);
    assert.match(confirmation.message, /9 entries/);
    assert.match(confirmation.detail ?? '', /8 → 9 entries \(1 added\)/);
    assert.ok(
      openDiffs().some(
        (diff) => diff.left.scheme === LIVE_PHRASEBOOK_SCHEME && diff.right.toString() === file.toString(),
      ),
      'the push diff (live ↔ file) was shown',
    );

    await waitForSection(api, 'lists the new backup', () => backupLabels(api).includes(summary.backupFilename ?? ''));
    await waitForSection(api, 'shows the pushed entry count', (node) => node.description === 'override · 9 entries');
    const base = api.phrasebookOps.bases.get(file, api.phrasebookOps.daemonKey(DAEMON) ?? '');
    assert.match(base?.yaml ?? '', /category: deploy/, 'the file is now based on what it pushed');
  });

  it('a push with a daemon-rule error sends nothing and reveals the error', async () => {
    const file = await pull();
    const document = await appendAndSave(
      file,
      '- pattern: (a+)+\n  category: nested\n  description: d\n  reply_template: r\n',
    );
    const { result, puts } = await countPuts(api, () => push(file));
    assert.equal(result.kind, 'blocked');
    assert.equal(puts, 0);
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), file.toString());
    assert.match(document.lineAt(editor?.selection.start.line ?? 0).text, /pattern: \(a\+\)\+/);
  });

  it('a conflicting live change is detected and nothing is sent', async () => {
    const file = await pull();
    await client(api).putPhrasebook([
      { pattern: '^colleague$', category: 'colleague', description: 'their change', reply_template: 'Hi.' },
    ]);
    await appendAndSave(file, entryYaml('mine'));
    const { result, puts } = await countPuts(api, () => push(file, answer.modal(undefined)));
    assert.equal(result.kind, 'conflict');
    assert.equal(puts, 0);
    assert.match(api.phrasebookOps.prompter.asked[0].message, /changed since .* was pulled/);
    assert.ok(
      openDiffs().some((diff) => /live now/.test(diff.right.path)),
      'the base ↔ live diff was shown first',
    );
  });

  it('a 422 lands on the entry and field the daemon names, and the next edit clears it', async () => {
    const file = await pull();
    const document = await appendAndSave(file, entryYaml('deploy') + entryYaml('rollback'));
    // A daemon stricter than our rules: the real fake daemon answers a real 422 for entry 9.
    const target = client(api);
    const original = target.putPhrasebook;
    target.putPhrasebook = (entries) =>
      original.call(
        target,
        entries.map((item, index) => (index === 9 ? { ...item, pattern: '(unclosed' } : item)),
      );
    let summary: PushSummary;
    try {
      summary = await push(file, answer.modal('Push'));
    } finally {
      target.putPhrasebook = original;
    }
    assert.equal(summary.kind, 'rejected');
    const diagnostics = await waitForDiagnostics(file, (all) => all.some((d) => d.source === DAEMON_DIAGNOSTICS_NAME));
    const fromDaemon = diagnostics.filter((d) => d.source === DAEMON_DIAGNOSTICS_NAME);
    assert.equal(fromDaemon.length, 1);
    assert.match(document.lineAt(fromDaemon[0].range.start.line).text, /pattern: \^rollback\$/);
    assert.match(fromDaemon[0].message, /entry 9 \(pattern\): invalid regex/);

    await appendAndSave(file, '\n');
    await waitFor(() => !vscode.languages.getDiagnostics(file).some((d) => d.source === DAEMON_DIAGNOSTICS_NAME), {
      message: 'daemon diagnostics cleared by the edit',
    });
  });

  it('a 500 after the write is reconciled as written', async () => {
    const file = await pull();
    await appendAndSave(file, entryYaml('deploy'));
    await addFault('write_then_500');
    const summary = await push(file, answer.modal('Push'));
    assert.deepEqual({ kind: summary.kind, outcome: summary.outcome }, { kind: 'interrupted', outcome: 'written' });
    const live = await client(api).getPhrasebook();
    assert.ok(live.entries.some((entry) => entry.category === 'deploy'));
  });

  it('revert from the QuickPick restores the backup and shows the diff', async () => {
    const seed = (await client(api).getPhrasebook()).entries;
    const v1 = [...seed, { pattern: '^v1$', category: 'v1', description: 'first', reply_template: 'One.' }];
    await client(api).putPhrasebook(v1);
    const v2 = await client(api).putPhrasebook([
      ...v1,
      { pattern: '^v2$', category: 'v2', description: 'second', reply_template: 'Two.' },
    ]);
    assert.equal(v2.kind, 'ok');
    const v1Backup = v2.kind === 'ok' ? v2.body.backup_filename : null;
    assert.match(v1Backup ?? '', BACKUP_NAME);

    api.phrasebookOps.prompter.useScript([
      answer.pick((items) => items.find((item) => item.description?.startsWith('most recent'))),
      answer.modal('Revert'),
    ]);
    const summary = await vscode.commands.executeCommand<RevertSummary>(COMMAND.revertPhrasebook, DAEMON);
    assert.equal(summary.kind, 'reverted');
    assert.equal(summary.revertedTo, v1Backup);
    const [picker] = api.phrasebookOps.prompter.asked;
    assert.match(
      picker.items?.[0].description ?? '',
      /^most recent · (just now|ago|.* ago) · \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC/,
    );
    assert.equal(new Set(picker.items?.map((item) => item.label)).size, picker.items?.length, 'each backup once');
    assert.match(picker.items?.[0].detail ?? '', /^9 entries · [\d.]+ K?B$/);

    const live = await client(api).getPhrasebook();
    assert.deepEqual(live.entries.map((entry) => entry.category).slice(-1), ['v1']);
    assert.ok(
      openDiffs().some((diff) => /before revert/.test(diff.left.path) && /after revert/.test(diff.right.path)),
      'the before ↔ after diff was shown',
    );
    const kept = await api.phrasebookOps.history.list(api.phrasebookOps.daemonKey(DAEMON) ?? '');
    assert.ok(
      kept.some((record) => record.reason === 'reverted-away' && record.yaml.includes('category: v2')),
      'the replaced content is in local history',
    );
  });

  it('test message shows both results side by side', async () => {
    const file = await pull();
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file));
    const summary = await vscode.commands.executeCommand<TestMessageSummary>(COMMAND.testMessage, {
      daemon: DAEMON,
      message: 'hey',
    });
    assert.ok(summary);
    assert.equal(summary.shown.length, 2);
    assert.ok(summary.shown.every((uri) => uri.scheme === TEST_RESULT_SCHEME));
    assert.equal(summary.report.daemon.matched, true);
    assert.equal(summary.report.local?.matched, true);
    assert.equal(summary.report.comparison?.same, true);
    const [local, daemon] = await Promise.all(summary.shown.map((uri) => vscode.workspace.openTextDocument(uri)));
    assert.match(local.getText(), /^Answer: entry 0 · greeting/m);
    assert.match(daemon.getText(), /^Answer: greeting/m);
    assert.ok(
      openDiffs().some((diff) => diff.left.scheme === TEST_RESULT_SCHEME && diff.right.scheme === TEST_RESULT_SCHEME),
    );
  });
});

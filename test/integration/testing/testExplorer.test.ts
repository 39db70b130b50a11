// Phrasebook tests in the real Test Explorer: discovery, a failing case with expected vs actual at
// the case, green after fixing the phrasebook and saving, coverage hints, and "add as test case".
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { COMMAND } from '../../../src/vscode/constants';
import type { TestMessageSummary } from '../../../src/vscode/phrasebook-ops/testMessageFlow';
import { fakeDaemon, fixtureUri, testDaemons, waitFor, waitForDiagnostics } from '../helpers';
import { itemsOf, pickDaemonNext, testingApi, waitForRecord, writeWorkspaceFiles } from './support';

const PHRASEBOOK = `entries:
  - pattern: '^h'
    category: catchall
    description: Too broad, takes every message starting with h
    reply_template: Hm.
  - pattern: '^(hey|hi)[!.]*$'
    category: greeting
    description: Bare greeting
    reply_template: 'Hey, {snapshot.operational_state.primary}.'
  - pattern: '^bye$'
    category: farewell
    description: Goodbye
    reply_template: Bye.
`;

const TESTS = `snapshot: {operational_state: {primary: RUNNING}}
cases:
  - message: hey
    category: greeting
    reply: 'Hey, RUNNING.'
  - message: what's up
    no_match: true
  - message: hmm
    category: catchall
`;

describe('phrasebook tests in the Test Explorer', function () {
  this.timeout(60000); // runs vet the patterns with the deep ReDoS analysis first

  it('lists the cases of the fixture workspace when the Test Explorer opens', async () => {
    const api = await testingApi();
    await vscode.commands.executeCommand('workbench.view.testing.focus');
    const fixture = fixtureUri('phrasebook/slack_dm.tests.yml');
    const found = await waitFor(() => itemsOf(api, fixture), {
      timeoutMs: 20000,
      message: 'the fixture test file in the controller',
    });
    assert.equal(found.file.description, 'tests phrasebook/slack_dm.yml');
    assert.deepEqual(
      found.cases.slice(0, 3).map((item) => [item.label, item.description, item.range?.start.line]),
      [
        ['hey', '→ greeting · reply', 10],
        ['thanks!', '→ thanks', 13],
        ['sounds good', '→ ack', 15],
      ],
    );
    assert.equal(found.cases.length, 10);
    // A test file is not a phrasebook: no phrasebook diagnostics on it.
    const document = await vscode.workspace.openTextDocument(fixture);
    assert.deepEqual(vscode.languages.getDiagnostics(document.uri), []);
  });

  it("runs the cases on a daemon's /test through the daemon profile", async function () {
    const [daemon] = testDaemons();
    if (!daemon) this.skip(); // the harness warns when the fake daemon is not built
    const api = await testingApi();
    await fakeDaemon(daemon.name).reset(); // the seed phrasebook: the same entries as slack_dm.yml
    const found = await waitFor(() => itemsOf(api, fixtureUri('phrasebook/slack_dm.tests.yml')), {
      timeoutMs: 20000,
      message: 'the fixture test file',
    });
    await pickDaemonNext(daemon.name);
    const finished = new Promise<{ itemIds: string[]; target: string }>((resolve) => api.onDidFinishRun(resolve));
    await api.profiles.daemon.runHandler(
      new vscode.TestRunRequest([found.file], undefined, api.profiles.daemon),
      new vscode.CancellationTokenSource().token,
    );
    const run = await finished;
    assert.equal(run.target, daemon.name);
    assert.equal(run.itemIds.length, 10);
    const records = found.cases.map((item) => api.record(item.id));
    assert.deepEqual(
      records.map((record) => [record?.target, record?.status]),
      found.cases.map(() => [daemon.name, 'passed']),
    );
  });

  it('a failing case shows expected vs actual at the case; fixing the phrasebook turns it green on save', async () => {
    const api = await testingApi();
    const uris = await writeWorkspaceFiles({ 'greetings.yml': PHRASEBOOK, 'greetings.tests.yml': TESTS });
    const found = await waitFor(
      () => itemsOf(api, uris['greetings.tests.yml'])?.cases.length === 3 && itemsOf(api, uris['greetings.tests.yml']),
      {
        timeoutMs: 20000,
        message: 'the new test file discovered by the file watcher',
      },
    );
    const [hey, whatsUp, hmm] = found.cases;

    await vscode.commands.executeCommand('testing.runAll');
    const failed = await waitForRecord(api, hey, (status) => status !== undefined, 'a result for "hey"');
    assert.equal(failed.status, 'failed', failed.message);
    assert.equal(failed.target, 'local');
    const [diff] = failed.messages;
    assert.equal(diff.expectedOutput, 'answer: entry "greeting"\nreply: "Hey, RUNNING."\n');
    assert.equal(diff.actualOutput, 'answer: entry "catchall" (entry 0)\nreply: "Hm."\n');
    assert.match(
      String(diff.message),
      /entry 0 \("catchall"\) took the message before entry 1 \("greeting"\), which matches it too/,
    );
    assert.equal(diff.location?.uri.toString(), uris['greetings.tests.yml'].toString());
    assert.equal(diff.location?.range.start.line, 2, 'at the case');
    assert.equal((await waitForRecord(api, whatsUp, Boolean, "what's up")).status, 'passed');
    assert.equal((await waitForRecord(api, hmm, Boolean, 'hmm')).status, 'passed');
    // Coverage: no case reaches "greeting" (taken by catchall) nor "farewell".
    const hints = await waitForDiagnostics(uris['greetings.yml'], (d) => d.length === 2, {
      message: 'coverage hints on the phrasebook',
    });
    assert.ok(
      hints.every(
        (d) =>
          d.severity === vscode.DiagnosticSeverity.Hint &&
          /no test case in .*greetings\.tests\.yml reaches this entry/.test(d.message),
      ),
    );

    // Fix: the catchall goes last. Saving the phrasebook re-runs its tests.
    const document = await vscode.workspace.openTextDocument(uris['greetings.yml']);
    const editor = await vscode.window.showTextDocument(document);
    const fixed = PHRASEBOOK.replace("'^h'", "'^h(?!ey|i)'");
    await editor.edit((edit) =>
      edit.replace(new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), fixed),
    );
    assert.ok(await document.save(), 'the phrasebook saved');
    const green = await waitForRecord(api, hey, (status) => status === 'passed', '"hey" green after the save');
    assert.deepEqual(green.messages, []);
    await waitForDiagnostics(uris['greetings.yml'], (d) => d.length === 1 && /"farewell"/.test(d[0].message), {
      message: 'one coverage hint left',
    });
  });

  it('reports an unknown category and a structural mistake on the test file', async () => {
    await testingApi();
    const uris = await writeWorkspaceFiles({
      'pb.yml': PHRASEBOOK,
      'pb.tests.yml': 'cases:\n  - message: hey\n    category: greting\n  - message: hey\n',
    });
    const diagnostics = await waitForDiagnostics(uris['pb.tests.yml'], (d) => d.length === 2, {
      timeoutMs: 20000,
      message: 'test file diagnostics',
    });
    assert.deepEqual(
      diagnostics.map((d) => [d.range.start.line, typeof d.code === 'object' ? d.code.value : d.code]).sort(),
      [
        [2, 'tests/unknown-category'],
        [3, 'tests/invalid-case'],
      ],
    );
  });

  it('adds the message of Kora: Test Message as a test case, unsaved', async function () {
    const [daemon] = testDaemons();
    if (!daemon) this.skip(); // the harness warns when the fake daemon is not built
    await testingApi();
    const uris = await writeWorkspaceFiles({ 'added.yml': PHRASEBOOK });
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uris['added.yml']));
    const summary = await vscode.commands.executeCommand<TestMessageSummary>(COMMAND.testMessage, {
      daemon: daemon.name,
      message: 'bye',
    });
    assert.equal(summary?.report.local?.matched, true);
    const added = await vscode.commands.executeCommand<string>(COMMAND.addTestCase);
    assert.ok(added, 'the command returns the test file');
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === added);
    assert.ok(document);
    assert.equal(document.uri.scheme, 'untitled', 'a new test file is not written until the user saves it');
    assert.equal(document.uri.path, uris['added.yml'].path.replace(/\.yml$/, '.tests.yml'));
    assert.match(document.getText(), /^cases:\n {2}- message: 'bye'\n {4}category: 'farewell'\n$/m);
  });
});

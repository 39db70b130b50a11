// Editing help in real VS Code: quick fixes apply, placeholder completion and hover work, and an
// edit to one entry re-analyses only that entry. Edits go to untitled copies of the fixtures.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openFixture, testDaemons, waitForDiagnostics } from '../helpers';
import {
  closeActiveEditorWithoutSaving,
  describeDiagnostics,
  fixtureText,
  hoverText,
  koraApi,
  lineContaining,
  openUntitledYaml,
  rangeOf,
  waitForAnalysis,
  withCode,
} from './support';

const COST_LADDER_CHILDREN = [
  'current_tier',
  'monthly_budget_pct_used',
  'model_default',
  'spent_to_date_usd',
  'credit_pool_usd',
];

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

async function completionsAt(
  document: vscode.TextDocument,
  position: vscode.Position,
  trigger?: string,
): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>(
    'vscode.executeCompletionItemProvider',
    document.uri,
    position,
    trigger,
  );
  return list.items;
}

/** Our placeholder items: those whose insert text completes a snapshot path. */
function placeholderItems(items: vscode.CompletionItem[]): vscode.CompletionItem[] {
  return items.filter((item) => item.kind === vscode.CompletionItemKind.Field && typeof item.insertText === 'string');
}

describe('phrasebook editing', () => {
  afterEach(async () => {
    // Each test opens at most one untitled copy; close it without saving.
    if (vscode.window.activeTextEditor?.document.isUntitled) await closeActiveEditorWithoutSaving();
  });

  it('applies the "closest placeholder path" quick fix, and the diagnostic goes away', async () => {
    const editor = await openUntitledYaml(await fixtureText('phrasebook/broken.yml'));
    const { document } = editor;
    const diagnostics = await waitForDiagnostics(
      document.uri,
      (found) => withCode(found, 'daemon/unknown-placeholder').length === 1,
    );
    const [unknown] = withCode(diagnostics, 'daemon/unknown-placeholder');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      unknown.range,
    );
    const fix = actions.find((action) => action.title.includes('cost_ladder.current_tier'));
    assert.ok(fix?.edit, `actions: ${actions.map((action) => action.title).join(', ')}`);
    assert.equal(fix.isPreferred, true);
    assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
    assert.match(document.lineAt(unknown.range.start.line).text, /\{snapshot\.cost_ladder\.current_tier\}/);
    const after = await waitForDiagnostics(
      document.uri,
      (found) => withCode(found, 'daemon/unknown-placeholder').length === 0,
    );
    assert.equal(withCode(after, 'daemon/invalid-regex').length, 1, 'the other findings stay');
  });

  it('quotes a YAML 1.1 trap with its quick fix', async () => {
    const editor = await openUntitledYaml(await fixtureText('phrasebook/broken.yml'));
    const { document } = editor;
    const diagnostics = await waitForDiagnostics(
      document.uri,
      (found) => withCode(found, 'yaml/yaml11-trap').length === 1,
    );
    const [trap] = withCode(diagnostics, 'yaml/yaml11-trap');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      trap.range,
    );
    const quoting = actions.filter((action) => action.edit && /quote/i.test(action.title));
    assert.equal(quoting.length, 1, `one quoting fix, not one per finding: ${actions.map((a) => a.title).join(', ')}`);
    assert.equal(await vscode.workspace.applyEdit(quoting[0].edit as vscode.WorkspaceEdit), true);
    assert.equal(document.lineAt(trap.range.start.line).text.trim(), "reply_template: 'yes'");
    const after = await waitForDiagnostics(
      document.uri,
      (found) =>
        withCode(found, 'yaml/yaml11-trap').length === 0 && withCode(found, 'daemon/required-field').length === 0,
    );
    assert.ok(after.length > 0, describeDiagnostics(after));
  });

  it('removes a duplicate entry with its quick fix', async () => {
    const editor = await openUntitledYaml(await fixtureText('phrasebook/broken.yml'));
    const { document } = editor;
    const diagnostics = await waitForDiagnostics(
      document.uri,
      (found) => withCode(found, 'daemon/duplicate').length === 1,
    );
    const [duplicate] = withCode(diagnostics, 'daemon/duplicate');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      duplicate.range,
    );
    const remove = actions.find((action) => /remove/i.test(action.title) && action.edit);
    assert.ok(remove?.edit, `actions: ${actions.map((action) => action.title).join(', ')}`);
    await vscode.workspace.applyEdit(remove.edit);
    assert.doesNotMatch(document.getText(), /Same pattern and category as entry 0/);
    await waitForDiagnostics(document.uri, (found) => withCode(found, 'daemon/duplicate').length === 0);
  });

  it('rewrites a heuristic false positive into a pattern the daemon accepts', async () => {
    // `(\d+)?` is harmless, but the daemon's nested-quantifier heuristic rejects it.
    const editor = await openUntitledYaml(
      "entries:\n  - pattern: '^(\\d+)?x$'\n    category: c\n    description: d\n    reply_template: r\n",
    );
    const { document } = editor;
    const diagnostics = await waitForDiagnostics(
      document.uri,
      (found) => withCode(found, 'daemon/nested-quantifier').length === 1,
    );
    const [nested] = withCode(diagnostics, 'daemon/nested-quantifier');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      nested.range,
    );
    const rewrite = actions.find((action) => action.isPreferred && action.edit && /rewrite/i.test(action.title));
    assert.ok(rewrite?.edit, `actions: ${actions.map((action) => action.title).join(', ')}`);
    await vscode.workspace.applyEdit(rewrite.edit);
    assert.equal(document.lineAt(1).text, String.raw`  - pattern: '^(\d+|)x$'`);
    await waitForDiagnostics(document.uri, (found) => withCode(found, 'daemon/nested-quantifier').length === 0);
  });

  it('completes {snapshot. with the 25 allow-listed paths, segment by segment', async () => {
    const editor = await openUntitledYaml(await fixtureText('phrasebook/slack_dm.yml'));
    const { document } = editor;
    const line = lineContaining(document, "reply_template: Hey. What's up?");
    const end = document.lineAt(line).range.end;
    await editor.edit((edit) => edit.insert(end, ' {snapshot.'));
    const afterPrefix = document.lineAt(line).range.end;

    const all = placeholderItems(await completionsAt(document, afterPrefix, '.'));
    assert.equal(all.length, 25, all.map(labelOf).join(', '));
    assert.ok(all.some((item) => labelOf(item) === 'cost_ladder.current_tier'));
    const tier = all.find((item) => labelOf(item) === 'cost_ladder.current_tier');
    assert.equal(tier?.insertText, 'cost_ladder.current_tier}', 'the closing brace is added when missing');
    const documentation = tier?.documentation;
    assert.match(typeof documentation === 'string' ? documentation : (documentation?.value ?? ''), /upper-case/i);

    await editor.edit((edit) => edit.insert(afterPrefix, 'cost_ladder.'));
    const children = placeholderItems(await completionsAt(document, document.lineAt(line).range.end, '.'));
    assert.deepEqual(children.map(labelOf), COST_LADDER_CHILDREN);

    // Outside a reply_template (here: in the description), nothing is offered.
    const description = lineContaining(document, 'description: Bare greeting');
    await editor.edit((edit) => edit.insert(document.lineAt(description).range.end, ' {snapshot.'));
    assert.deepEqual(placeholderItems(await completionsAt(document, document.lineAt(description).range.end, '.')), []);
  });

  it('shows the live value from the connected daemon as the completion detail', async function () {
    const daemons = testDaemons();
    if (daemons.length === 0) this.skip(); // no fake daemon in this run
    const editor = await openUntitledYaml(await fixtureText('phrasebook/slack_dm.yml'));
    const { document } = editor;
    const line = lineContaining(document, "reply_template: Hey. What's up?");
    await editor.edit((edit) => edit.insert(document.lineAt(line).range.end, ' {snapshot.cost_ladder.'));
    const items = placeholderItems(await completionsAt(document, document.lineAt(line).range.end, '.'));
    const tier = items.find((item) => labelOf(item) === 'current_tier');
    const names = daemons.map((daemon) => daemon.name).join('|');
    // The fake daemons serve an upper-case tier enum name, rendered as the daemon would.
    assert.match(
      tier?.detail ?? '',
      new RegExp(`^live \\((${names})\\): (NORMAL|WARN_75|DOWNSHIFT_90|HARD_STOP_100)$`),
    );
  });

  it('offers no placeholder completion in plain YAML', async () => {
    const { document } = await openFixture('notes/plain.yml');
    const editor = await openUntitledYaml(`${document.getText()}reply_template: '{snapshot.`);
    const last = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    assert.deepEqual(placeholderItems(await completionsAt(editor.document, last, '.')), []);
  });

  it('hovers a placeholder with its meaning, type and caveat', async () => {
    const { document } = await openFixture('phrasebook/slack_dm.yml');
    const paused = rangeOf(document, '{snapshot.operational_state.paused}');
    const text = hoverText(
      await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        document.uri,
        paused.start.translate(0, 12),
      ),
    );
    assert.match(text, /Whether the daemon is paused/);
    assert.match(text, /`bool`/);
    assert.match(text, /True/);
  });

  it('re-analyses only the edited entry', async () => {
    const api = await koraApi();
    const editor = await openUntitledYaml(await fixtureText('phrasebook/slack_dm.yml'));
    const { document } = editor;
    const initial = await waitForAnalysis(api, document);
    assert.equal(initial.entries, 8);
    assert.equal(initial.entriesAnalysed, 8, 'a new document is analysed in full');

    await editor.edit((edit) =>
      edit.replace(rangeOf(document, 'Single-clause cost / burn inquiry'), 'Cost inquiry, edited'),
    );
    const afterEntryEdit = await waitForAnalysis(api, document);
    assert.equal(afterEntryEdit.entriesAnalysed, 1, 'only the edited entry');
    assert.equal(afterEntryEdit.entriesReused, 7);

    // Lines move, entries do not change: nothing to re-analyse.
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), '# a comment above everything\n'));
    const afterMove = await waitForAnalysis(api, document);
    assert.equal(afterMove.entriesAnalysed, 0, 'moved entries are reused');
    assert.equal(afterMove.localPasses, afterEntryEdit.localPasses + 1);
  });
});

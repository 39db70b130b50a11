// Deep ReDoS analysis in real VS Code: the worker finds what the daemon's heuristic misses, the
// verdict shows in a hover with the attack string, and the attack string can be copied.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { COMMAND } from '../../../src/vscode/constants';
import { openFixture, waitForDiagnostics } from '../helpers';
import {
  closeActiveEditorWithoutSaving,
  DEEP_ANALYSIS_TIMEOUT_MS,
  describeDiagnostics,
  fixtureText,
  hoverText,
  koraApi,
  openUntitledYaml,
  rangeOf,
  waitForAnalysis,
  withCode,
} from './support';

const ALTERNATION_PATTERN = "'^(a|aa)+$'";

describe('phrasebook deep analysis', () => {
  it('finds the exponential backtracking of ^(a|aa)+$, which the daemon heuristic misses', async () => {
    const { document } = await openFixture('phrasebook/redos.yml');
    const diagnostics = await waitForDiagnostics(
      document.uri,
      (found) => withCode(found, 'redos/exponential').length > 0,
      {
        timeoutMs: DEEP_ANALYSIS_TIMEOUT_MS,
        message: 'a redos/exponential diagnostic',
      },
    );
    const exponential = withCode(diagnostics, 'redos/exponential');
    assert.equal(exponential.length, 1, describeDiagnostics(diagnostics));
    assert.ok(
      exponential[0].range.isEqual(rangeOf(document, ALTERNATION_PATTERN)),
      `on the pattern value: ${describeDiagnostics(exponential)}`,
    );
    assert.equal(exponential[0].severity, vscode.DiagnosticSeverity.Error);
    assert.equal(
      withCode(diagnostics, 'daemon/nested-quantifier').length,
      0,
      'the daemon heuristic does not flag this pattern',
    );
  });

  it('flags the nested quantifier of broken.yml with both the daemon rule and the deep verdict', async () => {
    const { document } = await openFixture('phrasebook/broken.yml');
    const diagnostics = await waitForDiagnostics(
      document.uri,
      (found) => withCode(found, 'redos/exponential').length > 0,
      {
        timeoutMs: DEEP_ANALYSIS_TIMEOUT_MS,
      },
    );
    const line = rangeOf(document, "'^(a+)+$'").start.line;
    assert.ok(
      withCode(diagnostics, 'redos/exponential').every((d) => d.range.start.line === line),
      describeDiagnostics(diagnostics),
    );
    assert.equal(withCode(diagnostics, 'daemon/nested-quantifier')[0]?.range.start.line, line);
  });

  it('shows the verdict and the attack string in a hover, with a link to copy it', async () => {
    const api = await koraApi();
    const { document } = await openFixture('phrasebook/redos.yml');
    await waitForAnalysis(api, document, { deep: true, timeoutMs: DEEP_ANALYSIS_TIMEOUT_MS });
    const position = rangeOf(document, ALTERNATION_PATTERN).start.translate(0, 3);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      document.uri,
      position,
    );
    const text = hoverText(hovers);
    assert.match(text, /exponential/);
    assert.match(text, /validator accepts this pattern/, 'the daemon itself accepts it');
    assert.match(text, new RegExp(`command:${COMMAND.copyAttackString.replace('.', '\\.')}\\?`), 'a copy link');
    assert.match(
      text,
      /```python\n"a+" \+ "a+" \* \d+ \+ "\\x00"/,
      'the attack string, the Python way, in a code block',
    );

    const safe = rangeOf(document, String.raw`'^(status|state)[\s.?!]*$'`).start.translate(0, 3);
    const safeText = hoverText(
      await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, safe),
    );
    assert.match(safeText, /no catastrophic backtracking found/);
    assert.doesNotMatch(safeText, /command:/);
  });

  it('offers "Copy ReDoS attack string" as a quick fix, and the command copies it', async () => {
    const api = await koraApi();
    const { document } = await openFixture('phrasebook/redos.yml');
    await waitForAnalysis(api, document, { deep: true, timeoutMs: DEEP_ANALYSIS_TIMEOUT_MS });
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      rangeOf(document, ALTERNATION_PATTERN),
    );
    const copy = actions.find((action) => action.title === 'Copy ReDoS attack string');
    assert.ok(copy?.command, `actions: ${actions.map((action) => action.title).join(', ')}`);
    assert.equal(copy.command.command, COMMAND.copyAttackString);
    const attackString = copy.command.arguments?.[0];
    assert.equal(typeof attackString, 'string');
    // Never run the pattern on it here: that is exactly the input that stalls a backtracking engine.
    assert.match(attackString, /^a{10,}[^a]/, 'a run of `a` and then a character that makes the match fail');
    const copied = await vscode.commands.executeCommand<string | undefined>(
      copy.command.command,
      ...(copy.command.arguments ?? []),
    );
    assert.equal(copied, attackString);
  });

  it('drops the deep verdict when the pattern is edited to a safe one', async () => {
    const api = await koraApi();
    const editor = await openUntitledYaml(await fixtureText('phrasebook/redos.yml'));
    try {
      const { document } = editor;
      await waitForDiagnostics(document.uri, (found) => withCode(found, 'redos/exponential').length === 1, {
        timeoutMs: DEEP_ANALYSIS_TIMEOUT_MS,
      });
      await editor.edit((edit) => edit.replace(rangeOf(document, ALTERNATION_PATTERN), "'^(a|b)+$'"));
      await waitForAnalysis(api, document, { deep: true, timeoutMs: DEEP_ANALYSIS_TIMEOUT_MS });
      const diagnostics = vscode.languages.getDiagnostics(document.uri);
      assert.deepEqual(withCode(diagnostics, 'redos/exponential'), [], describeDiagnostics(diagnostics));
    } finally {
      await closeActiveEditorWithoutSaving();
    }
  });
});

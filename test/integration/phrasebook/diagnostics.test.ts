// Diagnostics in real VS Code: which documents get them, what they say and where they sit. The
// expected messages are the daemon's own (contract §4.3), written out here, not taken from the code.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { SETTING } from '../../../src/vscode/constants';
import { openFixture, waitFor, waitForDiagnostics } from '../helpers';
import {
  closeActiveEditorWithoutSaving,
  codeOf,
  DEEP_ANALYSIS_TIMEOUT_MS,
  describeDiagnostics,
  koraApi,
  occurrencesOf,
  openUntitledYaml,
  rangeOf,
  waitForAnalysis,
  withCode,
} from './support';

const MESSAGE = {
  invalidRegex: 'invalid regex: missing ), unterminated subpattern at position 1',
  nestedQuantifier:
    'nested unbounded quantifier (possible catastrophic backtracking) \u2014 rewrite to use bounded counts or anchored alternations',
  unknownPlaceholder:
    "snapshot path 'cost_ladder.current_teir' not in known scalar schema (see SNAPSHOT_SCALAR_PATHS in kora_cli/short_circuit/phrasebook_editor.py)",
  duplicate: 'duplicate (pattern, category) \u2014 already declared at index 0',
  requiredReplyTemplate: "required field 'reply_template' missing or empty",
} as const;

const GREETING_PATTERN = String.raw`'^(hey|hi|hello)[\s!.]*$'`;

function single(diagnostics: readonly vscode.Diagnostic[], code: string): vscode.Diagnostic {
  const found = withCode(diagnostics, code);
  assert.equal(found.length, 1, `exactly one ${code} expected in:\n${describeDiagnostics(diagnostics)}`);
  return found[0];
}

function assertRange(actual: vscode.Range, expected: vscode.Range, what: string): void {
  assert.ok(actual.isEqual(expected), `${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

describe('phrasebook diagnostics', () => {
  it('reports the known mistakes of broken.yml with the daemon messages at the exact ranges', async () => {
    const api = await koraApi();
    const { document } = await openFixture('phrasebook/broken.yml');
    assert.equal(api.phrasebook.isPhrasebook(document), true);
    await waitForAnalysis(api, document);
    const diagnostics = vscode.languages.getDiagnostics(document.uri);

    const invalid = single(diagnostics, 'daemon/invalid-regex');
    assert.equal(invalid.message, MESSAGE.invalidRegex);
    // "position 1" is the `(` after `^`, one character into the quoted scalar's content.
    const groupStart = rangeOf(document, "'^(unclosed group'").start.translate(0, 2);
    assertRange(invalid.range, new vscode.Range(groupStart, groupStart.translate(0, 1)), 'invalid regex');

    const nested = single(diagnostics, 'daemon/nested-quantifier');
    assert.equal(nested.message, MESSAGE.nestedQuantifier);
    assertRange(nested.range, rangeOf(document, '(a+)+', "'^(a+)+$'"), 'nested quantifier (the matched text)');

    const placeholder = single(diagnostics, 'daemon/unknown-placeholder');
    assert.equal(placeholder.message, MESSAGE.unknownPlaceholder);
    assertRange(
      placeholder.range,
      rangeOf(document, '{snapshot.cost_ladder.current_teir}', "reply_template: 'Tier:"),
      'unknown placeholder',
    );

    const duplicate = single(diagnostics, 'daemon/duplicate');
    assert.equal(duplicate.message, MESSAGE.duplicate);
    const [firstGreeting, secondGreeting] = occurrencesOf(document, GREETING_PATTERN);
    assertRange(duplicate.range, secondGreeting, 'duplicate (on the later pattern)');
    const related = duplicate.relatedInformation ?? [];
    assert.equal(related.length, 1, 'the duplicate points at the first declaration');
    assert.equal(related[0].location.uri.toString(), document.uri.toString());
    assertRange(related[0].location.range, firstGreeting, 'related information (entry 0)');

    const trapLine = rangeOf(document, 'reply_template: yes').start.line;
    const yes = new vscode.Range(
      trapLine,
      document.lineAt(trapLine).text.indexOf('yes'),
      trapLine,
      document.lineAt(trapLine).text.length,
    );
    const required = single(diagnostics, 'daemon/required-field');
    assert.equal(required.message, MESSAGE.requiredReplyTemplate);
    assertRange(required.range, yes, 'required field (the boolean value)');
    const trap = single(diagnostics, 'yaml/yaml11-trap');
    assertRange(trap.range, yes, 'YAML 1.1 trap');
    assert.equal(trap.severity, vscode.DiagnosticSeverity.Warning);

    for (const diagnostic of diagnostics) {
      assert.equal(diagnostic.source, 'kora');
      if (codeOf(diagnostic)?.startsWith('daemon/'))
        assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error, codeOf(diagnostic));
    }
    const errorCodes = new Set(diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).map(codeOf));
    const expectedErrors = [
      'daemon/invalid-regex',
      'daemon/nested-quantifier',
      'daemon/unknown-placeholder',
      'daemon/duplicate',
      'daemon/required-field',
      'redos/exponential',
    ];
    assert.deepEqual(
      [...errorCodes].filter((code) => !expectedErrors.includes(code ?? '')),
      [],
      `unexpected errors:\n${describeDiagnostics(diagnostics)}`,
    );
  });

  it('shows no error on the valid seed phrasebook, deep analysis included', async () => {
    const api = await koraApi();
    const { document } = await openFixture('phrasebook/slack_dm.yml');
    const stats = await waitForAnalysis(api, document, { deep: true, timeoutMs: 25000 });
    assert.equal(stats.entries, 8);
    const errors = vscode.languages
      .getDiagnostics(document.uri)
      .filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
    assert.deepEqual(errors, [], describeDiagnostics(errors));
  });

  it('leaves plain YAML alone, even with a YAML 1.1 trap in it', async () => {
    const api = await koraApi();
    const { document: plain } = await openFixture('notes/plain.yml');
    assert.equal(api.phrasebook.isPhrasebook(plain), false);
    // Analysis is synchronous on open: once another document opened later is analysed, so would this one be.
    const { document: seed } = await openFixture('phrasebook/slack_dm.yml');
    await waitForAnalysis(api, seed);
    assert.deepEqual(vscode.languages.getDiagnostics(plain.uri), []);
    assert.equal(api.phrasebook.stats(plain.uri), undefined);
  });

  it('recognises a phrasebook by its content, outside the configured globs', async () => {
    const api = await koraApi();
    const editor = await openUntitledYaml(
      "entries:\n  - pattern: '^(hi'\n    category: c\n    description: d\n    reply_template: r\n",
    );
    try {
      assert.equal(api.phrasebook.isPhrasebook(editor.document), true);
      const diagnostics = await waitForDiagnostics(
        editor.document.uri,
        (found) => withCode(found, 'daemon/invalid-regex').length === 1,
      );
      assert.equal(withCode(diagnostics, 'daemon/invalid-regex')[0].message, MESSAGE.invalidRegex);
    } finally {
      await closeActiveEditorWithoutSaving();
    }
  });

  it('honours severity overrides, including "off"', async () => {
    const api = await koraApi();
    const { document } = await openFixture('phrasebook/broken.yml');
    await waitForAnalysis(api, document);
    const configuration = vscode.workspace.getConfiguration(SETTING.section);
    try {
      await waitForDiagnostics(document.uri, (found) => withCode(found, 'redos/exponential').length === 1, {
        timeoutMs: DEEP_ANALYSIS_TIMEOUT_MS,
      });
      const overrides = { 'yaml/yaml11-trap': 'off', 'redos/exponential': 'hint', 'daemon/duplicate': 'off' };
      await configuration.update(SETTING.phrasebookSeverity, overrides, vscode.ConfigurationTarget.Global);
      const diagnostics = await waitForDiagnostics(
        document.uri,
        (found) => withCode(found, 'yaml/yaml11-trap').length === 0,
      );
      const exponential = withCode(diagnostics, 'redos/exponential');
      assert.equal(exponential.length, 1, describeDiagnostics(diagnostics));
      assert.equal(exponential[0].severity, vscode.DiagnosticSeverity.Hint);
      assert.equal(withCode(diagnostics, 'daemon/duplicate').length, 1, "the daemon's own rules cannot be turned off");
    } finally {
      await configuration.update(SETTING.phrasebookSeverity, undefined, vscode.ConfigurationTarget.Global);
    }
    await waitForDiagnostics(document.uri, (found) => withCode(found, 'yaml/yaml11-trap').length === 1, {
      message: 'the trap to come back',
    });
  });

  it('refuses a document over 2 MB with one clear diagnostic', async () => {
    const api = await koraApi();
    const entry = "  - pattern: '^hello'\n    category: c\n    description: d\n    reply_template: r\n";
    const editor = await openUntitledYaml(
      `entries:\n${entry}${'# padding padding padding padding padding padding padding padding\n'.repeat(34000)}`,
    );
    try {
      const stats = await waitForAnalysis(api, editor.document);
      assert.equal(stats.guarded, true);
      const diagnostics = vscode.languages.getDiagnostics(editor.document.uri);
      assert.deepEqual(diagnostics.map(codeOf), ['phrasebook/too-large'], describeDiagnostics(diagnostics));
      assert.match(diagnostics[0].message, /over the 2 MB limit/);
    } finally {
      await closeActiveEditorWithoutSaving();
    }
  });

  it('refuses a YAML alias bomb with one clear diagnostic, without stalling', async () => {
    const api = await koraApi();
    let bomb = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
    for (let level = 0, previous = 'a'; level < 12; level++) {
      const name = `l${level}`;
      bomb += `${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]\n`;
      previous = name;
    }
    bomb += "entries:\n  - pattern: '^x'\n    category: [*l11]\n    description: d\n    reply_template: r\n";
    const editor = await openUntitledYaml(bomb);
    try {
      const stats = await waitForAnalysis(api, editor.document);
      assert.equal(stats.guarded, true);
      const diagnostics = vscode.languages.getDiagnostics(editor.document.uri);
      assert.deepEqual(diagnostics.map(codeOf), ['yaml/alias-explosion'], describeDiagnostics(diagnostics));
      assert.equal(diagnostics[0].range.start.line, 0, 'on the first anchor');
    } finally {
      await closeActiveEditorWithoutSaving();
    }
  });

  it('clears the diagnostics of a closed document', async () => {
    const api = await koraApi();
    const editor = await openUntitledYaml(
      "entries:\n  - pattern: '^(x'\n    category: c\n    description: d\n    reply_template: r\n",
    );
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, (found) => found.length > 0);
    await closeActiveEditorWithoutSaving();
    await waitFor(() => vscode.languages.getDiagnostics(uri).length === 0 && api.phrasebook.stats(uri) === undefined, {
      message: 'diagnostics of the closed document to be cleared',
    });
  });
});

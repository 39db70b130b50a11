// kora.pythonVersion in real VS Code: switching the daemon's CPython re-checks open phrasebooks.
// (a)(?(+1)b) is accepted by CPython 3.11 and refused by 3.12/3.13 (messages written out here).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { SETTING } from '../../../src/vscode/constants';
import { waitForDiagnostics } from '../helpers';
import {
  closeActiveEditorWithoutSaving,
  describeDiagnostics,
  koraApi,
  openUntitledYaml,
  waitForAnalysis,
  withCode,
} from './support';

const TEXT = "entries:\n  - pattern: '(a)(?(+1)b)'\n    category: c\n    description: d\n    reply_template: r\n";
const MESSAGE_3_13 = "invalid regex: bad character in group name '+1' at position 6";

describe('kora.pythonVersion', () => {
  it('checks patterns with 3.13 by default and re-checks open documents when switched to 3.11', async () => {
    const api = await koraApi();
    const editor = await openUntitledYaml(TEXT);
    const configuration = vscode.workspace.getConfiguration(SETTING.section);
    try {
      await waitForAnalysis(api, editor.document);
      const before = await waitForDiagnostics(
        editor.document.uri,
        (found) => withCode(found, 'daemon/invalid-regex').length === 1,
      );
      assert.equal(withCode(before, 'daemon/invalid-regex')[0].message, MESSAGE_3_13, describeDiagnostics(before));
      await configuration.update(SETTING.pythonVersion, '3.11', vscode.ConfigurationTarget.Global);
      const after = await waitForDiagnostics(
        editor.document.uri,
        (found) => withCode(found, 'daemon/invalid-regex').length === 0,
        {
          message: 'the 3.13-only error to go away under 3.11',
        },
      );
      assert.deepEqual(withCode(after, 'daemon/invalid-regex'), []);
    } finally {
      await configuration.update(SETTING.pythonVersion, undefined, vscode.ConfigurationTarget.Global);
      await closeActiveEditorWithoutSaving();
    }
  });
});

// "Add this message as a test case": after Kora: Test Message, the tested message and the local
// answer become a case of the phrasebook's test file (`x.tests.yml` beside `x.yml`). The edit is
// left unsaved in an editor — nothing is written behind the user's back; saving runs the file.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { caseInsertion, newTestFileText, type NewCase } from '../../core/phrasebook/tests/newCase';
import { testFilePathFor } from '../../core/phrasebook/tests/paths';
import type { TestMessageSummary } from '../phrasebook-ops/testMessageFlow';

/** What the command needs: the tested message, its local answer, and the phrasebook file. */
export interface TestedMessage extends NewCase {
  phrasebook: vscode.Uri;
}

/** The case a Test Message summary suggests, or why there is none. */
export function testedMessageOf(summary: TestMessageSummary | undefined): TestedMessage | string {
  if (!summary) return 'Run "Kora: Test Message" first: its message and answer become the test case.';
  const local = summary.report.local;
  if (!summary.file || !local)
    return 'The last tested message was not answered for a phrasebook file: open the phrasebook and test the message again.';
  if ('skipped' in local) return `The local answer is unknown (${local.reason}); add the case by hand.`;
  const phrasebook = vscode.Uri.parse(summary.file);
  return { message: summary.message, phrasebook, ...(local.matched ? { category: local.category } : {}) };
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** Adds the case in an editor (unsaved) and returns the test file's document. */
export async function addTestCase(tested: TestedMessage): Promise<vscode.TextDocument> {
  if (tested.phrasebook.scheme === 'untitled')
    throw new Error('Save the phrasebook first: its test file goes beside it.');
  const testFile = tested.phrasebook.with({ path: testFilePathFor(tested.phrasebook.path) });
  const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === testFile.toString());
  if (!open && !(await exists(testFile))) {
    // An untitled document with the target path: it becomes the file only when the user saves it.
    const document = await vscode.workspace.openTextDocument(testFile.with({ scheme: 'untitled' }));
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((edit) =>
      edit.insert(new vscode.Position(0, 0), newTestFileText(tested, path.posix.basename(tested.phrasebook.path))),
    );
    return document;
  }
  const document = open ?? (await vscode.workspace.openTextDocument(testFile));
  const insertion = caseInsertion(document.getText(), tested);
  if ('error' in insertion)
    throw new Error(`Cannot add the case to ${path.posix.basename(testFile.path)}: ${insertion.error}`);
  const editor = await vscode.window.showTextDocument(document);
  const at = document.positionAt(insertion.offset);
  await editor.edit((edit) => edit.insert(at, insertion.text));
  const end = document.positionAt(insertion.offset + insertion.text.length);
  editor.selection = new vscode.Selection(end, end);
  editor.revealRange(new vscode.Range(at, end));
  return document;
}

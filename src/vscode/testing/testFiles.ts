// Reading test files and the phrasebooks they test, from the editor when open (unsaved edits
// included, as the phrasebook diagnostics do) or from disk, and turning them into test items.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { parsePhrasebook } from '../../core/phrasebook/document';
import type { PhrasebookSource } from '../../core/phrasebook/tests/checks';
import { isTestFilePath, phrasebookPathFor } from '../../core/phrasebook/tests/paths';
import { parseTestFile, type PhrasebookTestFile } from '../../core/phrasebook/tests/testFile';
import { errorText } from '../../core/text/errorText';

export function isTestFileUri(uri: vscode.Uri): boolean {
  return uri.scheme !== 'untitled' && isTestFilePath(uri.path);
}

function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  const key = uri.toString();
  return vscode.workspace.textDocuments.find((document) => document.uri.toString() === key);
}

/** The text of `uri`: the open document's (unsaved edits included), else the file's. */
export async function readText(uri: vscode.Uri): Promise<string> {
  const open = openDocument(uri);
  if (open) return open.getText();
  return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
}

export interface LoadedTestFile {
  uri: vscode.Uri;
  parsed: PhrasebookTestFile;
  phrasebookUri: vscode.Uri;
}

export async function loadTestFile(uri: vscode.Uri): Promise<LoadedTestFile> {
  const parsed = parseTestFile(await readText(uri));
  return { uri, parsed, phrasebookUri: uri.with({ path: phrasebookPathFor(uri.path, parsed.phrasebook, path.posix) }) };
}

/** How the phrasebook is called in messages: its path in the workspace. */
export function displayName(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, false);
}

export async function loadPhrasebook(uri: vscode.Uri): Promise<PhrasebookSource> {
  const label = displayName(uri);
  try {
    return { entries: parsePhrasebook(await readText(uri)).entriesValue ?? [], label };
  } catch (error) {
    const code = (error as { code?: string }).code;
    return {
      missing: code === 'FileNotFound' ? 'file not found' : errorText(error),
      label,
    };
  }
}

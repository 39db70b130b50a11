// Shared steps of the phrasebook integration tests: the extension's API, untitled phrasebooks
// (edited freely without touching the fixture files), and waiting for an analysis to settle.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { KoraApi } from '../../../src/extension';
import type { AnalysisStats } from '../../../src/vscode/phrasebook';
import { activateKora, fixtureUri, waitFor, type WaitOptions } from '../helpers';

/** The first deep analysis starts the worker (a 3 MB bundle): allow for it. */
export const DEEP_ANALYSIS_TIMEOUT_MS = 25000;

export async function koraApi(): Promise<KoraApi> {
  return activateKora();
}

export async function fixtureText(relativePath: string): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(fixtureUri(relativePath)));
}

let untitledCount = 0;

/**
 * An untitled YAML document with `content`, shown in an editor: recognised by content, not by file
 * name. Each gets a name of its own: VS Code reuses `Untitled-N` names, and a reused name can come
 * back with the previous document's backed-up text.
 */
export async function openUntitledYaml(content: string): Promise<vscode.TextEditor> {
  untitledCount += 1;
  const uri = vscode.Uri.from({ scheme: 'untitled', path: `kora-test-${process.pid}-${untitledCount}.yml` });
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), content));
  assert.equal(editor.document.languageId, 'yaml');
  assert.equal(editor.document.getText(), content);
  return editor;
}

/**
 * Closes the active editor without saving (untitled documents would otherwise ask) and waits until
 * its document is gone, so the next untitled document cannot meet the old one under the same name.
 */
export async function closeActiveEditorWithoutSaving(): Promise<void> {
  const document = vscode.window.activeTextEditor?.document;
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  if (document)
    await waitFor(() => document.isClosed, { message: `${document.uri.toString()} to close`, timeoutMs: 15000 });
}

/** Waits until the published diagnostics describe the document's current version (and, with `deep`, all deep verdicts are in). */
export async function waitForAnalysis(
  api: KoraApi,
  document: vscode.TextDocument,
  options: WaitOptions & { deep?: boolean } = {},
): Promise<AnalysisStats> {
  return waitFor(
    () => {
      const stats = api.phrasebook.stats(document.uri);
      if (!stats || stats.version !== document.version) return undefined;
      return options.deep && stats.deepPending > 0 ? undefined : stats;
    },
    {
      message: `analysis of ${document.uri.toString()} v${document.version}${options.deep ? ' (with deep verdicts)' : ''}`,
      ...options,
    },
  );
}

/** 0-based number of the only line containing `text` (fails loudly when absent or ambiguous). */
export function lineContaining(document: vscode.TextDocument, text: string): number {
  const lines: number[] = [];
  for (let line = 0; line < document.lineCount; line++) if (document.lineAt(line).text.includes(text)) lines.push(line);
  if (lines.length !== 1)
    throw new Error(`expected exactly one line containing ${JSON.stringify(text)}, found ${lines.length}`);
  return lines[0];
}

/** The range of `text` on the only line containing `lineMarker` (default: the text itself). */
export function rangeOf(document: vscode.TextDocument, text: string, lineMarker = text): vscode.Range {
  const line = lineContaining(document, lineMarker);
  const character = document.lineAt(line).text.indexOf(text);
  if (character < 0) throw new Error(`${JSON.stringify(text)} is not on line ${line + 1}`);
  return new vscode.Range(line, character, line, character + text.length);
}

/** Every range where `text` occurs, in document order. */
export function occurrencesOf(document: vscode.TextDocument, text: string): vscode.Range[] {
  const ranges: vscode.Range[] = [];
  const content = document.getText();
  for (let offset = content.indexOf(text); offset !== -1; offset = content.indexOf(text, offset + 1)) {
    ranges.push(new vscode.Range(document.positionAt(offset), document.positionAt(offset + text.length)));
  }
  return ranges;
}

export function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

export function withCode(diagnostics: readonly vscode.Diagnostic[], code: string): vscode.Diagnostic[] {
  return diagnostics.filter((diagnostic) => codeOf(diagnostic) === code);
}

export function describeDiagnostics(diagnostics: readonly vscode.Diagnostic[]): string {
  return diagnostics
    .map(
      (d) =>
        `${codeOf(d)} @${d.range.start.line + 1}:${d.range.start.character}-${d.range.end.line + 1}:${d.range.end.character} ${d.message}`,
    )
    .join('\n');
}

/** Text of a hover's contents, whatever their form. */
export function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : 'value' in content ? content.value : ''))
    .join('\n');
}

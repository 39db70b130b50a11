// The one door of the phrasebook-testing integration tests to the extension's test-facing API
// (the test-only API the test entry claimed: see test/integration/helpers.ts).
import * as vscode from 'vscode';
import type { PhrasebookTestingApi } from '../../../src/vscode/testing';
import { activateKora, waitFor, workspaceRoot } from '../helpers';

export async function testingApi(): Promise<PhrasebookTestingApi> {
  return (await activateKora()).testing;
}

/** Answers the next "which daemon?" pick with `name` (real pickers are dismissed under the test driver). */
export async function pickDaemonNext(name: string): Promise<void> {
  (await activateKora()).phrasebookOps.prompter.useScript([
    { kind: 'pick', choose: (items) => items.find((item) => item.label === name) },
  ]);
}

/** The controller's items for a test file, and its cases' items, in file order. */
export function itemsOf(
  api: PhrasebookTestingApi,
  file: vscode.Uri,
): { file: vscode.TestItem; cases: vscode.TestItem[] } | undefined {
  const item = api.controller.items.get(file.toString());
  if (!item) return undefined;
  const cases: vscode.TestItem[] = [];
  item.children.forEach((child) => cases.push(child));
  cases.sort((a, b) => (a.range?.start.line ?? 0) - (b.range?.start.line ?? 0));
  return { file: item, cases };
}

let folderCount = 0;

/**
 * Writes files into a fresh folder of the workspace (the harness opens a copy of the fixtures) and
 * opens the test files: opening one lists it at once, where the file watcher may take its time.
 */
export async function writeWorkspaceFiles(files: Record<string, string>): Promise<Record<string, vscode.Uri>> {
  const folder = vscode.Uri.joinPath(workspaceRoot(), `testing-${process.pid}-${++folderCount}`);
  const uris: Record<string, vscode.Uri> = {};
  for (const [name, text] of Object.entries(files)) {
    uris[name] = vscode.Uri.joinPath(folder, name);
    await vscode.workspace.fs.writeFile(uris[name], new TextEncoder().encode(text));
  }
  for (const uri of Object.values(uris))
    if (uri.path.endsWith('.tests.yml')) await vscode.workspace.openTextDocument(uri);
  return uris;
}

/** Waits for the last result of a case to satisfy `accept`. */
export function waitForRecord(
  api: PhrasebookTestingApi,
  item: vscode.TestItem,
  accept: (status: string) => boolean,
  message: string,
) {
  return waitFor(
    () => {
      const record = api.record(item.id);
      return record && accept(record.status) ? record : undefined;
    },
    { timeoutMs: 30000, message },
  );
}

// Shared steps of the phrasebook-operations integration tests: scripted answers to the modal
// dialogs and pickers (real dialogs are auto-dismissed under the smoke-test driver), files in the
// fixture workspace, the Phrasebook section of the tree, and the fake daemon's fault control.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { KoraApi } from '../../../src/extension';
import type { PhrasebookEntryWrite } from '../../../src/core/daemon/schemas';
import type { HealthNode } from '../../../src/core/tree/daemonTree';
import type { PickItem, ScriptedAnswer } from '../../../src/vscode/phrasebook-ops/prompter';
import { activateKora, fakeDaemon, testDaemon, waitFor, workspaceRoot } from '../helpers';

export const DAEMON = 'alpha';
export const PHRASEBOOK_PATH = '/api/phrasebook/slack_dm';
const SECTION_TIMEOUT_MS = 15000;

export async function koraApi(): Promise<KoraApi> {
  return activateKora();
}

export function client(api: KoraApi, name = DAEMON) {
  const daemon = api.health.registry.get(name);
  assert.ok(daemon, `daemon ${name} is configured`);
  return daemon.client;
}

export const answer = {
  modal: (label: string | undefined): ScriptedAnswer => ({ kind: 'modal', answer: label }),
  pick: (choose: (items: readonly PickItem[]) => PickItem | undefined): ScriptedAnswer => ({ kind: 'pick', choose }),
  input: (text: string | undefined): ScriptedAnswer => ({ kind: 'input', answer: text }),
};

/** A fresh daemon (no override, no backups) and a section that shows it. */
export async function resetDaemon(api: KoraApi): Promise<void> {
  await fakeDaemon(DAEMON).reset();
  await api.health.refresh('manual', DAEMON);
}

/** Injects a fault through the fake daemon's control API (e.g. `write_then_500`). */
export async function addFault(name: string, path = PHRASEBOOK_PATH): Promise<void> {
  const response = await fetch(new URL('/__fake/fault', testDaemon(DAEMON).url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, path }),
  });
  assert.equal(response.status, 200, `fault ${name} accepted`);
}

/** A file of this test in the workspace copy (under `ops/`, so fixture files stay untouched). */
export function workspaceFile(name: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), 'ops', name);
}

export function entryYaml(category: string): string {
  return `- pattern: ^${category}$\n  category: ${category}\n  description: The ${category} entry\n  reply_template: About ${category}.\n`;
}

/** Appends text to a file's open document and saves it (as an operator editing would). */
export async function appendAndSave(uri: vscode.Uri, text: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(uri);
  const edit = new vscode.WorkspaceEdit();
  edit.insert(uri, document.positionAt(document.getText().length), text);
  assert.ok(await vscode.workspace.applyEdit(edit));
  await document.save();
  return document;
}

/** Counts calls to the registered client's putPhrasebook while `body` runs (the real method still runs). */
export async function countPuts<T>(api: KoraApi, body: () => Promise<T>): Promise<{ result: T; puts: number }> {
  const target = client(api);
  const original = target.putPhrasebook;
  let puts = 0;
  target.putPhrasebook = (entries: readonly PhrasebookEntryWrite[]) => {
    puts += 1;
    return original.call(target, entries);
  };
  try {
    return { result: await body(), puts };
  } finally {
    target.putPhrasebook = original;
  }
}

/** The Phrasebook section under the daemon's root, as the view has it. */
export function phrasebookNode(api: KoraApi, name = DAEMON): HealthNode | undefined {
  const provider = api.health.treeProvider;
  const root = provider
    .getChildren()
    .map((handle) => provider.node(handle))
    .find((node) => node?.daemonName === name && node.kind === 'daemon');
  return root?.children.find((child) => child.kind === 'phrasebook');
}

export function backupLabels(api: KoraApi): string[] {
  return (
    phrasebookNode(api)
      ?.children.find((child) => child.kind === 'backups')
      ?.children.map((child) => child.label) ?? []
  );
}

export function waitForSection(api: KoraApi, what: string, accept: (node: HealthNode) => boolean): Promise<HealthNode> {
  return waitFor(
    () => {
      const node = phrasebookNode(api);
      return node && accept(node) ? node : undefined;
    },
    { timeoutMs: SECTION_TIMEOUT_MS, message: `the Phrasebook section ${what}` },
  );
}

/** The open diff editors, as `left ↔ right` path pairs. */
export function openDiffs(): Array<{ left: vscode.Uri; right: vscode.Uri; label: string }> {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputTextDiff)
    .map((tab) => {
      const input = tab.input as vscode.TabInputTextDiff;
      return { left: input.original, right: input.modified, label: tab.label };
    });
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

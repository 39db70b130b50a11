// Shared steps of the security suites in real VS Code: the secrets the fake daemons hold, the files
// the extension host can leave behind, and the Markdown of tree items and hovers.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { KoraApi } from '../../../src/extension';
import type { HealthNode } from '../../../src/core/tree/daemonTree';
import { assertInertMarkdown } from '../../unit/security/inertMarkdown';
import type { SecretLedger } from '../../unit/security/secrets';
import { daemonControl } from '../faults/control';

/** Files larger than this are not read whole (none of ours should come close). */
const MAX_SCANNED_BYTES = 20 * 1024 * 1024;

/** Records the current session and MCP token of a fake daemon. */
export async function rememberTokens(
  ledger: SecretLedger,
  daemonName: string,
): Promise<{ token: string; mcpToken: string }> {
  const state = await daemonControl(daemonName).state();
  ledger.add(`${daemonName} session token #${state.tokenRotations}`, state.token);
  ledger.add(`${daemonName} MCP token`, state.mcpToken);
  return state;
}

/** Every regular file below `root` (missing roots give none), with its text. */
export function filesBelow(root: string): Array<{ file: string; text: string }> {
  if (!fs.existsSync(root)) return [];
  const found: Array<{ file: string; text: string }> = [];
  const visit = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (entry.isFile() && fs.statSync(full).size <= MAX_SCANNED_BYTES)
        found.push({ file: full, text: fs.readFileSync(full).toString('latin1') });
    }
  };
  visit(root);
  return found;
}

/**
 * The user-data folder of this VS Code (settings, global storage, logs): the extension's global
 * storage is `<user data>/User/globalStorage/<extension id>`.
 */
export function userDataDir(api: KoraApi): string {
  return path.resolve(api.context.extension.globalStorageUri.fsPath, '..', '..', '..');
}

/** All nodes of the health tree as the view has them. */
export function treeNodes(api: KoraApi): HealthNode[] {
  const provider = api.health.treeProvider;
  const visit = (handles: ReturnType<typeof provider.getChildren>): HealthNode[] =>
    handles.flatMap((handle) => {
      const node = provider.node(handle);
      return node ? [node, ...visit(provider.getChildren(handle))] : [];
    });
  return visit(provider.getChildren());
}

/** A MarkdownString that cannot run commands (or only `allowedCommands`), render HTML, or link out. */
export function assertSafeMarkdownString(value: unknown, where: string, allowedCommands: readonly string[] = []): void {
  assert.ok(value instanceof vscode.MarkdownString, `${where}: a MarkdownString`);
  const trusted = value.isTrusted;
  if (typeof trusted === 'object') {
    const enabled = trusted.enabledCommands ?? [];
    assert.ok(
      enabled.every((command) => allowedCommands.includes(command)),
      `${where}: only allow-listed commands are trusted (${enabled.join(', ')})`,
    );
  } else {
    assert.notEqual(trusted, true, `${where}: not trusted`);
  }
  assert.notEqual(value.supportHtml, true, `${where}: no HTML`);
  assertInertMarkdown(value.value, where, { allowedCommands });
}

/** The Markdown of every hover at `position`. */
export async function hoversAt(uri: vscode.Uri, position: vscode.Position): Promise<vscode.MarkdownString[]> {
  const hovers =
    (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
  return hovers
    .flatMap((hover) => hover.contents)
    .filter((content): content is vscode.MarkdownString => content instanceof vscode.MarkdownString);
}

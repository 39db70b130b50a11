// Activation only: build the context, register every feature, return the test-facing API.
import type * as vscode from 'vscode';
import { KoraContext } from './vscode/context';
import { registerCommands } from './vscode/commands';

let active: KoraContext | undefined;

export interface KoraApi {
  /** The context, exposed for the integration tests (they run in the same extension host). */
  readonly context: KoraContext;
}

export function activate(extension: vscode.ExtensionContext): KoraApi {
  const kora = new KoraContext(extension);
  active = kora;
  registerCommands(kora);
  kora.logger('activate').info(`Kora Ops ${extension.extension.packageJSON.version} activated`);
  return { context: kora };
}

export function deactivate(): void {
  active?.dispose();
  active = undefined;
}

// The extension context object: owns every disposable, the log and the token store. activate()
// builds the typed services (vscode/services.ts) around it and hands them to features and commands.
import * as vscode from 'vscode';
import { DisposableStore } from './lifecycle';
import { ExtensionLog, type Logger } from './log';
import { TokenStore } from './secrets';

export class KoraContext implements vscode.Disposable {
  private readonly store = new DisposableStore();
  readonly log: ExtensionLog;
  readonly tokens: TokenStore;

  constructor(readonly extension: vscode.ExtensionContext) {
    this.log = this.register(new ExtensionLog());
    this.tokens = this.register(new TokenStore(extension.secrets, this.log));
  }

  /** Registers a disposable to be released when the extension deactivates. */
  register<T extends vscode.Disposable>(item: T): T {
    return this.store.add(item);
  }

  logger(component: string): Logger {
    return this.log.logger(component);
  }

  dispose(): void {
    this.store.dispose();
  }
}

// Tokens live in SecretStorage only, keyed by the daemon's origin so that a token is never
// offered to another host. Values are registered with the log so they are scrubbed if leaked.
import * as vscode from 'vscode';
import type { ExtensionLog } from './log';

export type TokenKind = 'session' | 'mcp';

function storageKey(kind: TokenKind, daemonUrl: string): string {
  return `kora.${kind}Token:${new URL(daemonUrl).origin}`;
}

export class TokenStore {
  private readonly changed = new vscode.EventEmitter<{ kind: TokenKind; daemonUrl: string }>();
  /** Fires after a token is stored or cleared. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly log: ExtensionLog,
  ) {}

  async get(kind: TokenKind, daemonUrl: string): Promise<string | undefined> {
    const value = await this.secrets.get(storageKey(kind, daemonUrl));
    this.log.addSecret(value);
    return value || undefined;
  }

  async set(kind: TokenKind, daemonUrl: string, value: string): Promise<void> {
    this.log.addSecret(value);
    await this.secrets.store(storageKey(kind, daemonUrl), value);
    this.changed.fire({ kind, daemonUrl });
  }

  async clear(kind: TokenKind, daemonUrl: string): Promise<void> {
    await this.secrets.delete(storageKey(kind, daemonUrl));
    this.changed.fire({ kind, daemonUrl });
  }

  dispose(): void {
    this.changed.dispose();
  }
}

// What the daemon itself said about a pushed file (a 422), as diagnostics in their own collection:
// they describe the file as it was pushed, so the next edit or push clears them.
import * as vscode from 'vscode';
import type { Finding } from '../../core/findings';
import { toDiagnostic } from '../phrasebook/convert';

export const DAEMON_DIAGNOSTICS_NAME = 'kora-daemon';

export class DaemonDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection(DAEMON_DIAGNOSTICS_NAME);
  private readonly subscription: vscode.Disposable;

  constructor() {
    this.subscription = vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length > 0 && this.collection.has(event.document.uri))
        this.collection.delete(event.document.uri);
    });
  }

  show(uri: vscode.Uri, findings: readonly Finding[]): void {
    this.collection.set(
      uri,
      findings.map((finding) => {
        const diagnostic = toDiagnostic(finding, uri);
        diagnostic.source = DAEMON_DIAGNOSTICS_NAME;
        return diagnostic;
      }),
    );
  }

  clear(uri: vscode.Uri): void {
    this.collection.delete(uri);
  }

  dispose(): void {
    this.subscription.dispose();
    this.collection.dispose();
  }
}

// Read-only plain-text documents for "Test Message" results. A scheme of their own: documents of the
// phrasebook scheme are linted as phrasebooks, and a result is not one.
import * as vscode from 'vscode';
import { TEST_RESULT_SCHEME } from '../constants';

const MAX_DOCUMENTS = 20;

export class TestResultDocuments implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private counter = 0;

  add(title: string, text: string): vscode.Uri {
    this.counter += 1;
    const id = String(this.counter);
    this.texts.set(id, text);
    while (this.texts.size > MAX_DOCUMENTS) this.texts.delete(this.texts.keys().next().value as string);
    return vscode.Uri.from({ scheme: TEST_RESULT_SCHEME, path: `/${id}/${title.replace(/[\\/]/g, '-')}.txt` });
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    const id = uri.path.split('/')[1] ?? '';
    return this.texts.get(id) ?? 'This result is no longer kept; test the message again.\n';
  }
}

// Read-only plain-text documents for "Test Message" results. A scheme of their own: documents of the
// phrasebook scheme are linted as phrasebooks, and a result is not one.
import * as vscode from 'vscode';
import { TEST_RESULT_SCHEME } from '../constants';
import { SlotTexts, slotId } from './previewSlots';

const MAX_DOCUMENTS = 20;

export class TestResultDocuments implements vscode.TextDocumentContentProvider {
  private readonly texts = new SlotTexts(MAX_DOCUMENTS);
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  /** One document per title: testing again replaces the text of the tab already open. */
  add(title: string, text: string): vscode.Uri {
    const id = slotId(title);
    this.texts.set(id, text);
    const uri = vscode.Uri.from({ scheme: TEST_RESULT_SCHEME, path: `/${id}/${title.replace(/[\\/]/g, '-')}.txt` });
    this.changed.fire(uri);
    return uri;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    const id = uri.path.split('/')[1] ?? '';
    return this.texts.get(id) ?? 'This result is no longer kept; test the message again.\n';
  }
}

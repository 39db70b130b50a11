// Loads the phrasebook bundle (dist/phrasebook.js) on first need, so activation only pays for the
// health view, the status bar and the command shells. The needs: a phrasebook candidate (YAML, or a
// live phrasebook) is open, a phrasebook command runs, the Test Explorer asks, a live document's
// content is wanted. The bundle is handed the services object and builds its features once.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { PhrasebookFeatures } from '../phrasebookFeatures';
import { LIVE_PHRASEBOOK_SCHEME, PHRASEBOOK_BUNDLE, YAML_LANGUAGE_ID } from './constants';
import type { KoraServices } from './services';
import { errorText } from '../core/text/errorText';

type PhrasebookBundle = typeof import('../phrasebookFeatures');

/** `phrasebook()` of the services: loads and starts the bundle once, then returns its features. */
export function phrasebookLoader(
  extensionPath: string,
  services: () => KoraServices,
): { load(): PhrasebookFeatures; loaded(): boolean } {
  let features: PhrasebookFeatures | undefined;
  let loading = false;
  return {
    load: () => {
      if (features) return features;
      if (loading) throw new Error('the phrasebook features asked for themselves while starting');
      loading = true;
      try {
        // A runtime require of the second bundle: esbuild leaves a computed path alone.
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first need, not at activation
        const bundle = require(path.join(extensionPath, PHRASEBOOK_BUNDLE)) as PhrasebookBundle;
        features = bundle.activatePhrasebookFeatures(services());
        return features;
      } finally {
        loading = false;
      }
    },
    loaded: () => features !== undefined,
  };
}

/** A document the phrasebook features may care about, decided without reading it. */
function mayBePhrasebook(document: vscode.TextDocument): boolean {
  return document.languageId === YAML_LANGUAGE_ID || document.uri.scheme === LIVE_PHRASEBOOK_SCHEME;
}

/**
 * Loads the phrasebook features when a YAML or live phrasebook document is (or becomes) open. An
 * already open one is handled just after activate() returns, so activation stays cheap.
 */
export function loadWhenPhrasebookOpens(services: KoraServices): vscode.Disposable {
  const log = services.context.logger('activate');
  const load = (why: string) => {
    if (services.phrasebookLoaded()) return;
    try {
      services.phrasebook();
      log.info(`phrasebook features loaded (${why})`);
    } catch (error) {
      log.error(`the phrasebook features failed to load: ${errorText(error)}`);
    }
  };
  const opened = vscode.workspace.onDidOpenTextDocument((document) => {
    if (mayBePhrasebook(document)) load('a YAML document was opened');
  });
  const startup = setImmediate(() => {
    if (vscode.workspace.textDocuments.some(mayBePhrasebook)) load('a YAML document is open');
  });
  return new vscode.Disposable(() => {
    clearImmediate(startup);
    opened.dispose();
  });
}

/**
 * A content provider registered at activation whose documents are produced by the phrasebook
 * bundle (live phrasebooks, Test Message results): asking for content loads it.
 */
export class DeferredContentProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private forwarding: vscode.Disposable | undefined;
  readonly onDidChange = this.changed.event;

  constructor(private readonly target: () => vscode.TextDocumentContentProvider) {}

  provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): vscode.ProviderResult<string> {
    const provider = this.target();
    this.forwarding ??= provider.onDidChange?.((changed) => this.changed.fire(changed));
    return provider.provideTextDocumentContent(uri, token);
  }

  dispose(): void {
    this.forwarding?.dispose();
    this.changed.dispose();
  }
}

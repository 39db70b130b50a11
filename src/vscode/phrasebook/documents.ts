// Decides which open documents are phrasebooks: YAML matching the `kora.phrasebook.files` globs,
// YAML whose content looks like a phrasebook, and the live documents opened from the daemon.
// Everything else, plain YAML included, is left alone by every phrasebook feature.
import * as vscode from 'vscode';
import { looksLikePhrasebook } from '../../core/phrasebook';
import { isTestFilePath } from '../../core/phrasebook/tests/paths';
import type { KoraConfig } from '../config';
import { CONTEXT, LIVE_PHRASEBOOK_SCHEME, YAML_LANGUAGE_ID } from '../constants';
import { DisposableStore } from '../lifecycle';

/**
 * Schemes of documents an operator edits. Others (git's diff sides, output channels, ...) would
 * only put duplicate problems in the Problems panel.
 */
const EDITABLE_SCHEMES: readonly string[] = ['file', 'untitled', 'vscode-remote', 'vscode-vfs', 'vscode-userdata'];

/** The selector every phrasebook provider registers for; `isPhrasebook` then narrows it down. */
export const PHRASEBOOK_PROVIDER_SELECTOR: vscode.DocumentSelector = [
  ...EDITABLE_SCHEMES.map((scheme) => ({ language: YAML_LANGUAGE_ID, scheme })),
  { scheme: LIVE_PHRASEBOOK_SCHEME },
];

/**
 * Content sniffing reads at most this much: the `entries` key and its first items come early, and
 * a multi-megabyte YAML file must not be parsed whole on every keystroke just to be recognised.
 */
const SNIFF_PREFIX_CHARS = 64 * 1024;

interface ContentVerdict {
  version: number;
  looksLikePhrasebook: boolean;
}

export class PhrasebookDocuments implements vscode.Disposable {
  private readonly store = new DisposableStore();
  private fileSelector: vscode.DocumentFilter[] = [];
  /**
   * Content sniffing is cheap but not free: remember the verdict per document version. Keyed by
   * the document object, so a reopened document (a new object, version 1 again) starts afresh.
   */
  private readonly contentVerdicts = new WeakMap<vscode.TextDocument, ContentVerdict>();
  private readonly selectionChanged = this.store.add(new vscode.EventEmitter<void>());
  private activeEditorIsPhrasebook: boolean | undefined;

  /** Fires when the set of phrasebook documents may have changed (settings, workspace folders). */
  readonly onDidChangeSelection = this.selectionChanged.event;

  constructor(private readonly config: KoraConfig) {
    this.fileSelector = buildFileSelector(config.get('phrasebookFiles'));
    this.store.add(
      config.onDidChange((change) => {
        if (change.affects('phrasebookFiles')) this.reloadSelector();
      }),
    );
    this.store.add(vscode.workspace.onDidChangeWorkspaceFolders(() => this.reloadSelector()));
    this.store.add(vscode.window.onDidChangeActiveTextEditor(() => this.updateContextKey()));
    this.store.add(
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document === vscode.window.activeTextEditor?.document) this.updateContextKey();
      }),
    );
    this.updateContextKey();
  }

  /** Documents that may be phrasebooks, decided without reading them (cheap, for every keystroke). */
  isCandidate(document: vscode.TextDocument): boolean {
    if (document.uri.scheme === LIVE_PHRASEBOOK_SCHEME) return true;
    return document.languageId === YAML_LANGUAGE_ID && EDITABLE_SCHEMES.includes(document.uri.scheme);
  }

  isPhrasebook(document: vscode.TextDocument): boolean {
    if (!this.isCandidate(document)) return false;
    if (document.uri.scheme === LIVE_PHRASEBOOK_SCHEME) return true;
    // Test files (`slack_dm.tests.yml`) sit beside phrasebooks and match their globs; the
    // Testing feature checks them.
    if (isTestFilePath(document.uri.path)) return false;
    if (this.fileSelector.length > 0 && vscode.languages.match(this.fileSelector, document) > 0) return true;
    return this.contentLooksLikePhrasebook(document);
  }

  private contentLooksLikePhrasebook(document: vscode.TextDocument): boolean {
    const cached = this.contentVerdicts.get(document);
    if (cached && cached.version === document.version) return cached.looksLikePhrasebook;
    const prefix = document.getText(
      new vscode.Range(new vscode.Position(0, 0), document.positionAt(SNIFF_PREFIX_CHARS)),
    );
    const verdict = looksLikePhrasebook(prefix);
    this.contentVerdicts.set(document, { version: document.version, looksLikePhrasebook: verdict });
    return verdict;
  }

  private reloadSelector(): void {
    this.fileSelector = buildFileSelector(this.config.get('phrasebookFiles'));
    this.updateContextKey();
    this.selectionChanged.fire();
  }

  /** `kora.isPhrasebookEditor` drives the editor-title push button; only set it when it flips. */
  private updateContextKey(): void {
    const document = vscode.window.activeTextEditor?.document;
    const isPhrasebook = document !== undefined && this.isPhrasebook(document);
    if (isPhrasebook === this.activeEditorIsPhrasebook) return;
    this.activeEditorIsPhrasebook = isPhrasebook;
    void vscode.commands.executeCommand('setContext', CONTEXT.isPhrasebookEditor, isPhrasebook);
  }

  dispose(): void {
    this.store.dispose();
  }
}

/**
 * Globs are relative to each workspace folder. Globs that start with `**` also match anywhere on
 * disk, so `~/.kora/phrasebook/slack_dm.yml` opened from outside the workspace is recognised too.
 */
function buildFileSelector(configured: readonly string[]): vscode.DocumentFilter[] {
  const globs = configured.filter((glob) => glob.trim() !== '');
  const folders = vscode.workspace.workspaceFolders ?? [];
  const filters: vscode.DocumentFilter[] = [];
  for (const glob of globs) {
    for (const folder of folders)
      filters.push({ language: YAML_LANGUAGE_ID, pattern: new vscode.RelativePattern(folder, glob) });
    if (glob.startsWith('**') || folders.length === 0) filters.push({ language: YAML_LANGUAGE_ID, pattern: glob });
  }
  return filters;
}

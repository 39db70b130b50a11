// The phrasebook language features: which documents are phrasebooks, their diagnostics, quick
// fixes, placeholder completion and hovers. The phrasebook bundle wires them all with one call.
import * as vscode from 'vscode';
import type { KoraServices } from '../services';
import type { AnalysisStats } from './analysis';
import { PhrasebookCodeActions } from './codeActions';
import { PLACEHOLDER_TRIGGER_CHARACTERS, PlaceholderCompletion } from './completion';
import { DeepAnalysisService } from './deepAnalysis';
import { PhrasebookDiagnostics } from './diagnostics';
import { PHRASEBOOK_PROVIDER_SELECTOR, PhrasebookDocuments } from './documents';
import { PhrasebookHover } from './hover';
import { LiveSnapshot } from './liveSnapshot';
import { PolledSnapshots } from './polledSnapshots';

export type { AnalysisStats } from './analysis';

/** What the integration tests (same extension host) can observe of the phrasebook features. */
export interface PhrasebookApi {
  isPhrasebook(document: vscode.TextDocument): boolean;
  /** Counters of the analyses of an open phrasebook (undefined when it is not tracked). */
  stats(uri: vscode.Uri): AnalysisStats | undefined;
  /** Fires after the diagnostics of a document were published. */
  readonly onDidPublish: vscode.Event<vscode.Uri>;
}

export interface PhrasebookLanguageFeatures {
  readonly api: PhrasebookApi;
  /** The analyzer the diagnostics fill, for other features that need verdicts (Test Message, tests). */
  readonly deep: DeepAnalysisService;
}

export function registerPhrasebookFeatures(services: KoraServices): PhrasebookLanguageFeatures {
  const { context: kora, config, health } = services;
  const log = kora.logger('phrasebook');
  const documents = kora.register(new PhrasebookDocuments(config));
  const deep = kora.register(
    new DeepAnalysisService(kora.extension.extensionPath, kora.extension.globalStorageUri.fsPath, log, config),
  );
  const diagnostics = kora.register(new PhrasebookDiagnostics(documents, deep, log, config));
  // The monitor is replaced when the polling settings change: looked up when a value is needed.
  const live = new LiveSnapshot(new PolledSnapshots(() => health.monitor));

  kora.register(
    vscode.languages.registerCodeActionsProvider(
      PHRASEBOOK_PROVIDER_SELECTOR,
      new PhrasebookCodeActions(diagnostics),
      PhrasebookCodeActions.metadata,
    ),
  );
  kora.register(
    vscode.languages.registerCompletionItemProvider(
      PHRASEBOOK_PROVIDER_SELECTOR,
      new PlaceholderCompletion(diagnostics, live),
      ...PLACEHOLDER_TRIGGER_CHARACTERS,
    ),
  );
  kora.register(
    vscode.languages.registerHoverProvider(PHRASEBOOK_PROVIDER_SELECTOR, new PhrasebookHover(diagnostics, live)),
  );

  const api: PhrasebookApi = {
    isPhrasebook: (document) => documents.isPhrasebook(document),
    stats: (uri) => diagnostics.stats(uri),
    onDidPublish: diagnostics.onDidPublish,
  };
  return { api, deep };
}

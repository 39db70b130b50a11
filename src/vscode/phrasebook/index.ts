// The phrasebook language features: which documents are phrasebooks, their diagnostics, quick
// fixes, placeholder completion and hovers. One call from activate() wires them all.
import * as vscode from 'vscode';
import type { KoraContext } from '../context';
import { healthMonitorOf } from '../health';
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

const deepAnalyses = new WeakMap<KoraContext, DeepAnalysisService>();

/** The analyzer the diagnostics fill, for other features that need verdicts (Test Message). */
export function deepAnalysisOf(kora: KoraContext): DeepAnalysisService {
  const deep = deepAnalyses.get(kora);
  if (!deep) throw new Error('the Kora phrasebook features are not active');
  return deep;
}

export function registerPhrasebookFeatures(kora: KoraContext): PhrasebookApi {
  const log = kora.logger('phrasebook');
  const documents = kora.register(new PhrasebookDocuments());
  const deep = kora.register(new DeepAnalysisService(kora.extension.extensionPath, kora.extension.globalStorageUri.fsPath, log));
  deepAnalyses.set(kora, deep);
  const diagnostics = kora.register(new PhrasebookDiagnostics(documents, deep, log));
  // The health feature registers after this one; its monitor is looked up when a value is needed.
  const live = new LiveSnapshot(new PolledSnapshots(() => healthMonitorOf(kora)));

  kora.register(
    vscode.languages.registerCodeActionsProvider(PHRASEBOOK_PROVIDER_SELECTOR, new PhrasebookCodeActions(diagnostics), PhrasebookCodeActions.metadata),
  );
  kora.register(
    vscode.languages.registerCompletionItemProvider(
      PHRASEBOOK_PROVIDER_SELECTOR,
      new PlaceholderCompletion(diagnostics, live),
      ...PLACEHOLDER_TRIGGER_CHARACTERS,
    ),
  );
  kora.register(vscode.languages.registerHoverProvider(PHRASEBOOK_PROVIDER_SELECTOR, new PhrasebookHover(diagnostics, live)));

  return {
    isPhrasebook: (document) => documents.isPhrasebook(document),
    stats: (uri) => diagnostics.stats(uri),
    onDidPublish: diagnostics.onDidPublish,
  };
}

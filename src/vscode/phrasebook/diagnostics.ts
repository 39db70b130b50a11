// The single owner of phrasebook diagnostics: one DiagnosticCollection, analysed on open, on change
// (debounced), on settings changes, and cleared on close. The local pass is synchronous and
// re-analyses only the entries whose text changed; deep ReDoS verdicts follow asynchronously and
// are dropped when the document moved on in the meantime.
import * as vscode from 'vscode';
import type { Finding } from '../../core/findings';
import { setDaemonPythonVersion, type SeverityOverrides } from '../../core/phrasebook';
import type { KoraConfig } from '../config';
import { DIAGNOSTIC_SOURCE, LIVE_PHRASEBOOK_SCHEME } from '../constants';
import { DisposableStore } from '../lifecycle';
import type { Logger } from '../log';
import { DocumentAnalysis, type AnalysisStats } from './analysis';
import { toDiagnostic } from './convert';
import type { DeepAnalysisService } from './deepAnalysis';
import type { PhrasebookDocuments } from './documents';
import { errorText } from '../../core/text/errorText';

/** Typing pauses shorter than this do not trigger an analysis. */
export const ANALYSIS_DEBOUNCE_MS = 200;
/** Deep verdicts arriving within this window are published together. */
const DEEP_PUBLISH_INTERVAL_MS = 250;

interface TrackedDocument {
  analysis: DocumentAnalysis;
  /** Increments whenever a new deep run starts; an older run stops at its next step. */
  deepRun: number;
}

export class PhrasebookDiagnostics implements vscode.Disposable {
  private readonly store = new DisposableStore();
  private readonly collection: vscode.DiagnosticCollection;
  private readonly tracked = new Map<string, TrackedDocument>();
  private readonly debounces = new Map<string, NodeJS.Timeout>();
  private severityOverrides: SeverityOverrides;
  private readonly published = this.store.add(new vscode.EventEmitter<vscode.Uri>());
  /** Fires after the diagnostics of a document were (re)published. */
  readonly onDidPublish = this.published.event;

  constructor(
    private readonly documents: PhrasebookDocuments,
    private readonly deep: DeepAnalysisService,
    private readonly log: Logger,
    config: KoraConfig,
  ) {
    this.severityOverrides = config.get('phrasebookSeverity');
    this.collection = this.store.add(vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE));
    this.store.add(vscode.workspace.onDidOpenTextDocument((document) => this.refresh(document, true)));
    this.store.add(vscode.workspace.onDidChangeTextDocument((event) => this.onChange(event.document)));
    this.store.add(vscode.workspace.onDidCloseTextDocument((document) => this.onClose(document)));
    this.store.add(documents.onDidChangeSelection(() => this.refreshAll()));
    this.store.add(deep.onDidChangeSettings(() => this.restartDeepAnalysis()));
    this.store.add(
      config.onDidChange((change) => {
        if (!change.affects('phrasebookSeverity', 'pythonVersion')) return;
        this.severityOverrides = config.get('phrasebookSeverity');
        setDaemonPythonVersion(config.get('pythonVersion'));
        this.refreshAll();
      }),
    );
    // The daemon's Python is process-wide in the core (Test Message reads it too); set it first.
    setDaemonPythonVersion(config.get('pythonVersion'));
    this.refreshAll();
  }

  /**
   * The up-to-date analysis of a phrasebook document (analysing it now if an edit is still
   * debounced), or undefined for documents that are not phrasebooks. For hovers, completion and
   * code actions, which must see the text as it is.
   */
  analysisFor(document: vscode.TextDocument): DocumentAnalysis | undefined {
    if (!this.documents.isPhrasebook(document)) return undefined;
    const tracked = this.tracked.get(key(document.uri));
    if (tracked && tracked.analysis.version === document.version) return tracked.analysis;
    this.analyse(document);
    return this.tracked.get(key(document.uri))?.analysis;
  }

  /** The findings of a phrasebook document as published (severity overrides applied), up to date. */
  findingsFor(document: vscode.TextDocument): Finding[] {
    return this.analysisFor(document)?.findings(this.deep.isEnabled, this.severityOverrides) ?? [];
  }

  stats(uri: vscode.Uri): AnalysisStats | undefined {
    return this.tracked.get(key(uri))?.analysis.stats(this.deep.isEnabled);
  }

  get deepAnalysisEnabled(): boolean {
    return this.deep.isEnabled;
  }

  /**
   * Analyses a document if it is a phrasebook and its analysis is out of date (or `force`, after a
   * settings change); forgets it (and its diagnostics) otherwise.
   */
  private refresh(document: vscode.TextDocument, force = false): void {
    if (!this.documents.isPhrasebook(document)) return this.forget(document.uri);
    if (force || this.tracked.get(key(document.uri))?.analysis.version !== document.version) this.analyse(document);
  }

  private refreshAll(): void {
    for (const document of vscode.workspace.textDocuments) this.refresh(document, true);
  }

  /** Debounced: typing re-analyses once per pause, and a YAML file may become a phrasebook meanwhile. */
  private onChange(document: vscode.TextDocument): void {
    if (!this.documents.isCandidate(document)) return;
    const uri = key(document.uri);
    if (this.tracked.get(uri)?.analysis.version === document.version) return;
    this.cancelDebounce(uri);
    this.debounces.set(
      uri,
      setTimeout(() => {
        this.debounces.delete(uri);
        if (!document.isClosed) this.refresh(document);
      }, ANALYSIS_DEBOUNCE_MS),
    );
  }

  private cancelDebounce(uri: string): void {
    const timer = this.debounces.get(uri);
    if (timer) clearTimeout(timer);
    this.debounces.delete(uri);
  }

  private track(uri: vscode.Uri): TrackedDocument {
    const tracked: TrackedDocument = { analysis: new DocumentAnalysis(), deepRun: 0 };
    this.tracked.set(key(uri), tracked);
    return tracked;
  }

  private analyse(document: vscode.TextDocument): void {
    this.cancelDebounce(key(document.uri));
    const tracked = this.tracked.get(key(document.uri)) ?? this.track(document.uri);
    try {
      tracked.analysis.analyse(document.getText(), document.version, this.severityOverrides);
    } catch (error) {
      // The core is meant never to throw; if it does, say so once instead of breaking the editor.
      this.log.error(`analysis of ${document.uri.toString(true)} failed: ${errorText(error)}`);
      return;
    }
    tracked.analysis.pruneVerdicts();
    this.publish(document.uri, tracked);
    void this.runDeepAnalysis(document, tracked);
  }

  /** Asks the worker for the verdicts still missing; stops as soon as a newer run starts. */
  private async runDeepAnalysis(document: vscode.TextDocument, tracked: TrackedDocument): Promise<void> {
    const run = ++tracked.deepRun;
    if (!this.deep.isEnabled) return;
    const isCurrent = () => tracked.deepRun === run && this.tracked.get(key(document.uri)) === tracked;
    let lastPublish = Date.now();
    let unpublished = false;
    // One pattern at a time: a run that goes stale wastes at most one analysis in the worker.
    for (const job of tracked.analysis.pendingDeepJobs()) {
      const verdict = await this.deep.analyze(job.source, job.flags);
      if (!isCurrent()) return;
      tracked.analysis.recordVerdict(job, verdict);
      unpublished = true;
      if (Date.now() - lastPublish >= DEEP_PUBLISH_INTERVAL_MS) {
        this.publish(document.uri, tracked);
        lastPublish = Date.now();
        unpublished = false;
      }
    }
    if (unpublished && isCurrent()) this.publish(document.uri, tracked);
  }

  private restartDeepAnalysis(): void {
    for (const document of vscode.workspace.textDocuments) {
      const tracked = this.tracked.get(key(document.uri));
      if (!tracked) continue;
      tracked.analysis.clearVerdicts();
      this.publish(document.uri, tracked);
      void this.runDeepAnalysis(document, tracked);
    }
  }

  private publish(uri: vscode.Uri, tracked: TrackedDocument): void {
    // Live and preview documents are read-only copies: their findings would only repeat the file's
    // in the Problems view (hovers still explain them).
    const findings =
      uri.scheme === LIVE_PHRASEBOOK_SCHEME
        ? []
        : tracked.analysis.findings(this.deep.isEnabled, this.severityOverrides);
    this.collection.set(
      uri,
      findings.map((finding) => toDiagnostic(finding, uri)),
    );
    this.published.fire(uri);
  }

  /**
   * A closed document's URI may already belong to a new document (an untitled name is reused
   * while the old model is still being disposed): then that one is analysed instead.
   */
  private onClose(closed: vscode.TextDocument): void {
    const successor = vscode.workspace.textDocuments.find(
      (document) => document !== closed && key(document.uri) === key(closed.uri),
    );
    if (successor) this.refresh(successor, true);
    else this.forget(closed.uri);
  }

  private forget(uri: vscode.Uri): void {
    this.cancelDebounce(key(uri));
    const tracked = this.tracked.get(key(uri));
    if (tracked) tracked.deepRun++;
    this.tracked.delete(key(uri));
    this.collection.delete(uri);
  }

  dispose(): void {
    for (const timer of this.debounces.values()) clearTimeout(timer);
    this.debounces.clear();
    for (const tracked of this.tracked.values()) tracked.deepRun++;
    this.tracked.clear();
    this.store.dispose();
  }
}

function key(uri: vscode.Uri): string {
  return uri.toString();
}

// The deep ReDoS analyzer as the editor uses it: created from the settings, replaced when the time
// budget changes, dropped when deep analysis is turned off. The analysis runs in recheck's native
// binary or in worker threads (src/core/redos/deep.ts), so a slow pattern never stalls the
// extension host; verdicts are kept between sessions in the extension's global storage.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { DeepRedosAnalyzer } from '../../core/redos/deep';
import { findNativeBinary } from '../../core/redos/nativeBinary';
import { FileVerdictStore, analyserVersion, type VerdictStore } from '../../core/redos/verdictStore';
import type { RedosVerdict } from '../../core/redos/verdict';
import type { KoraConfig } from '../config';
import { REDOS_WORKER_BUNDLE } from '../constants';
import type { Logger } from '../log';

export class DeepAnalysisService implements vscode.Disposable {
  private analyzer: DeepRedosAnalyzer | undefined;
  private store: VerdictStore | undefined;
  private enabled: boolean;
  private timeBudgetMs: number;
  private readonly settingsChanged = new vscode.EventEmitter<void>();
  private readonly configurationListener: vscode.Disposable;
  /** Fires after the analyzer was replaced or switched off: earlier verdicts are void. */
  readonly onDidChangeSettings = this.settingsChanged.event;

  constructor(
    private readonly extensionPath: string,
    /** The extension's global storage folder, home of the verdict cache. */
    private readonly storageFolder: string,
    private readonly log: Logger,
    private readonly config: KoraConfig,
  ) {
    this.enabled = config.get('deepAnalysisEnabled');
    this.timeBudgetMs = config.get('deepAnalysisTimeBudgetMs');
    this.configurationListener = config.onDidChange((change) => {
      if (change.affects('deepAnalysisEnabled', 'deepAnalysisTimeBudgetMs')) this.reload();
    });
  }

  get isEnabled(): boolean {
    return this.enabled;
  }

  /** Analyses one translated pattern. Never rejects (the analyzer turns failures into verdicts). */
  analyze(jsSource: string, jsFlags: string): Promise<RedosVerdict> {
    this.analyzer ??= this.createAnalyzer();
    return this.analyzer.analyze(jsSource, jsFlags);
  }

  private createAnalyzer(): DeepRedosAnalyzer {
    const nativeBinaryPath = findNativeBinary([this.extensionPath]);
    const backend = nativeBinaryPath === undefined ? 'pure' : 'native';
    // One store for the session: it outlives analyzers replaced by a settings change.
    this.store ??= new FileVerdictStore(this.storageFolder, analyserVersion(backend), (message) =>
      this.log.warn(message),
    );
    this.log.info(`deep analysis with recheck's ${backend === 'native' ? 'native binary' : 'pure-JavaScript build'}`);
    return new DeepRedosAnalyzer({
      workerPath: path.join(this.extensionPath, REDOS_WORKER_BUNDLE),
      nativeBinaryPath,
      timeBudgetMs: this.timeBudgetMs,
      store: this.store,
    });
  }

  private reload(): void {
    const enabled = this.config.get('deepAnalysisEnabled');
    const timeBudgetMs = this.config.get('deepAnalysisTimeBudgetMs');
    if (enabled === this.enabled && timeBudgetMs === this.timeBudgetMs) return;
    this.log.info(`deep analysis ${enabled ? `on, time budget ${timeBudgetMs} ms` : 'off'}`);
    this.enabled = enabled;
    this.timeBudgetMs = timeBudgetMs;
    this.analyzer?.dispose();
    this.analyzer = undefined;
    this.settingsChanged.fire();
  }

  dispose(): void {
    this.configurationListener.dispose();
    this.settingsChanged.dispose();
    this.analyzer?.dispose();
    this.analyzer = undefined;
  }
}

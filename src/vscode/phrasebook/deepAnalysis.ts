// The deep ReDoS analyzer as the editor uses it: created from the settings, replaced when the time
// budget changes, dropped when deep analysis is turned off. The analysis runs in a worker
// (src/core/redos/deep.ts), so a slow pattern never stalls the extension host.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { DeepRedosAnalyzer, DEFAULT_TIME_BUDGET_MS } from '../../core/redos/deep';
import type { RedosVerdict } from '../../core/redos/verdict';
import { affects, readBoolean, readNumber } from '../config';
import { REDOS_WORKER_BUNDLE, SETTING } from '../constants';
import type { Logger } from '../log';

/** The manifest's minimum for `kora.phrasebook.deepAnalysis.timeBudgetMs`. */
const MIN_TIME_BUDGET_MS = 100;
export class DeepAnalysisService implements vscode.Disposable {
  private analyzer: DeepRedosAnalyzer | undefined;
  private enabled: boolean;
  private timeBudgetMs: number;
  private readonly settingsChanged = new vscode.EventEmitter<void>();
  private readonly configurationListener: vscode.Disposable;
  /** Fires after the analyzer was replaced or switched off: earlier verdicts are void. */
  readonly onDidChangeSettings = this.settingsChanged.event;

  constructor(
    private readonly extensionPath: string,
    private readonly log: Logger,
  ) {
    this.enabled = readEnabled();
    this.timeBudgetMs = readTimeBudget();
    this.configurationListener = vscode.workspace.onDidChangeConfiguration((event) => {
      if (affects(event, SETTING.deepAnalysisEnabled, SETTING.deepAnalysisTimeBudgetMs)) this.reload();
    });
  }

  get isEnabled(): boolean {
    return this.enabled;
  }

  /** Analyses one translated pattern. Never rejects (the analyzer turns failures into verdicts). */
  analyze(jsSource: string, jsFlags: string): Promise<RedosVerdict> {
    this.analyzer ??= new DeepRedosAnalyzer({
      workerPath: path.join(this.extensionPath, REDOS_WORKER_BUNDLE),
      timeBudgetMs: this.timeBudgetMs,
    });
    return this.analyzer.analyze(jsSource, jsFlags);
  }

  private reload(): void {
    const enabled = readEnabled();
    const timeBudgetMs = readTimeBudget();
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

function readEnabled(): boolean {
  return readBoolean(SETTING.deepAnalysisEnabled, true);
}

function readTimeBudget(): number {
  return Math.max(MIN_TIME_BUDGET_MS, readNumber(SETTING.deepAnalysisTimeBudgetMs, DEFAULT_TIME_BUDGET_MS));
}

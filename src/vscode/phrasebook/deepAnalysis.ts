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
/** How the translator writes Python's `^` (start of input), flag-independent... */
const START_OF_INPUT = String.raw`(?<![\s\S])`;
/** ... and Python's `$` (end of input, or before a final newline). */
const PYTHON_END_OF_INPUT = String.raw`(?=\n?(?![\s\S]))`;

/**
 * Workaround until the translator (or the analyzer) offers an analysis-oriented translation:
 * recheck decides `^…$` statically in milliseconds, but on the translator's lookaround anchors it
 * falls back to random fuzzing, which is slow, varies from run to run and calls `^(a|aa)+$`
 * polynomial or runs out of time. So the pattern's own leading and trailing anchors are rewritten:
 * a leading `(?<![\s\S])` is exactly `^` without the `m` flag, and a trailing Python `$` becomes
 * `\n?$`, which accepts the same inputs (the daemon only asks whether a match exists) with the
 * same backtracking. Anchors inside the pattern are left alone.
 */
export function recheckFriendlySource(jsSource: string, jsFlags: string): string {
  if (jsFlags.includes('m')) return jsSource;
  let source = jsSource;
  if (source.startsWith(START_OF_INPUT)) source = `^${source.slice(START_OF_INPUT.length)}`;
  if (source.endsWith(PYTHON_END_OF_INPUT) && !isEscaped(source, source.length - PYTHON_END_OF_INPUT.length)) {
    source = `${source.slice(0, -PYTHON_END_OF_INPUT.length)}\\n?$`;
  }
  return source;
}

/** True when the character at `index` is preceded by an odd number of backslashes. */
function isEscaped(source: string, index: number): boolean {
  let backslashes = 0;
  for (let i = index - 1; i >= 0 && source[i] === '\\'; i--) backslashes++;
  return backslashes % 2 === 1;
}

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
    return this.analyzer.analyze(recheckFriendlySource(jsSource, jsFlags), jsFlags);
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

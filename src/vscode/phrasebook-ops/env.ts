// Everything the phrasebook operations share in the editor, built once at activation.
import * as vscode from 'vscode';
import type { LocalHistory } from '../../core/history/localHistory';
import { auditLine, type AuditFacts } from '../../core/phrasebook/ops/audit';
import type { LiveState } from '../../core/phrasebook/ops/live';
import type { Reconciliation } from '../../core/phrasebook/ops/reconcile';
import type { Logger } from '../log';
import type { PhrasebookBases } from './bases';
import type { DaemonAccess } from './daemonAccess';
import type { DaemonDiagnostics } from './daemonDiagnostics';
import type { OpsDocumentProvider } from './opsDocuments';
import type { Prompter } from './prompter';
import type { TestResultDocuments } from './testResultDocuments';
import { safeLine } from '../../core/text/sanitize';

export interface OpsEnv {
  daemons: DaemonAccess;
  prompter: Prompter;
  history: LocalHistory;
  bases: PhrasebookBases;
  documents: OpsDocumentProvider;
  testResults: TestResultDocuments;
  diagnostics: DaemonDiagnostics;
  log: Logger;
  notify: Notifier;
  /** Tells the tree and the open live documents that a daemon's phrasebook may have changed. */
  afterWrite(daemonName: string): void;
  now(): Date;
}

export function audit(env: OpsEnv, facts: AuditFacts): void {
  env.log.info(`audit ${auditLine(facts)}`);
}

/** A push or revert whose answer was lost, as both outcomes carry it. */
interface InterruptedWrite {
  plan: { live: LiveState };
  liveAfter?: LiveState;
  failure: string;
  reconciliation: Reconciliation;
}

/** The audit line of an interrupted write: what reconciliation found, entry counts either side. */
export function auditInterrupted(
  env: OpsEnv,
  action: 'push' | 'revert',
  daemonName: string,
  write: InterruptedWrite,
): void {
  audit(env, {
    daemon: daemonName,
    action,
    outcome: `interrupted_${write.reconciliation.outcome}`,
    entriesBefore: write.plan.live.entries.length,
    entriesAfter: write.liveAfter?.entries.length,
    detail: write.failure,
  });
}

/** Opens a side-by-side diff; `left`/`right` are usually frozen or live documents. */
export async function showDiff(left: vscode.Uri, right: vscode.Uri, title: string): Promise<void> {
  await vscode.commands.executeCommand('vscode.diff', left, right, title, { preview: false });
}

export interface Notifier {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/**
 * Tells the operator, and the log: a toast can be missed (or is hidden, under the test driver).
 * Not awaited: a toast's promise only settles when it is dismissed.
 */
/** Notifications are one line of our words with daemon text inside: shown sanitized. */
export function notifier(log: Logger): Notifier {
  return {
    info: (message) => {
      log.info(message);
      void vscode.window.showInformationMessage(safeLine(message));
    },
    warn: (message) => {
      log.warn(message);
      void vscode.window.showWarningMessage(safeLine(message));
    },
    error: (message) => {
      log.error(message);
      void vscode.window.showErrorMessage(safeLine(message));
    },
  };
}

export function fileName(uri: vscode.Uri): string {
  return uri.path.split('/').pop() || uri.path;
}

/** Tells the operator what a write whose answer was lost actually did, at the matching severity. */
export function notifyReconciliation(
  env: OpsEnv,
  action: 'push' | 'revert',
  daemonName: string,
  failure: string,
  reconciliation: Reconciliation,
): void {
  const headline = {
    written: `The ${action} took effect`,
    not_written: `The ${action} did not take effect`,
    unknown: `Whether the ${action} took effect is unknown`,
  }[reconciliation.outcome];
  const message = `${headline} on "${daemonName}" (${failure}). ${reconciliation.explanation}`;
  if (reconciliation.outcome === 'written') env.notify.info(message);
  else if (reconciliation.outcome === 'not_written') env.notify.error(message);
  else env.notify.warn(message);
}

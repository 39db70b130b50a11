// "Kora: Push Phrasebook to Daemon": the editor's side of the core push — which file and daemon,
// the conflict diff, the push diff and modal confirmation, progress, and telling the truth after.
import * as vscode from 'vscode';
import { keepAfterPush } from '../../core/phrasebook/ops/historyKeeping';
import { describeEntryChanges, entryCountText } from '../../core/phrasebook/ops/changes';
import { findingsForDaemonErrors, readPushableFile, type PushableFile } from '../../core/phrasebook/ops/daemonFindings';
import { describeSource, type LiveState } from '../../core/phrasebook/ops/live';
import {
  describeAfterWrite,
  pushPhrasebook,
  type PushConflict,
  type PushOutcome,
  type PushPlan,
} from '../../core/phrasebook/ops/push';
import type { Finding } from '../../core/findings';
import { toVsRange } from '../phrasebook/convert';
import { chooseDaemon } from '../daemonPicker';
import type { OpsDaemon } from './daemonAccess';
import { editorFindings, findingLine } from './pushFindings';
import { audit, auditInterrupted, notifyReconciliation, fileName, showDiff, type OpsEnv } from './env';
import { errorText } from '../../core/text/errorText';

export const PUSH_ACTION = 'Push';
/** With findings, the safe choice comes first (the modal's default) and pushing is explicit. */
export const SHOW_FINDINGS_ACTION = 'Show Findings';
export const PUSH_ANYWAY_ACTION = 'Push Anyway';
export const REVIEW_ACTION = 'Continue to Review';

/** Returned to the command caller (and the integration tests). */
export interface PushSummary {
  kind: PushOutcome['kind'] | 'no_file' | 'blocked';
  daemon?: string;
  outcome?: string;
  backupFilename?: string | null;
  /** Accepted pushes: what reading live right after the write showed. */
  after?: 'verified' | 'overwritten' | 'unverified';
}

export interface PushArgs {
  daemon?: string;
}

export async function pushFlow(env: OpsEnv, target: vscode.Uri | undefined, args: PushArgs = {}): Promise<PushSummary> {
  const fileUri = target ?? vscode.window.activeTextEditor?.document.uri;
  if (!fileUri) {
    env.notify.warn('Open a phrasebook file (or pick one in the Explorer) to push it.');
    return { kind: 'no_file' };
  }
  // The editor's text, unsaved changes included: what the operator sees is what is pushed.
  const document = await vscode.workspace.openTextDocument(fileUri);
  const file = readPushableFile(document.getText());
  env.diagnostics.clear(fileUri);
  if (file.blocking.length > 0) {
    await revealBlocking(env, document, file.blocking);
    return { kind: 'blocked' };
  }
  const daemon = await chooseDaemon(env.daemons.list(), env.prompter, `Push ${fileName(fileUri)} to which daemon?`, {
    name: args.daemon,
    preferredKeys: env.bases.daemonKeysOf(fileUri),
  });
  if (!daemon) return { kind: 'cancelled' };
  const base = env.bases.get(fileUri, daemon.key);

  const outcome = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Kora: push to ${daemon.name}` },
    (progress) =>
      pushPhrasebook(
        daemon.client,
        { payload: file.payload, baseHash: base?.hash },
        {
          onConflict: (conflict) => reviewConflict(env, daemon, fileUri, conflict, base?.yaml),
          confirm: (plan) => confirmPush(env, daemon, fileUri, document.isDirty, plan),
          onStep: (step) =>
            progress.report({
              message: {
                validating: 'checking the daemon rules…',
                reading_live: 'reading live…',
                rechecking_live: 'checking live is still what the preview showed…',
                writing: 'writing…',
                verifying: 'reading live again to verify…',
                reconciling: 'no clean answer; reading live again…',
              }[step],
            }),
        },
      ),
  );
  return report(env, daemon, fileUri, file, outcome);
}

/** Refuses with every error listed: the editor's own count when it has published one, else the daemon rules'. */
async function revealBlocking(env: OpsEnv, document: vscode.TextDocument, blocking: readonly Finding[]): Promise<void> {
  const first = blocking[0];
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  const range = toVsRange(first.range);
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  const shown = editorFindings(document.uri).errors;
  const lines =
    shown.length >= blocking.length
      ? shown.map(findingLine)
      : blocking.map((finding) => `line ${finding.range.start.line + 1}: ${finding.message}`);
  const daemonWould = lines.length === blocking.length ? '' : `, ${blocking.length} of them the daemon would reject`;
  env.notify.error(
    `Push refused: ${lines.length} error${lines.length === 1 ? '' : 's'} must be fixed first${daemonWould} — ${lines.join('; ')}. Nothing was sent.`,
  );
}

async function reviewConflict(
  env: OpsEnv,
  daemon: OpsDaemon,
  fileUri: vscode.Uri,
  conflict: PushConflict,
  baseYaml: string | undefined,
): Promise<boolean> {
  const live = env.documents.freeze(daemon.name, `${daemon.name} · live now`, conflict.live.yaml);
  const base = env.documents.freeze(
    daemon.name,
    `${daemon.name} · when ${fileName(fileUri)} was pulled`,
    baseYaml ?? '# The base content was not kept.\n',
  );
  await showDiff(base, live, `${daemon.name}: changed on the daemon since ${fileName(fileUri)} was pulled`);
  const answer = await env.prompter.askModal(
    `The live phrasebook on "${daemon.name}" changed since ${fileName(fileUri)} was pulled.`,
    `Someone else wrote it in the meantime (now ${entryCountText(conflict.live.entries.length)}, ${describeSource(conflict.live.response)}). ` +
      'The diff shows their change. Pushing replaces it with your file. Pull again to merge, or continue to review your push.',
    [REVIEW_ACTION],
  );
  return answer === REVIEW_ACTION;
}

async function confirmPush(
  env: OpsEnv,
  daemon: OpsDaemon,
  fileUri: vscode.Uri,
  dirty: boolean,
  plan: PushPlan,
): Promise<boolean> {
  const live = env.documents.freeze(daemon.name, `${daemon.name} · live`, plan.live.yaml);
  await showDiff(live, fileUri, `${daemon.name} live ↔ ${fileName(fileUri)} (push preview)`);
  const notes = [
    `Live: ${describeSource(plan.live.response)}, ${entryCountText(plan.live.entries.length)}.`,
    `After the push: ${describeEntryChanges(plan.changes)}.`,
    plan.live.response.source === 'override'
      ? 'The daemon backs up the current override first.'
      : 'This creates the override; there is nothing to back up.',
    ...(plan.baseUnknown
      ? [
          `${fileName(fileUri)} was not pulled from "${daemon.name}", so a colleague's recent change cannot be detected: check the diff.`,
        ]
      : []),
    ...(dirty ? ['Unsaved changes in the editor are included.'] : []),
  ];
  // The daemon's heuristic does not catch everything the deep analysis finds: say it all before writing.
  const { errors, redos } = editorFindings(fileUri);
  const findings = [...new Set([...errors, ...redos])].map(findingLine);
  if (findings.length > 0)
    notes.push(
      '',
      `The editor reports ${findings.length} finding${findings.length === 1 ? '' : 's'} the daemon will not stop:`,
      ...findings,
    );
  const answer = await env.prompter.askModal(
    `Push ${fileName(fileUri)} (${entryCountText(plan.entries.length)}) to daemon "${daemon.name}"?`,
    notes.join('\n'),
    findings.length > 0 ? [SHOW_FINDINGS_ACTION, PUSH_ANYWAY_ACTION] : [PUSH_ACTION],
  );
  if (answer === SHOW_FINDINGS_ACTION) await vscode.commands.executeCommand('workbench.actions.view.problems');
  return answer === PUSH_ACTION || answer === PUSH_ANYWAY_ACTION;
}

async function rememberBase(env: OpsEnv, daemon: OpsDaemon, fileUri: vscode.Uri, live: LiveState): Promise<void> {
  await env.bases.set(fileUri, daemon.key, {
    hash: live.hash,
    yaml: live.yaml,
    daemonName: daemon.name,
    savedAt: env.now().toISOString(),
  });
}

async function report(
  env: OpsEnv,
  daemon: OpsDaemon,
  fileUri: vscode.Uri,
  file: PushableFile,
  outcome: PushOutcome,
): Promise<PushSummary> {
  const summary: PushSummary = { kind: outcome.kind, daemon: daemon.name };
  switch (outcome.kind) {
    case 'refused_locally':
      await revealBlocking(
        env,
        await vscode.workspace.openTextDocument(fileUri),
        findingsForDaemonErrors(file.document, outcome.errors),
      );
      return summary;
    case 'live_unreadable':
      env.notify.error(
        `Could not read the live phrasebook of "${daemon.name}": ${errorText(outcome.error)}. Nothing was sent.`,
      );
      return summary;
    case 'conflict':
      env.notify.info(
        `Push stopped: "${daemon.name}" changed since ${fileName(fileUri)} was pulled. Nothing was sent.`,
      );
      return summary;
    case 'cancelled':
      env.notify.info('Push cancelled. Nothing was sent.');
      return summary;
    case 'changed_since_preview':
      env.notify.error(
        `Push stopped: the live phrasebook of "${daemon.name}" changed while the preview was open (someone else wrote it; now ${entryCountText(outcome.live.entries.length)}). Nothing was sent. Push again to review the new live content.`,
      );
      return summary;
    case 'accepted': {
      const { response, plan } = outcome;
      await rememberBase(env, daemon, fileUri, outcome.live);
      const backups = await daemon.client.getPhrasebookBackups().catch(() => undefined);
      const kept = await keepAfterPush(env.history, daemon.key, plan.live, outcome.live, response, backups).catch(
        (error: unknown) => {
          env.log.warn(`local history not updated: ${errorText(error)}`);
          return undefined;
        },
      );
      if (kept && response.backup_filename && !kept.backupMatched) {
        env.log.warn(
          `backup ${response.backup_filename} does not match the live content read before the push (someone wrote in between); not tied to it in local history`,
        );
      }
      audit(env, {
        daemon: daemon.name,
        action: 'push',
        outcome: 'accepted',
        entriesBefore: plan.live.entries.length,
        entriesAfter: response.entry_count,
        backupFilename: response.backup_filename,
        rotatedBackups: response.rotated_backup_count,
      });
      env.afterWrite(daemon.name);
      const rotated =
        response.rotated_backup_count > 0
          ? `, ${response.rotated_backup_count} old backup${response.rotated_backup_count === 1 ? '' : 's'} rotated out`
          : '';
      const backup = response.backup_filename
        ? `Previous version backed up as ${response.backup_filename}${rotated}.`
        : 'There was no previous override to back up.';
      env.notify.info(`Pushed ${entryCountText(response.entry_count)} to "${daemon.name}". ${backup}`);
      const afterWrite = describeAfterWrite(`"${daemon.name}"`, outcome);
      if (afterWrite) env.notify.warn(afterWrite);
      return { ...summary, backupFilename: response.backup_filename, after: outcome.after };
    }
    case 'rejected': {
      const findings = findingsForDaemonErrors(file.document, outcome.validation.errors);
      env.diagnostics.show(fileUri, findings);
      audit(env, {
        daemon: daemon.name,
        action: 'push',
        outcome: 'rejected_422',
        entriesBefore: outcome.plan.live.entries.length,
        entriesAfter: outcome.plan.entries.length,
        detail: `${findings.length} error(s)`,
      });
      env.notify.error(
        `"${daemon.name}" rejected the phrasebook (HTTP 422, ${findings.length} error${findings.length === 1 ? '' : 's'}, shown in the file). The live phrasebook is unchanged.`,
      );
      return summary;
    }
    case 'unauthorized':
      audit(env, { daemon: daemon.name, action: 'push', outcome: 'unauthorized' });
      env.notify.error(
        `"${daemon.name}" refused the session token (${outcome.error.detail}). Nothing was written. Use "Kora: Set Session Token…" if its cockpit is not built.`,
      );
      return summary;
    case 'interrupted': {
      const { reconciliation, plan, liveAfter } = outcome;
      auditInterrupted(env, 'push', daemon.name, outcome);
      if (reconciliation.outcome === 'written' && liveAfter) {
        await rememberBase(env, daemon, fileUri, liveAfter);
        // The backup name was in the lost answer; the replaced content is still worth keeping.
        await env.history
          .record(daemon.key, {
            entriesHash: plan.live.hash,
            entryCount: plan.live.entries.length,
            yaml: plan.live.yaml,
            reason: 'pushed-over',
          })
          .catch(() => undefined);
      }
      env.afterWrite(daemon.name);
      notifyReconciliation(env, 'push', daemon.name, outcome.failure, reconciliation);
      return { ...summary, outcome: reconciliation.outcome };
    }
  }
}

// "Kora: Revert Phrasebook…" and "Revert to this Backup": the QuickPick of backups, the diff of live →
// the chosen backup and the modal confirmation, local history of what is replaced, and the diff
// previous live → new live after.
import { keepAfterRevert, keepBeforeRevert } from '../../core/phrasebook/ops/historyKeeping';
import { describeBackup, type BackupChoice } from '../../core/phrasebook/ops/backupChoices';
import { entryCountText } from '../../core/phrasebook/ops/changes';
import { describeSource } from '../../core/phrasebook/ops/live';
import { revertPhrasebook, type RevertOutcome, type RevertPlan } from '../../core/phrasebook/ops/revert';
import { chooseDaemon } from '../daemonPicker';
import type { OpsDaemon } from './daemonAccess';
import { audit, auditInterrupted, notifyReconciliation, showDiff, type OpsEnv } from './env';
import { errorText } from '../../core/text/errorText';
import type { PickItem } from './prompter';

export const REVERT_ACTION = 'Revert';
export const REMOVE_OVERRIDE_ACTION = 'Remove Override';

export interface RevertSummary {
  kind: RevertOutcome['kind'];
  daemon?: string;
  revertedTo?: string;
  outcome?: string;
}

export interface RevertArgs {
  daemon?: string;
  filename?: string;
}

interface BackupPickItem extends PickItem {
  choice: BackupChoice;
}

export async function revertFlow(env: OpsEnv, args: RevertArgs = {}): Promise<RevertSummary> {
  const daemon = await chooseDaemon(env.daemons.list(), env.prompter, 'Revert the phrasebook of which daemon?', {
    name: args.daemon,
  });
  if (!daemon) return { kind: 'cancelled' };
  const outcome = await revertPhrasebook(
    daemon.client,
    { filename: args.filename },
    {
      choose: async (choices) => {
        const items: BackupPickItem[] = choices.map((choice) => ({
          label: choice.isMostRecent
            ? `$(history) ${choice.label}`
            : choice.selectable
              ? choice.label
              : `$(warning) ${choice.label}`,
          description: choice.description,
          detail: choice.detail,
          selectable: choice.selectable,
          choice,
        }));
        const picked = await env.prompter.pick(items, {
          title: `Revert the phrasebook of "${daemon.name}"`,
          placeholder:
            'Pick a backup (newest first). The current live content is kept in local history before reverting.',
          unselectableHint:
            'That backup is unreadable: the daemon would serve its bundled default instead. Pick another one.',
        });
        return picked?.choice;
      },
      confirm: (plan) => confirmRevert(env, daemon, plan),
      keepCurrent: (live) => keepBeforeRevert(env.history, daemon.key, live),
      knownHashOf: async (filename) => (await env.history.findByBackup(daemon.key, filename))?.entriesHash,
      now: env.now,
    },
  );
  return report(env, daemon, outcome);
}

/** What the revert would serve, as far as it is known here: the daemon cannot serve a backup's content. */
async function targetText(env: OpsEnv, daemon: OpsDaemon, plan: RevertPlan): Promise<string> {
  if (plan.target.kind === 'bundled_default')
    return '# The bundled default phrasebook the daemon ships with (its content is not served before the revert).\n';
  const filename = plan.target.filename ?? plan.target.backup?.filename;
  const record =
    filename === undefined ? undefined : await env.history.findByBackup(daemon.key, filename).catch(() => undefined);
  if (record) return record.yaml;
  const facts = plan.target.backup ? describeBackup(plan.target.backup, env.now()).facts : 'unknown content';
  return `# ${filename ?? 'The most recent backup'}: ${facts}.\n# The daemon cannot serve a backup's content and local history on this machine has no copy of it.\n`;
}

/** The diff live → what the revert would restore, shown before the operator is asked. */
async function previewRevert(env: OpsEnv, daemon: OpsDaemon, plan: RevertPlan, name: string): Promise<void> {
  const live = env.documents.freeze(daemon.name, `${daemon.name} · live`, plan.live.yaml);
  const target = env.documents.freeze(
    daemon.name,
    `${daemon.name} · revert target`,
    await targetText(env, daemon, plan),
  );
  await showDiff(live, target, `${daemon.name}: live ↔ ${name} (revert preview)`);
}

async function confirmRevert(env: OpsEnv, daemon: OpsDaemon, plan: RevertPlan): Promise<boolean> {
  const current = `Live now: ${describeSource(plan.live.response)}, ${entryCountText(plan.live.entries.length)}.`;
  const kept =
    'The daemon does not back up what a revert replaces; the current content is kept in local history on this machine.';
  if (plan.target.kind === 'bundled_default') {
    await previewRevert(env, daemon, plan, 'bundled default');
    const answer = await env.prompter.askModal(
      `"${daemon.name}" has no backups. Remove its override and return to the bundled default phrasebook?`,
      [
        current,
        'Reverting without backups deletes the override file, so the daemon answers from the phrasebook it ships with.',
        kept,
      ].join('\n'),
      [REMOVE_OVERRIDE_ACTION],
    );
    return answer === REMOVE_OVERRIDE_ACTION;
  }
  const { filename, backup } = plan.target;
  const name = filename ?? backup?.filename ?? 'the most recent backup';
  const facts = backup
    ? (({ when, facts }) => `Backup: ${facts}, saved ${when}.`)(describeBackup(backup, env.now()))
    : "This backup is not in the daemon's list; the daemon will say if it is missing.";
  await previewRevert(env, daemon, plan, name);
  const answer = await env.prompter.askModal(
    `Revert the phrasebook of "${daemon.name}" to ${name}?`,
    [current, facts, kept].join('\n'),
    [REVERT_ACTION],
  );
  return answer === REVERT_ACTION;
}

async function report(env: OpsEnv, daemon: OpsDaemon, outcome: RevertOutcome): Promise<RevertSummary> {
  const summary: RevertSummary = { kind: outcome.kind, daemon: daemon.name };
  switch (outcome.kind) {
    case 'live_unreadable':
      env.notify.error(
        `Could not read the phrasebook of "${daemon.name}": ${errorText(outcome.error)}. Nothing was changed.`,
      );
      return summary;
    case 'nothing_to_revert':
      env.notify.info(
        `"${daemon.name}" already serves its bundled default and has no backups: there is nothing to revert.`,
      );
      return summary;
    case 'refused_corrupt':
      env.notify.error(
        `Backup ${outcome.backup.filename} is unreadable: reverting to it would make "${daemon.name}" serve its bundled default. Nothing was changed.`,
      );
      return summary;
    case 'cancelled':
      return summary;
    case 'reverted': {
      const { plan, response, liveAfter } = outcome;
      await keepAfterRevert(env.history, daemon.key, response, liveAfter).catch((error: unknown) =>
        env.log.warn(`local history not updated: ${errorText(error)}`),
      );
      audit(env, {
        daemon: daemon.name,
        action: 'revert',
        outcome: 'reverted',
        entriesBefore: plan.live.entries.length,
        entriesAfter: liveAfter?.entries.length,
        revertedTo: response.reverted_to,
      });
      env.afterWrite(daemon.name);
      const before = env.documents.freeze(daemon.name, `${daemon.name} · before revert`, plan.live.yaml);
      const after = env.documents.freeze(
        daemon.name,
        `${daemon.name} · after revert`,
        liveAfter?.yaml ?? '# The phrasebook could not be read after the revert.\n',
      );
      await showDiff(before, after, `${daemon.name}: before ↔ after revert to ${response.reverted_to}`);
      const target = response.reverted_to === 'bundled_default' ? 'the bundled default' : response.reverted_to;
      env.notify.info(
        `Reverted "${daemon.name}" to ${target}${liveAfter ? ` (${entryCountText(liveAfter.entries.length)})` : ''}. The previous content is in local history.`,
      );
      return { ...summary, revertedTo: response.reverted_to };
    }
    case 'rejected':
      audit(env, {
        daemon: daemon.name,
        action: 'revert',
        outcome: `rejected_${outcome.status}`,
        detail: outcome.body.detail,
      });
      env.notify.error(
        `"${daemon.name}" refused the revert (HTTP ${outcome.status}: ${outcome.body.detail ?? outcome.body.error}). Nothing was changed.`,
      );
      return summary;
    case 'unauthorized':
      audit(env, { daemon: daemon.name, action: 'revert', outcome: 'unauthorized' });
      env.notify.error(`"${daemon.name}" refused the session token (${outcome.error.detail}). Nothing was changed.`);
      return summary;
    case 'interrupted': {
      const { reconciliation } = outcome;
      auditInterrupted(env, 'revert', daemon.name, outcome);
      env.afterWrite(daemon.name);
      notifyReconciliation(env, 'revert', daemon.name, outcome.failure, reconciliation);
      return { ...summary, outcome: reconciliation.outcome };
    }
  }
}

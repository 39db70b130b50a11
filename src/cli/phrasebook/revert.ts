// `kora-ops phrasebook revert [--to FILENAME] [--yes]`
import { UsageError, parseCommandArgs, parseFormat, type CliIo } from '../args';
import { describeBackup } from '../../core/phrasebook/ops/backupChoices';
import { entryCountText } from '../../core/phrasebook/ops/changes';
import { describeSource } from '../../core/phrasebook/ops/live';
import { revertPhrasebook, type RevertOutcome, type RevertPlan } from '../../core/phrasebook/ops/revert';
import {
  COMMON_HELP,
  COMMON_OPTIONS,
  EXIT_FAILURE,
  EXIT_OK,
  EXIT_USAGE,
  NOT_A_TERMINAL,
  confirmOnTerminal,
  print,
  printError,
  printLiveHash,
  reportUnreachable,
  withClient,
} from './common';
import { exitCodeOfReconciliation } from './reconciled';
import { displayUrl } from '../../core/text/displayUrl';
import { safeLine } from '../../core/text/sanitize';

const HELP = `Usage: kora-ops phrasebook revert [--to FILENAME] [--yes] [options]

Restores a backup over the daemon's phrasebook override: FILENAME, or without --to the daemon's
most recent backup (with no backups at all, the override is removed and the daemon serves its
bundled default). The daemon does NOT back up the content it replaces: pull it first to keep it.

Options:
  --to FILENAME           the backup to restore (see "backups")
  --yes                   do not ask; without it the command asks on a terminal and
                          refuses when not on one
${COMMON_HELP}

JSON output: the daemon's body ({"reverted_to","source_path"}, or its 400/404 error body).
Exit status: 0 reverted, 1 refused (400 invalid name, 404 unknown backup, corrupt backup) or
not written, 2 usage/connection errors or outcome unknown.
`;

export async function run(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { ...COMMON_OPTIONS, to: { type: 'string' }, yes: { type: 'boolean', default: false } }, true);
  const format = parseFormat(values.format);
  if (values.help) {
    io.stdout.write(HELP);
    return EXIT_OK;
  }
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  let refusedForTerminal = false;
  const outcome = await withClient(io, values, (client) =>
    revertPhrasebook(client, { filename: values.to, useDaemonDefault: true }, {
      confirm: async (plan) => {
        if (values.yes) return true;
        const answer = await confirmOnTerminal(io, describePlan(plan, displayUrl(values.url)));
        refusedForTerminal = answer === undefined;
        return answer === true;
      },
    }),
  );
  if (refusedForTerminal) {
    printError(io, NOT_A_TERMINAL);
    return EXIT_USAGE;
  }
  return report(io, format, outcome);
}

function describePlan(plan: RevertPlan, url: string): string {
  const live = `live is ${describeSource(plan.live.response)} with ${plan.live.entries.length} entries, and is not backed up by the daemon`;
  if (plan.target.kind === 'bundled_default') return `No backups on ${url}: remove the override and return to the bundled default (${live})?`;
  const backup = plan.target.backup;
  const facts = backup ? ` (${describeBackup(backup, new Date()).facts})` : '';
  return `Revert ${url} to ${safeLine(plan.target.filename ?? backup?.filename ?? 'its most recent backup')}${facts}? ${live}.`;
}

function report(io: CliIo, format: 'text' | 'json', outcome: RevertOutcome): number {
  switch (outcome.kind) {
    case 'live_unreadable':
    case 'unauthorized':
      return reportUnreachable(io, outcome.error);
    case 'nothing_to_revert':
      printLiveHash(io, outcome.live.hash);
      print(io, format, { outcome: 'nothing_to_revert', source: outcome.live.response.source }, () => 'nothing to revert: no backups, and live already is the bundled default');
      return EXIT_OK;
    case 'refused_corrupt':
      io.stderr.write(`refused: backup ${safeLine(outcome.backup.filename)} is unreadable; the daemon would serve its bundled default instead\n`);
      return EXIT_FAILURE;
    case 'cancelled':
      io.stderr.write('cancelled; nothing was changed\n');
      return EXIT_FAILURE;
    case 'reverted':
      if (outcome.liveAfter) printLiveHash(io, outcome.liveAfter.hash);
      print(io, format, outcome.response, () => `reverted to ${safeLine(outcome.response.reverted_to)}${outcome.liveAfter ? ` (${entryCountText(outcome.liveAfter.entries.length)})` : ''}`);
      return EXIT_OK;
    case 'rejected':
      print(io, format, outcome.body, () => `refused by the daemon (HTTP ${outcome.status}): ${safeLine(outcome.body.detail ?? outcome.body.error)}`);
      return EXIT_FAILURE;
    case 'interrupted':
      if (outcome.liveAfter) printLiveHash(io, outcome.liveAfter.hash);
      io.stderr.write(`${safeLine(outcome.failure)}\n`);
      print(io, format, { outcome: outcome.reconciliation.outcome }, () => `outcome: ${outcome.reconciliation.outcome} — ${safeLine(outcome.reconciliation.explanation)}`);
      return exitCodeOfReconciliation(outcome.reconciliation.outcome);
  }
}

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
  WriteConfirmation,
  print,
  printLiveHash,
  reportUnreachable,
  withClient,
} from './common';
import { reportInterrupted } from './reconciled';
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
  const { values, positionals } = parseCommandArgs(
    argv,
    { ...COMMON_OPTIONS, to: { type: 'string' }, yes: { type: 'boolean', default: false } },
    true,
    HELP,
  );
  const format = parseFormat(values.format);
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const confirmation = new WriteConfirmation(io, values.yes);
  const outcome = await withClient(io, values, (client) =>
    revertPhrasebook(
      client,
      { filename: values.to, useDaemonDefault: true },
      {
        confirm: (plan) => confirmation.ask(describePlan(plan, displayUrl(values.url))),
      },
    ),
  );
  return confirmation.refusal() ?? report(io, format, outcome);
}

function describePlan(plan: RevertPlan, url: string): string {
  const live = `live is ${describeSource(plan.live.response)} with ${plan.live.entries.length} entries, and is not backed up by the daemon`;
  if (plan.target.kind === 'bundled_default')
    return `No backups on ${url}: remove the override and return to the bundled default (${live})?`;
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
      print(
        io,
        format,
        { outcome: 'nothing_to_revert', source: outcome.live.response.source },
        () => 'nothing to revert: no backups, and live already is the bundled default',
      );
      return EXIT_OK;
    case 'refused_corrupt':
      io.stderr.write(
        `refused: backup ${safeLine(outcome.backup.filename)} is unreadable; the daemon would serve its bundled default instead\n`,
      );
      return EXIT_FAILURE;
    case 'cancelled':
      io.stderr.write('cancelled; nothing was changed\n');
      return EXIT_FAILURE;
    case 'reverted':
      if (outcome.liveAfter) printLiveHash(io, outcome.liveAfter.hash);
      print(
        io,
        format,
        outcome.response,
        () =>
          `reverted to ${safeLine(outcome.response.reverted_to)}${outcome.liveAfter ? ` (${entryCountText(outcome.liveAfter.entries.length)})` : ''}`,
      );
      return EXIT_OK;
    case 'rejected':
      print(
        io,
        format,
        outcome.body,
        () => `refused by the daemon (HTTP ${outcome.status}): ${safeLine(outcome.body.detail ?? outcome.body.error)}`,
      );
      return EXIT_FAILURE;
    case 'interrupted':
      return reportInterrupted(io, format, outcome);
  }
}

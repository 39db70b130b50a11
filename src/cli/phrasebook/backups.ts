// `kora-ops phrasebook backups`
import { UsageError, parseCommandArgs, parseFormat, type CliIo } from '../args';
import { describeBackup, sortBackupsNewestFirst } from '../../core/phrasebook/ops/backupChoices';
import type { PhrasebookBackupsResponse } from '../../core/daemon/schemas';
import { COMMON_HELP, COMMON_OPTIONS, EXIT_OK, print, reportUnreachable, withClient } from './common';
import { safeLine } from '../../core/text/sanitize';

const HELP = `Usage: kora-ops phrasebook backups [options]

Lists the daemon's phrasebook backups, newest first (a same-second "-N" suffix is newer than the
plain name). The daemon cannot serve a backup's content; "revert --to FILENAME" restores one.

Options:
${COMMON_HELP}

JSON output: the daemon's body {"backups":[...],"rotation_keep":N}.
Exit status: 0 on success, 2 on usage or connection errors.
`;

export async function run(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, COMMON_OPTIONS, true, HELP);
  const format = parseFormat(values.format);
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  let body: PhrasebookBackupsResponse;
  try {
    body = await withClient(io, values, (client) => client.getPhrasebookBackups());
  } catch (error) {
    return reportUnreachable(io, error);
  }
  print(io, format, body, () => renderBackups(body, new Date()));
  return EXIT_OK;
}

export function renderBackups(body: PhrasebookBackupsResponse, now: Date): string {
  const keep = body.rotation_keep ?? '?';
  if (body.backups.length === 0) return `no backups (rotation keeps ${keep})`;
  const lines = sortBackupsNewestFirst(body.backups).map((backup) => {
    const { when, facts } = describeBackup(backup, now);
    return `${safeLine(backup.filename)}  ${when}  ${facts}`;
  });
  return [`${body.backups.length} of ${keep} backups, newest first:`, ...lines].join('\n');
}

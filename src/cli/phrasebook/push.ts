// `kora-ops phrasebook push FILE [--if-match sha256:<hex>] [--yes]`
import { resolve } from 'node:path';
import { UsageError, parseCommandArgs, parseFormat, type CliIo } from '../args';
import { describeEntryChanges, entryCountText } from '../../core/phrasebook/ops/changes';
import { readPushableFile, type PushableFile } from '../../core/phrasebook/ops/daemonFindings';
import { describeSource } from '../../core/phrasebook/ops/live';
import { describeAfterWrite, pushPhrasebook, type PushOutcome } from '../../core/phrasebook/ops/push';
import type { ValidationError } from '../../core/phrasebook/ops/format';
import {
  COMMON_HELP,
  COMMON_OPTIONS,
  EXIT_CONFLICT,
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
import { PhrasebookTooLargeError, readPhrasebookFile } from '../phrasebookFile';

const HELP = `Usage: kora-ops phrasebook push FILE [--if-match sha256:<hex>] [--yes] [options]

Replaces the daemon's phrasebook with the entries of FILE (a phrasebook YAML file).
The file is checked with the daemon's own rules first: nothing is sent while one fails.

Options:
  --if-match HASH         refuse (exit 3, nothing sent) unless live still has this
                          live-hash (printed by "pull" and by every write)
  --yes                   do not ask; without it the command asks on a terminal and
                          refuses when not on one
${COMMON_HELP}

Live is read again just before the write (refused, exit 3, if it changed since the preview) and
just after it (exit 3 with a warning if someone else's write already replaced ours). The daemon has
no conditional write, so this narrows the race with a concurrent push but cannot close it.

JSON output: the daemon's 200 body, or its 422 body (exit 1). After an HTTP 500, a timeout or a
reset, live is read again and the outcome reported: {"outcome":"written"|"not_written"|"unknown"}.
Exit status: 0 written, 1 rejected (local rules or the daemon's 422) or not written,
2 usage/connection errors or outcome unknown, 3 live changed (--if-match, during the
confirmation, or right after the write).
`;

const HASH_FORMAT = /^sha256:[0-9a-f]{64}$/;

export async function run(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    argv,
    { ...COMMON_OPTIONS, 'if-match': { type: 'string' }, yes: { type: 'boolean', default: false } },
    true,
    HELP,
  );
  const format = parseFormat(values.format);
  if (positionals.length !== 1) throw new UsageError('expected exactly one FILE');
  const ifMatch = values['if-match'];
  if (ifMatch !== undefined && !HASH_FORMAT.test(ifMatch))
    throw new UsageError('--if-match must look like sha256:<64 hex digits>');
  const path = resolve(io.cwd, positionals[0]);
  let text: string;
  try {
    text = await readPhrasebookFile(path);
  } catch (error) {
    if (error instanceof PhrasebookTooLargeError) throw new UsageError(`${positionals[0]}: ${error.message}`);
    throw new UsageError(
      `cannot read ${positionals[0]}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  const file = readPushableFile(text);
  if (file.blocking.length > 0) return reportBlocking(io, format, positionals[0], file);

  const confirmation = new WriteConfirmation(io, values.yes);
  const outcome = await withClient(io, values, (client) =>
    pushPhrasebook(
      client,
      { payload: file.payload, baseHash: ifMatch },
      {
        onConflict: async () => false,
        confirm: (plan) =>
          confirmation.ask(
            `Push ${positionals[0]} to ${displayUrl(values.url)}? Live: ${describeSource(plan.live.response)}; ${describeEntryChanges(plan.changes)}.`,
          ),
      },
    ),
  );
  return confirmation.refusal() ?? report(io, format, outcome, values.url);
}

/** Nothing is sent: YAML errors, or errors the daemon would answer with a 422 (its exact objects). */
function reportBlocking(io: CliIo, format: 'text' | 'json', name: string, file: PushableFile): number {
  const json =
    file.yamlErrors.length > 0
      ? {
          error: 'yaml_invalid',
          problems: file.yamlErrors.map((f) => ({
            line: f.range.start.line + 1,
            column: f.range.start.character + 1,
            message: f.message,
          })),
        }
      : { error: 'validation_failed', errors: file.ruleErrors };
  print(io, format, json, () =>
    [
      `refused: ${file.blocking.length} problem(s) in ${name}; nothing was sent`,
      ...file.blocking.map(
        (f) => `  ${safeLine(name)}:${f.range.start.line + 1}:${f.range.start.character + 1}  ${safeLine(f.message)}`,
      ),
    ].join('\n'),
  );
  return EXIT_FAILURE;
}

function report(io: CliIo, format: 'text' | 'json', outcome: PushOutcome, url: string): number {
  switch (outcome.kind) {
    case 'refused_locally':
      // Unreachable: the file was checked above with the same rules.
      print(io, format, { error: 'validation_failed', errors: outcome.errors }, () =>
        outcome.errors.map(describeValidationError).join('\n'),
      );
      return EXIT_FAILURE;
    case 'live_unreadable':
      return reportUnreachable(io, outcome.error);
    case 'conflict':
      printLiveHash(io, outcome.conflict.live.hash);
      print(
        io,
        format,
        { error: 'conflict', if_match: outcome.conflict.baseHash, live_hash: outcome.conflict.live.hash },
        () =>
          `refused: live changed since ${outcome.conflict.baseHash} (now ${outcome.conflict.live.hash}); nothing was sent`,
      );
      return EXIT_CONFLICT;
    case 'cancelled':
      io.stderr.write('cancelled; nothing was sent\n');
      return EXIT_FAILURE;
    case 'changed_since_preview':
      printLiveHash(io, outcome.live.hash);
      print(
        io,
        format,
        { error: 'changed_since_preview', preview_hash: outcome.plan.live.hash, live_hash: outcome.live.hash },
        () =>
          `refused: live changed while the push was being confirmed (someone else wrote it; was ${outcome.plan.live.hash}, now ${outcome.live.hash}); nothing was sent. Run the push again to review the new live content.`,
      );
      return EXIT_CONFLICT;
    case 'accepted': {
      const { response } = outcome;
      printLiveHash(io, (outcome.liveAfter ?? outcome.live).hash);
      const afterWrite = describeAfterWrite(displayUrl(url), outcome);
      if (afterWrite) io.stderr.write(`warning: ${afterWrite}\n`);
      print(io, format, response, () =>
        [
          `pushed ${entryCountText(response.entry_count)} to ${safeLine(response.source_path)}`,
          response.backup_filename
            ? `backup: ${safeLine(response.backup_filename)}`
            : 'backup: none (there was no previous override)',
          `rotated backups: ${response.rotated_backup_count}`,
        ].join('\n'),
      );
      // A script must notice that live is not what it pushed.
      return outcome.after === 'overwritten' ? EXIT_CONFLICT : EXIT_OK;
    }
    case 'rejected':
      print(
        io,
        format,
        outcome.validation.body ?? { error: 'validation_failed', errors: outcome.validation.errors },
        () =>
          [
            'the daemon rejected the phrasebook (HTTP 422); live is unchanged',
            ...outcome.validation.errors.map((e) => `  ${describeValidationError(e)}`),
          ].join('\n'),
      );
      return EXIT_FAILURE;
    case 'unauthorized':
      return reportUnreachable(io, outcome.error);
    case 'interrupted':
      return reportInterrupted(io, format, outcome);
  }
}

/** One 422 item (ours or the daemon's) on one line: its field and error are daemon text. */
function describeValidationError(error: ValidationError): string {
  return `entry ${error.entry_index} ${safeLine(error.field)}: ${safeLine(error.error)}`;
}

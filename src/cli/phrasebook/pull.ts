// `kora-ops phrasebook pull [-o FILE]`
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UsageError, parseCommandArgs, parseFormat, type CliIo } from '../args';
import { entryCountText } from '../../core/phrasebook/ops/changes';
import { describeSource, readLive, type LiveState } from '../../core/phrasebook/ops/live';
import {
  COMMON_HELP,
  COMMON_OPTIONS,
  EXIT_OK,
  print,
  printJson,
  printLiveHash,
  reportUnreachable,
  withClient,
} from './common';

const HELP = `Usage: kora-ops phrasebook pull [-o FILE] [options]

Reads the daemon's live phrasebook and writes it as YAML in the daemon's own write format
(to stdout, or to FILE). Prints "live-hash: sha256:<hex>" of the live entries on stderr: pass it to
"push --if-match" to refuse a push if someone changed live in the meantime.

Options:
  -o, --output FILE       write the YAML to FILE instead of stdout
${COMMON_HELP}

With --format json and no -o, stdout gets the daemon's JSON body instead of YAML; with -o, a JSON
report {"file","live_hash","entry_count","source","source_path"}.
Exit status: 0 on success, 2 on usage or connection errors.
`;

export async function run(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    argv,
    { ...COMMON_OPTIONS, output: { type: 'string', short: 'o' } },
    true,
    HELP,
  );
  const format = parseFormat(values.format);
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  let live: LiveState;
  try {
    live = await withClient(io, values, (client) => readLive(client));
  } catch (error) {
    return reportUnreachable(io, error);
  }
  printLiveHash(io, live.hash);
  if (values.output === undefined) {
    if (format === 'json') printJson(io, live.response);
    else io.stdout.write(live.yaml);
    return EXIT_OK;
  }
  const path = resolve(io.cwd, values.output);
  try {
    await writeFile(path, live.yaml, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot write ${values.output}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  print(
    io,
    format,
    {
      file: path,
      live_hash: live.hash,
      entry_count: live.entries.length,
      source: live.response.source,
      source_path: live.response.source_path,
    },
    () => `wrote ${entryCountText(live.entries.length)} (${describeSource(live.response)}) to ${values.output}`,
  );
  return EXIT_OK;
}

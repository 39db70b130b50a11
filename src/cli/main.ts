// kora-ops: the headless CLI on the same core as the extension. Each command lives in its own
// file exporting `run(argv, io): Promise<number>` and is registered here with one line.

import { dispatch, processIo, type CliIo, type CommandTable } from './args';
import { sanitizedIo } from './safeOutput';

export const PROGRAM = 'kora-ops';

export const COMMANDS: CommandTable = {
  status: { summary: 'Show the health of one or more Kora daemons', load: () => import('./status') },
  phrasebook: { summary: 'Pull, push, revert, list backups, test a message (phrasebook operations)', load: () => import('./phrasebook') },
  validate: { summary: "Print the errors the daemon would answer for a phrasebook (its 422 'errors')", load: () => import('./validate') },
  lint: { summary: 'Lint phrasebook files: daemon rules, ReDoS analysis, YAML traps (text, JSON or SARIF)', load: () => import('./lint') },
};

export function runCli(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  // Every command prints through the output sanitizer (see safeOutput.ts).
  return dispatch(COMMANDS, argv, sanitizedIo(io), PROGRAM);
}

if (require.main === module) {
  void runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}

// `kora-ops phrasebook <command>`: the phrasebook operations on the same core as the extension.
import { dispatch, type CliIo, type CommandTable } from './args';

const PROGRAM = 'kora-ops phrasebook';

export const PHRASEBOOK_COMMANDS: CommandTable = {
  pull: { summary: 'Write the live phrasebook as YAML (live-hash on stderr)', load: () => import('./phrasebook/pull') },
  push: {
    summary: 'Replace the live phrasebook with a file, after the daemon rules pass',
    load: () => import('./phrasebook/push'),
  },
  revert: { summary: 'Restore a backup (or the bundled default)', load: () => import('./phrasebook/revert') },
  backups: { summary: "List the daemon's phrasebook backups", load: () => import('./phrasebook/backups') },
  test: {
    summary: 'Show which entry answers a message, live and in a local file',
    load: () => import('./phrasebook/test'),
  },
};

export function run(argv: string[], io: CliIo): Promise<number> {
  return dispatch(PHRASEBOOK_COMMANDS, argv, io, PROGRAM);
}

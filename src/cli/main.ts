// kora-ops: the headless CLI on the same core as the extension. Each command lives in its own
// file exporting `run(argv, io): Promise<number>` and is registered here with one line.

import { version } from '../../package.json';
import { setDaemonPythonVersion } from '../core/phrasebook/daemonPython';
import { DEFAULT_PYTHON_VERSION } from '../core/pyre';
import { dispatch, EXIT_USAGE, printError, processIo, type CliIo, type CommandTable } from './args';
import { extractPythonOption } from './pythonOption';
import { sanitizedIo } from './safeOutput';

export const PROGRAM = 'kora-ops';

export const COMMANDS: CommandTable = {
  status: { summary: 'Show the health of one or more Kora daemons', load: () => import('./status') },
  phrasebook: {
    summary: 'Pull, push, revert, list backups, test a message (phrasebook operations)',
    load: () => import('./phrasebook'),
  },
  validate: {
    summary: "Print the errors the daemon would answer for a phrasebook (its 422 'errors')",
    load: () => import('./validate'),
  },
  test: {
    summary: 'Run phrasebook test files (*.tests.yml): expected answers, coverage (text, JSON or JUnit)',
    load: () => import('./test'),
  },
  lint: {
    summary: 'Lint phrasebook files: daemon rules, ReDoS analysis, YAML traps (text, JSON or SARIF)',
    load: () => import('./lint'),
  },
};

export async function runCli(argv: readonly string[], outerIo: CliIo = processIo()): Promise<number> {
  // Every command prints through the output sanitizer (see safeOutput.ts).
  const io = sanitizedIo(outerIo);
  const python = extractPythonOption(argv);
  if ('error' in python) {
    printError(io, python.error);
    return EXIT_USAGE;
  }
  // Always set: an in-process caller (tests) must not inherit a previous run's version.
  setDaemonPythonVersion(python.version ?? DEFAULT_PYTHON_VERSION);
  return dispatch(COMMANDS, python.argv, io, PROGRAM, version);
}

if (require.main === module) {
  void runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}

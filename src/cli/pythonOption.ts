// `--python 3.11|3.12|3.13`: the daemon's CPython, for every command (regex rules and messages,
// local matching). Taken out of argv before the command parses its own options, so it may stand
// anywhere before a `--`.
import { DEFAULT_PYTHON_VERSION, parsePythonVersion, PYTHON_VERSIONS, type PythonVersion } from '../core/pyre';

const PYTHON_OPTION = '--python';
export const PYTHON_OPTION_HELP = `${PYTHON_OPTION} ${PYTHON_VERSIONS.join('|')}  the daemon's CPython (default ${DEFAULT_PYTHON_VERSION}, its Debian 13 image)`;

export interface PythonOptionResult {
  argv: string[];
  /** Undefined when the option was not given. */
  version: PythonVersion | undefined;
}

/** Removes `--python X` / `--python=X` from argv; `error` for a missing or unknown version. */
export function extractPythonOption(argv: readonly string[]): PythonOptionResult | { error: string } {
  const rest: string[] = [];
  let version: PythonVersion | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    let value: string | undefined;
    if (arg === PYTHON_OPTION) {
      value = argv[++i];
      if (value === undefined) return { error: `${PYTHON_OPTION} needs a version: ${PYTHON_VERSIONS.join(', ')}` };
    } else if (arg.startsWith(`${PYTHON_OPTION}=`)) {
      value = arg.slice(PYTHON_OPTION.length + 1);
    } else {
      rest.push(arg);
      continue;
    }
    version = parsePythonVersion(value);
    if (!version) return { error: `${PYTHON_OPTION} must be one of ${PYTHON_VERSIONS.join(', ')}, not "${value}"` };
  }
  return { argv: rest, version };
}

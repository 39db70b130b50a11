// Which CPython the daemon runs: every rule that depends on it (regex accept/reject and messages,
// matching) reads it here. One process talks to daemons of one image, so it is process-wide: the
// CLI sets it from `--python`, the extension from the `kora.pythonVersion` setting. Caches that
// hold version-dependent results key them by the version, so switching needs no invalidation.
import { DEFAULT_PYTHON_VERSION, type PythonVersion } from '../pyre';

let current: PythonVersion = DEFAULT_PYTHON_VERSION;

export function daemonPythonVersion(): PythonVersion {
  return current;
}

/** Returns whether the version changed (callers re-validate what they show). */
export function setDaemonPythonVersion(version: PythonVersion): boolean {
  const changed = version !== current;
  current = version;
  return changed;
}

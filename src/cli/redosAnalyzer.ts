// Where the CLI finds the ReDoS worker: next to the bundled CLI (dist/cli.js → dist/redosWorker.js),
// or compiled beside the sources when run from out/ (out/src/cli → out/src/core/redos/worker.js);
// recheck's native binary for this platform when installed; and its verdict cache folder.
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { DeepRedosAnalyzer } from '../core/redos/deep';
import { findNativeBinary } from '../core/redos/nativeBinary';
import { FileVerdictStore, analyserVersion } from '../core/redos/verdictStore';

const WORKER_CANDIDATES = [join(__dirname, 'redosWorker.js'), join(__dirname, '..', 'core', 'redos', 'worker.js')];
/** The package root from dist/ (bundle) or out/src/cli (compiled). */
const PACKAGE_ROOTS = [join(__dirname, '..'), join(__dirname, '..', '..', '..')];
/** Overrides where the CLI keeps its verdict cache (e.g. a CI cache folder). */
export const CACHE_DIR_ENV = 'KORA_OPS_CACHE_DIR';

/** `$KORA_OPS_CACHE_DIR`, else the platform's per-user cache folder + `kora-ops`. */
export function cliCacheDirectory(env: Readonly<Record<string, string | undefined>>): string {
  if (env[CACHE_DIR_ENV]) return env[CACHE_DIR_ENV];
  if (process.platform === 'win32' && env.LOCALAPPDATA) return join(env.LOCALAPPDATA, 'kora-ops', 'cache');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'kora-ops');
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'kora-ops');
}

export interface CliAnalyzerOptions {
  timeBudgetMs?: number;
  /** Keep verdicts in this folder between runs (see cliCacheDirectory); none when absent. */
  cacheDirectory?: string;
  onCacheError?: (message: string) => void;
}

/** An analyzer over the installed worker, or undefined when this installation has none. */
export function createCliRedosAnalyzer(options: CliAnalyzerOptions = {}): DeepRedosAnalyzer | undefined {
  const workerPath = WORKER_CANDIDATES.find((candidate) => existsSync(candidate));
  if (!workerPath) return undefined;
  const nativeBinaryPath = findNativeBinary(PACKAGE_ROOTS, __filename);
  const store =
    options.cacheDirectory === undefined
      ? undefined
      : new FileVerdictStore(
          options.cacheDirectory,
          analyserVersion(nativeBinaryPath ? 'native' : 'pure'),
          options.onCacheError,
        );
  return new DeepRedosAnalyzer({ workerPath, nativeBinaryPath, timeBudgetMs: options.timeBudgetMs, store });
}

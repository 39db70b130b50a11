// Where the CLI finds the ReDoS worker: next to the bundled CLI (dist/cli.js → dist/redosWorker.js),
// or compiled beside the sources when run from out/ (out/src/cli → out/src/core/redos/worker.js).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DeepRedosAnalyzer } from '../core/redos/deep';

const WORKER_CANDIDATES = [join(__dirname, 'redosWorker.js'), join(__dirname, '..', 'core', 'redos', 'worker.js')];

/** An analyzer over the installed worker, or undefined when this installation has none. */
export function createCliRedosAnalyzer(timeBudgetMs?: number): DeepRedosAnalyzer | undefined {
  const workerPath = WORKER_CANDIDATES.find((candidate) => existsSync(candidate));
  return workerPath ? new DeepRedosAnalyzer({ workerPath, timeBudgetMs }) : undefined;
}

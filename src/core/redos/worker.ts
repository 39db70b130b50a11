// worker_threads entry (bundled to dist/redosWorker.js): runs recheck's pure-JavaScript checker
// synchronously, one request at a time, so the extension host's event loop never runs it.
import { parentPort } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { checkSync, type Parameters } from 'recheck';
import { verdictFromDiagnostics, verdictFromException } from './diagnostics';
import { WARM_UP_PATTERN, inconclusive, isRedosRequest, type RedosResponse } from './protocol';
import type { RedosVerdict } from './verdict';

// recheck reads its backend from the environment at call time, not at load time. `checkSync`
// defaults to "synckit", which starts yet another worker whose async path prefers the native
// binary or Java (recheck-linux-x64 / recheck-jar). "pure" runs the bundled Scala.js build right
// here: no child process, no Java, works wherever Node runs. A worker's process.env is its own
// copy, so this does not leak into the extension host.
process.env.RECHECK_SYNC_BACKEND = 'pure';
process.env.RECHECK_BACKEND = 'pure';

/**
 * Fixed seed: the fuzzing checker (used for patterns the automaton checker cannot handle, such as
 * backreferences or lookarounds) is randomised; a fixed seed makes the same pattern get the same
 * verdict in the editor, the CLI and CI.
 */
const RANDOM_SEED = 0;

function analyse(source: string, flags: string, timeBudgetMs: number): RedosVerdict {
  const params: Parameters = { checker: 'auto', randomSeed: RANDOM_SEED, timeout: timeBudgetMs };
  try {
    return verdictFromDiagnostics(checkSync(source, flags, params), timeBudgetMs);
  } catch (error) {
    return verdictFromException(error);
  }
}

/**
 * recheck is a large Scala.js program: its first analyses run in cold, unoptimised code and take
 * 3–10× longer than later ones, and the first one with the translator's Unicode classes under
 * IGNORECASE builds their tables; either can turn a safe pattern "inconclusive" on a busy machine.
 * One representative analysis (WARM_UP_PATTERN) before the first request warms it up. Capped by
 * its own timeout; its verdict is irrelevant.
 */
const WARM_UP_TIMEOUT_MS = 5000;

function warmUp(): void {
  analyse(WARM_UP_PATTERN.source, WARM_UP_PATTERN.flags, WARM_UP_TIMEOUT_MS);
}

function reply(response: RedosResponse): void {
  parentPort?.postMessage(response);
}

// Requests posted meanwhile wait in the port's queue; the main thread's watchdog allows for this.
if (parentPort) warmUp();

parentPort?.on('message', (message: unknown) => {
  if (!isRedosRequest(message)) {
    const id = typeof message === 'object' && message !== null ? (message as { id?: unknown }).id : undefined;
    if (typeof id === 'number') reply({ id, verdict: inconclusive('malformed analysis request'), elapsedMs: 0 });
    return;
  }
  const started = performance.now();
  const verdict = analyse(message.source, message.flags, message.timeBudgetMs);
  reply({ id: message.id, verdict, elapsedMs: Math.round(performance.now() - started) });
});

// One analysis lane of the pool: a worker thread running recheck's pure-JavaScript build, or one
// process of recheck's native binary. A slot runs one request at a time, enforces a hard watchdog
// (recheck only checks its own timeout now and then) and never rejects.
import type { RedosRequest } from './protocol';
import type { RedosVerdict } from './verdict';

/** How a verdict came about decides whether it may be cached. */
export interface Outcome {
  verdict: RedosVerdict;
  cacheable: boolean;
  /** The slot's backend could not start at all: the pool should fall back to another backend. */
  backendUnusable?: boolean;
}

export interface AnalysisSlot {
  run(request: RedosRequest): Promise<Outcome>;
  /** Let an idle slot's thread or process stop keeping the host (the CLI, a test run) alive. */
  idle(): void;
  dispose(): void;
}

/** The watchdog fires at budget × 1.5 + 500 ms: recheck checks its own timeout only now and then. */
const WATCHDOG_FACTOR = 1.5;
const WATCHDOG_MARGIN_MS = 500;

export function watchdogLimitMs(timeBudgetMs: number, startupAllowanceMs: number): number {
  return timeBudgetMs * WATCHDOG_FACTOR + WATCHDOG_MARGIN_MS + startupAllowanceMs;
}

// One analysis lane of the pool: a worker thread running recheck's pure-JavaScript build, or one
// process of recheck's native binary. A slot runs one request at a time, enforces a hard watchdog
// (recheck only checks its own timeout now and then) and never rejects.
import { budgetExceededReason, inconclusive, type RedosRequest } from './protocol';
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

/**
 * The supervision both slots share: one active request, a watchdog that discards the runner (the
 * thread or process) when it overruns, and a settle-once `finish`.
 */
export abstract class SupervisedSlot implements AnalysisSlot {
  protected active: { request: RedosRequest; resolve: (outcome: Outcome) => void } | undefined;
  private watchdog: NodeJS.Timeout | undefined;

  run(request: RedosRequest): Promise<Outcome> {
    return new Promise<Outcome>((resolve) => {
      this.active = { request, resolve };
      this.start(request);
    });
  }

  abstract idle(): void;

  dispose(): void {
    this.clearWatchdog();
    this.discard();
    this.active = undefined;
  }

  /** Hands the request to the runner (starting one if needed) and arms the watchdog. */
  protected abstract start(request: RedosRequest): void;

  /** Stops the current runner for good; the next request starts a fresh one. */
  protected abstract discard(): void;

  protected armWatchdog(request: RedosRequest, startupAllowanceMs: number): void {
    this.watchdog = setTimeout(() => this.onWatchdog(), watchdogLimitMs(request.timeBudgetMs, startupAllowanceMs));
  }

  protected finish(outcome: Outcome): void {
    const active = this.active;
    this.active = undefined;
    this.clearWatchdog();
    active?.resolve(outcome);
  }

  private onWatchdog(): void {
    this.watchdog = undefined;
    if (this.active === undefined) return;
    // recheck runs synchronously in its thread or process: the only way to stop it is to end that.
    this.discard();
    this.finish({ verdict: inconclusive(budgetExceededReason(this.active.request.timeBudgetMs)), cacheable: true });
  }

  private clearWatchdog(): void {
    if (this.watchdog !== undefined) clearTimeout(this.watchdog);
    this.watchdog = undefined;
  }
}

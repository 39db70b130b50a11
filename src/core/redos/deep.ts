// Deep ReDoS analysis off the main thread. One lazily started worker runs recheck on one pattern
// at a time (the machine budget is small and the extension must stay light); requests queue up.
// A hard watchdog terminates a worker that overruns its budget, so nothing can stall callers, and
// every promise returned here resolves: it never rejects, even on dispose.
import { Worker } from 'node:worker_threads';
import { LruCache } from './cache';
import { verdictForOversizedPattern } from './limits';
import { budgetExceededReason, errorSummary, inconclusive, isRedosResponse, type RedosRequest } from './protocol';
import type { RedosVerdict } from './verdict';
import { recheckFriendlySource } from './analysisSource';

export interface DeepRedosOptions {
  /** The bundled worker: `path.join(__dirname, 'redosWorker.js')` from dist. */
  workerPath: string;
  /** recheck's time budget per pattern; past it the verdict is "inconclusive". */
  timeBudgetMs?: number;
  maxCacheEntries?: number;
}

export interface DeepRedosStats {
  /** Requests that needed a verdict of their own (worker run or size guard). */
  analyses: number;
  /** Requests answered from the cache or by joining an identical analysis in progress. */
  cacheHits: number;
}

export const DEFAULT_TIME_BUDGET_MS = 2000;
export const DEFAULT_MAX_CACHE_ENTRIES = 1000;
/** The watchdog fires at budget × 1.5 + 500 ms: recheck checks its own timeout only now and then. */
const WATCHDOG_FACTOR = 1.5;
const WATCHDOG_MARGIN_MS = 500;
/**
 * Extra allowance for the first request of a fresh worker, which first loads the 3 MB bundle and
 * runs a warm-up analysis of at most 3 s (see worker.ts).
 */
const WORKER_STARTUP_ALLOWANCE_MS = 10_000;
/** recheck's automata can grow large; a runaway analysis dies alone instead of bloating the host. */
const WORKER_MAX_HEAP_MB = 256;

const DISPOSED_REASON = 'analysis cancelled: the analyzer was disposed';

interface PendingAnalysis {
  request: RedosRequest;
  cacheKey: string;
  resolve: (verdict: RedosVerdict) => void;
}

/** How a verdict came about decides whether it may be cached. */
type Outcome = { verdict: RedosVerdict; cacheable: boolean };

export class DeepRedosAnalyzer {
  private readonly workerPath: string;
  private readonly timeBudgetMs: number;
  private readonly cache: LruCache<string, RedosVerdict>;
  private readonly inFlight = new Map<string, Promise<RedosVerdict>>();
  private readonly queue: PendingAnalysis[] = [];
  private active: PendingAnalysis | undefined;
  private watchdog: NodeJS.Timeout | undefined;
  private worker: Worker | undefined;
  /** A fresh worker has not answered yet: its first request gets the startup allowance. */
  private workerWarm = false;
  private nextRequestId = 1;
  private disposed = false;
  private readonly counters: DeepRedosStats = { analyses: 0, cacheHits: 0 };

  constructor(options: DeepRedosOptions) {
    const timeBudgetMs = options.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS;
    if (!Number.isFinite(timeBudgetMs) || timeBudgetMs <= 0) {
      throw new RangeError(`timeBudgetMs must be a positive number of milliseconds, got ${timeBudgetMs}`);
    }
    this.workerPath = options.workerPath;
    this.timeBudgetMs = Math.max(1, Math.round(timeBudgetMs));
    this.cache = new LruCache(options.maxCacheEntries ?? DEFAULT_MAX_CACHE_ENTRIES);
  }

  /** Analyse a translated JavaScript pattern. Always resolves; never rejects. */
  analyze(translatedSource: string, jsFlags: string): Promise<RedosVerdict> {
    if (this.disposed) return Promise.resolve(inconclusive(DISPOSED_REASON));
    const jsSource = recheckFriendlySource(translatedSource, jsFlags);
    const cacheKey = `${this.timeBudgetMs}\u0000${jsFlags}\u0000${jsSource}`;
    const cached = this.cache.get(cacheKey) ?? this.inFlight.get(cacheKey);
    if (cached !== undefined) {
      this.counters.cacheHits++;
      return Promise.resolve(cached);
    }
    this.counters.analyses++;
    const oversized = verdictForOversizedPattern(jsSource);
    if (oversized !== undefined) return Promise.resolve(oversized);

    const request: RedosRequest = { id: this.nextRequestId++, source: jsSource, flags: jsFlags, timeBudgetMs: this.timeBudgetMs };
    const promise = new Promise<RedosVerdict>((resolve) => {
      this.queue.push({ request, cacheKey, resolve });
    });
    this.inFlight.set(cacheKey, promise);
    this.dispatchNext();
    return promise;
  }

  stats(): DeepRedosStats {
    return { ...this.counters };
  }

  /** Stops the worker; analyses still pending resolve as inconclusive. Safe to call twice. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    const pending = this.active ? [this.active, ...this.queue] : [...this.queue];
    this.active = undefined;
    this.queue.length = 0;
    this.clearWatchdog();
    this.discardWorker();
    for (const analysis of pending) this.settle(analysis, { verdict: inconclusive(DISPOSED_REASON), cacheable: false });
    this.cache.clear();
  }

  private dispatchNext(): void {
    if (this.disposed || this.active !== undefined) return;
    const next = this.queue.shift();
    if (next === undefined) {
      this.worker?.unref(); // an idle worker must not keep the CLI (or a test run) alive
      return;
    }
    this.active = next;
    let worker: Worker;
    try {
      worker = this.ensureWorker();
    } catch (error) {
      this.finishActive({ verdict: inconclusive(`could not start the analysis worker: ${errorSummary(error)}`), cacheable: false });
      return;
    }
    worker.ref();
    const allowance = this.workerWarm ? 0 : WORKER_STARTUP_ALLOWANCE_MS;
    const limitMs = this.timeBudgetMs * WATCHDOG_FACTOR + WATCHDOG_MARGIN_MS + allowance;
    this.watchdog = setTimeout(() => this.onWatchdog(), limitMs);
    worker.postMessage(next.request);
  }

  private ensureWorker(): Worker {
    if (this.worker !== undefined) return this.worker;
    const worker = new Worker(this.workerPath, { resourceLimits: { maxOldGenerationSizeMb: WORKER_MAX_HEAP_MB } });
    this.worker = worker;
    this.workerWarm = false;
    // Listeners check identity: a replaced worker's late messages and exit events are ignored.
    // The 'error' listener must stay attached for the worker's whole life: an unhandled worker
    // 'error' event would be thrown in the host.
    worker.on('message', (message: unknown) => {
      if (worker === this.worker) this.onMessage(message);
    });
    worker.on('error', (error: Error) => {
      if (worker === this.worker) this.onWorkerFailure(error);
    });
    worker.on('exit', (code: number) => {
      if (worker === this.worker) this.onWorkerFailure(new Error(`the analysis worker exited with code ${code}`));
    });
    return worker;
  }

  private onMessage(message: unknown): void {
    const active = this.active;
    if (!isRedosResponse(message) || active === undefined || message.id !== active.request.id) return;
    this.workerWarm = true;
    this.finishActive({ verdict: message.verdict, cacheable: true });
  }

  private onWatchdog(): void {
    this.watchdog = undefined;
    if (this.active === undefined) return;
    // recheck runs synchronously in the worker, so the only way to stop it is to end the thread.
    this.discardWorker();
    this.finishActive({ verdict: inconclusive(budgetExceededReason(this.timeBudgetMs)), cacheable: true });
  }

  private onWorkerFailure(error: Error): void {
    this.discardWorker();
    if (this.active === undefined) return;
    const outOfMemory = (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
    // Running out of memory is a property of the pattern, worth remembering; a crash may not be.
    const verdict = outOfMemory
      ? inconclusive(`analysis ran out of memory (limit ${WORKER_MAX_HEAP_MB} MB)`)
      : inconclusive(`the analysis worker stopped: ${errorSummary(error)}`);
    this.finishActive({ verdict, cacheable: outOfMemory });
  }

  private finishActive(outcome: Outcome): void {
    const analysis = this.active;
    this.active = undefined;
    this.clearWatchdog();
    if (analysis !== undefined) this.settle(analysis, outcome);
    this.dispatchNext();
  }

  private settle(analysis: PendingAnalysis, outcome: Outcome): void {
    Object.freeze(outcome.verdict); // shared by every caller that asks for this pattern again
    if (outcome.cacheable && !this.disposed) this.cache.set(analysis.cacheKey, outcome.verdict);
    this.inFlight.delete(analysis.cacheKey);
    analysis.resolve(outcome.verdict);
  }

  private discardWorker(): void {
    const worker = this.worker;
    this.worker = undefined;
    // terminate() returns a promise; swallow its rejection so it can never surface as unhandled.
    if (worker !== undefined) worker.terminate().catch(() => undefined);
  }

  private clearWatchdog(): void {
    if (this.watchdog !== undefined) clearTimeout(this.watchdog);
    this.watchdog = undefined;
  }
}

// Deep ReDoS analysis off the main thread. What is analysed is what the daemon runs: the sticky
// (start-anchored) translation (see analysisSource.ts). Requests pass, cheapest first, through a
// memory cache, the size guard, a sound linear-shape pre-pass (prepass.ts), the split of a
// loop-free leading part (prefixSplit.ts: `^(phrase|…)T` is judged by its tail `^T`, which many
// patterns share and which is checked once), the on-disk verdict store, and only then a pool of
// analysis slots sized to the cores: recheck's native binary where the platform has one
// (nativeSlot.ts), its pure-JavaScript build in worker threads elsewhere (workerSlot.ts). Every
// promise returned here resolves: it never rejects, even on dispose.
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { analysisSource } from './analysisSource';
import { LruCache } from './cache';
import { verdictForOversizedPattern } from './limits';
import { NativeSlot } from './nativeSlot';
import { prefixedVerdict, splitLoopFreePrefix, type PrefixSplit } from './prefixSplit';
import { isTriviallyLinear } from './prepass';
import { inconclusive, type RedosRequest } from './protocol';
import type { AnalysisSlot, Outcome } from './slot';
import type { RedosVerdict } from './verdict';
import type { VerdictStore } from './verdictStore';
import { WorkerSlot } from './workerSlot';

export interface DeepRedosOptions {
  /** The bundled worker: `path.join(__dirname, 'redosWorker.js')` from dist. */
  workerPath: string;
  /** recheck's native binary for this platform, when there is one (see nativeBinary.ts). */
  nativeBinaryPath?: string;
  /** recheck's time budget per pattern; past it the verdict is "inconclusive". */
  timeBudgetMs?: number;
  maxCacheEntries?: number;
  /** Analyses run at once; defaults to the number of cores (at most MAX_POOL_SIZE). */
  poolSize?: number;
  /** A further slot starts only when every running one has been on its request this long (GROW_AFTER_MS). */
  growAfterMs?: number;
  /** Verdicts kept between runs (the extension's global storage, the CLI's cache folder). */
  store?: VerdictStore;
}

export interface DeepRedosStats {
  /** Requests that needed a verdict of their own (checker run, pre-pass, size guard or disk). */
  analyses: number;
  /** Requests answered from the memory cache or by joining an identical analysis in progress. */
  cacheHits: number;
  /** Of `analyses`: answered by the linear-shape pre-pass without a checker. */
  prepassSafe: number;
  /** Checks answered from the on-disk verdict store. */
  storeHits: number;
  /** Of `analyses`: judged by their tail after a loop-free prefix (see prefixSplit.ts). */
  judgedByTail: number;
  /** Checker runs started (a pattern, or a tail shared by several patterns). */
  checked: number;
}

export type RedosBackend = 'native' | 'pure';

export const DEFAULT_TIME_BUDGET_MS = 2000;
export const DEFAULT_MAX_CACHE_ENTRIES = 1000;
/** More lanes than this only add contention (and memory) on a shared machine. */
const MAX_POOL_SIZE = 4;

/** Main-thread work per turn of the event loop while taking requests (the editor stays responsive). */
const INTAKE_SLICE_MS = 8;
/**
 * Each native checker spends ~0.5 s of CPU on Unicode tables before its first answer, more than a
 * typical burst of shared tails needs in all (10 tails ≈ 0.3 s on one process). So a second lane
 * starts only when the running ones are slow: hostile patterns still get every lane after this.
 */
const GROW_AFTER_MS = 1000;

const DISPOSED_REASON = 'analysis cancelled: the analyzer was disposed';

/** A request waiting for its turn on the main thread (see drainIntake). */
interface IntakeRequest {
  source: string;
  flags: string;
  cacheKey: string;
  resolve: (verdict: RedosVerdict) => void;
}

interface PendingAnalysis {
  request: RedosRequest;
  cacheKey: string;
  resolve: (outcome: Outcome) => void;
}

export function defaultPoolSize(): number {
  return Math.max(1, Math.min(MAX_POOL_SIZE, availableParallelism()));
}

export class DeepRedosAnalyzer {
  private readonly workerPath: string;
  private nativeBinaryPath: string | undefined;
  private readonly timeBudgetMs: number;
  private readonly poolSize: number;
  private readonly store: VerdictStore | undefined;
  private readonly cache: LruCache<string, RedosVerdict>;
  /** Analyses in progress, by the pattern asked for. */
  private readonly inFlight = new Map<string, Promise<RedosVerdict>>();
  /** Checker runs in progress, by the pattern checked (a whole pattern or a shared tail). */
  private readonly checks = new Map<string, Promise<Outcome>>();
  private readonly intake: IntakeRequest[] = [];
  private intakeScheduled = false;
  private slotStartedThisTurn = false;
  private readonly queue: PendingAnalysis[] = [];
  private readonly idleSlots: AnalysisSlot[] = [];
  /** Busy slots, with when each took its current request. */
  private readonly busySlots = new Map<AnalysisSlot, number>();
  private readonly growAfterMs: number;
  private growthTimer: NodeJS.Timeout | undefined;
  private readonly running = new Set<PendingAnalysis>();
  private nextRequestId = 1;
  private disposed = false;
  private readonly counters: DeepRedosStats = {
    analyses: 0,
    cacheHits: 0,
    prepassSafe: 0,
    judgedByTail: 0,
    storeHits: 0,
    checked: 0,
  };

  constructor(options: DeepRedosOptions) {
    const timeBudgetMs = options.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS;
    if (!Number.isFinite(timeBudgetMs) || timeBudgetMs <= 0) {
      throw new RangeError(`timeBudgetMs must be a positive number of milliseconds, got ${timeBudgetMs}`);
    }
    this.workerPath = options.workerPath;
    this.nativeBinaryPath = options.nativeBinaryPath;
    this.timeBudgetMs = Math.max(1, Math.round(timeBudgetMs));
    this.poolSize = Math.max(1, Math.floor(options.poolSize ?? defaultPoolSize()));
    this.growAfterMs = options.growAfterMs ?? GROW_AFTER_MS;
    this.store = options.store;
    this.cache = new LruCache(options.maxCacheEntries ?? DEFAULT_MAX_CACHE_ENTRIES);
  }

  /** Which checker runs the analyses that need one. */
  get backend(): RedosBackend {
    return this.nativeBinaryPath === undefined ? 'pure' : 'native';
  }

  /** Analyse a translated JavaScript pattern. Always resolves; never rejects. */
  analyze(translatedSource: string, jsFlags: string): Promise<RedosVerdict> {
    if (this.disposed) return Promise.resolve(inconclusive(DISPOSED_REASON));
    const { source, flags } = analysisSource(translatedSource, jsFlags);
    const cacheKey = this.cacheKey(source, flags);
    const known = this.cache.get(cacheKey) ?? this.inFlight.get(cacheKey);
    if (known !== undefined) {
      this.counters.cacheHits++;
      return Promise.resolve(known);
    }
    this.counters.analyses++;
    const promise = new Promise<RedosVerdict>((resolve) => {
      this.intake.push({ source, flags, cacheKey, resolve });
    });
    this.inFlight.set(cacheKey, promise);
    if (!this.intakeScheduled) {
      this.intakeScheduled = true;
      setImmediate(() => this.drainIntake());
    }
    return promise;
  }

  stats(): DeepRedosStats {
    return { ...this.counters };
  }

  /** Stops every slot; analyses still pending resolve as inconclusive. Safe to call twice. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const request of this.intake.splice(0)) {
      this.inFlight.delete(request.cacheKey);
      request.resolve(inconclusive(DISPOSED_REASON));
    }
    const pending = [...this.running, ...this.queue];
    this.running.clear();
    this.queue.length = 0;
    if (this.growthTimer !== undefined) clearTimeout(this.growthTimer);
    for (const slot of [...this.idleSlots, ...this.busySlots.keys()]) slot.dispose();
    this.idleSlots.length = 0;
    this.busySlots.clear();
    for (const analysis of pending) this.settle(analysis, { verdict: inconclusive(DISPOSED_REASON), cacheable: false });
    this.cache.clear();
    this.store?.flush();
  }

  /**
   * Takes requests in slices of INTAKE_SLICE_MS per turn of the event loop: a phrasebook opened
   * with hundreds of new patterns would otherwise hold the extension host for the pre-pass, the
   * splits and the checker spawns of all of them at once.
   */
  private drainIntake(): void {
    this.intakeScheduled = false;
    const started = performance.now();
    // A checker spawn (a fork: 10-100 ms) ends the slice: it is the turn's work.
    while (
      !this.disposed &&
      this.intake.length > 0 &&
      !this.slotStartedThisTurn &&
      performance.now() - started < INTAKE_SLICE_MS
    ) {
      this.admit(this.intake.shift() as IntakeRequest);
    }
    if (!this.disposed && this.intake.length > 0) {
      this.intakeScheduled = true;
      setImmediate(() => this.drainIntake());
    }
  }

  private admit({ source, flags, cacheKey, resolve }: IntakeRequest): void {
    const immediate = this.answerWithoutChecker(source, flags);
    const split = immediate === undefined ? splitLoopFreePrefix(source, flags) : undefined;
    const outcome: Promise<Outcome> =
      immediate !== undefined
        ? Promise.resolve({ verdict: immediate, cacheable: true })
        : split === undefined
          ? this.check(source, flags)
          : this.checkByTail(source, flags, split);
    void outcome.then(({ verdict, cacheable }) => {
      this.inFlight.delete(cacheKey);
      if (cacheable && !this.disposed) this.cache.set(cacheKey, Object.freeze(verdict));
      resolve(verdict);
    });
  }

  /** The size guard and the pre-pass; undefined: a checker must run. */
  private answerWithoutChecker(source: string, flags: string): RedosVerdict | undefined {
    const oversized = verdictForOversizedPattern(source);
    if (oversized !== undefined) return oversized;
    if (isTriviallyLinear(source, flags)) {
      this.counters.prepassSafe++;
      return { status: 'safe' };
    }
    return undefined;
  }

  /** Judges `^PT` by its tail `^T` (see prefixSplit.ts); the whole pattern only when that cannot decide. */
  private async checkByTail(source: string, flags: string, split: PrefixSplit): Promise<Outcome> {
    this.counters.judgedByTail++;
    const tail = await this.check(split.tail, flags);
    if (tail.verdict.status !== 'vulnerable') return tail;
    const verdict = prefixedVerdict(split, flags, tail.verdict);
    return verdict === undefined ? this.check(source, flags) : { verdict, cacheable: tail.cacheable };
  }

  /** The verdict on exactly this pattern: memory, an identical check in progress, the disk store, or a checker. */
  private check(source: string, flags: string): Promise<Outcome> {
    if (this.disposed) return Promise.resolve({ verdict: inconclusive(DISPOSED_REASON), cacheable: false });
    const cacheKey = this.cacheKey(source, flags);
    const cached = this.cache.get(cacheKey);
    if (cached !== undefined) return Promise.resolve({ verdict: cached, cacheable: true });
    const running = this.checks.get(cacheKey);
    if (running !== undefined) return running;
    const stored = this.store?.get(flags, source);
    if (stored !== undefined) {
      this.counters.storeHits++;
      this.cache.set(cacheKey, Object.freeze(stored));
      return Promise.resolve({ verdict: stored, cacheable: true });
    }
    this.counters.checked++;
    const request: RedosRequest = { id: this.nextRequestId++, source, flags, timeBudgetMs: this.timeBudgetMs };
    const promise = new Promise<Outcome>((resolve) => {
      this.queue.push({ request, cacheKey, resolve });
    });
    this.checks.set(cacheKey, promise);
    this.dispatch();
    return promise;
  }

  private cacheKey(source: string, flags: string): string {
    return `${this.timeBudgetMs}\u0000${flags}\u0000${source}`;
  }

  private dispatch(): void {
    while (!this.disposed && this.queue.length > 0) {
      const slot = this.idleSlots.pop() ?? this.startSlot();
      if (slot === undefined) return;
      const analysis = this.queue.shift() as PendingAnalysis;
      this.busySlots.set(slot, performance.now());
      this.running.add(analysis);
      void slot.run(analysis.request).then((outcome) => this.onOutcome(slot, analysis, outcome));
    }
    if (this.queue.length === 0) for (const slot of this.idleSlots) slot.idle(); // never keep the CLI alive
  }

  /**
   * A new slot if the pool may grow: beyond the first, only once every running slot has been on its
   * request for growAfterMs, and at most one per turn of the event loop (a process spawn blocks this
   * thread for a fork).
   */
  private startSlot(): AnalysisSlot | undefined {
    if (this.busySlots.size >= this.poolSize || this.slotStartedThisTurn) return undefined;
    if (this.busySlots.size > 0) {
      const wait = Math.max(...this.busySlots.values()) + this.growAfterMs - performance.now();
      if (wait > 0) {
        // Unreferenced: while requests wait, a busy slot keeps the host (the CLI) alive anyway.
        this.growthTimer ??= setTimeout(() => {
          this.growthTimer = undefined;
          this.dispatch();
        }, wait).unref();
        return undefined;
      }
    }
    this.slotStartedThisTurn = true;
    setImmediate(() => {
      this.slotStartedThisTurn = false;
      this.dispatch();
    });
    return this.newSlot();
  }

  private newSlot(): AnalysisSlot {
    return this.nativeBinaryPath === undefined
      ? new WorkerSlot(this.workerPath)
      : new NativeSlot(this.nativeBinaryPath);
  }

  private onOutcome(slot: AnalysisSlot, analysis: PendingAnalysis, outcome: Outcome): void {
    if (this.disposed || !this.running.delete(analysis)) return;
    this.busySlots.delete(slot);
    if (outcome.backendUnusable) {
      // The native binary cannot run here: every slot falls back to the pure-JavaScript build,
      // and this request is asked again rather than answered "inconclusive".
      this.nativeBinaryPath = undefined;
      slot.dispose();
      for (const idle of this.idleSlots.splice(0)) idle.dispose();
      this.queue.unshift(analysis);
    } else {
      this.idleSlots.push(slot);
      this.settle(analysis, outcome);
    }
    this.dispatch();
  }

  private settle(analysis: PendingAnalysis, outcome: Outcome): void {
    Object.freeze(outcome.verdict); // shared by every caller that asks for this pattern again
    if (outcome.cacheable && !this.disposed) {
      this.cache.set(analysis.cacheKey, outcome.verdict);
      this.store?.set(analysis.request.flags, analysis.request.source, outcome.verdict);
    }
    this.checks.delete(analysis.cacheKey);
    analysis.resolve(outcome);
  }
}

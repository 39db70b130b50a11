// A total time budget for one lint run: past it, every analysis still running or not yet started
// is answered "inconclusive" at once and the checker is stopped, so a hostile file of 200 patterns
// that each exhaust their own budget cannot stall a CI job. The budget starts with the first request.
import { inconclusive } from './protocol';
import type { RedosVerdict } from './verdict';

export interface DisposableAnalyzer {
  analyze(jsSource: string, jsFlags: string): Promise<RedosVerdict>;
  dispose(): void;
}

/** The default total for `kora-ops lint` (`--redos-budget`). */
export const DEFAULT_RUN_BUDGET_MS = 30_000;

export function runBudgetReason(budgetMs: number): string {
  return `not analysed: the run's ReDoS budget of ${budgetMs} ms was used up`;
}

export class RunBudgetAnalyzer implements DisposableAnalyzer {
  private deadline: NodeJS.Timeout | undefined;
  private expired = false;
  private readonly waiting = new Set<(verdict: RedosVerdict) => void>();
  /** Patterns answered "inconclusive" because the budget ran out. */
  skipped = 0;

  constructor(
    private readonly inner: DisposableAnalyzer,
    readonly budgetMs: number,
  ) {}

  get exhausted(): boolean {
    return this.expired;
  }

  analyze(jsSource: string, jsFlags: string): Promise<RedosVerdict> {
    if (this.expired) return Promise.resolve(this.skip());
    this.deadline ??= setTimeout(() => this.expire(), this.budgetMs);
    return new Promise<RedosVerdict>((resolve) => {
      this.waiting.add(resolve);
      void this.inner.analyze(jsSource, jsFlags).then((verdict) => {
        if (this.waiting.delete(resolve)) resolve(verdict);
      });
    });
  }

  dispose(): void {
    if (this.deadline !== undefined) clearTimeout(this.deadline);
    this.inner.dispose();
  }

  private skip(): RedosVerdict {
    this.skipped++;
    return inconclusive(runBudgetReason(this.budgetMs));
  }

  private expire(): void {
    this.expired = true;
    for (const resolve of this.waiting) resolve(this.skip());
    this.waiting.clear();
    this.inner.dispose(); // stops the checkers; their late answers find nobody waiting
  }
}

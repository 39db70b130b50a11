// A manual Clock for the poller's unit tests and the health benchmark: time moves only when told.
import type { Clock, TimerHandle } from '../../src/core/health/clock';

interface FakeTimer {
  id: number;
  dueAt: number;
  callback: () => void;
}

/**
 * A manual clock. `advance(ms)` fires due timers in time order and lets promise chains started by
 * them settle between timers (in-memory fakes resolve within a few macrotask turns).
 */
export class FakeClock implements Clock {
  private current: number;
  private nextId = 1;
  private timers: FakeTimer[] = [];

  constructor(startMs = Date.UTC(2026, 4, 23, 10, 0, 0)) {
    this.current = startMs;
  }

  now(): number {
    return this.current;
  }

  setTimeout(callback: () => void, ms: number): TimerHandle {
    const timer = { id: this.nextId++, dueAt: this.current + Math.max(0, ms), callback };
    this.timers.push(timer);
    return timer.id;
  }

  clearTimeout(handle: TimerHandle): void {
    this.timers = this.timers.filter((timer) => timer.id !== handle);
  }

  /** Number of timers not yet fired. */
  get pendingTimers(): number {
    return this.timers.length;
  }

  /** Due time of the earliest pending timer, or undefined. */
  get nextDueAt(): number | undefined {
    return this.earliest()?.dueAt;
  }

  async advance(ms: number): Promise<void> {
    const target = this.current + ms;
    await settle();
    for (;;) {
      const next = this.earliest();
      if (!next || next.dueAt > target) break;
      this.timers = this.timers.filter((timer) => timer !== next);
      this.current = Math.max(this.current, next.dueAt);
      next.callback();
      await settle();
    }
    this.current = target;
    await settle();
  }

  /** Advance to an absolute time. */
  async advanceTo(epochMs: number): Promise<void> {
    await this.advance(Math.max(0, epochMs - this.current));
  }

  private earliest(): FakeTimer | undefined {
    let earliest: FakeTimer | undefined;
    for (const timer of this.timers)
      if (!earliest || timer.dueAt < earliest.dueAt || (timer.dueAt === earliest.dueAt && timer.id < earliest.id))
        earliest = timer;
    return earliest;
  }
}

const SETTLE_TURNS = 5;

/** Lets pending promise chains run: a few macrotask turns (each drains the microtask queue). */
export async function settle(turns = SETTLE_TURNS): Promise<void> {
  for (let turn = 0; turn < turns; turn += 1) await new Promise<void>((resolve) => setImmediate(resolve));
}

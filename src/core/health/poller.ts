// HealthMonitor: one DaemonPoller per daemon, polled while someone is looking; tells listeners after
// every poll. Demand = window focused AND (view visible OR status bar shown): with no demand, no
// request is sent at all. See daemonPoller.ts for one daemon's schedule and streams.ts for what is
// read. Consumers read a poller's latest values and ask it to refresh; nothing else fetches.

import { DEFAULT_CADENCE } from './cadence';
import { systemClock, type Clock } from './clock';
import { DaemonPoller, type HealthSource, type PollerOptions } from './daemonPoller';
import { Emitter, type Event } from './event';
import { ALL_STREAMS, type PhrasebookReading, type RefreshReason, type Stream } from './streams';
import type { DaemonHealth } from './types';

export type { HealthSource, RefreshReason, Stream } from './streams';

export interface Demand {
  focused: boolean;
  /** The Health view is visible, or the status bar item is shown. */
  visible: boolean;
}

export interface HealthChange {
  daemons: readonly DaemonHealth[];
}

export interface HealthMonitorOptions {
  clock?: Clock;
  random?: () => number;
  /** Shortest gap between two polls of one endpoint (setting `kora.polling.minIntervalSeconds`). */
  minIntervalMs?: number;
  /** Longest wait between retries while failing (setting `kora.polling.maxBackoffSeconds`). */
  maxBackoffMs?: number;
  /** The daemon's update period assumed until one is learned. */
  defaultPeriodMs?: number;
  /** How long after an expected update to poll. */
  slackMs?: number;
}

export const DEFAULT_MIN_INTERVAL_MS = 15_000;
export const DEFAULT_MAX_BACKOFF_MS = 300_000;

export class HealthMonitor {
  private pollers: DaemonPoller[] = [];
  private demand: Demand = { focused: false, visible: false };
  private readonly options: PollerOptions;
  private readonly changes = new Emitter<HealthChange>();
  private changePending = false;
  private flushQueued = false;
  private disposed = false;

  /** Fires (batched per tick) after polls and after `setSources`; what changed is the view's to find. */
  readonly onDidChange: Event<HealthChange> = this.changes.event;

  /** Starts idle: nothing is polled until `setDemand` says the window is focused and visible. */
  constructor(sources: readonly HealthSource[], options: HealthMonitorOptions = {}) {
    const minIntervalMs = options.minIntervalMs ?? DEFAULT_MIN_INTERVAL_MS;
    this.options = {
      ...DEFAULT_CADENCE,
      clock: options.clock ?? systemClock,
      random: options.random ?? Math.random,
      minIntervalMs,
      maxBackoffMs: Math.max(minIntervalMs, options.maxBackoffMs ?? DEFAULT_MAX_BACKOFF_MS),
      defaultPeriodMs: options.defaultPeriodMs ?? DEFAULT_CADENCE.defaultPeriodMs,
      slackMs: options.slackMs ?? DEFAULT_CADENCE.slackMs,
    };
    this.setSources(sources);
  }

  get daemons(): readonly DaemonHealth[] {
    return this.pollers.map((poller) => poller.health);
  }

  /** The Phrasebook section's data per daemon, in the order of `daemons`. */
  get phrasebooks(): readonly PhrasebookReading[] {
    return this.pollers.map((poller) => poller.phrasebook);
  }

  /** The poller of a daemon by name (its latest stream values; ask it to refresh). */
  poller(daemonName: string): DaemonPoller | undefined {
    return this.pollers.find((poller) => poller.source.config.name === daemonName);
  }

  get currentDemand(): Demand {
    return { ...this.demand };
  }

  setDemand(demand: Demand): void {
    this.demand = { ...demand };
    const active = this.isActive();
    for (const poller of this.pollers) poller.setActive(active);
  }

  /**
   * Replaces the daemon list (configuration changed). A source passed again (the same object) keeps
   * its poller, state and learned cadence; the caller owns (and disposes) the sources.
   */
  setSources(sources: readonly HealthSource[]): void {
    const previous = this.pollers;
    this.pollers = sources.map((source) => {
      const reused = previous.find((poller) => poller.source === source);
      return reused ?? new DaemonPoller(source, this.options, () => this.markChanged());
    });
    for (const poller of previous) if (!this.pollers.includes(poller)) poller.dispose();
    const active = this.isActive();
    for (const poller of this.pollers) poller.setActive(active);
    this.markChanged();
  }

  /** Reads every stream of every daemon (or of the one at `index`) now, regardless of demand. */
  async refresh(reason: RefreshReason, index?: number, streams: readonly Stream[] = ALL_STREAMS): Promise<void> {
    const targets = index === undefined ? this.pollers : this.pollers.slice(index, index + 1);
    await Promise.all(targets.map((poller) => poller.refresh(reason, streams)));
  }

  /** Manual refresh of every daemon (or one). */
  refreshNow(index?: number): Promise<void> {
    return this.refresh('manual', index);
  }

  dispose(): void {
    this.disposed = true;
    for (const poller of this.pollers) poller.dispose();
    this.pollers = [];
    this.changes.dispose();
  }

  private isActive(): boolean {
    return this.demand.focused && this.demand.visible;
  }

  private markChanged(): void {
    this.changePending = true;
    if (this.flushQueued || this.disposed) return;
    this.flushQueued = true;
    queueMicrotask(() => {
      this.flushQueued = false;
      if (this.disposed || !this.changePending) return;
      this.changePending = false;
      this.changes.fire({ daemons: this.daemons });
    });
  }
}

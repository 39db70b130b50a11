// Polls one daemon: two endpoints ("streams") with their own cadence, shared backoff while the
// daemon fails, and a health model rebuilt after every poll. Owned by HealthMonitor (poller.ts).

import type { HeartbeatResponse, McpDaemonStatus, SnapshotResult } from '../daemon/schemas';
import { CadenceLearner, type CadenceOptions } from './cadence';
import type { Clock, TimerHandle } from './clock';
import { buildHealth, FUTURE_SKEW_ALLOWANCE_SECONDS, type Outcome } from './model';
import { attempt } from './outcome';
import type { DaemonHealth, DaemonRef } from './types';

/** What the poller needs from a daemon. `KoraClient` satisfies it; tests pass in-memory fakes. */
export interface HealthSource {
  readonly config: DaemonRef;
  getSnapshot(): Promise<SnapshotResult>;
  getHeartbeatServices(): Promise<HeartbeatResponse>;
  /** Resolves undefined when no MCP token is configured. */
  getDaemonStatusViaMcp?(): Promise<McpDaemonStatus | undefined>;
}

export interface PollerOptions extends CadenceOptions {
  clock: Clock;
  /** [0, 1) — injectable so the backoff jitter is testable. */
  random: () => number;
  maxBackoffMs: number;
}

export type Stream = 'snapshot' | 'heartbeat';
const STREAMS: readonly Stream[] = ['snapshot', 'heartbeat'];

/** Streams due within this window of each other are polled together (one wake-up, not two). */
const COALESCE_MS = 1_000;
/** Backoff delays are spread ±20% so many windows do not retry in lock-step. */
const JITTER_FRACTION = 0.2;

interface StreamState {
  lastPollAt?: number;
  outcome?: Outcome<SnapshotResult> | Outcome<HeartbeatResponse>;
  learner: CadenceLearner;
  /** Consecutive successful polls that carried no update marker yet (warming, no_snapshot). */
  waitingPolls: number;
}

export class DaemonPoller {
  health: DaemonHealth;
  private readonly streams: Record<Stream, StreamState>;
  private snapshotOutcome: Outcome<SnapshotResult> | undefined;
  private heartbeatOutcome: Outcome<HeartbeatResponse> | undefined;
  private mcpOutcome: Outcome<McpDaemonStatus | undefined> | undefined;
  private failures = 0;
  private retryAt: number | null = null;
  private lastSuccessAt: number | null = null;
  private nextPollAt: number | null = null;
  private forcedDueAt: number | null = null;
  private timer: TimerHandle | undefined;
  private inFlight: Promise<void> | undefined;
  private active = false;
  private disposed = false;

  constructor(
    readonly source: HealthSource,
    private readonly options: PollerOptions,
    private readonly onChange: () => void,
  ) {
    this.streams = { snapshot: this.newStream(), heartbeat: this.newStream() };
    this.health = this.build();
  }

  /** Demand on/off. Turning on catches up at once when the data is older than the min interval. */
  setActive(active: boolean): void {
    if (this.disposed || active === this.active) return;
    this.active = active;
    if (active) {
      const last = this.lastPollAt();
      if (last === undefined || this.now() - last >= this.options.minIntervalMs) this.forcedDueAt = this.now();
    }
    this.schedule();
    this.publish();
  }

  /** Polls every endpoint now (manual refresh); resolves when the poll has finished. */
  refreshNow(): Promise<void> {
    return this.poll([...STREAMS]);
  }

  dispose(): void {
    this.disposed = true;
    this.clearTimer();
  }

  // ---- scheduling -------------------------------------------------------------------------------

  private schedule(): void {
    this.clearTimer();
    if (!this.active || this.disposed || this.inFlight) {
      this.nextPollAt = null;
      return;
    }
    const next = Math.min(...STREAMS.map((stream) => this.dueAt(stream)));
    this.nextPollAt = next;
    this.timer = this.options.clock.setTimeout(() => this.onTimer(), Math.max(0, next - this.now()));
  }

  private onTimer(): void {
    this.timer = undefined;
    const horizon = this.now() + COALESCE_MS;
    const due = STREAMS.filter((stream) => this.dueAt(stream) <= horizon);
    void this.poll(due.length > 0 ? due : [...STREAMS]);
  }

  private dueAt(stream: Stream): number {
    const state = this.streams[stream];
    const forced = this.forcedDueAt ?? Number.POSITIVE_INFINITY;
    if (state.lastPollAt === undefined) return this.now();
    if (this.retryAt !== null) return Math.min(this.retryAt, forced);
    const { minIntervalMs, defaultPeriodMs } = this.options;
    const planned =
      state.waitingPolls > 0
        ? state.lastPollAt + Math.min(defaultPeriodMs, minIntervalMs * 2 ** (state.waitingPolls - 1))
        : state.learner.nextPollAt(state.lastPollAt);
    return Math.min(planned, forced);
  }

  private backoffDelay(): number {
    const { minIntervalMs, maxBackoffMs, random } = this.options;
    const base = Math.min(maxBackoffMs, minIntervalMs * 2 ** (this.failures - 1));
    const jittered = base * (1 - JITTER_FRACTION + 2 * JITTER_FRACTION * random());
    return Math.round(Math.min(maxBackoffMs, jittered));
  }

  // ---- polling ----------------------------------------------------------------------------------

  private poll(streams: Stream[]): Promise<void> {
    if (this.disposed) return Promise.resolve();
    if (this.inFlight) return this.inFlight;
    this.clearTimer();
    this.forcedDueAt = null;
    this.inFlight = this.runPoll(streams).finally(() => {
      this.inFlight = undefined;
      this.schedule();
      this.publish();
    });
    return this.inFlight;
  }

  private async runPoll(streams: readonly Stream[]): Promise<void> {
    const startedAt = this.now();
    const wantsSnapshot = streams.includes('snapshot');
    const wantsHeartbeat = streams.includes('heartbeat');
    const [snapshot, heartbeat, mcp] = await Promise.all([
      wantsSnapshot ? this.attempt(() => this.source.getSnapshot()) : undefined,
      wantsHeartbeat ? this.attempt(() => this.source.getHeartbeatServices()) : undefined,
      wantsSnapshot && this.source.getDaemonStatusViaMcp ? this.attempt(() => this.source.getDaemonStatusViaMcp!()) : undefined,
    ]);
    if (this.disposed) return;
    if (snapshot) {
      this.snapshotOutcome = snapshot;
      this.record('snapshot', snapshot, startedAt, snapshot.ok ? snapshotMarker(snapshot.value) : undefined);
    }
    if (heartbeat) {
      this.heartbeatOutcome = heartbeat;
      this.record('heartbeat', heartbeat, startedAt, heartbeat.ok ? heartbeatMarker(heartbeat.value) : undefined);
    }
    if (mcp) this.mcpOutcome = mcp;
    const outcomes = [snapshot, heartbeat].filter((outcome) => outcome !== undefined);
    const finishedAt = this.now();
    if (outcomes.some((outcome) => outcome.ok)) this.lastSuccessAt = finishedAt;
    if (outcomes.some((outcome) => !outcome.ok)) {
      this.failures += 1;
      this.retryAt = finishedAt + this.backoffDelay();
    } else {
      this.failures = 0;
      this.retryAt = null;
    }
  }

  private record(stream: Stream, outcome: StreamState['outcome'], polledAt: number, marker: Marker | undefined): void {
    const state = this.streams[stream];
    state.lastPollAt = polledAt;
    state.outcome = outcome;
    if (!outcome?.ok) return;
    if (marker === undefined || isFromTheFuture(marker, polledAt)) {
      state.waitingPolls += 1;
      return;
    }
    state.waitingPolls = 0;
    state.learner.observe(marker.at, polledAt, marker.spreadMs);
  }

  private attempt<T>(read: () => Promise<T>): Promise<Outcome<T>> {
    return attempt(read, () => this.now());
  }

  // ---- model ------------------------------------------------------------------------------------

  private publish(): void {
    const next = this.build();
    if (JSON.stringify(next) === JSON.stringify(this.health)) return;
    this.health = next;
    this.onChange();
  }

  private build(): DaemonHealth {
    return buildHealth(
      {
        daemon: this.source.config,
        snapshot: this.snapshotOutcome,
        heartbeat: this.heartbeatOutcome,
        mcpStatus: this.mcpOutcome,
        lastSuccessAt: this.lastSuccessAt,
        nextPollAt: this.nextPollAt,
      },
      this.now(),
    );
  }

  private newStream(): StreamState {
    return { learner: new CadenceLearner(this.options), waitingPolls: 0 };
  }

  private lastPollAt(): number | undefined {
    const times = STREAMS.map((stream) => this.streams[stream].lastPollAt).filter((time): time is number => time !== undefined);
    return times.length > 0 ? Math.max(...times) : undefined;
  }

  private clearTimer(): void {
    if (this.timer !== undefined) this.options.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private now(): number {
    return this.options.clock.now();
  }
}

interface Marker {
  /** When the update began (epoch ms, daemon clock). */
  at: number;
  /** How long after `at` the update is complete (heartbeat probes run one after another). */
  spreadMs: number;
}

/**
 * A marker past the clock-skew allowance says nothing about the daemon's cadence (its clock or its
 * data is off): learning from it would schedule the next poll an hour or more ahead, so a fixed
 * daemon would stay "stale" that long. Such polls are treated like those without a marker.
 */
function isFromTheFuture(marker: Marker, polledAt: number): boolean {
  return marker.at > polledAt + FUTURE_SKEW_ALLOWANCE_SECONDS * 1000;
}

function snapshotMarker(result: SnapshotResult): Marker | undefined {
  if (result.kind !== 'snapshot') return undefined;
  const at = Date.parse(result.snapshot.computed_at);
  return Number.isFinite(at) ? { at, spreadMs: 0 } : undefined;
}

function heartbeatMarker(response: HeartbeatResponse): Marker | undefined {
  const checks = response.services.map((service) => Date.parse(service.last_check_at ?? '')).filter(Number.isFinite);
  if (checks.length === 0) return undefined;
  const first = Math.min(...checks);
  return { at: first, spreadMs: Math.max(...checks) - first };
}

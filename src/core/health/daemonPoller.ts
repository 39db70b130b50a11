// Polls one daemon and owns everything read from it: a table of streams (see streams.ts). Snapshot
// and heartbeat follow the daemon's learned cadence with shared backoff while it fails; the
// phrasebook and its backups are read when first needed and refreshed on demand; a cheap liveness
// check runs whenever nothing else reached the daemon for the minimum interval, so going offline,
// coming back and restarting show within that interval. Owned by HealthMonitor (poller.ts).

import { CadenceLearner, type CadenceOptions } from './cadence';
import type { Clock, TimerHandle } from './clock';
import { buildHealth, FUTURE_SKEW_ALLOWANCE_SECONDS } from './model';
import { isReadableState } from './looks';
import { attempt } from './outcome';
import {
  ALL_STREAMS,
  CONTENT_STREAMS,
  heartbeatMarker,
  PHRASEBOOK_STREAMS,
  phrasebookReading,
  snapshotMarker,
  type HealthSource,
  type Marker,
  type PhrasebookReading,
  type RefreshReason,
  type Stream,
  type StreamOutcome,
  type StreamValues,
} from './streams';
import type { DaemonHealth } from './types';

export interface PollerOptions extends CadenceOptions {
  clock: Clock;
  /** [0, 1) — injectable so the backoff jitter is testable. */
  random: () => number;
  maxBackoffMs: number;
}

type Cadenced = 'snapshot' | 'heartbeat';
const CADENCED: readonly Cadenced[] = ['snapshot', 'heartbeat'];

/** Streams due within this window of each other are polled together (one wake-up, not two). */
const COALESCE_MS = 1_000;
/** Backoff delays are spread ±20% so many windows do not retry in lock-step. */
const JITTER_FRACTION = 0.2;

interface CadenceState {
  lastPollAt?: number;
  learner: CadenceLearner;
  /** Consecutive successful polls that carried no update marker yet (warming, no_snapshot). */
  waitingPolls: number;
}

/** One wake-up's plan: which streams, and why. */
interface PollPlan {
  streams: readonly Stream[];
  reason: RefreshReason;
}

export class DaemonPoller {
  health: DaemonHealth;
  phrasebook: PhrasebookReading = { loading: true };
  private readonly outcomes: { [S in Stream]?: StreamOutcome<S> } = {};
  private readonly cadence: Record<Cadenced, CadenceState>;
  private failures = 0;
  private retryAt: number | null = null;
  private lastSuccessAt: number | null = null;
  /** Last time any request (liveness included) got an answer, and last time one was sent. */
  private lastContactAt: number | null = null;
  private lastRequestAt: number | null = null;
  private livenessInstance: number | undefined;
  private livenessOk: boolean | undefined;
  /** When the phrasebook streams are wanted next (null: not until asked). */
  private phrasebookDueAt: number | null;
  private nextPollAt: number | null = null;
  private forcedDueAt: number | null = null;
  private forcedReason: RefreshReason = 'focus';
  private timer: TimerHandle | undefined;
  private inFlight: Promise<void> | undefined;
  private active = false;
  private disposed = false;

  constructor(
    readonly source: HealthSource,
    private readonly options: PollerOptions,
    private readonly onChange: () => void,
  ) {
    this.cadence = { snapshot: this.newCadence(), heartbeat: this.newCadence() };
    this.phrasebookDueAt = source.getPhrasebook ? Number.NEGATIVE_INFINITY : null;
    this.health = this.build();
  }

  /** Demand on/off. Turning on catches up at once when the data is older than the min interval. */
  setActive(active: boolean): void {
    if (this.disposed || active === this.active) return;
    this.active = active;
    if (active) {
      const last = this.lastContentPollAt();
      if (last === undefined || this.now() - last >= this.options.minIntervalMs) this.force('focus');
    }
    this.schedule();
    this.publish();
  }

  /** The latest outcome of a stream (undefined before its first read). */
  latest<S extends Stream>(stream: S): StreamOutcome<S> | undefined {
    return this.outcomes[stream] as StreamOutcome<S> | undefined;
  }

  /** Reads the given streams (default: all) now, whatever the demand; resolves when read. */
  refresh(reason: RefreshReason, streams: readonly Stream[] = ALL_STREAMS): Promise<void> {
    if (this.disposed) return Promise.resolve();
    // A poll already running may not cover these streams: read them right after it.
    if (this.inFlight) return this.inFlight.then(() => this.refresh(reason, streams));
    return this.poll({
      streams: streams.includes('snapshot') ? [...new Set([...streams, 'mcp' as const])] : streams,
      reason,
    });
  }

  dispose(): void {
    this.disposed = true;
    this.clearTimer();
  }

  // ---- scheduling -------------------------------------------------------------------------------

  private force(reason: RefreshReason): void {
    this.forcedDueAt = this.now();
    this.forcedReason = reason;
  }

  private schedule(): void {
    this.clearTimer();
    if (!this.active || this.disposed || this.inFlight) {
      this.nextPollAt = null;
      return;
    }
    const next = Math.min(...CADENCED.map((stream) => this.dueAt(stream)), this.livenessDueAt(), this.phrasebookDue());
    this.nextPollAt = next;
    this.timer = this.options.clock.setTimeout(() => this.onTimer(), Math.max(0, next - this.now()));
  }

  private onTimer(): void {
    this.timer = undefined;
    void this.poll(this.duePlan());
  }

  /** What is due now (and within the coalescing window). */
  private duePlan(): PollPlan {
    const horizon = this.now() + COALESCE_MS;
    const reason = this.forcedDueAt !== null ? this.forcedReason : 'interval';
    const streams: Stream[] = [];
    for (const stream of CADENCED) if (this.dueAt(stream) <= horizon) streams.push(stream);
    if (streams.includes('snapshot')) streams.push('mcp');
    if (this.phrasebookDue() <= horizon) streams.push(...PHRASEBOOK_STREAMS);
    if (streams.length === 0) streams.push('liveness');
    return { streams, reason };
  }

  private dueAt(stream: Cadenced): number {
    const state = this.cadence[stream];
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

  /** Liveness is checked only when no other request went out for the minimum interval. */
  private livenessDueAt(): number {
    if (!this.source.checkLiveness || this.lastRequestAt === null) return Number.POSITIVE_INFINITY;
    return this.lastRequestAt + this.options.minIntervalMs;
  }

  /** The phrasebook is read once the daemon answers, and again when asked (not on a schedule). */
  private phrasebookDue(): number {
    if (this.phrasebookDueAt === null || !this.readable()) return Number.POSITIVE_INFINITY;
    return Math.max(this.phrasebookDueAt, this.now());
  }

  private readable(): boolean {
    return isReadableState(this.health.state);
  }

  private backoffDelay(): number {
    const { minIntervalMs, maxBackoffMs, random } = this.options;
    const base = Math.min(maxBackoffMs, minIntervalMs * 2 ** (this.failures - 1));
    const jittered = base * (1 - JITTER_FRACTION + 2 * JITTER_FRACTION * random());
    return Math.round(Math.min(maxBackoffMs, jittered));
  }

  // ---- polling ----------------------------------------------------------------------------------

  private poll(plan: PollPlan): Promise<void> {
    if (this.disposed) return Promise.resolve();
    this.clearTimer();
    this.forcedDueAt = null;
    this.inFlight = this.runPoll(plan).finally(() => {
      this.inFlight = undefined;
      // The schedule depends on the state (the phrasebook waits for a readable daemon).
      this.health = this.build();
      this.schedule();
      this.publish();
    });
    return this.inFlight;
  }

  private async runPoll(plan: PollPlan): Promise<void> {
    const wanted = new Set(plan.streams);
    if (wanted.has('liveness') && wanted.size === 1) return this.checkLiveness();
    const startedAt = this.now();
    this.lastRequestAt = startedAt;
    const source = this.source;
    const read = <S extends Stream>(stream: S, reader: (() => Promise<StreamValues[S]>) | undefined) =>
      wanted.has(stream) && reader ? this.attempt(reader) : Promise.resolve(undefined);
    const [snapshot, heartbeat, mcp, phrasebook, backups] = await Promise.all([
      read('snapshot', () => source.getSnapshot()),
      read('heartbeat', () => source.getHeartbeatServices()),
      read('mcp', source.getDaemonStatusViaMcp && (() => source.getDaemonStatusViaMcp!())),
      read('phrasebook', source.getPhrasebook && (() => source.getPhrasebook!())),
      read('backups', source.getPhrasebookBackups && (() => source.getPhrasebookBackups!())),
    ]);
    if (this.disposed) return;
    if (snapshot)
      this.recordCadenced('snapshot', snapshot, startedAt, snapshot.ok ? snapshotMarker(snapshot.value) : undefined);
    if (heartbeat)
      this.recordCadenced(
        'heartbeat',
        heartbeat,
        startedAt,
        heartbeat.ok ? heartbeatMarker(heartbeat.value) : undefined,
      );
    if (mcp) this.outcomes.mcp = mcp;
    if (phrasebook || backups) this.recordPhrasebook(phrasebook, backups);
    const content = [snapshot, heartbeat].filter((outcome) => outcome !== undefined);
    const answered = [snapshot, heartbeat, phrasebook, backups].some((outcome) => outcome?.ok);
    const finishedAt = this.now();
    if (answered) this.lastContactAt = finishedAt;
    if (content.some((outcome) => outcome.ok)) this.lastSuccessAt = finishedAt;
    if (content.some((outcome) => !outcome.ok)) {
      this.failures += 1;
      this.retryAt = finishedAt + this.backoffDelay();
    } else if (content.length > 0) {
      this.failures = 0;
      this.retryAt = null;
    }
    if (content.length > 0) this.livenessOk = content.some((outcome) => outcome.ok);
    // A read that met a restarted daemon (and re-read its token) leaves the other streams outdated.
    const instance = this.source.daemonInstance?.();
    if (instance !== undefined && this.noteInstance(instance)) this.onRestart(wanted);
  }

  /** Records which daemon process answered; true when it is not the one seen before. */
  private noteInstance(instance: number): boolean {
    const restarted = this.livenessInstance !== undefined && instance !== this.livenessInstance;
    this.livenessInstance = instance;
    return restarted;
  }

  /** Reads at once what the last poll (`alreadyRead`) did not, since it all may have changed. */
  private onRestart(alreadyRead: ReadonlySet<Stream>): void {
    if (!CONTENT_STREAMS.every((stream) => alreadyRead.has(stream) || stream === 'mcp')) this.force('liveness');
    if (this.phrasebookDueAt !== null && !PHRASEBOOK_STREAMS.every((stream) => alreadyRead.has(stream)))
      this.phrasebookDueAt = this.now();
  }

  /** One cheap request; a change (gone, back, restarted) reads the affected streams at once. */
  private async checkLiveness(): Promise<void> {
    this.lastRequestAt = this.now();
    const outcome = await this.attempt(() => this.source.checkLiveness!());
    if (this.disposed) return;
    this.outcomes.liveness = outcome;
    const wasOk = this.livenessOk;
    this.livenessOk = outcome.ok;
    if (!outcome.ok) {
      // Went away: read the content now so the state says why (a further failure changes nothing).
      if (wasOk !== false) this.force('liveness');
      return;
    }
    this.lastContactAt = outcome.at;
    const restarted = outcome.value.instance !== undefined && this.noteInstance(outcome.value.instance);
    if (wasOk === false || restarted) {
      this.retryAt = null;
      this.failures = 0;
      this.onRestart(new Set());
    }
  }

  private recordCadenced(
    stream: Cadenced,
    outcome: StreamOutcome<Cadenced>,
    polledAt: number,
    marker: Marker | undefined,
  ): void {
    (this.outcomes as Record<Cadenced, StreamOutcome<Cadenced>>)[stream] = outcome;
    const state = this.cadence[stream];
    state.lastPollAt = polledAt;
    if (!outcome.ok) return;
    if (marker === undefined || isFromTheFuture(marker, polledAt)) {
      state.waitingPolls += 1;
      return;
    }
    state.waitingPolls = 0;
    state.learner.observe(marker.at, polledAt, marker.spreadMs);
  }

  private recordPhrasebook(
    phrasebook: StreamOutcome<'phrasebook'> | undefined,
    backups: StreamOutcome<'backups'> | undefined,
  ): void {
    if (phrasebook) this.outcomes.phrasebook = phrasebook;
    if (backups) this.outcomes.backups = backups;
    this.phrasebook = phrasebookReading(this.outcomes.phrasebook, this.outcomes.backups, this.phrasebook);
    const failed = [phrasebook, backups].some((outcome) => outcome && !outcome.ok);
    // A failed read is retried after the minimum interval; a good one waits to be asked again.
    this.phrasebookDueAt = failed
      ? this.now() + this.options.minIntervalMs
      : this.phrasebookDueAt === null
        ? null
        : Number.POSITIVE_INFINITY;
  }

  private attempt<T>(read: () => Promise<T>) {
    return attempt(read, () => this.now());
  }

  // ---- model ------------------------------------------------------------------------------------

  /** Rebuilds the health model and tells the owner; deciding what changed is the view's job. */
  private publish(): void {
    this.health = this.build();
    this.onChange();
  }

  private build(): DaemonHealth {
    return buildHealth(
      {
        daemon: this.source.config,
        snapshot: this.outcomes.snapshot,
        heartbeat: this.outcomes.heartbeat,
        mcpStatus: this.outcomes.mcp,
        lastSuccessAt: this.lastSuccessAt,
        lastContactAt: this.lastContactAt,
        nextPollAt: this.nextPollAt,
        expectedUpdateMs: this.cadence.snapshot.learner.periodMs,
      },
      this.now(),
    );
  }

  private newCadence(): CadenceState {
    return { learner: new CadenceLearner(this.options), waitingPolls: 0 };
  }

  private lastContentPollAt(): number | undefined {
    const times = CADENCED.map((stream) => this.cadence[stream].lastPollAt).filter(
      (time): time is number => time !== undefined,
    );
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

/**
 * A marker past the clock-skew allowance says nothing about the daemon's cadence (its clock or its
 * data is off): learning from it would schedule the next poll an hour or more ahead, so a fixed
 * daemon would stay "stale" that long. Such polls are treated like those without a marker.
 */
function isFromTheFuture(marker: Marker, polledAt: number): boolean {
  return marker.at > polledAt + FUTURE_SKEW_ALLOWANCE_SECONDS * 1000;
}

export type { HealthSource } from './streams';

// Learns when a daemon publishes new data, so polls land just after each update instead of on a
// blind interval. The daemon recomputes its snapshot and re-runs its probes on a fixed cadence
// (default 300 s); every response carries a marker of its last update (`computed_at` for the
// snapshot, the probe cycle's first `last_check_at` for the heartbeat).
//
// What we know from a poll at time T that returned marker M:
//   - the last update happened at M;
//   - when a poll sees the same M as before, no newer update was visible at T.
// From two different markers M1 < M2 the period is (M2 − M1) / k for some whole k ≥ 1 (we may have
// missed updates while unfocused); a quiet poll in between bounds the period from below and so k
// from above. A period learned from polls that only ever hit "expected" times could be a multiple
// of the real one; one extra poll half-way through a period rules that out ("confirmed").

export interface CadenceOptions {
  /** Assumed period before anything is learned (the daemon's default, 300 s). */
  defaultPeriodMs: number;
  /** Never poll one endpoint more often than this. */
  minIntervalMs: number;
  /** Poll this long after the expected moment of visibility. */
  slackMs: number;
  minPeriodMs: number;
  maxPeriodMs: number;
}

export const DEFAULT_CADENCE: CadenceOptions = {
  defaultPeriodMs: 300_000,
  minIntervalMs: 15_000,
  slackMs: 3_000,
  minPeriodMs: 10_000,
  maxPeriodMs: 2 * 60 * 60_000,
};

export type Observation = 'first' | 'same' | 'new' | 'reset';

/** Samples within this fraction of the current estimate count as consistent. */
const CONSISTENT_FRACTION = 0.2;
/** Weight of the previous estimate when a consistent sample arrives (smooths compute-time jitter). */
const SMOOTHING = 0.7;
/** Retries at the minimum interval before late updates are awaited with growing gaps. */
const FLAT_RETRIES = 3;
/** Learned visibility lag decays toward the data-given lag (one slow compute should not stick). */
const LAG_DECAY = 0.9;

export class CadenceLearner {
  private period: number;
  private lastMarker: number | null = null;
  /** Latest poll time at which no update newer than `lastMarker` was visible. */
  private lastQuietPoll = 0;
  /** Learned extra delay between a marker and the moment its data is served. */
  private learnedLagMs = 0;
  /** Delay given by the data itself (heartbeat: probes run serially after the cycle starts). */
  private spreadMs = 0;
  private hasSample = false;
  private confirmed = false;
  private overdueRetries = 0;

  constructor(private readonly options: CadenceOptions = DEFAULT_CADENCE) {
    this.period = options.defaultPeriodMs;
  }

  get periodMs(): number {
    return this.period;
  }

  get isConfirmed(): boolean {
    return this.confirmed;
  }

  get lastUpdateAt(): number | null {
    return this.lastMarker;
  }

  /** Records what a poll started at `polledAt` saw. `spreadMs`: how long after the marker the update completes. */
  observe(marker: number, polledAt: number, spreadMs = 0): Observation {
    this.spreadMs = Math.max(0, spreadMs);
    if (this.lastMarker === null) {
      this.lastMarker = marker;
      this.lastQuietPoll = polledAt;
      return 'first';
    }
    if (marker === this.lastMarker) {
      this.recordQuiet(polledAt);
      return 'same';
    }
    if (marker < this.lastMarker) {
      // Time went backwards (restored file, clock change): start over.
      this.lastMarker = marker;
      this.lastQuietPoll = polledAt;
      this.hasSample = false;
      this.confirmed = false;
      this.overdueRetries = 0;
      return 'reset';
    }
    this.learnFrom(marker);
    this.lastMarker = marker;
    this.lastQuietPoll = polledAt;
    this.overdueRetries = 0;
    return 'new';
  }

  /** When to poll next, given when this endpoint was last polled. */
  nextPollAt(lastPollAt: number): number {
    const floor = lastPollAt + this.options.minIntervalMs;
    if (this.lastMarker === null) return floor;
    const lag = this.lagMs();
    const { slackMs, minIntervalMs } = this.options;
    const expected = this.lastMarker + this.period + lag + slackMs;
    let next = expected;
    const midpoint = this.lastMarker + this.period / 2 + lag + slackMs;
    if (!this.confirmed && this.lastQuietPoll < midpoint - slackMs && midpoint < expected - minIntervalMs) {
      next = midpoint;
    } else if (this.lastQuietPoll >= expected - slackMs) {
      // Late: retry at the minimum interval a few times, then with doubling gaps up to a period.
      const growth = Math.max(0, this.overdueRetries - FLAT_RETRIES);
      const gap = Math.min(this.period, minIntervalMs * 2 ** growth);
      next = this.lastQuietPoll + gap;
    }
    return Math.max(next, floor);
  }

  private lagMs(): number {
    return Math.max(this.learnedLagMs, this.spreadMs);
  }

  private recordQuiet(polledAt: number): void {
    if (polledAt <= this.lastQuietPoll || this.lastMarker === null) return;
    this.lastQuietPoll = polledAt;
    const expected = this.lastMarker + this.period + this.lagMs();
    if (polledAt >= expected) this.overdueRetries += 1;
    // Quiet past the half-period proves the period is not half (or less) of the estimate.
    if (this.hasSample && polledAt - this.lagMs() - this.lastMarker >= this.period / 2) this.confirmed = true;
  }

  private learnFrom(marker: number): void {
    const previous = this.lastMarker as number;
    const delta = marker - previous;
    // Polls after `marker` that did not see it reveal how long the daemon takes to serve an update.
    if (this.lastQuietPoll > marker) {
      this.learnedLagMs = Math.max(this.lastQuietPoll - marker, this.learnedLagMs * LAG_DECAY);
    } else {
      this.learnedLagMs *= LAG_DECAY;
    }
    this.learnedLagMs = Math.min(this.learnedLagMs, this.period / 3);
    // No update was visible at lastQuietPoll, so the first update after `previous` came later.
    const lowerBound = this.lastQuietPoll - this.lagMs() - previous;
    let k = Math.max(1, Math.round(delta / this.period));
    if (lowerBound > 0) k = Math.min(k, Math.max(1, Math.ceil(delta / lowerBound) - 1));
    const sample = delta / k;
    const consistent = this.hasSample && Math.abs(sample - this.period) <= CONSISTENT_FRACTION * this.period;
    this.period = clamp(
      consistent ? SMOOTHING * this.period + (1 - SMOOTHING) * sample : sample,
      this.options.minPeriodMs,
      this.options.maxPeriodMs,
    );
    this.hasSample = true;
    // A quiet poll past half the period means k = 1 was forced: the sample is the period itself.
    this.confirmed = (consistent && this.confirmed) || lowerBound >= sample / 2;
  }
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

// The unit layer's side of the fault matrix: a fake daemon on 127.0.0.1 sharing a FakeClock with
// the HealthMonitor (faults go on it through ./injection), and a health source that can say
// when the reads a poll started have settled (the poll itself runs over real sockets, so the fake
// clock alone cannot tell).
import { KoraClient } from '../../../src/core/daemon/client';
import type { HttpTimeouts } from '../../../src/core/daemon/http';
import { FakeClock, settle } from '../../support/fakeClock';
import type { HealthSource } from '../../../src/core/health/daemonPoller';
import { HealthMonitor } from '../../../src/core/health/poller';
import { startFakeDaemon, type FakeDaemon } from '../../fake-daemon/server';

/**
 * Short enough to keep the suite fast, long enough for a loaded 2-core machine to answer a healthy
 * request. (undici checks header/body timers on a ~0.5 s tick, so those fire up to a second late.)
 */
export const SHORT_TIMEOUTS: HttpTimeouts = { connectMs: 2_000, headersMs: 500, bodyMs: 500, totalMs: 1_500 };

/** The shortest poll interval the settings allow (`kora.polling.minIntervalSeconds` minimum 5). */
export const MIN_INTERVAL_MS = 5_000;
/** Mid-range jitter: the first retry after one failure is then exactly one min interval. */
export const NO_JITTER = (): number => 0.5;

/** A KoraClient as a HealthSource that counts the reads it started and can wait for them. */
export class TrackedSource implements HealthSource {
  private pending = new Set<Promise<unknown>>();
  started = 0;

  constructor(readonly client: KoraClient) {}

  get config() {
    return this.client.config;
  }

  getSnapshot() {
    return this.track(this.client.getSnapshot());
  }

  getHeartbeatServices() {
    return this.track(this.client.getHeartbeatServices());
  }

  /** Resolves once every read started so far has settled and the poller has published. */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
    await settle();
  }

  private track<T>(read: Promise<T>): Promise<T> {
    this.started += 1;
    this.pending.add(read);
    const forget = () => this.pending.delete(read);
    read.then(forget, forget);
    return read;
  }
}

export interface MonitorHarness {
  daemon: FakeDaemon;
  client: KoraClient;
  source: TrackedSource;
  clock: FakeClock;
  monitor: HealthMonitor;
  close(): Promise<void>;
}

/** A fake daemon and a monitor on one fake clock (the daemon's timestamps follow it too). */
export async function startMonitorHarness(): Promise<MonitorHarness> {
  const clock = new FakeClock(Date.now());
  const daemon = await startFakeDaemon({ now: () => clock.now() });
  const client = new KoraClient({ name: 'faulty', url: daemon.url }, { timeouts: SHORT_TIMEOUTS });
  const source = new TrackedSource(client);
  const monitor = new HealthMonitor([source], { clock, random: NO_JITTER, minIntervalMs: MIN_INTERVAL_MS });
  return {
    daemon,
    client,
    source,
    clock,
    monitor,
    async close() {
      monitor.dispose();
      await client.dispose();
      await daemon.close();
    },
  };
}

/**
 * Advances the fake clock by `ms` and waits for the poll the schedule started in that time.
 * Returns whether a poll ran at all (false: nothing was due).
 */
export async function advanceAndAwaitPoll(harness: MonitorHarness, ms: number): Promise<boolean> {
  const before = harness.source.started;
  await harness.clock.advance(ms);
  await harness.source.idle();
  return harness.source.started > before;
}

// Live snapshots for completion and hovers, from the daemons' pollers (the first daemon whose latest
// snapshot read succeeded wins). When none is at hand, the pollers are asked to read one — at most
// once per TTL, so typing placeholders never sends a request per keystroke and an offline daemon is
// not retried on every hover.
import type { HealthMonitor } from '../../core/health/poller';
import type { LiveSnapshotSource } from './liveSnapshot';

/** How long a read (or a request for one) counts as current. The daemon recomputes every 300 s. */
export const LIVE_SNAPSHOT_TTL_MS = 30_000;

export class PolledSnapshots implements LiveSnapshotSource {
  private askedAt: number | undefined;

  /** `monitor` is asked at each call: it exists once the health feature is active, and is replaced on settings changes. */
  constructor(
    private readonly monitor: () => HealthMonitor | undefined,
    private readonly now: () => number = Date.now,
  ) {}

  latestSnapshot(): ReturnType<LiveSnapshotSource['latestSnapshot']> {
    const monitor = this.monitor();
    for (const health of monitor?.daemons ?? []) {
      const outcome = monitor?.poller(health.daemon.name)?.latest('snapshot');
      if (outcome?.ok && outcome.value.kind === 'snapshot')
        return { daemonName: health.daemon.name, snapshot: outcome.value.snapshot };
    }
    return undefined;
  }

  /** Waits (at most `timeoutMs`) for a read when no current one is at hand, so the first completion can show live values. */
  async ready(timeoutMs: number): Promise<void> {
    const monitor = this.monitor();
    if (!monitor || this.hasCurrent(monitor)) return;
    const now = this.now();
    if (this.askedAt !== undefined && now - this.askedAt < LIVE_SNAPSHOT_TTL_MS) return;
    this.askedAt = now;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
    });
    try {
      await Promise.race([monitor.refresh('manual', undefined, ['snapshot']), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private hasCurrent(monitor: HealthMonitor): boolean {
    const now = this.now();
    return monitor.daemons.some((health) => {
      const outcome = monitor.poller(health.daemon.name)?.latest('snapshot');
      return outcome !== undefined && now - outcome.at < LIVE_SNAPSHOT_TTL_MS;
    });
  }
}

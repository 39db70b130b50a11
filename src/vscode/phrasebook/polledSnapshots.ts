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
    const shown = this.shown(this.monitor());
    return shown && { daemonName: shown.daemonName, snapshot: shown.snapshot };
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

  /**
   * Current means the snapshot a hover would show is young enough; another daemon's fresh read (or
   * failure) does not make an old snapshot current.
   */
  private hasCurrent(monitor: HealthMonitor): boolean {
    const shown = this.shown(monitor);
    return shown !== undefined && this.now() - shown.at < LIVE_SNAPSHOT_TTL_MS;
  }

  /** The first daemon whose latest snapshot read succeeded: the one completion and hovers show. */
  private shown(monitor: HealthMonitor | undefined): { daemonName: string; snapshot: unknown; at: number } | undefined {
    for (const health of monitor?.daemons ?? []) {
      const outcome = monitor?.poller(health.daemon.name)?.latest('snapshot');
      if (outcome?.ok && outcome.value.kind === 'snapshot')
        return { daemonName: health.daemon.name, snapshot: outcome.value.snapshot, at: outcome.at };
    }
    return undefined;
  }
}

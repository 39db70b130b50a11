// Live snapshots for completion and hovers, read on demand from the configured daemons (the first
// that serves one wins) and kept for a short while, so typing placeholders does not send a request
// per keystroke and an offline daemon is not retried on every hover.
import type { Snapshot } from '../../core/daemon/schemas';
import type { RegisteredDaemon } from '../daemons';
import type { Logger } from '../log';
import type { LiveSnapshotSource } from './liveSnapshot';

/** How long a read (or a failure to read) counts as current. The daemon recomputes every 300 s. */
export const LIVE_SNAPSHOT_TTL_MS = 30_000;

interface CachedRead {
  at: number;
  latest: { daemonName: string; snapshot: Snapshot } | undefined;
}

export class DaemonSnapshots implements LiveSnapshotSource {
  private cached: CachedRead | undefined;
  private inFlight: Promise<void> | undefined;

  constructor(
    private readonly daemons: () => readonly RegisteredDaemon[],
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  /** The cached snapshot; starts a background read when it is missing or old. */
  latestSnapshot(): CachedRead['latest'] {
    if (!this.isCurrent()) void this.refresh();
    return this.cached?.latest;
  }

  /** Waits (at most `timeoutMs`) for a current read, so the first completion can already show live values. */
  async ready(timeoutMs: number): Promise<void> {
    if (this.isCurrent()) return;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
    });
    try {
      await Promise.race([this.refresh(), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Forget the cached read (e.g. the daemon list changed). */
  invalidate(): void {
    this.cached = undefined;
  }

  private isCurrent(): boolean {
    return this.cached !== undefined && this.now() - this.cached.at < LIVE_SNAPSHOT_TTL_MS;
  }

  private refresh(): Promise<void> {
    this.inFlight ??= this.read().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  private async read(): Promise<void> {
    for (const daemon of this.daemons()) {
      try {
        const result = await daemon.client.getSnapshot();
        if (result.kind === 'snapshot') {
          this.cached = { at: this.now(), latest: { daemonName: daemon.name, snapshot: result.snapshot } };
          return;
        }
      } catch (error) {
        // Offline or refused: the editor simply shows no live value; the health view reports why.
        this.log.trace(`live snapshot from ${daemon.name} unavailable: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    this.cached = { at: this.now(), latest: undefined };
  }
}

// Which daemons just turned unhealthy and may be announced: the opt-in notification's logic,
// kept here so its rate limit is testable with plain numbers for time.
import { daemonSeverity } from './summary';
import { Severity } from './looks';
import type { DaemonHealth } from './types';

/** At most one announcement per daemon in this window. */
export const UNHEALTHY_NOTIFY_WINDOW_MS = 15 * 60_000;

export class UnhealthyTransitions {
  /** Last seen "is unhealthy" per daemon; absent until the daemon was first read. */
  private readonly wasUnhealthy = new Map<string, boolean>();
  private readonly lastAnnouncedAt = new Map<string, number>();

  constructor(private readonly windowMs = UNHEALTHY_NOTIFY_WINDOW_MS) {}

  /**
   * Records the latest health and returns the daemons that went from healthy-enough to unhealthy
   * since the last call and were not announced within the window. The first reading of a daemon
   * is the baseline: one that is already down when the window opens is not news.
   */
  observe(daemons: readonly DaemonHealth[], now: number): DaemonHealth[] {
    const announce: DaemonHealth[] = [];
    const seen = new Set<string>();
    for (const health of daemons) {
      const key = `${health.daemon.name}\u0000${health.daemon.url}`;
      seen.add(key);
      if (health.state === 'connecting') continue;
      const unhealthy = daemonSeverity(health) >= Severity.error;
      const before = this.wasUnhealthy.get(key);
      this.wasUnhealthy.set(key, unhealthy);
      if (!unhealthy || before !== false) continue;
      const last = this.lastAnnouncedAt.get(key);
      if (last !== undefined && now - last < this.windowMs) continue;
      this.lastAnnouncedAt.set(key, now);
      announce.push(health);
    }
    // Forget daemons that were removed from the settings.
    for (const key of [...this.wasUnhealthy.keys()]) if (!seen.has(key)) this.wasUnhealthy.delete(key);
    return announce;
  }
}

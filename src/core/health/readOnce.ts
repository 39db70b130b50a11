// A single health read of one daemon (the CLI's `status`): all endpoints in parallel, one model.

import { buildHealth } from './model';
import { attempt } from './outcome';
import type { HealthSource } from './daemonPoller';
import type { DaemonHealth } from './types';

export async function readHealthOnce(source: HealthSource, now: () => number = Date.now): Promise<DaemonHealth> {
  const [snapshot, heartbeat, mcpStatus] = await Promise.all([
    attempt(() => source.getSnapshot(), now),
    attempt(() => source.getHeartbeatServices(), now),
    source.getDaemonStatusViaMcp ? attempt(() => source.getDaemonStatusViaMcp!(), now) : undefined,
  ]);
  const lastSuccessAt = snapshot.ok || heartbeat.ok ? now() : null;
  return buildHealth({ daemon: source.config, snapshot, heartbeat, mcpStatus, lastSuccessAt }, now());
}

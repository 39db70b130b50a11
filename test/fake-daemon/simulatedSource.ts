// An in-memory daemon for the poller's unit tests and the health benchmark: the same scenario data
// as the HTTP fake, on an injected clock, with per-endpoint request counters. Responses go through
// the real client's parsers so the poller sees exactly what KoraClient would return.

import { DaemonError } from '../../src/core/daemon/errors';
import {
  heartbeatSchema,
  parseSnapshotBody,
  parseWith,
  type HeartbeatResponse,
  type SnapshotResult,
} from '../../src/core/daemon/schemas';
import type { HealthSource } from '../../src/core/health/poller';
import {
  heartbeatBody,
  latestTick,
  mergePatch,
  scenarioServices,
  snapshotBody,
  type ScenarioName,
  type Timeline,
} from './scenarios';

export interface SimulatedDaemonOptions {
  name?: string;
  now: () => number;
  scenario?: ScenarioName;
  snapshotIntervalMs?: number;
  probeIntervalMs?: number;
  /** Phase offsets: the first snapshot/probe cycle happened this long before `now()` at creation. */
  snapshotAgeMs?: number;
  probeAgeMs?: number;
}

const DEFAULT_INTERVAL_MS = 300_000;
const UPTIME_MS = 14_700_000;

export class SimulatedDaemon implements HealthSource {
  readonly config: { name: string; url: string };
  readonly timeline: Timeline;
  scenario: ScenarioName;
  /** When set, every request fails like a refused connection. */
  offline = false;
  snapshotPatch: unknown = {};
  readonly requests = { snapshot: 0, heartbeat: 0, liveness: 0 };
  /** Bumped by restart(), like the session token on the cockpit page. */
  private instance = 0;

  constructor(private readonly options: SimulatedDaemonOptions) {
    this.config = { name: options.name ?? 'sim', url: 'http://127.0.0.1:9119' };
    this.scenario = options.scenario ?? 'healthy';
    const start = Math.floor(options.now() / 1000) * 1000;
    this.timeline = {
      bootAt: start - UPTIME_MS,
      snapshotEpoch: start - (options.snapshotAgeMs ?? 42_000),
      snapshotIntervalMs: options.snapshotIntervalMs ?? DEFAULT_INTERVAL_MS,
      probeEpoch: start - (options.probeAgeMs ?? 100_000),
      probeIntervalMs: options.probeIntervalMs ?? DEFAULT_INTERVAL_MS,
      probeStepMs: 1_000,
    };
  }

  async getSnapshot(): Promise<SnapshotResult> {
    this.requests.snapshot += 1;
    this.failIfOffline('/api/snapshot');
    const now = this.options.now();
    const body =
      this.scenario === 'stale'
        ? { error: 'no_snapshot', stale: true }
        : mergePatch(
            snapshotBody(this.scenario, scenarioServices(this.scenario), this.timeline, now),
            this.snapshotPatch,
          );
    return parseSnapshotBody(body, '/api/snapshot');
  }

  async getHeartbeatServices(): Promise<HeartbeatResponse> {
    this.requests.heartbeat += 1;
    this.failIfOffline('/api/heartbeat/services');
    const body = heartbeatBody(
      scenarioServices(this.scenario),
      this.scenario === 'warming',
      this.timeline,
      this.options.now(),
    );
    return parseWith(heartbeatSchema, body, '/api/heartbeat/services');
  }

  /** The cockpit page: answers while online and tells restarts apart. */
  async checkLiveness(): Promise<{ instance: number }> {
    this.requests.liveness += 1;
    this.failIfOffline('/');
    return { instance: this.instance };
  }

  daemonInstance(): number {
    return this.instance;
  }

  /** Like a daemon restart: a new session token on the cockpit page, uptime from zero. */
  restart(): void {
    this.instance += 1;
    this.timeline.bootAt = this.options.now();
  }

  /** When the snapshot (or probe cycle) most recently updated, as of `now`. */
  lastSnapshotUpdate(now: number): number {
    return latestTick(this.timeline.snapshotEpoch, this.timeline.snapshotIntervalMs, now);
  }

  lastProbeCycle(now: number): number {
    return latestTick(this.timeline.probeEpoch, this.timeline.probeIntervalMs, now);
  }

  private failIfOffline(path: string): void {
    if (this.offline || this.scenario === 'offline')
      throw new DaemonError({ kind: 'offline', detail: 'connection refused', path });
  }
}

// What one daemon poller reads, as a table of streams, and why it reads it. Every consumer of daemon
// data (tree, status bar, hover, completion, Test Message, the write flows) reads a stream's latest
// value from the poller or asks the poller to refresh it, with a reason; nothing else fetches.

import type {
  HeartbeatResponse,
  McpDaemonStatus,
  PhrasebookBackupsResponse,
  PhrasebookResponse,
  SnapshotResult,
} from '../daemon/schemas';
import type { Outcome } from './model';
import type { DaemonRef } from './types';

/** What the cheapest request learned: `instance` changes when the daemon restarted (undefined: cannot tell). */
interface Liveness {
  instance?: number;
}

/** What the poller needs from a daemon. `KoraClient` satisfies it; tests pass in-memory fakes. */
export interface HealthSource {
  readonly config: DaemonRef;
  getSnapshot(): Promise<SnapshotResult>;
  getHeartbeatServices(): Promise<HeartbeatResponse>;
  /** Resolves undefined when no MCP token is configured. */
  getDaemonStatusViaMcp?(): Promise<McpDaemonStatus | undefined>;
  getPhrasebook?(): Promise<PhrasebookResponse>;
  getPhrasebookBackups?(): Promise<PhrasebookBackupsResponse>;
  /** The cheapest request the daemon answers (its cockpit page); throws when it cannot be reached. */
  checkLiveness?(): Promise<Liveness>;
  /** The daemon process last seen by any read (changes on a restart), when the source can tell. */
  daemonInstance?(): number;
}

export interface StreamValues {
  snapshot: SnapshotResult;
  heartbeat: HeartbeatResponse;
  mcp: McpDaemonStatus | undefined;
  phrasebook: PhrasebookResponse;
  backups: PhrasebookBackupsResponse;
  liveness: Liveness;
}

export type Stream = keyof StreamValues;

/** Snapshot and heartbeat follow the daemon's learned cadence; MCP status rides with the snapshot. */
export const CONTENT_STREAMS: readonly Stream[] = ['snapshot', 'heartbeat', 'mcp'];
/** Read when first needed, on manual refresh, after writes and after a restart or recovery. */
export const PHRASEBOOK_STREAMS: readonly Stream[] = ['phrasebook', 'backups'];
/** Everything a manual refresh covers (liveness is implied by any answer). */
export const ALL_STREAMS: readonly Stream[] = [...CONTENT_STREAMS, ...PHRASEBOOK_STREAMS];

/**
 * Why a stream is read: its schedule (`interval`), the window regaining focus, the operator
 * (`manual`), a settings or token change (`config`), a write to the daemon (`write`), or the
 * liveness check seeing the daemon go away, come back or restart (`liveness`).
 */
export type RefreshReason = 'interval' | 'focus' | 'manual' | 'config' | 'write' | 'liveness';

export type StreamOutcome<S extends Stream> = Outcome<StreamValues[S]>;

/** What the Phrasebook section of a daemon shows, from the phrasebook and backups streams. */
export interface PhrasebookReading {
  live?: Pick<PhrasebookResponse, 'source' | 'source_path' | 'override_candidate_path'> & { entryCount: number };
  backups?: PhrasebookBackupsResponse;
  /** Why the last read failed (shown with, or instead of, the data). */
  error?: string;
  loading: boolean;
}

/** The section's data from the two latest outcomes: the last good values, and the latest failure. */
export function phrasebookReading(
  phrasebook: StreamOutcome<'phrasebook'> | undefined,
  backups: StreamOutcome<'backups'> | undefined,
  lastGood: PhrasebookReading,
): PhrasebookReading {
  if (!phrasebook && !backups) return { loading: true };
  const reading: PhrasebookReading = { ...lastGood, loading: false };
  delete reading.error;
  if (phrasebook?.ok) {
    const live = phrasebook.value;
    reading.live = {
      source: live.source,
      source_path: live.source_path,
      override_candidate_path: live.override_candidate_path,
      entryCount: live.entries.length,
    };
  }
  if (backups?.ok) reading.backups = backups.value;
  const failure = [phrasebook, backups].find((outcome) => outcome && !outcome.ok);
  if (failure && !failure.ok) reading.error = failure.error.message;
  return reading;
}

export interface Marker {
  /** When the update began (epoch ms, daemon clock). */
  at: number;
  /** How long after `at` the update is complete (heartbeat probes run one after another). */
  spreadMs: number;
}

export function snapshotMarker(result: SnapshotResult): Marker | undefined {
  if (result.kind !== 'snapshot') return undefined;
  const at = Date.parse(result.snapshot.computed_at);
  return Number.isFinite(at) ? { at, spreadMs: 0 } : undefined;
}

export function heartbeatMarker(response: HeartbeatResponse): Marker | undefined {
  const checks = response.services.map((service) => Date.parse(service.last_check_at ?? '')).filter(Number.isFinite);
  if (checks.length === 0) return undefined;
  const first = Math.min(...checks);
  return { at: first, spreadMs: Math.max(...checks) - first };
}

// The value a placeholder would render right now, from the connected daemon's latest snapshot, for
// completion details and hovers. Everything daemon-specific sits behind `LiveSnapshotSource`, so
// the features work unchanged (without a live value) when no daemon is connected.
import { renderReply, PLACEHOLDER_PREFIX, type FallThroughReason } from '../../core/phrasebook';

export interface LiveSnapshotSource {
  /** The latest snapshot of a connected daemon, or undefined when there is none. */
  latestSnapshot(): { daemonName: string; snapshot: unknown } | undefined;
  /** Resolves when a current snapshot is at hand, or after `timeoutMs` at the latest. */
  ready(timeoutMs: number): Promise<void>;
}

/** How long completion and hover wait for a snapshot read before answering without live values. */
const LIVE_VALUE_WAIT_MS = 400;

export type LiveValue =
  /** What the daemon would put in the reply (Python's `str()` of the value). */
  | { daemonName: string; rendered: string }
  /** The reply would fall through to the reasoning engine. */
  | { daemonName: string; fallsThrough: FallThroughReason };

const FALL_THROUGH_TEXT: Partial<Record<FallThroughReason, string>> = {
  'missing-value': 'not in the snapshot',
  'null-value': 'null',
  'unknown-value': '"unknown"',
};

export class LiveSnapshot {
  constructor(private readonly source: LiveSnapshotSource | undefined) {}

  /** Gives a pending snapshot read a moment, so even the first completion can show live values. */
  async ready(): Promise<void> {
    await this.source?.ready(LIVE_VALUE_WAIT_MS);
  }

  /** The live value of a placeholder path, rendered exactly as the daemon's renderer would. */
  liveSnapshotValue(path: string): LiveValue | undefined {
    const latest = this.source?.latestSnapshot();
    if (!latest) return undefined;
    // The daemon's own rendering of a one-placeholder template: same lookup, same fall-throughs.
    const rendered = renderReply(`${PLACEHOLDER_PREFIX}${path}}`, latest.snapshot);
    if (rendered.reply !== null) return { daemonName: latest.daemonName, rendered: rendered.reply };
    if (rendered.reason === undefined || rendered.reason === 'no-snapshot') return undefined;
    return { daemonName: latest.daemonName, fallsThrough: rendered.reason };
  }
}

/** One line for a completion detail or hover: `live (local): 78.12` or `live (local): null → falls through`. */
export function describeLiveValue(live: LiveValue): string {
  if ('rendered' in live) return `live (${live.daemonName}): ${live.rendered}`;
  const what = FALL_THROUGH_TEXT[live.fallsThrough] ?? live.fallsThrough;
  return `live (${live.daemonName}): ${what} → the reply falls through`;
}

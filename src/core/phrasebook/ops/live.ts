// The live phrasebook as the operations see it: the daemon's answer plus what every operation
// derives from it (the entries in write shape, their canonical hash, the YAML in write format).

import { LIVE_SOURCE, type PhrasebookEntryWrite, type PhrasebookResponse } from '../../daemon/schemas';
import { canonicalEntriesHash, toDaemonYaml } from './format';
import type { LiveFingerprint } from './reconcile';
import type { PhrasebookOpsClient } from './client';
import { safeLine } from '../../text/sanitize';

export interface LiveState {
  response: PhrasebookResponse;
  /** The entries with exactly the four written fields, in order. */
  entries: PhrasebookEntryWrite[];
  /** `sha256:<hex>` of the canonical entries (what `--if-match` and bases compare). */
  hash: string;
  /** The daemon's write format (what a backup of this state holds, byte for byte when the daemon wrote it). */
  yaml: string;
}

/** Keeps only the fields the daemon writes, in its key order (extra keys are dropped on write). */
export function toWriteEntries(entries: readonly PhrasebookEntryWrite[]): PhrasebookEntryWrite[] {
  return entries.map(({ pattern, category, description, reply_template }) => ({
    pattern,
    category,
    description,
    reply_template,
  }));
}

export function liveStateOf(response: PhrasebookResponse): LiveState {
  const entries = toWriteEntries(response.entries);
  return { response, entries, hash: canonicalEntriesHash(entries), yaml: toDaemonYaml(entries) };
}

/** Reads live; throws the client's DaemonError when it cannot. */
export async function readLive(client: Pick<PhrasebookOpsClient, 'getPhrasebook'>): Promise<LiveState> {
  return liveStateOf(await client.getPhrasebook());
}

/** Like readLive, but undefined instead of an error (used after a failed write). */
export async function tryReadLive(client: Pick<PhrasebookOpsClient, 'getPhrasebook'>): Promise<LiveState | undefined> {
  try {
    return await readLive(client);
  } catch {
    return undefined;
  }
}

export function fingerprintOf(live: LiveState): LiveFingerprint {
  return { entriesHash: live.hash, entryCount: live.entries.length, source: live.response.source };
}

export function describeSource(response: PhrasebookResponse): string {
  // Daemon text, shown on one line (also inside the live document's comment header).
  if (response.source === LIVE_SOURCE.override) return `override (${safeLine(response.source_path)})`;
  if (response.source === LIVE_SOURCE.bundledDefault) return 'bundled default (no override file on the daemon)';
  return `${safeLine(response.source)} (${safeLine(response.source_path)})`;
}

/**
 * The read-only live document: a comment header saying where the content comes from, then the
 * daemon's write format. Comments keep it valid phrasebook YAML, so the language features apply.
 */
export function renderLiveDocument(live: LiveState, daemonName: string, fetchedAt: Date): string {
  const header = [
    `# Live phrasebook of daemon "${daemonName}" — read-only, fetched ${fetchedAt.toISOString()}`,
    `# Source: ${describeSource(live.response)}`,
    ...(live.response.source === LIVE_SOURCE.override &&
    live.response.override_candidate_path &&
    live.response.override_candidate_path !== live.response.source_path
      ? [`# Override path: ${live.response.override_candidate_path}`]
      : []),
    ...(live.response.source === LIVE_SOURCE.bundledDefault && live.response.override_candidate_path
      ? [`# A push creates the override at ${live.response.override_candidate_path}`]
      : []),
    `# ${live.entries.length} ${live.entries.length === 1 ? 'entry' : 'entries'} · live-hash: ${live.hash}`,
    '# To edit: "Kora: Pull Live Phrasebook into File…", then "Kora: Push Phrasebook to Daemon".',
  ];
  return `${header.join('\n')}\n${live.yaml}`;
}

// Push: replace the daemon's phrasebook with a file's entries, safely. Order of the gates:
// local validation (nothing is sent while a daemon rule fails) → read live → conflict with the
// file's base → confirmation (with the change summary) → read live AGAIN, refusing if it changed
// while the operator looked at the preview → PUT → interpret the answer, reconciling any answer we
// did not get by reading live again → read live once more to see whether someone else's write
// landed right after ours. The daemon has no conditional PUT (no If-Match), so the re-reads narrow
// the race window but cannot close it; a write landing between the last re-read and our PUT is
// replaced by ours (the daemon backs it up first). The file itself is never touched here.

import type { DaemonError } from '../../daemon/errors';
import type { NormalizedValidation } from '../../daemon/validationBody';
import { LIVE_SOURCE, type PhrasebookEntryWrite, type PhrasebookPutResponse } from '../../daemon/schemas';
import type { PhrasebookOpsClient } from './client';
import { summarizeEntryChanges, type EntryChangeSummary } from './changes';
import { canonicalEntriesHash, validateEntries, type ValidationError } from './format';
import { fingerprintOf, liveStateOf, readLive, toWriteEntries, tryReadLive, type LiveState } from './live';
import { reconcileWrite, type Reconciliation, type WriteFailureCause } from './reconcile';
import { failureCauseOf, type WriteFailureResult } from './writeFailure';

export interface PushInput {
  /** The `entries` value of the file as parsed (any JSON values; validated here first). */
  payload: unknown;
  /** Hash of the live entries this file was based on (pull or last push); undefined when unknown. */
  baseHash?: string;
}

export interface PushConflict {
  baseHash: string;
  live: LiveState;
}

export interface PushPlan {
  live: LiveState;
  entries: PhrasebookEntryWrite[];
  localHash: string;
  changes: EntryChangeSummary;
  /** The file has no known base for this daemon, so no conflict check was possible. */
  baseUnknown: boolean;
}

export type PushStep = 'validating' | 'reading_live' | 'rechecking_live' | 'writing' | 'verifying' | 'reconciling';

export interface PushHooks {
  /** Live changed since the file's base. Resolve true to go on anyway (after showing the diff). */
  onConflict(conflict: PushConflict): Promise<boolean>;
  /** Last gate before the PUT: show the diff and ask. */
  confirm(plan: PushPlan): Promise<boolean>;
  onStep?(step: PushStep): void;
}

export type PushOutcome =
  /** A daemon rule fails locally; nothing was sent. */
  | { kind: 'refused_locally'; errors: ValidationError[] }
  /** Live could not be read, so nothing was written. */
  | { kind: 'live_unreadable'; error: DaemonError }
  /** Live changed since the base and the operator (or `--if-match`) stopped; nothing sent. */
  | { kind: 'conflict'; conflict: PushConflict }
  | { kind: 'cancelled'; plan: PushPlan }
  /** Live changed between the preview and the write (someone else wrote); nothing sent. */
  | { kind: 'changed_since_preview'; plan: PushPlan; live: LiveState }
  /**
   * Written. `after` comes from reading live right after the write: `overwritten` when it no
   * longer holds what we wrote (someone else's write landed), `unverified` when it was unreadable.
   */
  | {
      kind: 'accepted';
      plan: PushPlan;
      response: PhrasebookPutResponse;
      live: LiveState;
      after: 'verified' | 'overwritten' | 'unverified';
      liveAfter?: LiveState;
    }
  /** HTTP 422 in either shape; the override is untouched. */
  | { kind: 'rejected'; plan: PushPlan; validation: NormalizedValidation }
  | { kind: 'unauthorized'; plan: PushPlan; error: DaemonError }
  /** 500, timeout or reset: reconciled by reading live again. */
  | {
      kind: 'interrupted';
      plan: PushPlan;
      cause: WriteFailureCause;
      failure: string;
      reconciliation: Reconciliation;
      liveAfter: LiveState | undefined;
    };

/** NO_CONDITIONAL_PUT, said wherever a race is reported: what the tool can and cannot promise. */
export const NO_CONDITIONAL_PUT =
  'The daemon has no conditional write, so pushes are checked by re-reading live just before and just after the write.';

/** The warning for an accepted push whose verification read did not show our write; undefined when it did. */
export function describeAfterWrite(
  daemonLabel: string,
  outcome: Extract<PushOutcome, { kind: 'accepted' }>,
): string | undefined {
  if (outcome.after === 'verified') return undefined;
  if (outcome.after === 'unverified')
    return `The push to ${daemonLabel} was accepted, but live could not be read again to verify it. ${NO_CONDITIONAL_PUT}`;
  const now = outcome.liveAfter ? ` (now ${outcome.liveAfter.entries.length} entries)` : '';
  return `Someone else's write landed on ${daemonLabel} right after this push: live no longer holds what was pushed${now}. ${NO_CONDITIONAL_PUT} Pull to see the current content.`;
}

/** True when the outcome guarantees that the daemon was not asked to write. */
export function nothingWasSent(outcome: PushOutcome): boolean {
  return ['refused_locally', 'live_unreadable', 'conflict', 'cancelled', 'changed_since_preview'].includes(
    outcome.kind,
  );
}

export async function pushPhrasebook(
  client: PhrasebookOpsClient,
  input: PushInput,
  hooks: PushHooks,
): Promise<PushOutcome> {
  hooks.onStep?.('validating');
  const errors = validateEntries(input.payload);
  if (errors.length > 0) return { kind: 'refused_locally', errors };
  // Validation guarantees a list of objects with the four string fields.
  const entries = toWriteEntries(input.payload as PhrasebookEntryWrite[]);
  const localHash = canonicalEntriesHash(entries);

  hooks.onStep?.('reading_live');
  const live = await readLiveOrUnreadable(client);
  if ('kind' in live) return live;

  if (input.baseHash !== undefined && input.baseHash !== live.hash) {
    const conflict: PushConflict = { baseHash: input.baseHash, live };
    if (!(await hooks.onConflict(conflict))) return { kind: 'conflict', conflict };
  }

  const plan: PushPlan = {
    live,
    entries,
    localHash,
    changes: summarizeEntryChanges(live.entries, entries),
    baseUnknown: input.baseHash === undefined,
  };
  if (!(await hooks.confirm(plan))) return { kind: 'cancelled', plan };

  // The operator may have looked at the preview for minutes: what they approved must still be live.
  hooks.onStep?.('rechecking_live');
  const recheck = await readLiveOrUnreadable(client);
  if ('kind' in recheck) return recheck;
  if (recheck.hash !== live.hash) return { kind: 'changed_since_preview', plan, live: recheck };
  hooks.onStep?.('writing');
  const result = await client.putPhrasebook(entries);
  switch (result.kind) {
    case 'ok': {
      const written = liveStateOf({
        ...live.response,
        source: LIVE_SOURCE.override,
        source_path: result.body.source_path,
        entries: result.body.entries,
      });
      hooks.onStep?.('verifying');
      const liveAfter = await tryReadLive(client);
      const after = !liveAfter ? 'unverified' : liveAfter.hash === written.hash ? 'verified' : 'overwritten';
      // `live` stays what we wrote (the file's new base); `liveAfter` is what is live now.
      return { kind: 'accepted', plan, response: result.body, live: written, after, liveAfter };
    }
    case 'validation':
      return { kind: 'rejected', plan, validation: result };
    case 'unauthorized':
      return { kind: 'unauthorized', plan, error: result.error };
    default:
      return reconcilePush(client, plan, result, hooks);
  }
}

/** Live, or the outcome that says it could not be read (so nothing is written). */
async function readLiveOrUnreadable(
  client: PhrasebookOpsClient,
): Promise<LiveState | Extract<PushOutcome, { kind: 'live_unreadable' }>> {
  try {
    return await readLive(client);
  } catch (error) {
    return { kind: 'live_unreadable', error: error as DaemonError };
  }
}

async function reconcilePush(
  client: PhrasebookOpsClient,
  plan: PushPlan,
  failure: WriteFailureResult,
  hooks: PushHooks,
): Promise<PushOutcome> {
  hooks.onStep?.('reconciling');
  const { cause, detail } = failureCauseOf(failure);
  const liveAfter = await tryReadLive(client);
  const reconciliation = reconcileWrite(
    cause,
    fingerprintOf(plan.live),
    { entriesHash: plan.localHash, source: LIVE_SOURCE.override },
    liveAfter && fingerprintOf(liveAfter),
  );
  return { kind: 'interrupted', plan, cause, failure: detail, reconciliation, liveAfter };
}
